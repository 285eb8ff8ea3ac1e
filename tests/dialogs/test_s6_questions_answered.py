"""Session 6: questions people ask before they dare to consult get their answer, not the fallback line.

Whether one's worry is the kind of thing to bring here, whether the office sees one's LINE name, whether
asking reaches one's parents or workplace, and whether the 保健所 is open at night: each family of wordings
reaches the content's own answer.
"""

from __future__ import annotations

import pytest

from dialogs import catalog
from dialogs.content import current_content
from tests.dialogs.chat import Chat, said, started

FALLBACK = catalog.text("fallback").splitlines()[0]


def faq(intent: str) -> str:
    """The first line of the content's answer to a common question."""
    return current_content().faq_answer(intent, district_id=None).splitlines()[0]


@pytest.mark.parametrize(
    "text",
    [
        "こういうのって相談していいんですか",
        "こんな小さなことでも相談できますか",
        "そんなことで連絡しても大丈夫ですか",
        "こんなんでもそうだんしてええの？",
        "こういうの そうだんして いいの",
    ],
)
def test_asking_whether_ones_worry_may_be_brought_here_is_answered(text: str) -> None:
    chat = started("こんにちは", text)
    assert FALLBACK not in said(chat)
    assert faq("faq.who_can_use") in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "市役所の人に私のLINEの名前わかりますか",
        "ラインの名前って相手に見える？",
        "アイコンとか向こうに見えてる？",
        "相談員さんに私が誰かわかっちゃいますか",
        "しやくしょのひとに らいんのなまえ わかる？",
    ],
)
def test_asking_whether_staff_see_who_one_is_gets_the_privacy_answer(text: str) -> None:
    chat = started("こんにちは", text)
    assert FALLBACK not in said(chat)
    assert "LINEの名前やプロフィールを、相談員が見ることはありません" in said(chat)


@pytest.mark.parametrize(
    "text",
    [
        "相談したら親に連絡いきますか",
        "そうだんしたら おやに れんらく いく？",
        "会社に話が伝わったりしない？",
        "職場に電話がかかってきたりしますか",
        "家族に連絡されたりしませんか",
    ],
)
def test_asking_whether_consulting_reaches_family_or_work_gets_the_secrecy_answer(text: str) -> None:
    chat = started("こんにちは", text)
    assert FALLBACK not in said(chat)
    assert "あなたの了解なく、ご家族や近所の方、勤め先などに伝えることはありません" in said(chat)


@pytest.mark.parametrize(
    "text",
    ["親に連絡しました", "会社には昨日電話しました", "LINEのアイコンを変えました", "薬の名前がわかりません"],
)
def test_telling_of_a_call_or_a_name_is_not_a_question_about_secrecy(text: str) -> None:
    chat = started("こんにちは", text)
    assert "あなたの了解なく" not in said(chat)


@pytest.mark.parametrize(
    "text", ["保健所って夜もやってますか", "ほけんじょって夜もあいてる？", "保健センターって土日もやってる？"]
)
def test_asking_whether_the_health_centre_is_open_gets_its_card_with_its_hours(text: str) -> None:
    chat = started("こんにちは", text)
    window = current_content().window(current_content().service("health_center").how_to_reach.window)
    assert FALLBACK not in said(chat)
    assert current_content().service("health_center").name in said(chat)
    assert window.hours_text in said(chat)


def test_a_question_about_being_seen_typed_inside_the_form_is_answered_on_the_way() -> None:
    chat = Chat()
    chat.follow()
    chat.tap(catalog.text("menu.intake"))
    chat.send("アイコンとか向こうに見えてる？")
    assert "LINEの名前やプロフィールを、相談員が見ることはありません" in said(chat)


def test_asking_in_english_to_be_called_opens_the_way_to_a_person() -> None:
    chat = started("hello", "Could somebody call me please? I wrote my number already")
    assert FALLBACK not in said(chat)
    assert chat.state == "consent.review"


def test_money_crossed_out_in_emoji_is_heard_as_a_money_worry() -> None:
    chat = started("こんにちは", "💴✖ 🍙✖")
    assert FALLBACK not in said(chat)
    assert catalog.text("person.concern.economic") in said(chat)
