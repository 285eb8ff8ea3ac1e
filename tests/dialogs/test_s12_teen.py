"""Session 12, try-out 14 (p1, teen): a 16-year-old put out of home at about 1 a.m.

She typed, in short LINE pieces: 「親に家追い出された」 (got the rent card, 住居確保給付金),
「どこで寝ればいいの」 (got 「急ぎの相談として、担当者に伝わるようにしています」 though nothing had
been sent), 「なんか死んだほうが楽かも」 (got only 「話せる窓口：189」), 「16です　高1」 (no switch to
the children's lines), 「ゲイってばれて…荷物なげられた」 (got DV相談＋, a partner's line), and
「スマホの充電あと20%」 (電気・ガス・水道 on the 受付票), with the same children's text three times in a row.

Now: put out by a parent, age unknown, she hears tonight's bed (not rent), what 189 and 一時保護 are for an
under-18, and is asked her age; the same need again is short and honest (nothing reaches a person before
it is sent); a child's thoughts of dying get her lines (子供SOS, a chat line) and a direct gentle question;
an age under 18 switches the conversation to the children's lines; a child hurt by a parent gets 189 /
子供SOS and, beside words of being gay, the sexual-minority line the content names, never a partner's
line; the phone's battery gets a short practical answer, not a utilities worry. With no age told, a
grown-up's reply to a parent's violence names 189 for under-18s.

Each test types the person's words in order, with variants of our own (clock: a Saturday, 01:00 Tokyo).
"""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest

from dialogs import catalog
from dialogs.effects import RaiseUrgency
from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_1AM = datetime(2026, 12, 5, 1, 0, tzinfo=TOKYO)

P1 = (
    "親に家追い出された",
    "どこで寝ればいいの",
    "なんか死んだほうが楽かも",
    "16です　高1",
    "ゲイってばれて…荷物なげられた",
    "スマホの充電あと20%",
)

RENT = ("住居確保給付金", "家賃")
CHILD_SOS = "0120-0-78310"
DV_PLUS = "0120-279-889"
FALSE_HANDOFF = ("担当者に伝わるようにしています", "担当者に伝えました", "担当者に届けました")
MINORITY = "セクシュアルマイノリティ"


def messages_of(chat: Chat) -> list[str]:
    return list(chat.texts)


def concerns(chat: Chat) -> list[str]:
    found: list[str] = chat.data.get("intake", {}).get("answers", {}).get("concerns", {}).get("choices", [])
    return found


# ---------------------------------------------------------------- the whole conversation, in her order


def test_p1_turn_by_turn() -> None:
    chat = started(now=SATURDAY_1AM)
    replies: list[list[str]] = []

    # 1. put out by a parent, age not known: tonight's bed, 189 with 一時保護 for an under-18, her age asked
    chat.send(P1[0])
    reply = said(chat)
    assert "今夜泊まる場所" in reply and "110" in reply
    assert "189" in reply and "一時保護" in reply and CHILD_SOS in reply
    assert "18歳未満" in reply and "年齢" in reply
    for word in RENT:
        assert word not in reply, word
    replies.append(messages_of(chat))

    # 2. the same need again: short, and no word of staff being told (nothing was sent)
    chat.send(P1[1])
    reply = said(chat)
    assert "handoff" not in chat.data
    for words in FALSE_HANDOFF:
        assert words not in reply, words
    assert "189" in reply and "0000-00-0000" in reply  # the night desk, and 189 for an under-18
    assert len(reply) < len("\n".join(replies[0])) / 2
    replies.append(messages_of(chat))

    # 3. thoughts of dying: the lines open now with a child's too, a chat line, and the direct question
    chat.send(P1[2])
    reply = said(chat)
    assert CHILD_SOS in reply and "あなたのいばしょ" in reply and "0120-279-338" in reply
    assert "死にたいと思う" in reply and "そういう気持ちがある" in chat.labels
    assert reply.strip() != "話せる窓口：189"
    replies.append(messages_of(chat))

    # 4. her age: from now on the children's lines, in a child's words; tonight's bed through 189
    chat.send(P1[3])
    reply = said(chat)
    assert "189" in reply and "一時保護" in reply and CHILD_SOS in reply
    assert "伝えるね" in reply
    assert chat.data["crisis"]["hurt"] == "child"
    replies.append(messages_of(chat))

    # 5. harmed at home for being gay: 189 and 子供SOS, the sexual-minority line; never a partner's line
    chat.send(P1[4])
    reply = said(chat)
    assert "189" in reply and CHILD_SOS in reply and MINORITY in reply and "よりそいホットライン" in reply
    assert DV_PLUS not in reply and "DV相談" not in reply and "パートナー" not in reply
    replies.append(messages_of(chat))

    # 6. the phone's battery: a short practical answer; not utilities, not money
    chat.send(P1[5])
    reply = said(chat)
    assert "充電" in reply and "110" in reply and "メモ" in reply and "189" in reply
    assert "電気・ガス・水道" not in reply
    assert "economic" not in concerns(chat) and "debt" not in concerns(chat)
    replies.append(messages_of(chat))

    # no message said twice in a row (the children's block was sent three times in a row)
    offers = {catalog.text("crisis.again_offer").strip(), catalog.text("urgent.offer").strip()}
    for before, after in itertools.pairwise(replies):
        repeated = ({m.strip() for m in before} & {m.strip() for m in after}) - offers
        assert not repeated, repeated


