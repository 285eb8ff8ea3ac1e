"""Session-8 try-out 9 (ask9): a consent breach, questions about how and where to consult, a language
switch on the word 「LINE」, and a writer who uses only katakana, in the testers' own words.

Every test drives the real engine with the real reading, typing the person's words in their order.
"""

from __future__ import annotations

import pytest

from dialogs.content import current_content
from dialogs.effects import HandOff
from tests.dialogs.chat import Chat, intake_answers, said, started

GENERIC_MISS = "うまくお答えできないことがあります"
FALLBACK = "うまく受け取れなかった"

# ---------------------------------------------------------------- 1. taking something off before sending

KAWARU = (
    "母のことなんだけど",
    "母62歳、父が亡くなってから2年くらい家から出なくなった",
    "母は父の仏壇の前からほとんど動かない。ごはんもあまり食べてない",
)
BUTSUDAN = "母は父の仏壇の前からほとんど動かない"


def kawaru_at_consent() -> Chat:
    """kawaru's story, then 担当者に伝えたい: the consent screen."""
    chat = started(*KAWARU)
    chat.tap("担当者")
    assert chat.state == "consent.review"
    return chat


def handed_off(chat: Chat) -> HandOff:
    """The one hand-off the conversation made."""
    (handoff,) = [effect for effect in chat.effects if isinstance(effect, HandOff)]
    return handoff


def test_what_she_said_not_to_write_is_taken_off_what_is_sent_and_she_is_told() -> None:
    chat = kawaru_at_consent()
    chat.send("あと仏壇のことは書かないで、それ以外を送って")
    sent = handed_off(chat)
    assert "仏壇" not in sent.summary_text and "仏壇" not in str(sent.summary)
    assert "ごはんもあまり食べてない" in sent.summary_text, "the rest of the message is still sent"
    assert BUTSUDAN in said(chat) and "外しました" in said(chat)


def test_when_nothing_matches_what_she_asks_off_it_is_not_sent_before_asking() -> None:
    chat = kawaru_at_consent()
    chat.send("お寺のことは書かないで、それ以外を送って")
    assert not [effect for effect in chat.effects if isinstance(effect, HandOff)]
    assert chat.state == "consent.review"
    assert "見つけられませんでした" in said(chat)
    assert "お寺のことは書かないで" not in str(chat.data["intake"]), "not added as words to send"


@pytest.mark.parametrize("words", ["え、仏壇のこと書かないでって言ったのに送った？", "送ったの消せる？"])
def test_after_sending_asking_about_what_went_offers_to_take_it_back(words: str) -> None:
    chat = kawaru_at_consent()
    chat.tap("この内容だけ送る")
    chat.send(words)
    assert not said(chat).startswith("はい、")
    assert "取り下げ" in said(chat)
    assert "この相談を取り下げる" in chat.labels
    assert "担当者にも伝える" not in chat.labels, "not offered as words to add"


# ---------------------------------------------------------------- 2. how and where to consult


def window_named(chat: Chat, window_id: str) -> bool:
    """Whether the last reply names the window with its phone number."""
    window = current_content().window(window_id)
    return window.name in said(chat) and window.phone in said(chat)


@pytest.mark.parametrize("words", ["相談って電話しかない？むり", "人と会わずに相談ってできますか"])
def test_asking_to_consult_without_phone_or_meeting_hears_that_line_reaches_a_person(words: str) -> None:
    chat = started(words)
    assert GENERIC_MISS not in said(chat) and FALLBACK not in said(chat)
    assert "このLINEで続ける" in said(chat)


@pytest.mark.parametrize(
    ("story", "words", "window"),
    [
        (
            ("こんな夜中にすみません。息子に叩かれます。42歳です。",),
            "警察じゃないところで相談できるところはありますか",
            "hokenjo",
        ),
        (("リボ払いが80万くらいあって、あとアコムで30万借りてる",), "借金の相談ってどこ", "kurashi"),
    ],
)
def test_asking_where_to_consult_names_the_window(story: tuple[str, ...], words: str, window: str) -> None:
    chat = started(*story, words)
    assert GENERIC_MISS not in said(chat) and FALLBACK not in said(chat)
    assert window_named(chat, window)


