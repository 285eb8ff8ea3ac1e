"""The third try-out's intake findings (items 1, 5, 6, 7 and P11), each as the person typed it.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

from typing import Any

from tests.dialogs.chat import Chat


def said(chat: Chat) -> str:
    return "\n".join(chat.texts)


def answers(chat: Chat) -> dict[str, Any]:
    result: dict[str, Any] = chat.data["intake"]["answers"]
    return result


def started(*messages: str) -> Chat:
    chat = Chat()
    chat.follow()
    for text in messages:
        chat.send(text)
    return chat


# ---------------------------------------------------------------- 1. a way of contact she is afraid of


def test_a_feared_office_visit_is_a_thing_to_avoid_not_the_way_to_be_contacted() -> None:
    chat = started("窓口に行くのがこわいです。パニックになるので")
    assert "「窓口に行く」と受け取りました" not in said(chat)
    assert "contact" not in answers(chat)
    assert answers(chat)["considerations"]["words"] == "窓口に行くのがこわいです。パニックになるので"


def test_her_wish_for_a_home_visit_reaches_the_form_she_sends() -> None:
    chat = started("窓口に行くのがこわいです。パニックになるので", "家まで来てもらうことはできますか")
    chat.send("人と話したい")
    preview = said(chat)
    assert "訪問してほしい" in preview
    assert "窓口に行くのがこわいです" in preview and "連絡の方法：窓口に行く" not in preview


def test_a_phone_she_cannot_face_is_not_her_contact_method() -> None:
    chat = started("電話で話すのは無理です")
    assert answers(chat).get("contact", {}).get("choice") != "phone"
    assert "電話で話すのは無理です" in answers(chat)["considerations"]["words"]


def test_an_office_visit_she_offers_is_still_her_contact_method() -> None:
    chat = started("窓口に行きます")
    assert answers(chat)["contact"]["choice"] == "visit"


# ---------------------------------------------------------------- 5. a menu label typed instead of tapped


def test_typing_the_menu_label_opens_the_questions_like_tapping_it() -> None:
    typed = started("相談の準備をする")
    tapped = Chat()
    tapped.follow()
    tapped.tap("相談の準備をする")
    assert typed.state == tapped.state != "consent.review"
    assert typed.texts == tapped.texts
    assert "まだ何も書かれていません" not in said(typed)