def test_p1_ends_with_a_child_at_home_on_the_case() -> None:
    chat = started(*P1, now=SATURDAY_1AM)
    assert chat.data["urgency"]["level"] == "crisis"
    reasons = chat.data["urgency"]["reasons"]
    assert any(catalog.text("urgency.reason.child_at_home") == reason for reason in reasons), reasons


# ---------------------------------------------------------------- 1. put out by a parent


@pytest.mark.parametrize(
    "words",
    (
        "親に追い出された",
        "おやじに追い出された",
        "ママに家から追い出された",
        "親に家追い出されてしもた",
        "おやにいえおいだされた",
    ),
)
def test_put_out_by_a_parent_age_unknown_gets_tonight_and_the_childrens_lines(words: str) -> None:
    reply = said(started(words, now=SATURDAY_1AM))
    assert "今夜泊まる場所" in reply and "189" in reply and "一時保護" in reply and "年齢" in reply
    for word in RENT:
        assert word not in reply, word


def test_put_out_by_a_parent_said_by_a_grown_up_gets_tonight_not_rent_nor_189() -> None:
    reply = said(started("34歳です。親に追い出された", now=SATURDAY_1AM))
    assert "今夜泊まる場所" in reply and "110" in reply
    assert "189" not in reply and "一時保護" not in reply and "年齢" not in reply
    for word in RENT:
        assert word not in reply, word


@pytest.mark.parametrize("words", ("大家に追い出された", "親に出ていけと言われた"))
def test_a_landlord_or_told_to_leave_is_not_a_child_put_out(words: str) -> None:
    reply = said(started(words, now=SATURDAY_1AM))
    assert "189" not in reply and "一時保護" not in reply


@pytest.mark.parametrize("age", ("16です　高1", "中3です", "15歳"))
def test_a_child_put_out_gets_the_child_reply_then_a_short_one(age: str) -> None:
    chat = started(age, "親に家追い出された", now=SATURDAY_1AM)
    first = said(chat)
    assert "189" in first and "一時保護" in first and CHILD_SOS in first
    assert "住居確保給付金" not in first
    chat.send("どこで寝ればいいの")
    again = said(chat)
    assert "189" in again and len(again) < len(first) / 2
    for words in FALSE_HANDOFF:
        assert words not in again, words


# ---------------------------------------------------------------- 2. staff told only when a case exists


@pytest.mark.parametrize("again", ("どこで寝ればいいの", "今夜ねるとこない"))
def test_the_same_urgent_need_again_says_nothing_reached_staff_before_sending(again: str) -> None:
    chat = started("今夜寝るところがない", now=SATURDAY_1AM)
    chat.send(again)
    reply = said(chat)
    assert "handoff" not in chat.data
    assert "送るまで担当者には届きません" in reply
    for words in FALSE_HANDOFF:
        assert words not in reply, words


def test_the_same_urgent_need_after_sending_says_the_case_is_read_as_urgent() -> None:
    chat = started("今夜寝るところがない", now=SATURDAY_1AM)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    chat.send("今夜ねるとこない")
    reply = said(chat)
    assert "送ったご相談" in reply and "送るまで" not in reply


def test_no_catalog_sentence_says_staff_are_told_before_anything_is_sent() -> None:
    written = Path(catalog.__file__).with_name("catalog.yaml").read_text(encoding="utf-8")
    assert "伝わるようにしています" not in written


# ---------------------------------------------------------------- 3. a child's thoughts of dying


@pytest.mark.parametrize(
    "words",
    (
        ("16です　高1", "なんか死んだほうが楽かも"),
        ("中2です", "しにたい"),
        ("高校生だけど消えたい",),
        ("15歳", "もう消えたい"),
    ),
)
def test_a_child_thinking_of_dying_gets_her_lines_and_the_direct_question(words: tuple[str, ...]) -> None:
    chat = started(*words, now=SATURDAY_1AM)
    reply = said(chat)
    assert CHILD_SOS in reply and "あなたのいばしょ" in reply
    assert catalog.text("crisis.child_ask").split("\n")[0] in reply
    assert "そういう気持ちがある" in chat.labels


def test_a_child_who_says_yes_hears_her_lines_not_the_grown_ups_words() -> None:
    chat = started("16です　高1", "なんか死んだほうが楽かも", now=SATURDAY_1AM)
    chat.tap("そういう気持ちがある")
    reply = said(chat)
    assert CHILD_SOS in reply and "119" in reply
    assert "道具があれば" not in reply
    assert any(isinstance(e, RaiseUrgency) and e.level == "crisis" for e in chat.effects)


