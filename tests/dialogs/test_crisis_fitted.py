"""Crisis replies fitted to the person: what a try-out as new users found, in the person's exact words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, said
from tests.dialogs.test_tone import questions_in, says_nothing_unkind

NIGHT = datetime(2026, 11, 26, 2, 30, tzinfo=TOKYO)  # Thursday 2:30
WEEKDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=TOKYO)  # Tuesday, offices open

DV_PLUS = "0120-279-889"
CHILD_SOS = "0120-0-78310"
COLD_WEATHER = "寒さや暑さ"
STAFF_NOTES = ("要確認", "（仮）", "確認が必要")


def chat_at(now: datetime) -> Chat:
    """A new conversation at `now`, past the welcome."""
    chat = Chat(now=now)
    chat.follow()
    return chat


def kindly(text: str) -> None:
    """No expression from the list, at most one question a message, no staff notes."""
    assert not says_nothing_unkind(text), text
    assert not any(note in text for note in STAFF_NOTES), text


# ---------------------------------------------------------------- 1. a child writing in kana


KANA_CHILD = ("おやになぐられる", "おやからなぐられる", "ぱぱにたたかれる", "ままにけられる")
PARTNER_SIGNS = ("夫が怖いです", "夫に監視されてる", "怒鳴られる", "携帯を勝手に見られる")


@pytest.mark.parametrize("words", [*KANA_CHILD, "おかんになぐられる"])
def test_a_child_writing_in_kana_gets_189_and_childrens_lines(words: str) -> None:
    chat = chat_at(NIGHT)
    chat.send(words)
    text = said(chat)
    assert "189" in text and CHILD_SOS in text
    assert "DV相談" not in text and DV_PLUS not in text
    assert chat.data["urgency"]["level"] == "crisis"


def test_kana_words_that_only_look_like_a_parent_are_not_one() -> None:
    assert not [e for e in classify("このままがいい").entities if e.kind == "relation"]
    assert not [e for e in classify("おや、雨だ").entities if e.kind == "relation"]
    assert [(e.value, e.about) for e in classify("おやがこわい").entities if e.kind == "relation"] == [
        ("child", "self")
    ]


def test_a_child_who_does_not_want_the_police_hears_189_is_not_the_police() -> None:
    chat = chat_at(NIGHT)
    chat.send("おやになぐられる")
    state = chat.state
    chat.send("けいさつはやだ")
    text = said(chat)
    assert COLD_WEATHER not in text
    assert "189" in text and "警察ではありません" in text and "名前" in text
    assert chat.state == state and chat.data["urgency"]["level"] == "crisis"
    assert chat.last is not None and "human" in [c.data for c in chat.last.messages[-1].choices]
    kindly(text)


def test_a_child_asking_about_jidou_soudanjo_hears_what_it_does() -> None:
    chat = chat_at(NIGHT)
    chat.send("おやになぐられる")
    chat.send("じどうそうだんじょ")
    text = said(chat)
    assert COLD_WEATHER not in text
    assert "児童相談所" in text and "警察ではありません" in text
    assert "189" in text
    kindly(text)


def test_an_adult_hit_at_home_who_fears_the_police_hears_the_dv_line_is_not_the_police() -> None:
    chat = chat_at(NIGHT)
    chat.send("夫に殴られて怖い")
    chat.send("警察には言いたくない")
    text = said(chat)
    assert DV_PLUS in text and "警察ではありません" in text
    assert COLD_WEATHER not in text


# ---------------------------------------------------------------- 2. a dismissive reply after a crisis


@pytest.mark.parametrize("words", ["別に", "もういい", "べつにいい"])
def test_a_dismissive_reply_after_a_crisis_gets_a_short_warm_line_with_the_door_open(words: str) -> None:
    chat = chat_at(NIGHT)
    chat.send("死にたい")
    first = said(chat)
    chat.send(words)
    text = said(chat)
    assert len(chat.texts) == 1, chat.texts
    assert "いつでも" in text and "ここに" in text
    assert "0120-279-338" in text or "あなたのいばしょ" in text, "one line to reach"
    assert len(text) < len(first) / 2, "not the whole block again"
    assert COLD_WEATHER not in text
    assert questions_in(text) <= 1
    kindly(text)


def test_stopping_without_a_recent_crisis_still_just_stops() -> None:
    chat = chat_at(NIGHT)
    chat.send("もういい")
    assert "ここで終わりにします" in said(chat)
    chat = chat_at(NIGHT)
    chat.send("死にたい")
    chat.wait(60 * 24)
    chat.send("もういい")
    assert "ここで終わりにします" in said(chat), "a crisis a day ago does not change a plain stop"


# ---------------------------------------------------------------- 3. violence from a partner without 殴る


@pytest.mark.parametrize("words", [*PARTNER_SIGNS, "お金を渡してもらえない"])
def test_signs_of_violence_from_a_partner_get_the_dv_line_and_no_question_about_dying(words: str) -> None:
    chat = chat_at(NIGHT)
    chat.send(words)
    text = said(chat)
    assert DV_PLUS in text
    assert "死にたい" not in text
    assert chat.last is not None
    assert "risk:yes" not in [c.data for m in chat.last.messages for c in m.choices]
    assert chat.data["urgency"]["level"] in ("urgent", "crisis")
    assert "泊まる場所" not in text, "not the shelter and food guidance"
    kindly(text)


def test_a_wife_afraid_of_her_husband_is_not_recorded_as_consulting_about_him() -> None:
    chat = chat_at(WEEKDAY_NOON)
    chat.send("夫が怖いです")
    answers = chat.data["intake"]["answers"]
    assert answers.get("asker", {}).get("choice") != "family"
    assert answers.get("relation", {}).get("choice") != "spouse"
    assert answers["concerns"]["about"]["violence"] == "self"


def test_being_yelled_at_by_a_boss_is_not_read_as_violence_at_home() -> None:
    assert classify("上司に怒鳴られる").crisis == "none"


# ---------------------------------------------------------------- 4. violence from a grown child


def test_a_son_raging_tonight_gets_110_and_the_health_centre_not_the_dv_line() -> None:
    chat = chat_at(NIGHT)
    chat.send("今夜、息子が暴れています")
    text = said(chat)
    assert "110" in chat.texts[0]
    assert DV_PLUS not in text and "DV相談" not in text
    assert "保健所" in text and "精神保健福祉センター" in text
    assert "189" not in text
    kindly(text)


def test_in_office_hours_the_health_centre_is_listed_as_open_now() -> None:
    chat = chat_at(WEEKDAY_NOON)
    chat.send("今夜、息子が暴れています")
    phones = chat.texts[1]
    assert "いまの時間につながる" in phones and "保健所" in phones


def test_a_parent_hit_by_their_son_is_not_a_child_being_abused() -> None:
    reading = classify("息子に殴られる")
    assert reading.crisis == "crisis"
    assert "child_abuse" not in reading.crisis_kinds
    chat = chat_at(NIGHT + timedelta(hours=20))
    chat.send("息子に殴られる")
    text = said(chat)
    assert "189" not in text and DV_PLUS not in text
    assert "保健所" in text


def test_a_dismissive_word_typed_as_an_answer_after_a_crisis_stays_the_answer() -> None:
    chat = chat_at(NIGHT)
    chat.send("死にたい")
    chat.state = "intake.ask_considerations"
    chat.send("別に")
    assert "ここに書いてください" not in said(chat)
    assert chat.state != "intake.ask_considerations", "the form moved on"


# ---------------------------------------------------------------- an eviction with a date


@pytest.mark.parametrize(
    "text",
    [
        "来週アパートを出ていかないといけない",
        "先月出所したばかりで、今月で部屋を追い出されそうです。家賃が払えません",
    ],
)
def test_a_home_about_to_be_lost_is_urgent_and_told_how_to_keep_one(text: str) -> None:
    chat = chat_at(WEEKDAY_NOON)
    chat.send(text)
    assert classify(text).crisis == "urgent"
    assert "住居確保給付金" in said(chat) and "担当者に伝えたい" in chat.labels
    assert not says_nothing_unkind(said(chat))


@pytest.mark.parametrize("text", ["お金もありません", "お金がない", "来月の家賃が少し不安です"])
def test_an_ordinary_money_worry_is_not_made_urgent(text: str) -> None:
    assert classify(text).crisis == "none"
