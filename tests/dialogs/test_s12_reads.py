"""Session 12, try-out 14 (p10, p3, p9): misreadings that changed what a person was told.

1. p10: after 「まじでしにてえなあｗ」 and 「うそうそ」, 「いや、うそじゃないかも　わからん」 got
   「疲れがたまっている」 and the menu. Taking back the take-back is the crisis path again: the direct
   question and a line to reach now, in a short form since the long block was just shown; never the menu.
2. p10: 「毎朝スーツで出て公園いる」 (a lost job hidden from his wife) was read as nowhere to sleep tonight.
   It is a lost job hidden from the family: heard warmly, work on the 受付票, no bed-tonight urgency.
3. p10: 「のみすぎた　ストロング5本目」 (strong chu-hi) was read as an overdose of medicine. Drinking is no
   overdose: no 119 for it; after a wish to die it is mentioned gently as something that makes the
   night heavier.
4. p3: a grandmother whose grown daughter left (「娘が家を出てしまいまして、行方がわかりません」) got the
   missing-person 110 reply; when she then says 「急ぎではないんです。もう半年になります」 the urgency comes
   down and the 受付票 keeps her words. 「給食費も滞って」 is a money worry about school costs, answered
   (家計改善支援); 「期間は1年くらいです」 sets 期間.
5. p9: a teacher writes 「母親は相談にいく気力がない」: a third party's exhaustion, answered about the
   mother (family alone may consult, a visit), never the question about dying put to the teacher;
   「母親の同意はまだとっていないんですが…」 is answered (what can be said without the family's consent);
   「家庭訪問したら…」 from a teacher is the teacher's own visit, not the FAQ about our visits.

Each test types the person's words in order, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import RaiseUrgency
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

SATURDAY_3AM = datetime(2026, 12, 5, 3, 20, tzinfo=TOKYO)

DIRECT_QUESTION = "死にたいと思う気持ちがありますか"
MENU_LABEL = "よくある質問"
TIRED_LINE = "疲れがたまっている"
BED_TONIGHT = "今夜泊まる場所"
CALL_119 = "119"


def levels(chat: Chat, since: int = 0) -> list[str]:
    return [e.level for e in chat.effects[since:] if isinstance(e, RaiseUrgency)]


def concerns(chat: Chat) -> list[str]:
    found: list[str] = intake_answers(chat).get("concerns", {}).get("choices", [])
    return found


# ---------------------------------------------------------------- 1. the take-back taken back

P10_BEFORE = (
    "よっぱらってまーす",
    "のみすぎた　ストロング5本目",
    "会社クビになって3ヶ月　だれも気づかねえの",
    "嫁にも言ってない　毎朝スーツで出て公園いる",
    "まじでしにてえなあｗ",
    "うそうそ",
)

UNDONE = (
    "いや、うそじゃないかも　わからん",
    "やっぱうそじゃない",
    "ほんとはちょっと本気",
    "冗談じゃないかも",
    "いや嘘じゃないです",
    "ほんとは本気かもしれん",
)


def test_p10_the_take_back_taken_back_is_the_crisis_path_again() -> None:
    chat = started(*P10_BEFORE, now=SATURDAY_3AM)
    before = len(chat.effects)
    chat.send("いや、うそじゃないかも　わからん")
    reply = said(chat)
    assert DIRECT_QUESTION in reply, reply
    assert "あなたのいばしょ" in reply or "よりそいホットライン" in reply, reply
    assert TIRED_LINE not in reply and MENU_LABEL not in chat.labels, reply
    assert "そういう気持ちがある" in chat.labels
    assert "crisis" in levels(chat, before)


@pytest.mark.parametrize("undone", UNDONE)
def test_undoing_a_take_back_after_a_wish_asks_directly(undone: str) -> None:
    chat = started("もう死にたい", "うそうそ", now=SATURDAY_3AM)
    chat.send(undone)
    reply = said(chat)
    assert DIRECT_QUESTION in reply, reply
    assert "あなたのいばしょ" in reply or "よりそいホットライン" in reply, reply
    assert MENU_LABEL not in chat.labels and TIRED_LINE not in reply
    assert "いまの時間につながる電話の窓口です" not in reply, reply  # the block was just shown: short


def test_a_plain_take_back_still_gets_the_warm_line() -> None:
    chat = started("もう死にたい", now=SATURDAY_3AM)
    chat.send("うそうそ")
    assert DIRECT_QUESTION not in said(chat)
    assert TIRED_LINE in said(chat)


@pytest.mark.parametrize("words", ("お金がないのはうそじゃない", "うそじゃないです、本当に家賃が払えません"))
def test_not_a_lie_with_no_wish_before_is_no_crisis(words: str) -> None:
    chat = started(words)
    assert DIRECT_QUESTION not in said(chat)
    assert "crisis" not in levels(chat)


# ---------------------------------------------------------------- 2. a suit every morning, a park all day

HIDDEN_JOB_LOSS = (
    "毎朝スーツで出て公園いる",
    "嫁にも言ってない　毎朝スーツで出て公園いる",
    "家族には言えなくて、毎朝スーツで家を出て公園にいます",
    "まいあさすーつで出て公園おる",
    "会社に行くふりして毎日公園にいる",
)


@pytest.mark.parametrize("words", HIDDEN_JOB_LOSS)
def test_a_suit_and_a_park_is_a_job_loss_hidden_not_a_night_outside(words: str) -> None:
    chat = started(words, now=SATURDAY_3AM)
    reply = said(chat)
    assert BED_TONIGHT not in reply and "一時生活支援" not in reply, reply
    assert "urgent" not in levels(chat) and "crisis" not in levels(chat)
    assert "家族" in reply, reply
    assert "job_search" in concerns(chat) and "housing" not in concerns(chat)


def test_p10_hidden_job_loss_in_the_night_sequence_is_not_a_bed_tonight() -> None:
    chat = started(*P10_BEFORE[:3], now=SATURDAY_3AM)
    chat.send(P10_BEFORE[3])
    assert BED_TONIGHT not in said(chat)
    assert "housing" not in concerns(chat)
    assert "job_search" in concerns(chat)


@pytest.mark.parametrize("words", ("今夜は公園にいる。泊まるところがない", "今日から公園で寝てる"))
def test_a_park_tonight_is_still_a_bed_tonight(words: str) -> None:
    chat = started(words, now=SATURDAY_3AM)
    assert "urgent" in levels(chat) or "crisis" in levels(chat)


# ---------------------------------------------------------------- 3. strong chu-hi is no overdose

DRINKS = (
    "のみすぎた　ストロング5本目",
    "ストロング5本目",
    "ストゼロ3本あけた",
    "酒のみすぎた。チューハイ6本目",
    "ビール10本目",
)


@pytest.mark.parametrize("drink", DRINKS)
def test_drinking_alone_is_no_overdose(drink: str) -> None:
    chat = started("よっぱらってまーす", drink, now=SATURDAY_3AM)
    reply = said(chat)
    assert "crisis" not in levels(chat), reply
    assert CALL_119 not in reply, reply
    reasons = chat.data.get("urgency", {}).get("reasons", [])
    assert not any("薬" in reason for reason in reasons), reasons


@pytest.mark.parametrize("drink", ("ストロング5本目", "のみすぎた　ストロング5本目", "酒めっちゃ飲んでる"))
def test_drinking_after_a_wish_to_die_is_named_gently_without_119(drink: str) -> None:
    chat = started("もう死にたい", now=SATURDAY_3AM)
    chat.send(drink)
    reply = said(chat)
    assert "お酒" in reply, reply
    assert "119（救急）に電話してください" not in reply and "すぐ119" not in reply, reply
    reasons = chat.data.get("urgency", {}).get("reasons", [])
    assert not any("薬" in reason for reason in reasons), reasons


@pytest.mark.parametrize(
    "words", ("ストロングと眠剤いっしょに飲んだ", "酒で睡眠薬を30錠のんだ", "お酒と一緒に薬を全部飲んだ")
)
def test_pills_with_drink_are_still_an_overdose(words: str) -> None:
    chat = started(words, now=SATURDAY_3AM)
    assert "crisis" in levels(chat)
    assert CALL_119 in said(chat)


# ---------------------------------------------------------------- 4. p3: a daughter who left half a year ago

P3_BEFORE = (
    "孫ふたりを育てております、70歳の祖母です",
    "娘が家を出てしまいまして、行方がわかりません。孫は小学3年と中学1年です",
)
MISSING_NOW = "いますぐ110"


@pytest.mark.parametrize(
    "later",
    (
        "急ぎではないんです。もう半年になります",
        "急ぎではない",
        "いそぎじゃないです。1年前のことなので",
        "もう半年も前のことなんです",
    ),
)
def test_p3_not_urgent_said_later_brings_the_urgency_down(later: str) -> None:
    chat = started(*P3_BEFORE)
    assert MISSING_NOW in said(chat)  # read as missing tonight at first
    chat.send(later)
    reply = said(chat)
    assert MISSING_NOW not in reply and "受付時間：" not in reply, reply
    assert chat.data.get("urgency", {}).get("level", "normal") == "normal", chat.data.get("urgency")
    reasons = chat.data.get("urgency", {}).get("reasons", [])
    assert not any("見つからない" in reason for reason in reasons), reasons
    heard = [item["words"] for item in chat.data["intake"].get("heard", [])]
    assert any(later[:6] in words for words in heard), heard


def test_p3_after_the_urgency_came_down_the_next_words_are_not_missing_again() -> None:
    chat = started(*P3_BEFORE, "急ぎではないんです。もう半年になります")
    chat.send("娘とは連絡がとれません")
    assert MISSING_NOW not in said(chat)


def test_a_parent_gone_tonight_then_not_urgent_words_about_time_keep_110() -> None:
    chat = started("認知症の母が家を出て帰ってこない", now=SATURDAY_3AM)
    chat.send("30分くらい前です")
    assert chat.data.get("urgency", {}).get("level", "normal") != "normal"


@pytest.mark.parametrize(
    "words", ("給食費も滞って", "給食費が払えなくて", "きゅうしょくひもたまってて", "学費も滞納してます")
)
def test_p3_school_costs_behind_are_answered_as_a_money_worry(words: str) -> None:
    chat = started(*P3_BEFORE, "急ぎではないんです。もう半年になります")
    chat.send(words)
    reply = said(chat)
    assert "家計改善支援" in reply, reply
    assert {"economic", "debt"} & set(concerns(chat)), concerns(chat)


def test_p3_the_duration_typed_is_applied() -> None:
    chat = started(*P3_BEFORE, "急ぎではないんです。もう半年になります", "給食費も滞って")
    chat.send("期間は1年くらいです")
    assert intake_answers(chat)["duration"]["choice"] in ("6m_1y", "1y_3y"), intake_answers(chat)
    assert "受け取りました" in said(chat)


# ---------------------------------------------------------------- 5. p9: a teacher, of a pupil's mother

P9_BEFORE = ("中学校の教員です。担任しているクラスの生徒の家庭のことで相談です",)


@pytest.mark.parametrize(
    "words",
    (
        "母親は相談にいく気力がない",
        "お母さんは疲れ切っていて何もする気力がないようです",
        "父親はもう限界みたいで",
    ),
)
def test_p9_a_third_partys_exhaustion_is_answered_about_them(words: str) -> None:
    chat = started(*P9_BEFORE, words)
    reply = said(chat)
    assert DIRECT_QUESTION not in reply and "死にたい" not in reply, reply
    assert "そういう気持ちがある" not in chat.labels
    assert "訪問" in reply and "家族" in reply, reply


def test_a_writers_own_exhaustion_still_gets_the_gentle_question() -> None:
    chat = started("もう何もする気力がない")
    assert "そういう気持ちはありますか" in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "母親の同意はまだとっていないんですが…",
        "保護者の了承はまだなんですが",
        "お母さんにはまだ話していないんですが、相談してもいいですか",
    ),
)
def test_p9_the_familys_consent_not_yet_taken_is_answered(words: str) -> None:
    chat = started(*P9_BEFORE, "母親は相談にいく気力がない")
    chat.send(words)
    reply = said(chat)
    assert "同意" in reply and "名前" in reply, reply
    assert DIRECT_QUESTION not in reply


@pytest.mark.parametrize(
    "visit", ("家庭訪問したら…", "家庭訪問の時に、母親が出てこなくて", "様子を見に行ったら部屋が散らかってて")
)
def test_p9_home_visit_by_the_teacher_is_heard_as_the_teachers_own_visit(visit: str) -> None:
    chat = started(*P9_BEFORE, "母親は相談にいく気力がない")
    chat.send(visit)
    reply = said(chat)
    assert "家庭訪問" in reply and "訪問" in reply, reply
    assert "手紙やメールのやりとりから" not in reply, reply


def test_a_teacher_asking_whether_we_visit_gets_the_visit_answer() -> None:
    chat = started(*P9_BEFORE)
    chat.send("相談員さんに家庭訪問してもらうことはできますか")
    assert "アウトリーチ" in said(chat), said(chat)


def test_a_parent_asking_about_a_visit_still_gets_the_visit_answer() -> None:
    chat = started("家に来てもらうことはできますか")
    assert "訪問" in said(chat)


def test_half_meant_said_twice_is_not_the_same_words_twice() -> None:
    chat = started("まじでしにてえなあｗ", "うそうそ", "いや、うそじゃないかも　わからん", now=SATURDAY_3AM)
    first = said(chat)
    chat.send("ほんとはちょっと本気")
    second = said(chat)
    assert second != first and DIRECT_QUESTION not in second
    assert "そういう気持ちがある" in chat.labels


def test_p3_not_urgent_takes_the_care_read_from_missing_off_and_offers_a_way_on() -> None:
    chat = started(*P3_BEFORE, "急ぎではないんです。もう半年になります")
    assert "caregiving" not in concerns(chat), concerns(chat)
    assert "メニュー" in chat.labels
