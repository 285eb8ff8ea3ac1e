"""Session 11, try-out 12 and a helper's findings (crisis15): replies around danger that missed.

1. Half a joke is no take-back: a young gamer wrote he wants to die, then 「ネタだけど。半分くらい」;
   half is taken seriously (the direct question; text lines first when he cannot phone), while a
   full take-back (「冗談です、ごめん」) keeps the warm line of today.
2. A 17-year-old whose father throws things, afraid a call would make it worse (「わたし高2で17だけど警察
   とかよんだら親にバレるしもっとやばくなる」), gets what a children's line does first and the children's
   block (189, 110 if in danger now), not the DV signs; the 受付票 says 本人, a child hurt at home;
   「電話は声きこえるから無理」 then gets the lines to write to.
3. Wanting an ambulance without a voice (「救急車よびたいけど電話できない」) gets the text ways (Net119).
4. 「生きてても意味ないしｗ」 is read as danger whatever the ｗ (and in kana: 「いきてても意味ないしｗ」),
   with メンタルヘルス on the 受付票.
5. A grown-up hit by a father (「昔から父に殴られてて、今も殴られます」) gets the lines for violence at
   home and 110, not the children's block (189): that needs a child writing (an age, school, 「おやに」).
6. A grandmother shouted at (「兄がおばあちゃんを怒鳴って、年金を取り上げてる」, お・ばあ・ちゃん cut in three
   by the analyzer) gets 地域包括支援センター (高齢者虐待), as 祖母 does, and the pension taken is named.
7. A story's plot about a count of tablets (「ミステリー小説で犯人が睡眠薬を何錠飲ませたか考えてる」,
   also typed in pieces: 「推理ドラマで」「毒を何錠」「飲ませたか考えてる」) is no crisis; 「睡眠薬を20錠
   飲んだ」 and one's own after a game (「ゲームしてた」「眠剤ぜんぶいった」) still are.
8. A parent who told of shouting and things thrown at home, then 「子どもがこわがってる」: the child exposed
   is heard (the lines for children and families, 189 not the police), noted as 配慮 and a reason.

Each test types the person's words, with variants of our own.
"""

from __future__ import annotations

import pytest

from dialogs.effects import RaiseUrgency
from tests.dialogs.chat import intake_answers, said, started

DIRECT_QUESTION = "率直にお聞きします"
CHAT_LINE = "あなたのいばしょ"

# ---------------------------------------------------------------- 1. half a joke

HALF_MEANT = (
    ("…リスポーンできないならもう死にたいわ", "いやまあネタだけど。半分くらい。電話とか無理だし"),
    ("もう死にたい", "ちょっとは本気かも"),
    ("しにたい", "ネタ半分やけどな"),
    ("死にたいって思う", "冗談だけど…"),
)


@pytest.mark.parametrize(("wish", "half"), HALF_MEANT)
def test_half_a_joke_stays_with_the_wish_and_asks_directly(wish: str, half: str) -> None:
    chat = started(wish)
    before = len(chat.effects)
    chat.send(half)
    reply = said(chat)
    assert "半分でも" in reply and DIRECT_QUESTION in reply and CHAT_LINE in reply
    assert "そういう気持ちがある" in chat.labels
    raised = [effect for effect in chat.effects[before:] if isinstance(effect, RaiseUrgency)]
    assert raised and raised[-1].level == "crisis"


def test_half_a_joke_who_cannot_phone_gets_only_the_text_lines() -> None:
    chat = started(*HALF_MEANT[0])
    reply = said(chat)
    assert CHAT_LINE in reply and "0120-279-338" not in reply and "0570-783-556" not in reply


@pytest.mark.parametrize("taken_back", ("冗談です、ごめん", "じょうだんだよ"))
def test_a_full_take_back_keeps_the_warm_line(taken_back: str) -> None:
    chat = started("もう死にたいわ", taken_back)
    reply = said(chat)
    assert "半分でも" not in reply and DIRECT_QUESTION not in reply
    assert "しんどいときは、いつでもここに書いてください" in reply


# ---------------------------------------------------------------- 3. an ambulance without a voice

