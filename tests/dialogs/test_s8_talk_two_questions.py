"""Session-8 tester kaiko, a polite office worker just laid off (talk9): two questions in one message get
two answers, and a polite wish to prepare the consultation starts it.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.content import current_content
from tests.dialogs.chat import TOKYO, WEEKDAY_MORNING, Chat, intake_answers, said, started

KAIKO = (
    "昨日、会社を解雇されました。家賃の支払いが不安です",
    "住居確保給付金について教えていただけますか",
)
TWO_QUESTIONS = "申請にはどのような書類が必要でしょうか。また、本日中に窓口へ伺うことは可能でしょうか。"
SATURDAY = datetime(2026, 11, 28, 10, 0, tzinfo=TOKYO)
TUESDAY_EVENING = datetime(2026, 11, 24, 18, 30, tzinfo=TOKYO)
KURASHI = current_content().window("kurashi")
NO_LIST = "書類の一覧を載せていない"


def test_documents_and_today_are_both_answered_on_a_weekday_morning() -> None:
    chat = started(*KAIKO, TWO_QUESTIONS, now=WEEKDAY_MORNING)
    assert NO_LIST in said(chat), "documents: honestly not in the content"
    assert "担当者と話したい" in chat.labels, "a person is offered"
    assert "今日" in said(chat) and "17:00まで" in said(chat), said(chat)
    assert "「窓口に行く」と受け取りました" not in said(chat), "a question, not a contact wish"


@pytest.mark.parametrize(
    ("now", "today"),
    [(SATURDAY, "今日はお休み"), (TUESDAY_EVENING, "今日の受付は17:00で終わりました")],
)
def test_today_on_a_closed_day_or_after_hours_says_so_and_when_it_opens(now: datetime, today: str) -> None:
    chat = started(*KAIKO, TWO_QUESTIONS, now=now)
    assert NO_LIST in said(chat)
    assert today in said(chat), said(chat)
    assert "月)" in said(chat) or "水)" in said(chat), "when it opens next"


@pytest.mark.parametrize(
    "words",
    ["本日中に窓口へ伺うことは可能でしょうか。", "今日って窓口やってますか？", "今日いっても間に合う？"],
)
def test_today_alone_is_answered_with_the_hours_today(words: str) -> None:
    chat = started(*KAIKO, words)
    assert "今日は17:00まで" in said(chat) and KURASHI.name in said(chat)


@pytest.mark.parametrize("words", ["今日は窓口で相談しました", "今日は息子が変なこといってた"])
def test_telling_of_today_is_not_asking_whether_one_can_come(words: str) -> None:
    assert "今日は17:00まで" not in said(started(*KAIKO, words))


@pytest.mark.parametrize(
    "questions",
    [
        "住居確保給付金の申請って、何を持っていけばいいですか？あと今日って窓口やってますか？",
        "給付金の書類なにいるん？今日いっても間に合う？",
    ],
)
def test_documents_and_today_asked_in_other_words_are_both_answered(questions: str) -> None:
    chat = started(*KAIKO, questions)
    assert NO_LIST in said(chat) and "今日は17:00まで" in said(chat), said(chat)


def test_documents_asked_as_a_request_and_saturday_are_both_answered() -> None:
    chat = started(*KAIKO, "必要な書類を教えてください。それと、土曜日は窓口は開いていますか。")
    assert NO_LIST in said(chat) and "受付時間：" + KURASHI.hours_text in said(chat)


@pytest.mark.parametrize(
    "words",
    [
        "承知しました。では相談の準備を進めたいと思います。",  # kaiko's own words
        "わかりました。それでは相談の準備をお願いします。",
        "ありがとうございます。相談の準備を始めたいです。よろしくお願いします。",
    ],
)
def test_a_polite_wish_to_prepare_starts_the_form(words: str) -> None:
    chat = started(*KAIKO, TWO_QUESTIONS, words)
    assert chat.state.startswith("intake."), chat.state
    assert "うまく受け取れなかった" not in said(chat)
    assert "hope" not in intake_answers(chat)


def test_a_long_story_naming_the_preparation_is_not_taken_as_the_button() -> None:
    chat = Chat()
    chat.follow()
    chat.send("母が相談の準備をしてくれていたのですが、入院してしまい、私が代わりに書いています")
    assert not chat.state.startswith("intake.")


def test_both_questions_asked_inside_the_form_are_answered_before_it_asks_again() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    asked = chat.texts[-1]
    chat.send(TWO_QUESTIONS)
    assert NO_LIST in said(chat) and "今日は17:00まで" in said(chat)
    assert chat.texts[-1] == asked and chat.state == "intake.ask_asker"
