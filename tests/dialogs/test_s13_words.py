"""Session 13, try-out 15: words the bot misread, and what each person now gets.

1. 「すみませんでした」 (after an outburst, or as a first line) got the fallback or 「はい、どうぞ」. An
   apology now gets 「謝らなくて大丈夫です」 and how to go on; an apology that opens a question
   (「すみません、質問です」) is still invited to ask.
3. A phone number typed inside the 受付票 questions (「090-1234-5678です」 at the contact question) got
   「ボタンから選んで…」 and was lost. It is now kept on the draft as how to reach them (a phone call,
   the number as typed), sent only if they choose to send; a free dial (0120) is never their number.
4. 「出ていかなあかん」 (関西弁: must leave) was read as 彼 (a partner): 〜なあかん / 〜んとあかん / 〜なかん
   never name a partner; 「彼氏に」「かれに」 still do.
5. An age typed in kana (「じゅうごさい」「じゅうななさいです」) was not read: after being put out by a
   parent it now switches to the children's lines, as 「15さい」 does.
6. 「大家に追い出された」 (already out: no bed tonight) got the rent card. It now gets tonight's bed first,
   then the housing services; 「大家に出ていけと言われた」 (a threat, not yet) stays the housing answer.

Each test types the person's words, with variants of our own and words that must not trigger the change.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import AddToCase
from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

SATURDAY_1AM = datetime(2026, 12, 5, 1, 0, tzinfo=TOKYO)

NO_APOLOGY = "謝らなくて大丈夫"
FALLBACK = "うまく受け取れなかった"
OPENER = "どうぞ"
CHILD_SOS = "0120-0-78310"
DV_PLUS = "0120-279-889"
BED_TONIGHT = "今夜泊まる場所"
RENT = "住居確保給付金"


# ---------------------------------------------------------------- 1. an apology

OUTBURST = "なんなんだよ！！ふざけんな！！"

APOLOGIES = (
    "すみませんでした",
    "すいません",
    "ごめんなさい",
    "すみません、さっきは",
    "すいませんでした…",
    "さっきはごめんなさい",
    "申し訳ありませんでした",
    "ごめんなさい。さっきは言いすぎました",
)


@pytest.mark.parametrize("words", APOLOGIES)
def test_an_apology_after_an_outburst_needs_none(words: str) -> None:
    chat = started(OUTBURST, words)
    reply = said(chat)
    assert NO_APOLOGY in reply, reply
    assert FALLBACK not in reply and "担当者と話したい" in chat.labels


@pytest.mark.parametrize(
    "words", ("すみませんでした", "ごめんなさい", "すみません、さっきは", "ごめんなさい…")
)
def test_an_apology_as_a_first_line_needs_none(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert NO_APOLOGY in reply, reply
    assert FALLBACK not in reply


def test_an_apology_in_english_or_easy_japanese_is_answered_in_kind() -> None:
    reply = said(started("I lost my job and cannot pay rent", "sorry"))
    assert "no need to apologise" in reply and NO_APOLOGY not in reply, reply
    reply = said(started("わたし しごと ない です", "ごめんなさい"))
    assert "あやまらなくて だいじょうぶ" in reply, reply


def test_an_apology_as_the_very_first_message_is_welcomed_then_answered() -> None:
    chat = Chat()  # no follow event: the first message is welcomed, then answered
    chat.send("すみませんでした")
    assert NO_APOLOGY in said(chat) and FALLBACK not in said(chat)


def test_the_apology_tells_how_to_go_on() -> None:
    reply = said(started("すみませんでした"))
    assert "そのまま書いて" in reply and "担当者" in reply


def test_an_apology_is_not_kept_for_staff() -> None:
    chat = started("家賃が払えません", "すみませんでした")
    heard = [item["words"] for item in chat.data["intake"].get("heard", [])]
    assert "すみませんでした" not in heard


@pytest.mark.parametrize(
    "words",
    (
        "すみません、質問です",
        "すいません、ちょっと聞きたいんですけど",
        "すみません、生活保護について知りたいです",
        "ごめんなさい、どこに電話すればいいですか",
    ),
)
def test_an_apology_that_opens_a_question_is_not_the_apology_reply(words: str) -> None:
    reply = said(started(words))
    assert NO_APOLOGY not in reply, reply


def test_a_bare_excuse_me_as_a_first_line_is_still_invited_to_ask() -> None:
    assert OPENER in said(started("すみません"))
    assert OPENER in said(started("すみません、質問です"))


# ---------------------------------------------------------------- 3. a phone number typed in the form


def at_question(state: str, first: str = "家賃が払えなくて困っています") -> Chat:
    chat = started(first)
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    chat.tap("18〜39")
    while chat.state != state:
        assert chat.state.startswith("intake.ask"), chat.state
        chat.tap(next(label for label in chat.labels if "選び終わった" in label or "答えたくない" in label))
    return chat


NUMBERS = (
    ("090-1234-5678です", "090-1234-5678"),
    ("電話番号 08012345678", "08012345678"),
    ("０９０－１２３４－５６７８でおねがいします", "090-1234-5678"),
    ("電話で。090 1234 5678", "090 1234 5678"),
)


@pytest.mark.parametrize(("words", "number"), NUMBERS)
def test_a_number_at_the_contact_question_is_how_to_reach_them(words: str, number: str) -> None:
    chat = at_question("intake.ask_contact")
    chat.send(words)
    reply = said(chat)
    assert "ボタンから選んで" not in reply, reply
    assert number in reply, reply
    contact = intake_answers(chat)["contact"]
    assert contact["choice"] == "phone" and contact["words"] == number
    assert chat.state != "intake.ask_contact"
    assert "handoff" not in chat.data and not any(isinstance(e, AddToCase) for e in chat.effects)


@pytest.mark.parametrize("state", ("intake.ask_contact_times", "intake.ask_considerations"))
def test_a_number_at_a_later_question_is_kept_too(state: str) -> None:
    chat = at_question(state)
    chat.send("電話番号 08012345678")
    assert "08012345678" in said(chat)
    contact = intake_answers(chat)["contact"]
    assert contact["words"] == "08012345678"
    assert "handoff" not in chat.data


def test_a_number_beside_another_way_is_not_said_to_be_a_phone_call() -> None:
    chat = at_question("intake.ask_considerations")
    chat.send("電話は苦手なので090-1234-5678にショートメールで")
    contact = intake_answers(chat)["contact"]
    assert contact["words"] == "090-1234-5678"
    if contact["choice"] != "phone":
        assert "「電話」として" not in said(chat), said(chat)


@pytest.mark.parametrize("words", ("0120-279-338にかけてもいい？", "0120-0-78310"))
def test_a_free_dial_at_the_contact_question_is_not_their_number(words: str) -> None:
    chat = at_question("intake.ask_contact")
    chat.send(words)
    assert not intake_answers(chat).get("contact", {}).get("words")


def test_the_number_is_on_the_review_before_sending() -> None:
    chat = at_question("intake.ask_contact")
    chat.send("090-1234-5678です")
    for _ in range(10):
        if not chat.state.startswith("intake.ask"):
            break
        chat.tap(next(label for label in chat.labels if "特にない" in label or "答えたくない" in label))
    assert "090-1234-5678" in said(chat)
    assert "handoff" not in chat.data


# ---------------------------------------------------------------- 4. 〜なあかん is no partner

MUST = (
    "出ていかなあかん",
    "家賃払えなくて出ていかなあかん",
    "親に殴られて出ていかなあかん",
    "働かんとあかん",
    "出ていかなかん",
    "はよ出ていかんとあかん",
    "せなあかんことばっかり",
    "出ていかなあかんのに殴られる",
    "はよ出ていかなあかん、叩かれるし",
    "出ていかなかん。殴られるで",
    "出ていかんとあかんのに叩かれた",
)


def _partner_read(words: str) -> bool:
    reading = classify(words)
    entities = any(e.kind == "relation" and e.value == "spouse" for e in reading.entities)
    return entities or any("彼" in e.rule or e.matched.endswith("かん") for e in reading.evidence)


@pytest.mark.parametrize("words", MUST)
def test_nakan_is_not_a_partner(words: str) -> None:
    assert not _partner_read(words), classify(words)


@pytest.mark.parametrize("words", ("彼氏に殴られる", "かれに殴られた", "彼に殴られました"))
def test_a_partner_is_still_read(words: str) -> None:
    assert _partner_read(words)


def test_okan_is_still_read_as_family() -> None:
    chat = started("まあええわ。38のおっさんやけど、もう10年家から出てへんねん")
    chat.send("親はもう70超えとる。おかんも腰悪いし、俺がこんなんで申し訳ないわ")
    assert "ご家族の体のこと" in said(chat), said(chat)


def test_hit_by_a_parent_and_must_leave_gets_no_partner_line() -> None:
    reply = said(started("出ていかなあかんのに親に殴られる", now=SATURDAY_1AM))
    assert DV_PLUS not in reply and "パートナー" not in reply, reply


# ---------------------------------------------------------------- 5. an age in kana


@pytest.mark.parametrize(
    ("words", "age", "band"),
    (
        ("じゅうごさい", "15", "under_18"),
        ("じゅうななさいです", "17", "under_18"),
        ("15さい", "15", "under_18"),
        ("じゅうろくさい、こうこういちねん", "16", "under_18"),
        ("ジュウゴサイ", "15", "under_18"),
        ("にじゅうごさいです", "25", "18_39"),
        ("ななさいのこがいます", "7", "under_18"),
    ),
)
def test_an_age_in_kana_is_read(words: str, age: str, band: str) -> None:
    entities = classify(words).entities
    assert any(e.kind == "age" and e.value == age for e in entities), entities
    assert any(e.kind == "age_band" and e.value == band for e in entities), entities


@pytest.mark.parametrize(
    "words",
    (
        "ほんとうにさいごにします",
        "ありがとうございます",
        "いっさいない",
        "さいきんねむれない",
        "にさいごろから",
        "きゅうさいの制度はありますか",
        "さんさいの天ぷら",
    ),
)
def test_kana_that_only_looks_like_an_age_is_none(words: str) -> None:
    assert not any(e.kind == "age" for e in classify(words).entities), classify(words).entities


@pytest.mark.parametrize("age", ("じゅうごさい", "じゅうななさいです", "15さい"))
def test_an_age_in_kana_after_the_put_out_switches_to_the_childrens_lines(age: str) -> None:
    chat = started("親に家追い出された", now=SATURDAY_1AM)
    chat.send(age)
    reply = said(chat)
    assert "伝えるね" in reply and CHILD_SOS in reply and "189" in reply, reply


def test_an_adult_age_in_kana_after_the_put_out_does_not_switch() -> None:
    chat = started("親に家追い出された", "にじゅうごさいです", now=SATURDAY_1AM)
    assert "伝えるね" not in said(chat)


# ---------------------------------------------------------------- 6. put out by the landlord already

PUT_OUT = (
    "大家に追い出された",
    "大家に追い出されました",
    "アパート追い出された",
    "おおやに追い出された",
    "管理会社に追い出されて行くとこない",
)


@pytest.mark.parametrize("words", PUT_OUT)
def test_put_out_already_gets_tonights_bed_then_the_home(words: str) -> None:
    reply = said(started(words))
    assert BED_TONIGHT in reply and "一時生活支援" in reply, reply
    assert reply.index(BED_TONIGHT) < reply.index(RENT), reply


@pytest.mark.parametrize(
    "words", ("大家に出ていけと言われた", "大家から来月までに出ていけと言われた", "大家に追い出されそう")
)
def test_told_to_leave_is_still_the_home_to_keep(words: str) -> None:
    reply = said(started(words))
    assert "一時生活支援" not in reply and BED_TONIGHT not in reply, reply
    if "言われた" in words:
        assert RENT in reply, reply
