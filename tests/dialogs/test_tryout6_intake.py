"""The 受付票 and the intake read what people type (try-out leftovers, session 6): each test in the
person's own words, driving the real engine with the real reading."""

from __future__ import annotations

from datetime import datetime

from dialogs.summary import build_summary, person_preview, summary_text
from tests.dialogs.chat import TOKYO, Chat, intake_answers, said, started

NIGHT = datetime(2026, 11, 25, 23, 0, tzinfo=TOKYO)


def at_question(key: str, asker: str = "自分のこと") -> Chat:
    """A conversation at one intake question, reached by tapping."""
    chat = started()
    chat.tap("相談の準備")
    chat.tap(asker)
    if chat.state == "intake.ask_relation":
        chat.tap("親")
    while chat.state != f"intake.ask_{key}":
        chat.tap("答えたくない")
    return chat


# ---------------------------------------------------------------- 1. a reason staff can read


def test_the_urgency_reason_is_a_label_and_the_persons_whole_words_not_a_cut_off_span() -> None:
    chat = started("息子に手が出そうで怖い")
    reasons = build_summary(chat.data)["urgency_reasons"]
    assert "「手が出」" not in reasons
    assert "「息子に手が出そうで怖い」" in reasons
    assert any("「" not in reason for reason in reasons), "a label in Japanese leads the quotes"
    assert "緊急度：" in summary_text(chat.data) and "「息子に手が出そうで怖い」" in summary_text(chat.data)


def test_every_quoted_reason_is_a_whole_clause_of_what_was_written() -> None:
    chat = started("息子が暴れて手が出ることもあります")
    quoted = [r for r in build_summary(chat.data)["urgency_reasons"] if r.startswith("「")]
    assert quoted == ["「息子が暴れて手が出ることもあります」"]


# ---------------------------------------------------------------- 2. a man writing about himself


def test_a_man_who_cannot_work_and_lives_with_his_parents_writes_about_himself() -> None:
    chat = started("親と住んでるけど俺が働けなくて")
    assert "ご家族" not in said(chat)
    summary = build_summary(chat.data)
    assert summary["asker"] != "family"
    assert intake_answers(chat)["concerns"]["about"].get("job_search") == "self"
    chat.send("担当者に伝えたい")
    assert "ご家族のこと" not in said(chat)
    assert "仕事のこと" in person_preview(chat.data)


def test_a_mother_whose_son_stays_in_his_room_still_writes_about_her_son() -> None:
    chat = started("息子は部屋から出てこず、私が毎日ごはんを作っています")
    assert intake_answers(chat)["concerns"]["about"].get("withdrawal") == "other"


# ---------------------------------------------------------------- 3. a mother's own age


def test_a_mother_of_72_introducing_herself_does_not_give_her_sons_age() -> None:
    chat = started("はじめまして。72歳の母です。")
    answers = intake_answers(chat)
    assert "age_band" not in answers
    assert answers.get("asker_age_band", {}).get("choice") == "65_plus"
    chat.send("息子が46歳なんですが、もう20年も部屋から出てきません")
    assert intake_answers(chat)["age_band"]["choice"] == "40_64"


def test_a_mother_introducing_herself_by_her_sons_age_gives_his_age() -> None:
    chat = started("46歳の息子の母です")
    assert intake_answers(chat)["age_band"]["choice"] == "40_64"


# ---------------------------------------------------------------- 4. a 民生委員 is a supporter


def test_a_minsei_iin_is_told_she_is_taken_as_a_supporter_not_as_family() -> None:
    chat = started("民生委員をしている者です")
    assert "ご家族" not in said(chat)
    assert "民生委員" in said(chat)
    assert intake_answers(chat)["relation"]["choice"] == "minsei"


# ---------------------------------------------------------------- 5. numbers at the age and duration


def test_41_at_the_age_question_is_the_age() -> None:
    for asker in ("自分のこと", "家族のこと"):
        chat = at_question("age_band", asker)
        chat.send("41です")
        assert intake_answers(chat)["age_band"]["choice"] == "40_64"
        assert chat.state == "intake.ask_duration"


def test_an_age_said_in_a_few_more_words_at_the_age_question_is_the_age() -> None:
    for typed in ("今年で41になります", "41になりました", "もうすぐ41"):
        chat = at_question("age_band")
        chat.send(typed)
        assert intake_answers(chat)["age_band"]["choice"] == "40_64", typed


def test_a_bare_17_at_the_duration_question_is_asked_back_not_stored() -> None:
    chat = at_question("duration")
    chat.send("17")
    assert "duration" not in intake_answers(chat)
    assert chat.state == "intake.ask_duration"
    assert "17年" in chat.labels and "17か月" in chat.labels
    assert said(chat).count("？") + said(chat).count("か。") <= 1
    chat.tap("17年")
    assert intake_answers(chat)["duration"]["choice"] == "over_10y"
    assert chat.state == "intake.ask_concerns"


def test_17_years_with_its_unit_at_the_duration_question_is_taken() -> None:
    chat = at_question("duration")
    chat.send("17年です")
    assert intake_answers(chat)["duration"]["choice"] == "over_10y"


# ---------------------------------------------------------------- 6. a man sleeping in his car at night


def test_a_man_sleeping_in_his_car_at_night_gets_a_short_first_reply_bed_first() -> None:
    chat = Chat(now=NIGHT)
    chat.follow()
    chat.send("車で寝泊まりしてて、食べるものもないです")
    text = said(chat)
    assert len(text.splitlines()) <= 5, text
    assert text.count("時間外") == 1, text
    assert "泊まる" in text.splitlines()[0] or "寝る場所" in text.splitlines()[0], text
    assert chat.labels


# ---------------------------------------------------------------- 7. a foreign worker whose passport is held


def test_a_foreign_worker_whose_company_took_his_passport_is_read_and_answered_in_english() -> None:
    chat = started("My company took my passport")
    text = said(chat)
    assert "うまく受け取れなかった" not in text
    assert "passport" in text.lower()
    assert "Talk to a person" in chat.labels
    assert "job_search" in intake_answers(chat)["concerns"]["choices"]


def test_wages_not_paid_in_english_is_read_too() -> None:
    chat = started("My boss has not paid my wages for 3 months")
    assert "うまく受け取れなかった" not in said(chat)
    assert {"job_search", "economic"} <= set(intake_answers(chat)["concerns"]["choices"])
