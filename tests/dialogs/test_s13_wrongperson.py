"""Session 13, try-out 17 (p3, p5, p7, p9): danger answered as if it were someone else's.

p3 (大阪弁, a single mother on night shifts) cut her OWN arm: 「うちシングルで夜勤しとんねん。子ども寝とる。
今日な、また腕切ってもうた」 names her child only as asleep; she gets the self-harm reply for herself, not the
reply for a parent whose child self-harms. 「電話番号なげられても困るわ」 is no violence.
p5 (keigo, 58, caring for her mother) was shouted at (怒鳴られ: not being hit) and wished to vanish with her
mother: thoughts of dying, the direct question and a line, never the violence-from-family reply.
p7 (名古屋弁 sister, far away): the knife is her brother's, not hers: no means-at-hand reply, no question
about her dying; 110 from afar with the parents' address.
p9 (a care manager): a supporter writing about a client is never answered as a victim.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.crisis import crisis_answer
from tests.dialogs.chat import TOKYO, said, started

NIGHT = datetime(2026, 12, 6, 1, 40, tzinfo=TOKYO)
WEEKDAY = datetime(2026, 12, 7, 10, 30, tzinfo=TOKYO)

QUESTION = "死にたいと思う気持ちがありますか"
RELATIVE_HARM = "見つけたときは、とても驚いて"
OWN_HARM = "きれいな水で洗って"
FAMILY_VIOLENCE = "家族から暴力を受けているのだと受け取りました"
VIOLENCE = "暴力を受けている"
OUT_OF_REACH = "手の届かないところ"

# ---------------------------------------------------------------- p3: her own arm

LOAN = "夜中にごめんな。闇金に借金あってもう首まわらへんねん。お金のこと相談できるとこある？"
P3_CUT = "うちシングルで夜勤しとんねん。子ども寝とる。今日な、また腕切ってもうた"


@pytest.mark.parametrize(
    "words",
    [
        P3_CUT,
        "私シングルで夜勤してるの。子どもは寝てる。今日また腕切っちゃった",
        "うち一人親やねん。息子は寝とる。さっきまた手首切ってしもた",
    ],
)
def test_p3_her_own_cut_gets_the_self_harm_reply_for_her(words: str) -> None:
    chat = started(LOAN, words, now=NIGHT)
    text = said(chat)
    assert OWN_HARM in text and "119" in text, text
    assert RELATIVE_HARM not in text and "お子さん" not in text, text


@pytest.mark.parametrize(
    "words",
    [
        "うちの子がまた腕切ってもうた",
        "中2の娘がまた腕を切っていました",
        "息子の腕に切った跡がありました",
    ],
)
def test_a_childs_cut_is_still_the_relatives_reply(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert RELATIVE_HARM in said(chat), said(chat)


@pytest.mark.parametrize(
    "correction",
    [
        "ちゃうちゃう、子どもちゃう。切ったんはうちの腕や。子どもは関係ない",
        "ちがうちがう、子どもじゃない。切ったのは私の腕",
        "いや、娘やなくて、切ったんはうちや",
    ],
)
def test_p3_correction_revises_who_and_answers_for_her(correction: str) -> None:
    chat = started("娘がまた腕切ってもうた", now=NIGHT)
    assert RELATIVE_HARM in said(chat)
    chat.send(correction)
    text = said(chat)
    assert OWN_HARM in text and "119" in text, text
    assert "ご家族のことが、とても心配" not in text, text
    assert chat.data["intake"]["answers"]["asker"]["choice"] == "self"


@pytest.mark.parametrize(
    "words",
    [
        "せやから家族ちゃうて。うちのことや。電話番号なげられても困るわ。お金のこと聞きたいだけやねん",
        "電話番号なげられても困るわ",
        "窓口の番号だけぽんと投げられてもな",
    ],
)
def test_p3_a_phone_number_thrown_is_no_violence(words: str) -> None:
    chat = started(LOAN, now=NIGHT)
    chat.send(words)
    text = said(chat)
    assert VIOLENCE not in text and "DV相談" not in text, text


@pytest.mark.parametrize("words", ["夫に皿をなげられた", "親に物を投げられてこわい"])
def test_things_thrown_at_her_are_still_violence(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert "110" in said(chat), said(chat)


@pytest.mark.parametrize(
    "question",
    [
        "…やっぱ聞くわ。闇金って返さんでもええってほんま？利息だけでも月5万とられとる",
        "闇金って返さなくていいって本当？",
        "ヤミ金は返さんでええの？",
    ],
)
def test_p3_loan_shark_question_after_the_crisis_gets_the_answer(question: str) -> None:
    chat = started(LOAN, P3_CUT, now=NIGHT)
    chat.send("もうええわ")
    chat.send(question)
    text = said(chat)
    assert "法テラス" in text and "#9110" in text, text
    assert "さきほどの窓口" not in text, text


def test_p3_go_away_after_the_crisis_is_not_about_family() -> None:
    chat = started(LOAN, P3_CUT, now=NIGHT)
    chat.send("もうええわ")
    assert "ご家族や身近な方のこと" not in said(chat), said(chat)


# ---------------------------------------------------------------- p5: shouted at, and a wish to vanish

P5_FIRST = (
    "はじめてご連絡いたします。58歳の主婦でございます。認知症の母（84歳）を自宅で介護しておりますが、"
    "ここ半年ほど夜中に何度も起こされ、私自身ほとんど眠れておりません。主人は単身赴任で、兄弟も遠方におりまして、"
    "頼れる者がおりません。母を短い間でも預かっていただけるところ（ショートステイと申しますのでしょうか）が"
    "あれば教えていただけますでしょうか。"
)
P5_WISH = (
    "ありがとうございます。正直に申しますと、先日は夜中に母に怒鳴られて、"
    "もう母と一緒に消えてしまいたいと思ってしまいました。"
)


@pytest.mark.parametrize(
    "words",
    [
        P5_WISH,
        "夜中に母に怒鳴られて、もう母と一緒に死んでしまいたいと思いました",
        "父にどなられて、父と一緒に消えたいと思ってしまった",
    ],
)
def test_p5_shouted_at_and_wishing_to_vanish_is_thoughts_of_dying(words: str) -> None:
    chat = started(words, now=WEEKDAY)
    text = said(chat)
    assert QUESTION in text and "0120-279-338" in text, text
    assert FAMILY_VIOLENCE not in text and VIOLENCE not in text, text


@pytest.mark.parametrize("words", ["母に殴られて、もう消えてしまいたい", "父に毎晩たたかれています"])
def test_being_hit_by_a_parent_is_still_violence_at_home(words: str) -> None:
    chat = started(words, now=WEEKDAY)
    assert FAMILY_VIOLENCE in said(chat), said(chat)


def test_p5_adult_carer_is_not_a_young_carer() -> None:
    chat = started(P5_FIRST, now=WEEKDAY)
    text = said(chat)
    assert "ヤングケアラー" not in text and "18歳未満" not in text, text


@pytest.mark.parametrize(
    "words",
    [
        "50代の娘です。母の介護をしていて、ショートステイを探しています",
        "62歳です。父の介護をしておりますが、もう限界です",
    ],
)
def test_adult_carer_variants_are_not_young_carers(words: str) -> None:
    chat = started(words, now=WEEKDAY)
    assert "ヤングケアラー" not in said(chat), said(chat)


def test_a_child_caring_for_family_is_still_a_young_carer() -> None:
    chat = started("こんばんは", "ごはんは私がつくってる", now=WEEKDAY)
    chat.send("わたし高校生です。16")
    assert "ヤングケアラー" in said(chat), said(chat)


def test_p5_wish_is_never_put_into_hope_and_violence_denied_is_removed() -> None:
    chat = started(P5_FIRST, P5_WISH, now=WEEKDAY)
    chat.send(
        "いえ、暴力ではございません。母は病気ですから。消えたいなどと申しましたのは気の迷いで、今はそのようなことは考えておりません。お忘れください。"
    )
    answers = chat.data["intake"]["answers"]
    hope = str(answers.get("hope", ""))
    assert "消えてしまいたい" not in hope, hope
    concerns = str(answers.get("concerns", ""))
    assert "violence" not in concerns, concerns
    assert not chat.data["intake"].get("violence"), chat.data["intake"].get("violence")


# ---------------------------------------------------------------- p7: the brother's knife, far away

P7 = (
    "夜分すみません。弟のことなんだけど、実家で親に包丁向けとるらしいんだわ。わたしは離れて住んどるで、どうしたらええかわからんくて",
    "わたしは名古屋におって、実家は遠いんだわ。親は70過ぎとるで、警察呼ぶのも嫌がっとって。弟は40で、もう15年くらい家から出とらんの",
)
NIGHT_P7 = datetime(2026, 12, 5, 1, 30, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "words",
    [
        "遠くに住んどる私にできることってあるの？親が警察嫌がっとるんだけど",
        "離れて住んでる私にできることってある？",
        "遠くにいる私は何ができるの",
    ],
)
def test_p7_the_knife_is_the_brothers_not_hers(words: str) -> None:
    chat = started(*P7, now=NIGHT_P7)
    chat.send(words)
    text = said(chat)
    assert OUT_OF_REACH not in text and QUESTION not in text, text
    assert "110" in text and "住所" in text, text


def test_p7_first_message_says_she_can_call_110_from_afar() -> None:
    chat = started(P7[0], now=NIGHT_P7)
    text = said(chat)
    assert "110" in text and "住所" in text and QUESTION not in text, text


@pytest.mark.parametrize(
    "words",
    [
        "親に電話して説得したほうがええの？",
        "弟を説得したほうがいいですか",
    ],
)
def test_p7_persuading_is_answered_safety_first(words: str) -> None:
    chat = started(*P7, now=NIGHT_P7)
    chat.send(words)
    text = said(chat)
    assert "説得" in text and "110" in text, text


def test_p7_correction_of_whose_knife_revises() -> None:
    chat = started(*P7, now=NIGHT_P7)
    chat.send("ちがうちがう、包丁持っとるのは弟だって。わたしは死にたいとかないでね")
    text = said(chat)
    assert QUESTION not in text and OUT_OF_REACH not in text, text


def test_p7_after_sending_the_knife_again_gets_110_with_the_address() -> None:
    chat = started(*P7, now=NIGHT_P7)
    chat.send("ほんなら担当の人に伝えてほしい。連絡はLINEで、夜8時以降がええです")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    chat.send("いま母から電話きて、弟がまた包丁持って暴れとるって。どうしよ")
    text = said(chat)
    assert "110" in text and "住所" in text, text


def test_her_own_knife_still_gets_the_means_reply() -> None:
    chat = started("もう死にたい", now=NIGHT_P7)
    chat.send("包丁がまだ手元にある")
    assert OUT_OF_REACH in said(chat), said(chat)


# ---------------------------------------------------------------- p9: a supporter

P9_FIRST = (
    "お世話になっております。居宅介護支援事業所のケアマネジャーでございます。担当している利用者様（80代女性）の"
    "同居の息子さん（50代）が長年ひきこもっておられ、利用者様の年金を管理して使い込んでいる様子があります。"
    "ご本人（利用者様）は息子をかばっておられます。ご相談できますでしょうか。"
)
VICTIM = ("あなたは悪くありません", "DV相談", "いのちの電話", "とてもつらい")


def no_victim_reply(text: str) -> None:
    for words in VICTIM:
        assert words not in text, text


def test_p9_a_care_manager_is_not_a_victim() -> None:
    chat = started(P9_FIRST, now=WEEKDAY)
    no_victim_reply(said(chat))


@pytest.mark.parametrize(
    "words",
    [
        "私は支援者の立場です。暴力を受けているわけではございません。経済的虐待の可能性があるかと思い、どちらに相談すべきかお伺いしたく存じます。",
        "民生委員です。担当の高齢の方が、息子さんに年金を取られているようです。どこに相談すればよいでしょうか",
        "相談員をしています。利用者さんが家族にお金を使い込まれているようで、経済的虐待ではないかと思います",
    ],
)
def test_p9_supporter_about_economic_abuse_gets_the_elder_window(words: str) -> None:
    chat = started(P9_FIRST, now=WEEKDAY) if words.startswith("私は支援者") else started(now=WEEKDAY)
    chat.send(words)
    text = said(chat)
    no_victim_reply(text)
    assert "地域包括支援センター" in text, text


def test_p9_where_to_report_is_answered_directly() -> None:
    chat = started(P9_FIRST, now=WEEKDAY)
    chat.send(
        "送る前に一点確認させてください。高齢者の経済的虐待の通報先は地域包括支援センターでよろしいでしょうか。"
    )
    text = said(chat)
    no_victim_reply(text)
    assert "ここにいます" not in text, text
    assert "地域包括支援センター" in text and "市" in text, text


def test_p9_contact_through_the_office_after_sending_is_no_distress() -> None:
    chat = started(P9_FIRST, now=WEEKDAY)
    chat.tap("担当者")
    if "handoff" not in chat.data:
        chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    chat.send(
        "追記です。ご本人（利用者様）への連絡は避けていただき、事業所経由でお願いいたします。平日日中でしたら事業所の電話に出られます。"
    )
    text = said(chat)
    no_victim_reply(text)
    assert "命の危険" not in text, text


def test_a_supporter_in_real_danger_still_gets_lines() -> None:
    chat = started("ケアマネをしていますが、私自身もう死にたいです", now=WEEKDAY)
    assert "0120-279-338" in said(chat), said(chat)


# ---------------------------------------------------------------- the sheet


def test_p3_own_cut_and_the_number_thrown_leave_the_sheet_hers_without_violence() -> None:
    chat = started(LOAN, P3_CUT, now=NIGHT)
    chat.send("せやから家族ちゃうて。うちのことや。電話番号なげられても困るわ。お金のこと聞きたいだけやねん")
    answers = chat.data["intake"]["answers"]
    assert answers["asker"]["choice"] == "self", answers.get("asker")
    assert "violence" not in answers.get("concerns", {}).get("choices", []), answers.get("concerns")


def test_things_thrown_at_her_stay_on_the_sheet() -> None:
    chat = started("夫に皿をなげられた", now=NIGHT)
    assert "violence" in chat.data["intake"]["answers"]["concerns"]["choices"]


@pytest.mark.parametrize(
    "words",
    [
        "家から出にくいということもございません。",
        "家から出にくいということはないです",
        "暴力や怖いことは外してください。家から出にくいということもございません。",
    ],
)
def test_p5_a_concern_denied_in_keigo_is_not_ticked(words: str) -> None:
    chat = started("母の介護のことで相談したいです", now=WEEKDAY)
    chat.tap("担当者")
    chat.tap("内容を直す")
    chat.tap("ご相談の内容")
    chat.send(words)
    choices = chat.data["intake"]["answers"].get("concerns", {}).get("choices", [])
    assert "withdrawal" not in choices, choices


def test_a_concern_said_plainly_is_still_ticked() -> None:
    chat = started("母の介護のことで相談したいです", now=WEEKDAY)
    chat.tap("担当者")
    chat.tap("内容を直す")
    chat.tap("ご相談の内容")
    chat.send("お金がありません")
    choices = chat.data["intake"]["answers"].get("concerns", {}).get("choices", [])
    assert "money" in choices or "economic" in choices, choices


def test_p5_a_correction_at_the_concerns_question_is_not_an_answer_about_dying() -> None:
    chat = started(P5_FIRST, P5_WISH, now=WEEKDAY)
    assert QUESTION in said(chat)
    chat.tap("人に話を")
    chat.tap("内容を直す")
    chat.tap("ご相談の内容")
    chat.send("いえ、「家から出にくい」は違います。外してください。")
    text = said(chat)
    assert "疲れがたまっている" not in text, text
    assert chat.state.startswith("intake."), chat.state


# ---------------------------------------------------------------- the webhook's fast path


@pytest.mark.parametrize(
    "words",
    [
        P9_FIRST,
        "私は支援者の立場です。暴力を受けているわけではございません。経済的虐待の可能性があるかと思い、"
        "どちらに相談すべきかお伺いしたく存じます。",
    ],
)
def test_p9_the_fast_path_sends_no_victim_reply_to_a_supporter(words: str) -> None:
    assert crisis_answer(words, WEEKDAY) is None


def test_a_supporters_own_wish_to_die_still_gets_the_fast_reply() -> None:
    assert crisis_answer("ケアマネをしていますが、私自身もう死にたいです", WEEKDAY) is not None


def test_p7_the_fast_path_tells_her_110_from_afar() -> None:
    answer = crisis_answer(P7[0], NIGHT_P7)
    assert answer is not None
    text = "\n".join(message.text for message in answer[0])
    assert "住所" in text and "110" in text and QUESTION not in text, text


@pytest.mark.parametrize(
    "words",
    [
        "正直に申しますと、もう消えてしまいたいと思ってしまいました",
        "ほんまはもう死にたいと思ってる",
    ],
)
def test_a_wish_to_die_is_never_a_hope_on_the_sheet(words: str) -> None:
    chat = started("母の介護のことで相談したいです", words, now=WEEKDAY)
    hope = str(chat.data["intake"]["answers"].get("hope", ""))
    assert "消えて" not in hope and "死に" not in hope, hope


def test_a_real_hope_is_still_kept() -> None:
    chat = started("母の介護のことで、ショートステイを使いたいと思っています", now=WEEKDAY)
    chat.send("できれば電話で相談したいです")
    assert chat.data["intake"]["answers"], chat.data["intake"]


@pytest.mark.parametrize(
    "words",
    [
        "追記です。ご本人（利用者様）への連絡は避けていただき、事業所経由でお願いいたします。"
        "平日日中でしたら事業所の電話に出られます。",
        "ご本人への連絡は控えていただき、事業所経由でお願いします。平日の日中なら電話に出られます",
    ],
)
def test_p9_arrangements_after_sending_fill_the_sheet(words: str) -> None:
    chat = started(P9_FIRST, now=WEEKDAY)
    chat.tap("担当者")
    chat.tap("この内容だけ送る")
    chat.send(words)
    no_victim_reply(said(chat))
    answers = chat.data["intake"]["answers"]
    assert answers["contact"]["choice"] == "phone", answers.get("contact")
    assert answers["contact_times"]["choice"] == "weekday_daytime", answers.get("contact_times")
    assert "経由" in answers["considerations"]["words"], answers.get("considerations")


@pytest.mark.parametrize("words", ["電話には出られません", "電話に出られないのでLINEで"])
def test_a_phone_she_cannot_take_is_not_the_way_to_reach_her(words: str) -> None:
    chat = started("母の介護のことで相談したいです", words, now=WEEKDAY)
    assert chat.data["intake"]["answers"].get("contact", {}).get("choice") != "phone"


def test_a_parent_speaking_of_herself_beside_her_childs_cut_is_still_the_parents_reply() -> None:
    chat = started("娘がまた腕を切っていました。わたしのことを責めているのかもしれません", now=NIGHT)
    assert RELATIVE_HARM in said(chat), said(chat)
