"""Session 12, try-out 16 (S1): afraid right now after violence was told, and wanting a person at night.

p6, a grandmother of 80 writing in hiragana, told that her grandson (20) takes her pension and has hit
her, sent a case, then wrote 「まごが おきてきました。こわい」 and got only
「送った相談に書き加えて…伝えますか」.
Fear right now, after violence was told, gets at once a safety line (110, somewhere safe), added to the case
and raised. p3/p5 wrote 「人と話したい」 at night and got only the send screen and 「月曜9:00」: at night the
lines where a person answers now come first.

Each test types the person's words in order, with variants of our own (clock: the try-out's night, Sat 02:30).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 2, 30, tzinfo=TOKYO)
WEEKDAY_DAY = datetime(2026, 12, 8, 11, 0, tzinfo=TOKYO)

P6_BEFORE = (
    "まごのことで",
    "まごは20さいで いえからでません",
    "わたしのねんきんを もっていってしまいます",
    "まごに たたかれたことも あります",
)


def p6_sent() -> Chat:
    chat = started(*P6_BEFORE, now=SATURDAY_NIGHT)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    return chat


def safety_now_given(chat: Chat) -> None:
    reply = said(chat)
    assert "110" in reply, reply
    assert "伝えますか" not in reply, reply
    assert chat.last is not None
    effects = [e for e in chat.last.effects if type(e).__name__ == "RaiseUrgency"]
    assert effects and effects[-1].level == "crisis", effects


AFRAID_NOW = (
    "まごが おきてきました。こわい",
    "むすこが かえってきた。こわい",
    "夫が帰ってきた、怖い",
    "足音がする。こわい",
)


@pytest.mark.parametrize("words", AFRAID_NOW)
def test_p6_afraid_now_after_sending_gets_safety_at_once(words: str) -> None:
    chat = p6_sent()
    chat.send(words)
    safety_now_given(chat)
    reply = said(chat)
    assert "書き加えました" in reply, reply
    assert chat.last is not None
    added = [e for e in chat.last.effects if type(e).__name__ == "AddToCase"]
    assert len(added) == 1 and words in str(added[0]), added


def test_p6_afraid_now_in_kana_is_answered_in_plain_words() -> None:
    chat = p6_sent()
    chat.send("まごが おきてきました。こわい")
    reply = said(chat)
    assert "にげ" in reply or "そと" in reply or "かぎ" in reply, reply


@pytest.mark.parametrize("words", AFRAID_NOW[1:])
def test_afraid_now_before_sending_gets_safety(words: str) -> None:
    chat = started("夫に なぐられたことが あります", now=SATURDAY_NIGHT)
    chat.send(words)
    safety_now_given(chat)


@pytest.mark.parametrize("words", ("虫がでた。こわい", "足音がする。こわい", "夫が帰ってきた、怖い"))
def test_fear_without_violence_told_is_not_a_crisis(words: str) -> None:
    chat = started("お金のことで相談したい", now=SATURDAY_NIGHT)
    chat.send(words)
    assert chat.last is not None
    effects = [e for e in chat.last.effects if type(e).__name__ == "RaiseUrgency" and e.level == "crisis"]
    assert not effects, said(chat)


def test_bug_after_violence_is_not_someone_near() -> None:
    chat = p6_sent()
    chat.send("虫がでた。こわい")
    assert chat.last is not None
    effects = [e for e in chat.last.effects if type(e).__name__ == "RaiseUrgency" and e.level == "crisis"]
    assert not effects, said(chat)


WANT_A_PERSON = ("人と話したい", "誰かと話したいわ", "だれかと はなしたい")


@pytest.mark.parametrize("words", WANT_A_PERSON)
def test_wanting_a_person_at_night_gets_lines_open_now_first(words: str) -> None:
    chat = started("仕事をなくして家賃が払えない", now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "よりそいホットライン" in reply and "0120-279-338" in reply, reply
    assert reply.index("0120-279-338") < max(reply.find("送って"), reply.find("送る"), 0) or "送" not in reply


@pytest.mark.parametrize("words", WANT_A_PERSON[:2])
def test_wanting_a_person_after_sending_at_night_gets_lines_open_now(words: str) -> None:
    chat = started("仕事をなくして家賃が払えない", now=SATURDAY_NIGHT)
    chat.tap("担当者と話したい")
    chat.tap("この内容だけ送る")
    chat.send(words)
    reply = said(chat)
    assert "0120-279-338" in reply, reply
    assert reply.index("0120-279-338") < reply.index("送ってもよいですか"), reply


def test_p3_child_wanting_a_person_after_sending_gets_childrens_lines_and_no_duplicate() -> None:
    chat = started("たすけて", "おやじになぐられた 母ちゃんも", "いま外 2時", now=SATURDAY_NIGHT)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    chat.send("16さい。かあちゃん大丈夫かな")
    assert "書き加えました" in said(chat), said(chat)
    chat.send("人と話したい")
    reply = said(chat)
    assert "子供SOSダイヤル" in reply, reply
    assert "「16さい。かあちゃん大丈夫かな」" not in reply, reply


def test_wanting_a_person_in_office_hours_keeps_the_send_screen() -> None:
    chat = started("仕事をなくして家賃が払えない", now=WEEKDAY_DAY)
    chat.send("人と話したい")
    reply = said(chat)
    assert "送ってもよいですか" in reply or "送る" in reply, reply


@pytest.mark.parametrize(
    "words", ("まごに たたかれたことも あります", "孫に叩かれたこともあります", "まごに なぐられました")
)
def test_p6_grandmother_hit_by_grandson_hears_of_the_elder_center(words: str) -> None:
    chat = started(*P6_BEFORE[:3], now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "110" in reply, reply
    assert "ちいき ほうかつ" in reply or "地域包括支援センター" in reply, reply
    assert "DV相談" not in reply, reply
    assert "ねんきん" in reply or "年金" in reply, reply  # her pension taken, told before: abuse too


def test_woman_hit_by_husband_keeps_the_dv_lines() -> None:
    chat = started("夫に叩かれたこともあります", now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "地域包括" not in reply, reply


@pytest.mark.parametrize(
    "words", ("でんわは にがてです。みみが とおくて", "耳が遠くて電話は苦手で", "みみが とおいので")
)
def test_p6_hard_of_hearing_gets_the_ways_to_write_from_then_on(words: str) -> None:
    chat = p6_sent()
    chat.send(words)
    assert "文字" in said(chat), said(chat)
    chat.send("まごが おきてきました。こわい")
    reply = said(chat)
    assert "チャット" in reply and "0120-279-338" not in reply.split("\n", 1)[1], reply