AMBULANCE_WITHOUT_VOICE = (
    "救急車よびたいけど電話できない",
    "耳がきこえなくて救急車よべない",
    "きゅうきゅうしゃ呼びたいけど声がでない",
    "救急車を呼べません。耳が聞こえないので",
)


@pytest.mark.parametrize("words", AMBULANCE_WITHOUT_VOICE)
def test_an_ambulance_without_a_voice_gets_the_text_ways(words: str) -> None:
    reply = said(started(words))
    assert "Net119" in reply and "110番アプリシステム" in reply and "うまく受け取れなかった" not in reply


# ---------------------------------------------------------------- 5. a grown-up hit by a parent

GROWN_UP_HIT = (
    "昔から父に殴られてて、今も殴られます",
    "父親に殴られる",
    "母に毎日叩かれています。35歳です",
)


@pytest.mark.parametrize("words", GROWN_UP_HIT)
def test_a_grown_up_hit_by_a_parent_gets_the_lines_for_violence_at_home(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    # Session 12 (teen): with no age told, the grown-up's reply names the children's lines only for an
    # under-18 (「18歳未満のときは…」); with an age of 18 or more, not at all.
    grown_up_words = reply.split("18歳未満のときは")[0]
    assert "189" not in grown_up_words and "子供SOS" not in grown_up_words and "110" in reply
    if "歳" in words:
        assert "189" not in reply and "子供SOS" not in reply
    assert "家族から暴力を受けている" in reply and "パートナー" not in reply
    reasons = chat.data["urgency"]["reasons"]
    assert any("家族（親など）" in reason for reason in reasons)
    assert not any("パートナー" in reason and "ではない" not in reason for reason in reasons)
    assert not any("子どもへの" in reason for reason in reasons)
    assert "childcare_education" not in intake_answers(chat)["concerns"]["choices"]


@pytest.mark.parametrize(
    "words", ("おやになぐられる", "お父さんに殴られる。部活も行けない", "中2です。父に殴られます")
)
def test_a_child_hit_by_a_parent_keeps_the_childrens_lines(words: str) -> None:
    reply = said(started(words))
    assert "189" in reply


# ---------------------------------------------------------------- 6. a grandparent shouted at

GRANDPARENT_HURT = (
    "兄がおばあちゃんを怒鳴って、年金を取り上げてる",
    "弟がばあちゃんを殴ってる",
    "兄がじいちゃんを怒鳴る",
    "兄貴がおじいちゃんを叩いた",
)


@pytest.mark.parametrize("words", GRANDPARENT_HURT)
def test_a_grandparent_shouted_at_gets_the_elder_window(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "地域包括支援センター" in reply and "高齢者虐待" in reply and "110" in reply
    assert "あなたのことを心配しています" not in reply
    assert ("経済的虐待" in reply) == ("年金" in words)


# ---------------------------------------------------------------- 7. a story's plot about pills

OVERDOSE_REPLY = "薬をたくさん飲んだと受け取りました"
STORY_OF_PILLS = (
    "ミステリー小説で犯人が睡眠薬を何錠飲ませたか考えてる",
    "推理ドラマで毒を何錠…",
    "推理小説で、犯人が毒を何錠のませたかって考えてた",
)


@pytest.mark.parametrize("words", STORY_OF_PILLS)
def test_a_storys_count_of_tablets_is_no_crisis(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "あなたのことを心配しています" not in reply and "119" not in reply
    assert not any(isinstance(effect, RaiseUrgency) for effect in chat.effects)


PLOT_IN_PIECES = (
    ("推理ドラマで", "毒を何錠", "飲ませたか考えてる"),
    ("推理小説で", "睡眠薬を何錠", "のませたのか考え中"),
)


@pytest.mark.parametrize("pieces", PLOT_IN_PIECES)
def test_the_plot_typed_in_pieces_is_not_read_as_pills_taken(pieces: tuple[str, ...]) -> None:
    reply = said(started(*pieces))
    assert OVERDOSE_REPLY not in reply and "119" not in reply


@pytest.mark.parametrize("words", (("睡眠薬を20錠飲んだ",), ("ゲームしてた", "眠剤ぜんぶいった")))
def test_pills_of_ones_own_are_still_taken(words: tuple[str, ...]) -> None:
    assert "119" in said(started(*words))


# ---------------------------------------------------------------- 2. a 17-year-old afraid to call

THROWN = ("父がまた物投げてきた。こわい", "家で物投げられる。こわい", "お父さんが物なげてくる")
SHE_IS_A_CHILD = (
    "わたし高2で17だけど警察とかよんだら親にバレるしもっとやばくなる",
    "うち中3だけど、通報したら親にばれてもっとひどくなる",
    "私16歳です。警察よんだら親にバレる",
)


@pytest.mark.parametrize(
    ("thrown", "child"),
    [(thrown, SHE_IS_A_CHILD[0]) for thrown in THROWN] + [(THROWN[0], child) for child in SHE_IS_A_CHILD[1:]],
)
def test_a_child_afraid_to_call_gets_the_childrens_lines(thrown: str, child: str) -> None:
    chat = started(thrown, child)
    reply = said(chat)
    assert "189" in reply and "0120-0-78310" in reply and "110" in reply
    assert "まずあなたの話を聞く" in reply and "警察ではありません" in reply
    assert "パートナー" not in reply and "DV相談" not in reply
    reasons = chat.data["urgency"]["reasons"]
    assert any("18歳未満の本人" in reason for reason in reasons)
    assert not any(reason.startswith("パートナー") for reason in reasons)
    answers = intake_answers(chat)
    assert answers["asker"]["choice"] == "self" and answers["age_band"]["choice"] == "under_18"


@pytest.mark.parametrize("no_phone", ("電話は声きこえるから無理", "でんわむり。声きかれる"))
def test_then_no_phone_gets_the_lines_to_write_to(no_phone: str) -> None:
    chat = started(THROWN[0], SHE_IS_A_CHILD[0], no_phone)
    reply = said(chat)
    assert CHAT_LINE in reply and "このLINE" in reply and "189（" not in reply
    assert "どんなことから始めましょうか" not in reply


# ---------------------------------------------------------------- 8. a child afraid at home

CHILD_AFRAID = (
    ("息子が怒鳴って物を投げます", "子どもがこわがってる"),
    ("夫が怒鳴って物を投げてくる", "子どもがこわがってる"),
    ("息子が暴れて物を投げます", "娘が怖がって泣いてる"),
    ("夫に毎晩怒鳴られて、物も投げられます", "子供たちがおびえてます"),
)


@pytest.mark.parametrize(("violence", "afraid"), CHILD_AFRAID)
def test_a_child_afraid_at_home_is_heard_and_noted(violence: str, afraid: str) -> None:
    chat = started(violence, afraid)
    reply = said(chat)
    assert "お子さんも、こわい思い" in reply and "189" in reply and "警察ではありません" in reply
    assert "子ども家庭支援センター" in reply and "110" in reply
    assert "お子さんが家の中の暴言・暴力をこわがっている" in str(intake_answers(chat)["considerations"])
    assert any("同居の子ども" in reason for reason in chat.data["urgency"]["reasons"])


def test_a_child_afraid_is_heard_once() -> None:
    chat = started(*CHILD_AFRAID[0])
    chat.send("子どもがまだこわがってる")
    assert "お子さんも、こわい思い" not in said(chat)


# ---------------------------------------------------------------- 4. a laugh mark is no joke

NO_POINT_LAUGHING = (
    "生きてても意味ないしｗ",
    "いきてても意味ないしｗ",
    "生きてる意味ないわｗｗｗ",
    "いきてても いみないし笑",
)


@pytest.mark.parametrize("words", NO_POINT_LAUGHING)
def test_no_point_in_living_with_a_laugh_mark_is_read_as_danger(words: str) -> None:
    chat = started("ゲームばっかしてる", words)
    reply = said(chat)
    assert (
        "あなたのことを心配しています" in reply
        or "率直にお聞きします" in reply
        or "いま、そういう気持ち" in reply
    )
    assert chat.data["urgency"]["level"] == "crisis"
    assert "mental_health" in intake_answers(chat)["concerns"]["choices"]