def test_asking_whether_to_go_to_houterasu_gets_the_legal_cost_answer() -> None:
    chat = started("リボ払いが80万くらいあって、あとアコムで30万借りてる", "法テラスってとこ行けばいいの？")
    assert "法テラス・サポートダイヤル" in said(chat)


# ---------------------------------------------------------------- 3. a product name is not English


def at_contact_question() -> Chat:
    """A conversation at the contact question, every earlier question passed."""
    chat = started("相談の準備をする")
    while chat.state != "intake.ask_contact":
        chat.tap("答えたくない")
    return chat


def test_typing_line_at_the_contact_question_stays_in_japanese() -> None:
    chat = at_contact_question()
    chat.send("LINE")
    assert "automated" not in said(chat)
    assert "en" not in chat.data["intake"].get("language_needs", [])
    assert "Later" not in chat.labels


def test_saying_it_is_not_english_takes_the_english_need_off() -> None:
    chat = started("Hello. I lost my job. Where can I live?")
    assert "en" in chat.data["intake"]["language_needs"]
    chat.send("英語じゃないです")
    assert "en" not in chat.data["intake"]["language_needs"]


def test_an_english_message_with_a_date_in_kanji_gets_english() -> None:
    chat = started("Hello. I am Maria from Philippines. I lost my job and I have to leave the dormitory.")
    chat.send(
        "not tonight. I must leave dormitory in 2 weeks. 12月15日まで。 Is there cheap apartment or shelter?"
    )
    assert said(chat).startswith("(This is an automated reply.)")
    assert "Talk to a person" in chat.labels


# ---------------------------------------------------------------- 4. written in katakana only

NETCAFE = "ネットカフェ ニイル カネ800エン シカナイ ドウシタライイ"


def test_katakana_job_loss_and_age_are_taken() -> None:
    chat = started(NETCAFE, "シゴト ハケン キラレタ 53サイ")
    assert GENERIC_MISS not in said(chat)
    answers = intake_answers(chat)
    assert answers["age_band"]["choice"] == "40_64"
    assert {"job_search", "economic"} & set(answers["concerns"]["choices"])


def test_katakana_nowhere_to_stay_from_tomorrow_is_understood() -> None:
    chat = started(NETCAFE, "コンヤハ ナントカナル アシタカラ ムリ")
    assert GENERIC_MISS not in said(chat) and FALLBACK not in said(chat)


def test_katakana_question_on_going_tomorrow_and_what_to_bring_is_answered() -> None:
    chat = started(NETCAFE, "アシタ ソコイケバイイ？ ナニモッテク")
    assert GENERIC_MISS not in said(chat) and FALLBACK not in said(chat)
    assert "書類" in said(chat)


def test_katakana_phone_being_cut_is_a_contact_risk() -> None:
    chat = started(NETCAFE, "ケイタイモ モウスグ トマル ネカフェノWIFIダケ")
    assert "携帯" in str(chat.data["intake"]["answers"].get("considerations", {}))


def test_a_service_name_in_hiragana_gets_its_card() -> None:
    chat = started("じゅうきょかくほきゅうふきんてなに")
    assert current_content().service("housing_benefit").name in said(chat)


# ---------------------------------------------------------------- 5. next


def test_answer_my_question_is_not_read_as_the_bot_having_no_question() -> None:
    chat = started("リボ払いが80万くらいあって、あとアコムで30万借りてる", "いや質問に答えてよ")
    assert "お答えいただく質問はありません" not in said(chat)


def test_not_wanting_the_police_is_heard() -> None:
    chat = started(
        "こんな夜中にすみません。息子に叩かれます。42歳です。",
        "警察は呼びたくないんです。息子が捕まったらかわいそうで",
    )
    assert "警察ではない窓口" in said(chat) and "110" in said(chat)
    assert current_content().window("hokenjo").phone in said(chat)


def test_thinking_of_consulting_is_an_opening_not_a_miss() -> None:
    chat = started("相談しようかな")
    assert FALLBACK not in said(chat)
    assert "担当者と話したい" in chat.labels, (
        "welcomed with the way to a person (session 9: no empty send screen)"
    )
