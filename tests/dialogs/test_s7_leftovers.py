"""Try-out s7: what people typed and the bot got wrong, in their own words, with one new wording each."""

from __future__ import annotations

from datetime import datetime

from dialogs import catalog
from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

NIGHT = datetime(2026, 12, 2, 1, 30, tzinfo=TOKYO)
EVENING = datetime(2026, 12, 1, 19, 0, tzinfo=TOKYO)


def at(when: datetime, *messages: str) -> Chat:
    """A conversation at `when`, after following the account and typing these messages."""
    chat = Chat(now=when)
    chat.follow()
    for text in messages:
        chat.send(text)
    return chat


def considerations(chat: Chat) -> str:
    """What the 受付票 holds as 配慮 so far."""
    return str(intake_answers(chat).get("considerations", {}).get("words", ""))


# ---------------------------------------------------------------- 1. pills, dying, swallowed, in that order


def test_pills_then_dying_then_swallowed_gets_119_as_an_overdose() -> None:
    chat = at(NIGHT, "くすり", "しにたい", "のんだ")
    reply = said(chat)
    assert "119" in reply, reply
    assert chat.data["crisis"]["situations"][0] == "overdose"


def test_the_same_pieces_with_other_words_get_119_too() -> None:
    chat = at(NIGHT, "薬", "もう消えたい", "全部飲んだ")
    assert "119" in said(chat), said(chat)


# ---------------------------------------------------------------- 2. a 民生委員 writes about a resident


MINSEI = ("民生委員をしています", "近所に一人暮らしの40代の男性がいて、ずっと家から出てこないんです")


def test_a_minsei_iin_writing_of_a_resident_is_not_offered_help_for_her_own_distress() -> None:
    chat = started(*MINSEI)
    reply = said(chat)
    assert "しんどさ" not in reply and "ご家族" not in reply, reply
    assert "支援" in reply


def test_a_care_manager_writing_of_a_client_is_answered_as_a_supporter_too() -> None:
    chat = started("ケアマネージャーです", "担当している方の息子さんが10年ほど部屋から出てきません")
    assert "しんどさ" not in said(chat) and "ご家族" not in said(chat), said(chat)


def test_what_a_minsei_iin_sends_is_shown_as_about_a_resident_not_her_family() -> None:
    chat = started(*MINSEI)
    chat.send("担当の人と話したいです")
    assert "ご家族のこと" not in said(chat), said(chat)
    assert "気にかけている方のこと" in said(chat)


def test_no_consent_of_the_person_yet_is_understood_and_what_can_be_done_is_said() -> None:
    chat = started(*MINSEI)
    chat.send("ご本人の同意はとれていません")
    reply = said(chat)
    assert catalog.text("fallback").strip() not in reply
    assert "同意" in reply and "相談" in reply, reply
    assert "ご本人の同意はとれていません" in summary_text(chat.data)


def test_the_person_not_knowing_yet_is_understood_at_the_consent_screen_too() -> None:
    chat = started(*MINSEI)
    chat.send("担当の人と話したいです")
    chat.send("本人はまだ相談することを知りません")
    reply = said(chat)
    assert catalog.text("fallback").strip() not in reply
    assert "同意" in reply, reply


# ---------------------------------------------------------------- 3. a teenager with no food for him at home


def test_only_my_share_missing_at_home_gets_189_and_childrens_lines() -> None:
    chat = at(EVENING, "おれの分だけない")
    reply = said(chat)
    assert "189" in reply, reply
    assert "110" not in reply and "DV相談" not in reply


def test_only_my_dinner_not_made_in_other_words_gets_189() -> None:
    chat = at(EVENING, "ぼくのぶんのごはんだけ作ってくれない")
    assert "189" in said(chat), said(chat)


def test_a_handout_missing_at_school_is_not_a_child_crisis() -> None:
    chat = at(EVENING, "プリントがおれの分だけない")
    assert "189" not in said(chat)