def test_a_grown_up_thinking_of_dying_keeps_the_grown_ups_reply() -> None:
    reply = said(started("34歳です。もう死にたい", now=SATURDAY_1AM))
    assert CHILD_SOS not in reply and "189" not in reply
    assert catalog.text("crisis.child_ask").split("\n")[0] not in reply


def test_a_parent_telling_of_a_teenagers_words_is_not_the_childs_reply() -> None:
    reply = said(started("高校生の娘が死にたいと言っています", now=SATURDAY_1AM))
    assert catalog.text("crisis.child_ask").split("\n")[0] not in reply
    assert "娘さん" in reply


# ---------------------------------------------------------------- 4. an age under 18 told later


@pytest.mark.parametrize("age", ("16です　高1", "高校生です", "高1", "中3です"))
def test_an_age_told_after_the_put_out_switches_to_the_childrens_lines(age: str) -> None:
    chat = started("親に家追い出された", now=SATURDAY_1AM)
    chat.send(age)
    reply = said(chat)
    assert "伝えるね" in reply and CHILD_SOS in reply and "189" in reply
    chat.send("なんか死んだほうが楽かも")
    assert catalog.text("crisis.child_ask").split("\n")[0] in said(chat)


def test_an_adult_age_after_the_put_out_does_not_switch() -> None:
    chat = started("親に家追い出された", "25歳です", now=SATURDAY_1AM)
    assert "伝えるね" not in said(chat)
    chat.send("なんか死んだほうが楽かも")
    reply = said(chat)
    assert catalog.text("crisis.child_ask").split("\n")[0] not in reply and CHILD_SOS not in reply


# ---------------------------------------------------------------- 5. a child hurt, and a sexual minority


@pytest.mark.parametrize(
    "words",
    (
        ("16です　高1", "ゲイってばれて…荷物なげられた"),
        ("15歳です", "トランスだって親に言ったら殴られた"),
        ("中3", "レズってばれて母に叩かれた"),
    ),
)
def test_a_child_hurt_for_who_she_is_gets_189_and_the_minority_line(words: tuple[str, ...]) -> None:
    reply = said(started(*words, now=SATURDAY_1AM))
    assert "189" in reply and CHILD_SOS in reply and MINORITY in reply
    assert DV_PLUS not in reply and "パートナー" not in reply


def test_put_out_and_then_hurt_with_no_age_gets_no_partner_line() -> None:
    chat = started("親に家追い出された", "ゲイってばれて…荷物なげられた", now=SATURDAY_1AM)
    reply = said(chat)
    assert DV_PLUS not in reply and "パートナー" not in reply
    assert "189" in reply and MINORITY in reply


def test_hurt_without_words_of_a_minority_names_no_minority_line() -> None:
    reply = said(started("16です　高1", "荷物なげられた", now=SATURDAY_1AM))
    assert MINORITY not in reply


# ---------------------------------------------------------------- 6. the same children's text never thrice


def test_unread_words_after_a_childs_reply_get_a_short_line_the_second_time() -> None:
    chat = started("16です　高1", "親に家追い出された", "なんか死んだほうが楽かも", now=SATURDAY_1AM)
    chat.send("まだ外にいる")
    first = said(chat)
    chat.send("ねむい")
    second = said(chat)
    assert first != second
    assert len(second) < len(first)


# ---------------------------------------------------------------- 7. the phone's battery


@pytest.mark.parametrize(
    "words", ("スマホの充電あと20%", "充電やばい", "バッテリーあと5%しかない", "じゅうでん もうすぐきれる")
)
def test_the_phones_battery_after_the_lines_is_a_short_practical_answer(words: str) -> None:
    chat = started("親に家追い出された", now=SATURDAY_1AM)
    chat.send(words)
    reply = said(chat)
    assert "充電" in reply and "メモ" in reply and "110" in reply
    assert "電気・ガス・水道" not in reply
    assert "economic" not in concerns(chat)


def test_the_battery_is_no_money_worry_in_the_reading() -> None:
    assert "economic" not in classify("スマホの充電あと20%").concerns
    assert "economic" in classify("電気代が払えない").concerns


def test_a_broken_charger_with_no_danger_before_is_not_the_battery_answer() -> None:
    reply = said(started("スマホの充電器が壊れた", now=SATURDAY_1AM))
    assert "メモ" not in reply


# ---------------------------------------------------------------- also: a parent's violence, age unknown


@pytest.mark.parametrize("words", ("父に殴られた", "父親に殴られる", "母親に叩かれてる"))
def test_a_parents_violence_with_no_age_names_189_for_under_18s(words: str) -> None:
    reply = said(started(words, now=SATURDAY_1AM))
    assert "189" in reply and "18歳未満" in reply
    assert DV_PLUS not in reply


def test_a_parents_violence_told_by_a_grown_up_names_no_189() -> None:
    reply = said(started("35歳です。父に殴られた", now=SATURDAY_1AM))
    assert "189" not in reply and DV_PLUS not in reply and "110" in reply


def test_a_partners_violence_keeps_the_partner_line() -> None:
    reply = said(started("夫に殴られた", now=SATURDAY_1AM))
    assert DV_PLUS in reply
