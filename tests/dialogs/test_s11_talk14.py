"""Session 11, talk14 (try-outs 11/12): contact in writing only, wanting a person, and coming back.

A hard-of-hearing person asks whether mail or FAX will do and wants answers in writing; a question about a
way of contact is answered, never recorded as the choice; 「文字で相談できるところ」 hears of the chat lines;
「昼間」 is the daytime (morning and afternoon) and 「夜はやめて」 a time not to call; at 2 a.m. a wish to
talk to someone hears first of the lines open now.

Each test types the tester's words, with variants of our own (kana, shorter, longer, another order).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.content import current_content
from dialogs.summary import build_summary, summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

FALLBACK = "うまく受け取れなかったかもしれません"
TWO_AM = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)  # a Wednesday, office closed
CHAT_LINE = "あなたのいばしょ"
FRONT_EMAIL = "kurashi@example.jp"


def sheet_line(chat: Chat, start: str) -> str:
    """The 受付票 line that starts with `start`."""
    return next(line for line in summary_text(chat.data).splitlines() if line.startswith(start))


def first_reply(words: str) -> tuple[Chat, str]:
    """A conversation begun with `words`, and what the bot said to them (never the fallback)."""
    chat = started(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    return chat, reply


def at_question(state: str) -> Chat:
    """A conversation at an intake question, every earlier one skipped."""
    chat = started("相談の準備をする")
    while chat.state != state:
        chat.tap("答えたくない")
    return chat


# ---------------------------------------------------------------- 1. mail, FAX, answers in writing

TEXT_ONLY = (
    "メールかFAXでも大丈夫ですか？お返事も電話じゃなくて文字でほしいです",
    "FAXとかメールでもいいですか。返事は電話じゃなくて文字でお願いします",
    "めーるでも大丈夫？お返事は文字でほしいです",
)


def _text_ways_answer(reply: str) -> None:
    assert "文字だけで相談できます" in reply and "このLINE" in reply, reply
    assert FRONT_EMAIL in reply and CHAT_LINE in reply
    assert FALLBACK not in reply


@pytest.mark.parametrize("words", TEXT_ONLY)
def test_asking_for_mail_or_fax_and_answers_in_writing_is_answered_and_kept(words: str) -> None:
    chat = started(words)
    _text_ways_answer(said(chat))
    assert intake_answers(chat)["contact"]["choice"] == "line"
    assert "文字" in sheet_line(chat, "配慮してほしいこと")
    assert "このLINEで" in sheet_line(chat, "連絡方法")


def test_fax_not_in_the_content_is_said_plainly_and_answers_come_here() -> None:
    chat = started(TEXT_ONLY[0])
    assert current_content().window("kurashi").fax is None
    assert "FAXで受け付けているかどうかは、ここではまだご案内できません" in said(chat)


@pytest.mark.parametrize("words", TEXT_ONLY[:2])
def test_at_the_contact_question_writing_is_the_way_and_the_question_is_answered(words: str) -> None:
    chat = at_question("intake.ask_contact")
    chat.send(words)
    _text_ways_answer(said(chat))
    assert intake_answers(chat)["contact"]["choice"] == "line"


@pytest.mark.parametrize("words", ["手話通訳とか窓口にいますか", "窓口に手話できる人いますか？"])
def test_asking_about_the_window_at_the_contact_question_is_not_choosing_to_go(words: str) -> None:
    chat = at_question("intake.ask_contact")
    chat.send(words)
    assert "手話通訳" in said(chat)
    assert intake_answers(chat).get("contact", {}).get("choice") != "visit"
    assert chat.state == "intake.ask_contact"


def test_after_sending_at_night_the_person_writing_only_hears_of_a_chat_line_not_only_a_phone() -> None:
    chat = started(TEXT_ONLY[0], now=TWO_AM)
    chat.tap("担当者と話したい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    assert CHAT_LINE in said(chat)


# ---------------------------------------------------------------- 2. a question is not an answer

ASKED_ONLY = (
    "相談窓口、FAXかメールでもいいですか",
    "メールでも相談できますか？",
    "ふぁっくすでもいい？",
)


@pytest.mark.parametrize("words", ASKED_ONLY)
def test_asking_whether_mail_or_fax_will_do_is_answered_and_nothing_is_recorded(words: str) -> None:
    chat, reply = first_reply(words)
    assert "文字だけで相談できます" in reply, reply
    answers = intake_answers(chat)
    assert "contact" not in answers and "considerations" not in answers


@pytest.mark.parametrize(
    ("words", "way"), [("メールでお願いできますか", "email"), ("連絡はメールでお願いします", "email")]
)
def test_a_request_put_as_a_question_still_chooses_the_way(words: str, way: str) -> None:
    chat = started("息子が10年ひきこもっています", words)
    assert intake_answers(chat)["contact"]["choice"] == way


# ---------------------------------------------------------------- 3. a place to talk in writing

TEXT_PLACES = (
    "文字で相談できるところ",
    "電話じゃなくてチャットで話せるところある？",
    "チャットで相談できるとこありますか",
    "でんわじゃなくて文字で話せるとこ",
)


@pytest.mark.parametrize("words", TEXT_PLACES)
def test_a_place_to_talk_in_writing_names_the_chat_lines(words: str) -> None:
    _, reply = first_reply(words)
    assert CHAT_LINE in reply and "24時間" in reply, reply


# ---------------------------------------------------------------- 4. daytime, and not the evening

DAYTIME = ("連絡は昼間だけに", "連絡は昼間にしてください", "日中なら大丈夫です", "ひるまなら電話でれます")


@pytest.mark.parametrize("words", DAYTIME)
def test_daytime_is_morning_and_afternoon(words: str) -> None:
    chat = started(words)
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_daytime"
    assert "平日の日中" in sheet_line(chat, "連絡方法")
    assert "平日の午後" not in summary_text(chat.data)


@pytest.mark.parametrize("words", ["夜はやめて", "夜はやめてください", "連絡は夜はやめてほしい"])
def test_not_the_evening_is_a_caution_never_the_evening(words: str) -> None:
    chat = started("連絡は昼間にしてください", words)
    assert FALLBACK not in said(chat)
    assert words in (build_summary(chat.data)["considerations"] or "")
    assert intake_answers(chat)["contact_times"]["choice"] != "weekday_evening"


def test_sleepless_evenings_are_not_a_caution_about_calls() -> None:
    chat = started("夜はちょっと眠れなくて")
    assert "considerations" not in intake_answers(chat)


# ---------------------------------------------------------------- 6. at 2 a.m., someone to talk to now

TALK_NOW = ("だれかとはなしたい", "誰かと話したい", "人と話したいです")


@pytest.mark.parametrize("words", TALK_NOW)
def test_at_night_the_lines_open_now_come_before_leaving_a_message(words: str) -> None:
    chat = started(words, now=TWO_AM)
    texts = chat.texts
    first = next(i for i, text in enumerate(texts) if "0120-279-338" in text)
    send_screen = next(i for i, text in enumerate(texts) if "担当者に送る内容" in text)
    assert first < send_screen
    assert CHAT_LINE in texts[first] and "メッセージを残しておく" in texts[first]
    assert "この内容だけ送る" in chat.labels
    assert said(chat).count("0120-279-338") == 1


def test_in_office_hours_the_send_screen_comes_at_once() -> None:
    chat = started(TALK_NOW[0])
    assert "担当者に送る内容" in chat.texts[0]


# ---------------------------------------------------------------- 8. a net café: a bed tonight, a job there

NET_CAFE_URGENT = ("ネカフェにいる", "ネカフェにいる、お金もうない", "ネカフェにいる、今日は泊まれない")
NET_CAFE_NOT_URGENT = (
    "ネカフェにいる、今日は泊まれる",
    "ネカフェでバイト中",
    "ネカフェにいる、今夜はなんとか泊まれる",
    "漫画喫茶にいます。今晩は泊まれます",
    "ネットカフェでバイトしてます",
)


@pytest.mark.parametrize("words", NET_CAFE_URGENT)
def test_a_net_cafe_without_a_bed_or_money_is_urgent(words: str) -> None:
    chat = started(words)
    assert chat.data["urgency"]["level"] == "urgent"


@pytest.mark.parametrize("words", NET_CAFE_NOT_URGENT)
def test_a_net_cafe_with_a_bed_tonight_or_a_job_there_is_not_urgent(words: str) -> None:
    chat = started(words)
    assert chat.data.get("urgency", {}).get("level") not in ("urgent", "crisis")


# ---------------------------------------------------------------- 5. a person, without questions

NO_QUESTIONS = (
    "だれかと話したいけど、質問には答えたくない",
    "誰かと話したい。質問はされたくないです",
    "人と話したいけど根掘り葉掘り聞かれたくない",
)


@pytest.mark.parametrize("words", NO_QUESTIONS)
def test_wanting_a_person_without_questions_hears_none_are_needed_and_can_send_at_once(words: str) -> None:
    chat, reply = first_reply(words)
    assert "質問には答えなくて大丈夫です" in reply, reply
    assert "この内容だけ送る" in chat.labels
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data


# ---------------------------------------------------------------- 7. coming back

RETURNING = ("昨日相談した者です", "この前LINEした者ですけど", "先日こちらで相談させていただいた者です")


def sent_yesterday(share: str = "この内容だけ送る") -> Chat:
    """A mother who sent her consultation yesterday and writes again today."""
    chat = started("息子が10年ひきこもっています")
    chat.tap("担当者と話したい")
    chat.tap(share)
    assert "handoff" in chat.data
    chat.wait(60 * 24)
    return chat


@pytest.mark.parametrize("words", RETURNING)
def test_coming_back_after_sending_is_asked_whether_to_add_to_the_case(words: str) -> None:
    chat = sent_yesterday()
    chat.send(words)
    reply = said(chat)
    assert "送ってくださったご相談は、担当者に届いています" in reply and FALLBACK not in reply, reply
    assert "担当者にも伝える" in chat.labels
    chat.tap("担当者にも伝える")
    assert "書き加えました" in said(chat)


def test_coming_back_when_the_conversation_is_shared_adds_at_once() -> None:
    chat = sent_yesterday("やりとりも含めて送る")
    chat.send(RETURNING[1])
    assert "担当者に届いています" in said(chat) and "書き加えました" in said(chat)


@pytest.mark.parametrize("words", RETURNING)
def test_coming_back_with_nothing_sent_is_welcomed_warmly(words: str) -> None:
    chat, reply = first_reply(words)
    assert "また書いてくださって、ありがとうございます" in reply, reply
    assert "相談の準備をする" in chat.labels