def test_not_wanting_the_teacher_told_is_a_wish_kept_for_the_sheet() -> None:
    chat = at(EVENING, "おれの分だけない", "先生にはいいたくない")
    assert "先生にはいいたくない" in considerations(chat)
    assert catalog.text("draft.noted_consideration") in said(chat), said(chat)


def test_not_wanting_mother_told_in_other_words_is_kept_too() -> None:
    chat = started("母には話したくないです")
    assert "母には話したくないです" in considerations(chat)


# ---------------------------------------------------------------- 4. not 児相


def test_not_wanting_the_child_guidance_centre_is_answered_honestly_and_kept() -> None:
    chat = at(EVENING, "ごはんもらえない", "じそうとかはやだ")
    reply = said(chat)
    assert "児童相談所" in reply and "法律" in reply, reply
    assert "じそうとかはやだ" in considerations(chat)


def test_not_wanting_the_child_guidance_centre_on_the_menu_is_answered_too() -> None:
    chat = started("児相には言わないでほしい")
    reply = said(chat)
    assert "法律" in reply, reply
    assert catalog.text("privacy.answer").split("{")[0].strip()[:20] not in reply
    assert "児相には言わないでほしい" in considerations(chat)


# ---------------------------------------------------------------- 5. daytime, and not told the wife yet


MOTHER = ("息子が20年部屋から出てきません。42歳です", "電話は息子に聞かれるので、LINEでお願いします")


def test_daytime_is_fine_is_a_contact_time() -> None:
    chat = started(*MOTHER, "昼間なら大丈夫です")
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_daytime"


def test_daytime_at_the_contact_time_question_is_taken() -> None:
    chat = started("相談の準備をする")
    while chat.state != "intake.ask_contact_times":
        chat.tap("答えたくない")
    chat.send("日中なら大丈夫です")
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_daytime"
    assert chat.state != "intake.ask_contact_times"


def test_daytime_at_the_contact_way_question_is_kept_as_the_time() -> None:
    chat = started("相談の準備をする")
    while chat.state != "intake.ask_contact":
        chat.tap("答えたくない")
    chat.send("昼間なら大丈夫です")
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_daytime"


def test_not_told_the_wife_yet_in_kansai_words_is_a_caution() -> None:
    chat = started("息子が部屋から出てこなくて困ってます", "嫁にはまだ言うてへん")
    assert "嫁にはまだ言うてへん" in considerations(chat)
    assert catalog.text("draft.noted_consideration") in said(chat)


def test_not_told_the_husband_yet_in_standard_words_is_a_caution() -> None:
    chat = started("娘が不登校です", "夫にはまだ話していません")
    assert "夫にはまだ話していません" in considerations(chat)


# ---------------------------------------------------------------- 6. やさしい日本語 acknowledgement


def test_concerns_understood_from_an_easy_japanese_writer_are_acknowledged_in_easy_japanese() -> None:
    chat = started("にほんご すこし わかります", "わたし しごと ない です")
    reply = said(chat)
    assert "受け取りました" not in reply, reply
    assert "うけとりました" in reply


def test_an_age_understood_from_an_easy_japanese_writer_is_acknowledged_in_easy_japanese() -> None:
    chat = started("にほんご すこし わかります", "わたし は 30さい です")
    assert "受け取りました" not in said(chat) and "書いておきたい" not in said(chat), said(chat)
    assert "うけとりました" in said(chat)


def test_a_first_message_in_easy_japanese_is_acknowledged_in_easy_japanese() -> None:
    chat = started("やちん はらえない です")
    assert "受け取りました" not in said(chat), said(chat)


# ---------------------------------------------------------------- 7. a command to start is not a hope


def test_asking_to_prepare_is_not_recorded_as_a_hope() -> None:
    chat = started("相談の準備をしたいです")
    assert chat.state == "intake.ask_asker"
    assert "hopes" not in intake_answers(chat)
    assert "希望：「" not in summary_text(chat.data)


def test_asking_to_prepare_after_telling_a_concern_is_not_a_hope_either() -> None:
    chat = started("息子が部屋から出てきません", "相談の準備をしたいと思っています")
    assert "hopes" not in intake_answers(chat)
