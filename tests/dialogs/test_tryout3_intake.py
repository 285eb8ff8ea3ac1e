"""The third try-out's intake findings (items 1, 5, 6, 7 and P11), each as the person typed it.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

from tests.dialogs.chat import Chat, intake_answers, said, started

# ---------------------------------------------------------------- 1. a way of contact she is afraid of


def test_a_feared_office_visit_is_a_thing_to_avoid_not_the_way_to_be_contacted() -> None:
    chat = started("窓口に行くのがこわいです。パニックになるので")
    assert "「窓口に行く」と受け取りました" not in said(chat)
    assert "contact" not in intake_answers(chat)
    assert intake_answers(chat)["considerations"]["words"] == "窓口に行くのがこわいです。パニックになるので"


def test_her_wish_for_a_home_visit_reaches_the_form_she_sends() -> None:
    chat = started("窓口に行くのがこわいです。パニックになるので", "家まで来てもらうことはできますか")
    chat.send("人と話したい")
    preview = said(chat)
    assert "訪問してほしい" in preview
    assert "窓口に行くのがこわいです" in preview and "連絡の方法：窓口に行く" not in preview


def test_a_phone_she_cannot_face_is_not_her_contact_method() -> None:
    chat = started("電話で話すのは無理です")
    assert intake_answers(chat).get("contact", {}).get("choice") != "phone"
    assert "電話で話すのは無理です" in intake_answers(chat)["considerations"]["words"]


def test_an_office_visit_she_offers_is_still_her_contact_method() -> None:
    chat = started("窓口に行きます")
    assert intake_answers(chat)["contact"]["choice"] == "visit"


# ---------------------------------------------------------------- 5. a menu label typed instead of tapped


def test_typing_the_menu_label_opens_the_questions_like_tapping_it() -> None:
    typed = started("相談の準備をする")
    tapped = Chat()
    tapped.follow()
    tapped.tap("相談の準備をする")
    assert typed.state == tapped.state != "consent.review"
    assert typed.texts == tapped.texts
    assert "まだ何も書かれていません" not in said(typed)


# ---------------------------------------------------------------- 6. a man who writes for himself


def test_a_man_who_says_it_is_about_himself_stays_the_person_himself() -> None:
    chat = started("52歳、自分のことです")
    assert intake_answers(chat)["asker"]["choice"] == "self" and not intake_answers(chat)["asker"].get(
        "guess"
    )
    chat.send("親も80過ぎて、親が死んだら…")
    assert intake_answers(chat)["asker"]["choice"] == "self"
    assert "relation" not in intake_answers(chat)
    assert "ご家族（子ども）と受け取りました" not in said(chat)


# ---------------------------------------------------------------- P11. a single mother


def test_a_single_mother_telling_who_she_is_is_about_herself_and_no_school_worry() -> None:
    chat = started("シングルで子ども2人育ててます")
    assert "ご家族や身近な方のことを書いて" not in said(chat)
    assert "子どもや学校のこと" not in said(chat)
    assert "childcare_education" not in intake_answers(chat).get("concerns", {}).get("choices", [])
    assert intake_answers(chat).get("asker", {}).get("choice") in (None, "self")
    assert any(item["words"] == "シングルで子ども2人育ててます" for item in chat.data["intake"]["heard"])


def test_raising_children_alone_as_a_worry_is_still_heard() -> None:
    chat = started("子どもを一人で育てるのが大変です")
    assert "childcare_education" in intake_answers(chat)["concerns"]["choices"]


# ---------------------------------------------------------------- P11. when and how she can be reached


def test_a_phone_said_as_also_fine_joins_line_and_sets_the_times_without_the_hours_faq() -> None:
    chat = started("LINEでお願いします", "連絡は平日の夜なら電話でも大丈夫です")
    assert "月〜金 8:30〜17:00" not in said(chat)
    assert "「このLINEで」" in said(chat) and "「電話」" in said(chat)
    contact = intake_answers(chat)["contact"]
    assert (contact["choice"], contact["also"]) == ("line", "phone")
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_evening"
    chat.send("人と話したい")
    assert "連絡は平日の夜なら電話でも大丈夫です" in said(chat)


def test_asking_about_office_hours_still_gets_the_hours() -> None:
    chat = started("平日は何時まで電話できますか")
    assert "8:30〜17:00" in said(chat)


# ---------------------------------------------------------------- 7. typed answers at multi-choice questions


def at_hopes(*first: str) -> Chat:
    """A person who wrote `first`, then answered the form up to the question of what she hopes for."""
    chat = started(*first)
    chat.tap("相談の準備をする")
    for label in ("自分のこと", "40", "1年"):
        chat.tap(label)
    chat.tap("選び終わった")
    assert chat.state == "intake.ask_hopes"
    return chat


def test_a_district_typed_at_the_hopes_question_is_her_district_and_the_form_moves_on() -> None:
    chat = at_hopes()
    chat.send("東台です")
    assert intake_answers(chat)["district"]["choice"] == "higashidai"
    assert "hopes" not in intake_answers(chat)
    assert chat.state not in ("intake.ask_hopes", "intake.ask_district")


def test_line_typed_at_the_hopes_question_is_her_contact_method() -> None:
    chat = at_hopes()
    chat.send("LINEで")
    assert intake_answers(chat)["contact"]["choice"] == "line" and "hopes" not in intake_answers(chat)
    assert chat.state == "intake.ask_district"


def test_night_typed_at_the_hopes_question_is_when_she_can_be_reached() -> None:
    chat = at_hopes()
    chat.send("夜")
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_evening"
    assert "「平日の夕方以降」と受け取りました" in said(chat)
    assert "hopes" not in intake_answers(chat) and chat.state == "intake.ask_district"


def test_nothing_in_particular_skips_the_hopes_question() -> None:
    chat = at_hopes()
    chat.send("とくにないです")
    assert "hopes" not in intake_answers(chat) and "hopes" in chat.data["intake"]["skipped"]
    assert chat.state == "intake.ask_district"


def test_a_hope_typed_in_words_is_still_kept_at_the_hopes_question() -> None:
    chat = at_hopes()
    chat.send("話を聞いてほしいです")
    assert chat.state == "intake.ask_hopes"
    assert "listen" in intake_answers(chat)["hopes"]["choices"]


def test_tapping_a_concern_already_ticked_from_her_words_unticks_it_and_says_so() -> None:
    chat = started("お金がなくて困っています")
    chat.tap("相談の準備をする")
    for label in ("自分のこと", "40", "1年"):
        chat.tap(label)
    assert "✓ お金・生活費" in chat.labels
    chat.tap("お金")
    assert "economic" not in intake_answers(chat)["concerns"]["choices"]
    assert "印を外しました" in said(chat)
    chat.tap("お金")
    assert "economic" in intake_answers(chat)["concerns"]["choices"]
