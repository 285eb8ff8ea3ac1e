"""The third look at the second try-out: short answers people typed that got the fallback or the wrong answer.

Every test drives the real engine with the person's exact words (and variants written for the fix).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.content import current_content
from tests.dialogs.chat import TOKYO, Chat, said, started

FALLBACK = catalog.text("fallback")
PREVIEW_START = "担当者に送る内容は、次のとおりです。"
TWO_AM = datetime(2026, 12, 6, 2, 10, tzinfo=TOKYO)


# ---------------------------------------------------------------- wanting a person, in a few words


@pytest.mark.parametrize(
    "text",
    [
        "担当の方に伝えたいです",  # P01
        "はなしたい",  # P10
        "人",  # P10
        "I want to talk with a person please",  # P15
        "担当の人に伝えたい",
        "担当者さんに伝えたいです",
        "ひとと はなしたい",
        "だれかと はなしたい",
        "人がいい",
        "I would like to talk with a person",
        "Can I talk with someone?",
    ],
)
def test_a_few_words_asking_for_a_person_open_the_consent_screen(text: str) -> None:
    chat = started()
    chat.send("息子のことで相談です")
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.state == "consent.review", said(chat)


# ---------------------------------------------------------------- greetings that fit the hour


@pytest.mark.parametrize(
    "text",
    [
        "こんばんは",
        "こんばんわ",
        "夜分にすみません",
        "夜分遅くにすみません",
        "遅くに失礼します",
        "夜分に失礼します",
    ],
)
def test_a_greeting_at_two_in_the_morning_is_answered_for_the_night_not_with_konnichiwa(text: str) -> None:
    chat = started(now=TWO_AM)
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert "こんにちは" not in said(chat)
    assert "こんばんは" in said(chat) and "夜遅く" in said(chat)


def test_the_welcome_at_night_says_good_evening() -> None:
    chat = Chat(now=TWO_AM)
    chat.follow()
    assert "こんにちは" not in said(chat) and "こんばんは" in said(chat)


@pytest.mark.parametrize(
    ("hour", "hello"), [(7, "おはようございます"), (14, "こんにちは"), (20, "こんばんは")]
)
def test_the_greeting_follows_the_clock(hour: int, hello: str) -> None:
    chat = started(now=datetime(2026, 12, 7, hour, 0, tzinfo=TOKYO))
    chat.send("こんにちは")
    assert said(chat).startswith(hello)
    assert "夜遅く" not in said(chat)


# ---------------------------------------------------------------- a named gathering before what つなぐ is


@pytest.mark.parametrize(
    "text",
    [
        "家族会というのはどんなところですか",  # P01
        "家族会ってどんなところなんですか",
        "親の会はどういうところですか",
        "家族会って何をするところ？",
        "家族の会はどんな場所ですか",
        "家族会とはどういう所なの",
    ],
)
def test_asking_what_a_family_group_is_answers_about_family_groups_not_about_tsunagu(text: str) -> None:
    chat = started()
    chat.send(text)
    assert "家族会は、ひきこもりの状態にある方のご家族が集まって" in said(chat)
    assert "自動で応答するLINEアカウントです" not in said(chat)


# ---------------------------------------------------------------- unread words still reach the 受付票


def handed_off_summary(chat: Chat) -> str:
    chat.send("人と話したい")
    chat.tap("この内容だけ送る")
    (handoff,) = [e for e in chat.effects if type(e).__name__ == "HandOff"]
    return str(handoff.summary_text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "嫁にもばれてへん",
        "むり",
        "母とはもう何年も口をきいていない",
        "ずっとこんな感じです",
        "そうなんよ、もう限界かもしれん",
        "夫は知らない",
    ],
)
def test_a_message_that_got_the_fallback_reaches_the_persons_words_when_they_share(text: str) -> None:
    chat = started()
    chat.send("借金のことで相談したいです")
    chat.send(text)
    assert text in handed_off_summary(chat)


def test_a_line_of_dots_alone_is_not_written_as_the_persons_words() -> None:
    chat = started()
    chat.send("借金のことで相談したいです")
    chat.send("…")
    assert not any(item["words"] == "…" for item in chat.data["intake"]["heard"])


# ---------------------------------------------------------------- no place to sleep: 119 for the cold

NETCAFE_NIGHT = datetime(2026, 12, 6, 23, 50, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "text",
    [
        "年金はもらっていません",
        "仕事はもう何年もしていません",
        "貯金はないです",
        "家族とは連絡をとっていません",
        "保険証はあります",
        "携帯は使えます",
    ],
)
def test_a_plain_fact_after_the_no_place_to_sleep_reply_is_kept_without_the_119_line(text: str) -> None:
    chat = started(now=NETCAFE_NIGHT)
    chat.send("こんばんは。アパートを追い出されて、いまネットカフェにいます")
    chat.send(text)
    assert "119" not in said(chat)
    assert any(item["words"] == text for item in chat.data["intake"]["heard"])


@pytest.mark.parametrize("text", ["寒くて体が動かない", "なんか具合が悪い", "外はさむいです"])
def test_the_cold_or_the_body_after_the_no_place_to_sleep_reply_still_gets_the_119_line(text: str) -> None:
    chat = started(now=NETCAFE_NIGHT)
    chat.send("こんばんは。アパートを追い出されて、いまネットカフェにいます")
    chat.send(text)
    assert "119" in said(chat)


# ---------------------------------------------------------------- a carer's own sleep, not the office hours


@pytest.mark.parametrize(
    "text",
    [
        "ばあちゃんが認知症で、夜中に何回も起きるから全然ねれない",  # P07
        "母が夜中に何度も起きるので、私が眠れていません",
        "じいちゃんの介護で夜中も起こされて寝不足です",
        "認知症の祖母が夜中に歩き回るので、ぜんぜん寝れない",
        "夜中に父のトイレの世話があって、まとまって眠れない",
        "おばあちゃんが夜中に起きてきて、こっちが寝られない",
    ],
)
def test_a_carer_who_cannot_sleep_hears_about_their_own_burden_not_the_office_hours(text: str) -> None:
    chat = started()
    chat.send(text)
    assert "受付時間" not in said(chat)
    assert catalog.text("talk.own_burden").splitlines()[0] in said(chat)
    assert any(item["words"] == text for item in chat.data["intake"]["heard"])


# ---------------------------------------------------------------- a line about someone: thanked and kept

HEARD = "書いてくださって、ありがとうございます。"


@pytest.mark.parametrize(
    "text",
    [
        "父はいません",  # P07
        "息子さんひとりで食事もとれているのか心配です",  # P14
        "同棲している彼のことで相談です",  # P03
        "母は仕事で毎日遅いです",
        "兄とはもう何年も話していない",
        "娘さんがどうしているのか気がかりです",
    ],
)
def test_a_line_about_someone_is_thanked_and_kept_not_met_with_the_fallback(text: str) -> None:
    chat = started()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert HEARD in said(chat) and "下書きに残し" in said(chat)
    assert any(item["words"] == text for item in chat.data["intake"]["heard"])


@pytest.mark.parametrize(
    "text",
    [
        "嫁にもばれてへん",
        "妻にはまだばれていません",
        "家族にはばれてない",
        "夫には知られてないです",
        "旦那にもバレてない",
        "親にはばれてへんで",
    ],
)
def test_family_not_knowing_yet_is_answered_with_how_to_keep_it_private(text: str) -> None:
    chat = started()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert "トーク履歴" in said(chat)


# ---------------------------------------------------------------- notifications


@pytest.mark.parametrize(
    "text",
    [
        "通知って消せますか",
        "通知を消したい",
        "通知に内容が出ないようにできますか",
        "通知で見られたら困る",
        "通知を切れますか",
        "通知オフにできる？",
    ],
)
def test_asking_about_notifications_says_how_to_turn_the_preview_off_even_the_second_time(text: str) -> None:
    chat = started()
    chat.send("LINEを見られたら怖いです")
    chat.send(text)
    assert "メッセージ内容表示" in said(chat) and "オフ" in said(chat)
    assert "通知" in said(chat) and "記録を消す" in chat.labels
    assert catalog.text("privacy.answer") not in said(chat)


# ---------------------------------------------------------------- English: food, utilities, and a closed day

SUNDAY_EVENING = datetime(2026, 12, 6, 19, 0, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "text",
    [
        "Is there help for food?",
        "Can I get food?",
        "We have no rice",
        "Where can I get food",
        "help with food please",
        "Is there a food bank?",
    ],
)
def test_an_english_question_about_food_gets_the_food_answer_in_english(text: str) -> None:
    chat = started()
    chat.send(text)
    assert chat.texts[0].startswith("(This is an automated reply.) If you have nothing to eat")
    assert "使い方のご案内" not in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "gas was stopped",
        "The electricity was cut",
        "my water has been stopped",
        "They stopped my gas",
        "power is turned off",
        "gas is stopped",
    ],
)
def test_english_about_gas_or_power_gets_the_utilities_answer_not_food(text: str) -> None:
    chat = started()
    chat.send(text)
    assert "gas, electricity or water" in chat.texts[0]
    assert "nothing to eat" not in said(chat)


def test_english_on_a_closed_day_says_the_office_is_closed_now_and_when_it_opens() -> None:
    chat = started(now=SUNDAY_EVENING)
    chat.send("Is there help for food?")
    assert "closed now" in chat.texts[0] and "Monday 7 December, 8:30" in chat.texts[0]


def test_english_on_an_open_day_does_not_say_closed() -> None:
    chat = started()
    chat.send("Is there help for food?")
    assert "closed now" not in chat.texts[0]


# ---------------------------------------------------------------- やさしい日本語, spaced


@pytest.mark.parametrize(
    "text",
    [
        "電話 こわい。LINE いいです",
        "でんわ にがて。LINE で いい",
        "LINE いいです",
        "らいん が いい です",
        "電話 むり。LINE だいじょうぶ",
        "LINE OK です",
    ],
)
def test_spaced_words_choosing_line_are_taken_as_the_way_to_be_contacted(text: str) -> None:
    chat = started()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert chat.data["intake"]["answers"]["contact"]["choice"] == "line"


@pytest.mark.parametrize(
    "text",
    [
        "市役所 どこ 相談 できますか",
        "どこ そうだん できますか",
        "しやくしょ どこ ですか",
        "どこ で そうだん できる",
        "市役所 どこ",
        "相談 どこ ですか",
    ],
)
def test_spaced_words_asking_where_to_consult_get_where_to_go(text: str) -> None:
    chat = started()
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert current_content().faq_answer("faq.how_to_reach").splitlines()[0] in said(chat)


# ---------------------------------------------------------------- a dot or one word at night

FOUR_AM = datetime(2026, 12, 6, 4, 0, tzinfo=TOKYO)


@pytest.mark.parametrize("text", ["…", "むり", "……", "。。。", "ん", "むりだ"])
def test_a_dot_or_one_word_gets_a_gentle_reply_not_the_fallback(text: str) -> None:
    chat = started(now=FOUR_AM)
    chat.send(text)
    assert FALLBACK not in said(chat)
    assert "ゆっくりで大丈夫です" in said(chat)
    assert "担当者と話したい" in chat.labels
