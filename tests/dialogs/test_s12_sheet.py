"""Session 12, try-out 15 (S1/S2): false alarms and a wrong 受付票.

A mother (60s, 敬語) whose son of 35 punches holes in walls was listed as one who is violent; her thanks
were quoted as 自殺のおそれ; her 「私どもに手をあげたことはございません」 was not kept. A worry about the
parents dying first, a young carer, 「お金 すこししかない」 each got the suicide block. Negations and
corrections were read the wrong way round (同居 denied as 離れて暮らして, 「今日泊まるとこはあるけど」,
「昼間なら家さいる」). Each test types the person's words in order, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.summary import build_summary, summary_text
from dialogs.understanding import classify
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 1, 30, tzinfo=TOKYO)

P2_FIRST = (
    "夜分遅くに大変失礼いたします。35歳になる息子のことでご相談させていただきたく、ご連絡いたしました。"
    "お恥ずかしい話なのですが、息子は大学を中退してから十年以上ほとんど家から出ない生活をしておりまして、"
    "最近は気に入らないことがあると壁を殴って穴をあけるようになってしまいました。"
    "主人ももう諦めているようで、誰にも相談できずにおります。"
)
P2_SECOND = (
    "ご丁寧にありがとうございます。今は息子は自分の部屋におりますので、私は大丈夫でございます。"
    "私どもに手をあげたことはございません。ただ、このまま親が先に逝ってしまったらと思うと、不安で眠れません。"
    "どちらに相談すればよろしいのでしょうか。"
)
P2_REST = (
    "主人は76歳、私は68歳でございます。",
    "いえ、同居しております。離れて暮らしてはおりません。",
    "息子本人は相談に行くことを嫌がると思います。親だけでも相談に伺ってよろしいのでしょうか。",
    "どちらに相談すればよろしいのでしょうか。夜も眠れず、主人とも話ができません。",
    "息子が暴れるのは、私が仕事を辞めろと言った時などです。警察を呼ぶほどではないと思うのですが、怖いと感じることはあります。",
)

SUICIDE_BLOCK = "とてもつらい気持ちを書いてくださって"
CHILD_LINES = ("189", "子供SOS")


# ---------------------------------------------------------------- 1. the mother's 受付票


def test_p2_first_message_one_reply_for_an_adults_family() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send(P2_FIRST)
    reply = said(chat)
    for line in CHILD_LINES:
        assert line not in reply, reply
    assert reply.count("いまの時間につながる電話の窓口です") <= 1, reply
    assert "保健所" in reply or "精神保健福祉センター" in reply, reply


def test_p2_sheet_names_the_son_not_the_mother() -> None:
    chat = started(P2_FIRST, P2_SECOND, *P2_REST, now=SATURDAY_NIGHT)
    summary = build_summary(chat.data)
    violence = summary["violence"] or {}
    assert "self" not in violence.get("by", []), violence
    assert "child" in violence.get("by", []), violence
    reasons = "".join(summary["urgency_reasons"])
    assert "ご丁寧にありがとうございます" not in reasons, reasons
    assert "逝ってしまったら" not in reasons, reasons
    assert "自殺" not in reasons, reasons
    assert any("手をあげたことはございません" in words for words in summary["violence_denied"]), summary
    text = summary_text(chat.data)
    assert "暴力をふるっている人：相談者" not in text, text


@pytest.mark.parametrize(
    "words",
    (
        "娘が暴れるのは、私が仕事の話をした時です",
        "夫が怒鳴るのは、私が口答えしたときだけです",
    ),
)
def test_a_when_clause_after_noha_names_no_doer(words: str) -> None:
    from dialogs.violence import who_hurts

    told = who_hurts(words)
    assert "self" not in told.by, told


def test_a_cleft_naming_the_doer_still_reads() -> None:
    from dialogs.violence import who_hurts

    told = who_hurts("妻に手を上げているのは息子ではなく、私の父です")
    assert told.by == ("parent",), told


@pytest.mark.parametrize(
    "words",
    (
        "私どもに手をあげたことはございません",
        "親には手を上げたことはありません",
        "うちらには暴力はふるわない",
    ),
)
def test_denial_of_violence_against_parents_is_kept(words: str) -> None:
    chat = started("息子が壁を殴って穴をあけます", words, now=SATURDAY_NIGHT)
    denied = build_summary(chat.data)["violence_denied"]
    assert denied, chat.data["intake"].get("violence_denied")


# ---------------------------------------------------------------- 2. false suicide alerts


@pytest.mark.parametrize(
    "words",
    (
        "このまま親が先に逝ってしまったらと思うと不安です",
        "親が先に逝ってしまったら、息子はどうなるのでしょうか",
        "わたしたちが先にいってしまったら、この子はどうなるのか心配です",
        "主人も私も先に逝ったら、娘がひとりになってしまう",
    ),
)
def test_worry_about_parents_dying_first_is_not_suicide(words: str) -> None:
    assert classify(words).crisis != "crisis", classify(words).evidence
    chat = started(now=SATURDAY_NIGHT)
    chat.send(words)
    assert SUICIDE_BLOCK not in said(chat), said(chat)


def test_p16_worry_about_parents_dying_first_is_answered() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send("このまま親が先に逝ってしまったらと思うと、不安で眠れません。どちらに相談すればよろしいのでしょうか。")
    reply = said(chat)
    assert SUICIDE_BLOCK not in reply, reply
    assert "ひきこもり" in reply or "家族会" in reply or "地域包括" in reply, reply


@pytest.mark.parametrize(
    "words",
    (
        "親が逝ったら自分も逝く",
        "親が死んだら俺も死ぬ",
        "母が先に逝ったら私も後を追います",
        "先に逝くね。今までありがとう",
    ),
)
def test_real_danger_about_going_first_stays_crisis(words: str) -> None:
    assert classify(words).crisis == "crisis", classify(words).evidence


@pytest.mark.parametrize(
    "words",
    (
        "17、高2。親は仕事でほぼいないから俺がみてる",
        "親は仕事でほぼいないから俺がみてる",
        "母は夜勤でほとんど家にいないから、あたしがばあちゃんみてる",
    ),
)
def test_p8_young_carer_is_not_suicide(words: str) -> None:
    chat = started("ばあちゃんの介護してる。認知症", now=SATURDAY_NIGHT)
    chat.send(words)
    assert SUICIDE_BLOCK not in said(chat), said(chat)
    assert chat.data.get("urgency", {}).get("level") != "crisis"


@pytest.mark.parametrize(
    "words",
    (
        "お金 すこししかない",
        "お金 すこししかない。どうしたらいいですか",
        "おかねすこししかない",
        "食べ物はおかししかない",
    ),
)
def test_p6_little_money_is_not_suicide(words: str) -> None:
    assert classify(words).crisis != "crisis", classify(words).evidence


@pytest.mark.parametrize("words", ("もう死しかない", "しぬしかない", "死ぬしかないと思ってる"))
def test_only_death_stays_crisis(words: str) -> None:
    assert classify(words).crisis == "crisis", classify(words).evidence


# ---------------------------------------------------------------- 3. negations and corrections


def test_p2_correction_to_living_together() -> None:
    chat = started(P2_FIRST, P2_SECOND, "主人は76歳、私は68歳でございます。", now=SATURDAY_NIGHT)
    chat.send("いえ、同居しております。離れて暮らしてはおりません。")
    reply = said(chat)
    assert "離れて暮らしながら" not in reply, reply
    assert "同居" in reply or "一緒に暮らして" in reply, reply


@pytest.mark.parametrize(
    "words",
    (
        "離れて暮らしてはおりません",
        "別居はしてないです。一緒に住んでます",
        "離れてくらしてない",
    ),
)
def test_lives_apart_denied_is_not_apart(words: str) -> None:
    kinds = [e.kind for e in classify(words).entities]
    assert "writer_apart" not in kinds, kinds


def test_lives_apart_still_read() -> None:
    kinds = [e.kind for e in classify("息子とは離れて暮らしています").entities]
    assert "writer_apart" in kinds, kinds


@pytest.mark.parametrize(
    "words",
    (
        "今日泊まるとこはあるけど、友達の家もあと何日かしかいれない",
        "今夜寝る場所はあるけど、明後日からはない",
        "きょうとまるとこはあるけど",
    ),
)
def test_p3_bed_tonight_told_is_not_no_shelter(words: str) -> None:
    chat = started("19さいです。家出て今友達の家にいるんですけど、お金もうなくて", now=SATURDAY_NIGHT)
    chat.send(words)
    assert "今夜泊まる場所がないとき" not in said(chat), said(chat)
    reasons = "".join(build_summary(chat.data)["urgency_reasons"])
    assert "今夜の寝る場所がない" not in reasons, reasons


def test_no_bed_tonight_still_urgent() -> None:
    assert classify("今日泊まるとこがない").crisis in ("urgent", "crisis")


@pytest.mark.parametrize(
    "words",
    (
        "スマホの字ぃ小せくてよぐ見えね。電話のほうがいい。昼間なら家さいる",
        "昼間なら家にいます",
        "平日の日中は家におるよ",
    ),
)
def test_p9_home_in_the_daytime_is_a_contact_time_not_withdrawal(words: str) -> None:
    chat = started("年金の日まで金ねくて、食うもんもねぐなってきた", now=SATURDAY_NIGHT)
    chat.send(words)
    assert "家から出にくい" not in said(chat), said(chat)
    summary = build_summary(chat.data)
    assert "withdrawal" not in summary["concerns"], summary["concerns"]


def test_never_leaving_home_is_still_withdrawal() -> None:
    assert "withdrawal" in classify("もう10年ずっと家にいる").concerns


def test_p2_first_message_gets_no_fast_crisis_reply() -> None:
    from dialogs.crisis import crisis_answer

    assert crisis_answer(P2_FIRST, SATURDAY_NIGHT) is None


@pytest.mark.parametrize("words", ("息子に殴られて、もう限界です。死にたい", "夫に毎日殴られています"))
def test_fast_crisis_reply_still_for_danger(words: str) -> None:
    from dialogs.crisis import crisis_answer

    assert crisis_answer(words, SATURDAY_NIGHT) is not None


def test_reasons_quote_only_the_sentence_with_the_danger() -> None:
    from dialogs.summary import urgency_reasons

    text = "ありがとうございます。今までお世話になりました。もう死にたいです。"
    reasons = urgency_reasons(classify(text), "crisis", text)
    quoted = [r for r in reasons if r.startswith("「")]
    assert any("死にたい" in r for r in quoted), reasons
    assert not any(r == "「ありがとうございます」" for r in quoted), reasons
