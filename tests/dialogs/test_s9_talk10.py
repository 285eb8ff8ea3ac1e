"""Session-9 try-out (talk10): a tentative wish to consult, a goodbye, not wanting the phone, a katakana
writer whose phone is about to be cut, what was and was not sent, debt questions, a romaji question on a
visa, and the reply time promised in English, in the testers' own words.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.content import current_content
from dialogs.flows.languages import english_time
from dialogs.understanding import classify
from tests.dialogs.chat import TOKYO, said, started

FALLBACK = "うまく受け取れなかった"
GENERIC_MISS = "うまくお答えできないことがあります"
EMPTY_SEND = "まだ何も書かれていません"
MENU_QUESTION = "どんなことから始めましょうか"

# ---------------------------------------------------------------- 5. a tentative wish to consult


@pytest.mark.parametrize(
    "words",
    ["相談しようかな", "相談してみようかな", "ちょっと相談してみようかと思って", "相談しようか迷ってて"],
)
def test_thinking_of_consulting_is_welcomed_with_the_next_step(words: str) -> None:
    chat = started(words)
    assert EMPTY_SEND not in said(chat) and FALLBACK not in said(chat)
    assert chat.state == "menu.main", "no consent screen with nothing to send"
    assert "担当者と話したい" in chat.labels and "相談の準備をする" in chat.labels
    assert "そのまま" in said(chat), "the person is told they can just start telling here"


def test_thinking_of_consulting_later_in_the_chat_is_welcomed_too() -> None:
    chat = started("こんにちは", "相談しようかな")
    assert EMPTY_SEND not in said(chat) and chat.state == "menu.main"
    assert "担当者と話したい" in chat.labels


def test_thinking_of_consulting_after_telling_something_shows_what_would_be_sent() -> None:
    chat = started("息子が10年ひきこもっています", "相談しようかな")
    assert chat.state == "consent.review"
    assert EMPTY_SEND not in said(chat)


# ---------------------------------------------------------------- 9. a goodbye


@pytest.mark.parametrize(
    "words",
    [
        "また何かあれば連絡します",
        "また連絡します",
        "ありがとうございました。また相談します",
        "今日はこれで失礼します",
    ],
)
def test_a_goodbye_gets_a_warm_close_not_a_new_question(words: str) -> None:
    chat = started("息子が家から出ません", words)
    assert MENU_QUESTION not in said(chat) and FALLBACK not in said(chat)
    assert "いつでも" in said(chat) and "夜" in said(chat)
    assert not said(chat).rstrip().endswith(("か。", "？")), "a close asks nothing"


def test_a_goodbye_after_sending_says_the_consultation_is_kept() -> None:
    chat = started("息子が家から出ません", "担当者と話したい")
    chat.tap("この内容だけ送る")
    chat.send("また何かあれば連絡します")
    assert MENU_QUESTION not in said(chat)
    assert "担当者に届いて" in said(chat)


# ---------------------------------------------------------------- 7. not wanting the phone


@pytest.mark.parametrize(
    "words",
    [
        "電話でないとまずい？",
        "電話しないとだめ？",
        "電話じゃなきゃダメですか",
        "電話に出られないんですけど大丈夫？",
    ],
)
def test_asking_whether_the_phone_is_needed_hears_line_is_enough(words: str) -> None:
    chat = started(words)
    assert FALLBACK not in said(chat) and GENERIC_MISS not in said(chat)
    assert "電話でなくても大丈夫" in said(chat)
    assert "このLINEでお返事" in said(chat)


@pytest.mark.parametrize("words", ["でれない", "出られない", "電話むり"])
def test_cannot_answer_the_phone_after_asking_gets_the_same_reassurance(words: str) -> None:
    chat = started("電話でないとまずい？", words)
    assert FALLBACK not in said(chat) and MENU_QUESTION not in said(chat)
    assert "電話に出られなくても" in said(chat)


def test_cannot_go_out_alone_is_not_read_as_the_phone() -> None:
    chat = started("でれない")
    assert "電話に出られなくても" not in said(chat)


# ---------------------------------------------------------------- 1. a phone about to be cut

NETCAFE = "ネットカフェ ニイル カネ800エン シカナイ ドウシタライイ"
LATE_NIGHT = datetime(2026, 11, 24, 23, 30, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "words",
    [
        "ケイタイモ モウスグ トマル",
        "スマホ ライシュウ トマル",
        "携帯が来週止められそうです",
        "スマホもうすぐ使えなくなる",
    ],
)
def test_a_phone_about_to_be_cut_gets_what_to_do_before_contact_is_lost(words: str) -> None:
    chat = started(NETCAFE, words)
    content = current_content()
    window = content.window(content.municipality.front_window)
    desk = content.temporary_living_info.after_hours_desk
    assert window.address in said(chat) and window.phone in said(chat)
    assert desk.phone in said(chat) and "公衆電話" in said(chat)
    assert "担当者と話したい" in chat.labels
    assert GENERIC_MISS not in said(chat) and FALLBACK not in said(chat)


def test_a_phone_cut_at_night_says_when_the_window_opens_and_the_night_desk() -> None:
    chat = started("ケイタイモ モウスグ トマル", now=LATE_NIGHT)
    assert "次に開くのは" in said(chat)
    assert current_content().temporary_living_info.after_hours_desk.phone in said(chat)


# ---------------------------------------------------------------- 2. katakana read as kana

KATAKANA_AND_KANA = [
    ("キョウ タベル カネ ナイ ドウスレバ？", "きょう たべる かね ない どうすれば？"),
    ("キョウノ ゴハン ナイ", "きょうの ごはん ない"),
    ("オット ニ ナグラレタ", "おっと に なぐられた"),
    ("ハハ ガ ニンチショウ", "はは が にんちしょう"),
]


@pytest.mark.parametrize(("katakana", "kana"), KATAKANA_AND_KANA)
def test_a_katakana_message_is_understood_as_the_same_words_in_kana(katakana: str, kana: str) -> None:
    written, read = classify(katakana), classify(kana)
    assert (written.crisis, written.crisis_kinds) == (read.crisis, read.crisis_kinds)
    assert set(read.concerns) <= set(written.concerns)


@pytest.mark.parametrize(
    "words",
    ["キョウ タベル カネ ナイ ドウスレバ？", "キョウノ ゴハン ナイ", "キョウ タベルモノ カウ カネ ナイ"],
)
def test_a_katakana_question_about_food_today_gets_food_not_the_rent_card(words: str) -> None:
    chat = started(NETCAFE, words)
    assert "食べるもの" in said(chat)
    assert current_content().service("housing_benefit").name not in said(chat)


# ---------------------------------------------------------------- 3. plain Japanese to a katakana writer


@pytest.mark.parametrize("words", [NETCAFE, "ケイタイモ モウスグ トマル", "シゴト ハケン キラレタ 53サイ"])
def test_a_katakana_writer_is_not_answered_in_spaced_hiragana(words: str) -> None:
    chat = started(words)
    assert "じどう の へんじ" not in said(chat) and " の " not in said(chat)
    assert "easy" not in chat.data["intake"].get("language", [])


def test_a_learner_writing_spaced_hiragana_still_gets_easy_japanese() -> None:
    chat = started("わたし しごと ない です")
    assert "じどう の へんじ" in said(chat)


# ---------------------------------------------------------------- 6. debt: other ways, and less to pay

REVO = "リボ払いが80万くらいあって、あとアコムで30万借りてる"


@pytest.mark.parametrize("words", ["自己破産とかしか無い？", "破産するしかないんですか", "債務整理って何？"])
def test_asking_if_bankruptcy_is_the_only_way_hears_the_other_ways(words: str) -> None:
    chat = started(REVO, words)
    assert "任意整理" in said(chat) and "個人再生" in said(chat) and "法テラス" in said(chat)
    assert "家計改善支援" in said(chat)


@pytest.mark.parametrize("words", ["てか相談したら借金減るの", "借金って減らせるの？", "返済が減りますか"])
def test_asking_if_consulting_reduces_the_debt_is_answered_without_a_promise(words: str) -> None:
    chat = started(REVO, words)
    assert "お約束できません" in said(chat) and "任意整理" in said(chat) and "法テラス" in said(chat)


@pytest.mark.parametrize("question", ["ask.debt_options", "ask.debt_reduce", "ask.visa", "ask.without_phone"])
def test_the_new_answers_come_from_content_with_a_source(question: str) -> None:
    assert current_content().questions[question].source


# ---------------------------------------------------------------- 8. a visa question in romaji or English


def test_a_visa_question_in_english_is_answered_once_in_english() -> None:
    chat = started("My visa is tokutei ginou. Is it OK to consult?")
    assert "whatever your visa is" in said(chat)
    assert "在留資格（ビザ）が何であっても" not in said(chat)  # one answer, not English then Japanese


def test_a_visa_question_in_romaji_is_answered_in_easy_japanese() -> None:
    """Romaji is Japanese typed without a Japanese keyboard: read as kana, answered in やさしい日本語."""
    reply = said(started("visa wa tokutei ginou. daijoubu?"))
    assert "ビザ（ざいりゅうしかく）が なん でも" in reply and "whatever your visa is" not in reply


def test_a_visa_question_in_japanese_is_answered_in_japanese() -> None:
    chat = started("特定技能のビザですが、相談できますか")
    assert "在留資格（ビザ）が何であっても" in said(chat) and "whatever your visa" not in said(chat)


# ---------------------------------------------------------------- 10. the English reply time never moves


@pytest.mark.parametrize(
    "words", ["One more thing: I can only read messages at night.", "Also, my rent is due soon."]
)
def test_english_words_added_the_next_day_keep_the_reply_time_promised(words: str) -> None:
    chat = started("Hello. I lost my job. I cannot pay rent.")
    chat.tap("Talk to a person")
    chat.tap("Send with our chat")
    promised = datetime.fromisoformat(chat.data["handoff"]["due"])
    chat.now = promised.replace(hour=8, minute=0)  # the next morning, before the promised time
    chat.send(words)
    assert english_time(promised) in said(chat)


# ---------------------------------------------------------------- 4. what was and was not sent

KAWARU = (
    "母のことなんだけど",
    "母62歳、父が亡くなってから2年くらい家から出なくなった",
    "母は父の仏壇の前からほとんど動かない。ごはんもあまり食べてない",
)
BUTSUDAN = "母は父の仏壇の前からほとんど動かない"


@pytest.mark.parametrize(
    "asked", ["え、仏壇のこと書かないでって言ったのに送った？", "書かないでって頼んだのに送ったの？"]
)
def test_asking_if_what_was_taken_off_was_sent_hears_plainly_it_was_not(asked: str) -> None:
    chat = started(*KAWARU)
    chat.tap("担当者")
    chat.send("あと仏壇のことは書かないで、それ以外を送って")
    chat.send(asked)
    assert BUTSUDAN in said(chat) and "送っていません" in said(chat)
    assert "この相談を取り下げる" in chat.labels


def test_taken_off_before_tapping_send_is_said_not_sent_too() -> None:
    chat = started(*KAWARU)
    chat.tap("担当者")
    chat.send("仏壇のことは書かないでください")
    chat.tap("この内容だけ送る")
    chat.send("言ったのに送った？")
    assert BUTSUDAN in said(chat) and "送っていません" in said(chat)
