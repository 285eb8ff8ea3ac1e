"""Try-out 8, what the CSW sheet keeps: who is asking, whose age, how long, and the worries a person
asked to remove. Each test types the person's own words in order, with a few variants of our own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from dialogs.effects import AddToCase
from dialogs.summary import build_summary, summary_text
from tests.dialogs.chat import TOKYO, Chat, already_sent, intake_answers, said, started

NIGHT = datetime(2026, 12, 1, 3, 20, tzinfo=TOKYO)
DAY = datetime(2026, 12, 2, 10, 30, tzinfo=TOKYO)


def typed_at(question: str, before: tuple[str, ...], answer: str, now: datetime = DAY) -> Chat:
    """A conversation that reached the form's `question` after `before`, with `answer` typed there."""
    chat = started(*before, now=now)
    assert chat.state == question
    chat.send(answer)
    return chat


DAIGAKU = (
    "大学3年です。親と進路のことで揉めて仕送り止められました。バイトだけじゃ家賃払えない",
    "口座の残り3000円くらい。今週食べるものもやばいかも",
    "いや家族じゃなくて自分のこと。あと3年ってのは学年ね",
    "21歳です",
    "学生でも住居確保給付金ってもらえるんですか？",
    "親には連絡しないでほしい。絶対",
    "人に相談したい",
)


# ---------------------------------------------------------------- B2/C22 daigaku: the student himself


@pytest.mark.parametrize(
    "first",
    [
        DAIGAKU[0],
        "高校2年です。親とけんかして家にいづらい",
        "専門学校の1年です。親に学費を止められて困っています",
    ],
)
def test_a_student_giving_his_school_year_writes_for_himself_and_it_is_no_duration(first: str) -> None:
    chat = started(first, now=NIGHT)
    answers = intake_answers(chat)
    assert answers["asker"]["choice"] == "self"
    assert "relation" not in answers
    assert "duration" not in answers, "「3年」 is his school year"
    assert "ご家族" not in said(chat)


def test_the_students_corrections_on_the_consent_screen_make_him_the_person_and_are_said_back_so() -> None:
    chat = started(*DAIGAKU, now=NIGHT)
    chat.send("ちがう、家族のことじゃない。本人です。期間も3年じゃなくて仕送り止まったのは先月から")
    assert "ご家族" not in said(chat)
    summary = build_summary(chat.data)
    assert summary["asker"] == "self"
    assert summary["duration"] != "3y_10y"


@pytest.mark.parametrize(
    "correction",
    [
        "家族のことじゃないです。自分のことです",
        "いや家族じゃなくて自分のこと。",
        "家族の相談ではなくて、本人です",
    ],
)
def test_saying_it_is_not_about_family_but_oneself_sets_the_person(correction: str) -> None:
    chat = started("息子が仕事をやめて家にいます", now=NIGHT)
    chat.send(correction)
    assert intake_answers(chat)["asker"]["choice"] == "self"
    assert "ご家族" not in said(chat)


# ---------------------------------------------------------------- B4/C10/C11/C15 chichi2, kinjo

CHICHI2 = (
    "50代の父親です。24の息子が仕事を辞めて2年、昼夜逆転で家にいます。今夜また言い合いになって、正直、"
    "手が出そうになりました。自分が怖いです",
    "今は別の部屋にいます。でもまた顔を合わせたら殴ってしまうかもしれない",
    "こういうとき、どこに相談すればいいんですか",
    "息子は24歳の大人です。赤ん坊じゃありません",
    "相談の準備をしたいです",
    "さっき書いたとおり父親です",
)


@pytest.mark.parametrize(
    "first",
    [CHICHI2[0], "60代の母です。32の娘が家から出ません", "40代の母親です。17の息子が学校に行っていません"],
)
def test_a_bare_age_before_the_child_is_the_childs_and_the_parents_decade_stays_his_own(first: str) -> None:
    chat = started(first, now=NIGHT)
    answers = intake_answers(chat)
    child = "18_39" if "17の" not in first else "under_18"
    assert answers["age_band"]["choice"] == child
    assert answers["asker_age_band"]["choice"] != child


def test_a_worry_he_asks_to_remove_at_the_concerns_question_is_not_ticked() -> None:
    chat = typed_at("intake.ask_concerns", CHICHI2, "不登校とかは関係ないです。外して下さい", now=NIGHT)
    assert "childcare_education" not in intake_answers(chat)["concerns"]["choices"]
    assert "に印をつけました" not in said(chat) or "不登校" not in said(chat)


def test_a_worry_removed_on_the_consent_screen_is_off_the_sheet() -> None:
    chat = started(*CHICHI2, "選び終わった", "自分がどう息子に接したらいいか、教えてほしい", now=NIGHT)
    chat.send("今日はもう寝ます。続きは明日")
    chat.tap("担当者と話したい")
    assert chat.state.startswith("consent.")
    chat.send("学校のことは消して、このまま送ってください")
    assert "childcare_education" not in build_summary(chat.data)["concerns"]


KINJO = (
    "隣に住んでいる一人暮らしのおじいさんを、もう4日くらい見かけません。新聞がたまっていて、夜も電気がついていないんです",
    "チャイムを鳴らしても出てきません。中で倒れてたらと思うと心配で",
    "警察に電話したほうがいいでしょうか。大げさかなと思って",
    "いえ、私じゃなくて隣の人のことです。110にかけてみます",
    "警察の人に開けてもらったら、中で倒れていて救急車で運ばれました。意識はあるそうです",
    "薬なんて書いてません。おじいさんが退院したあと、一人で大丈夫か心配です。見守りみたいなのってありますか",
    "近所の者として、担当の方に伝えておいてもらえますか。私の連絡先はこのLINEで",
)


def test_the_neighbour_who_never_spoke_of_money_has_it_removed_when_she_asks() -> None:
    chat = started(*KINJO, now=DAY)
    chat.send("お金や借金の話はしていません。それを消して、お願いします")
    concerns = build_summary(chat.data)["concerns"]
    assert "economic" not in concerns and "debt" not in concerns


@pytest.mark.parametrize(
    "text",
    ["借金のことは書いていません", "病気の話はしてないです。外してください", "お金のことは関係ありません"],
)
def test_worries_said_not_to_have_been_told_are_taken_off(text: str) -> None:
    chat = started("母です。息子が借金をして、病気もあって、お金にも困っています", now=DAY)
    chat.send(text)
    concerns = intake_answers(chat)["concerns"]["choices"]
    removed = {"借金": "debt", "病気": "illness", "お金": "economic"}
    assert next(v for k, v in removed.items() if k in text) not in concerns


# ---------------------------------------------------------------- R4 mind: an age at the duration question

MIND = (
    "こんにちは。無職で、親の年金で暮らしてます。35です。ずっと家にいて、誰とも話してない",
    "いや、自分のことです。親のことじゃない",
    "相談の準備したい",
)


@pytest.mark.parametrize("age", ["30代", "35歳です", "40代です"])
def test_an_age_typed_at_the_duration_question_is_no_duration_and_it_is_asked_again(age: str) -> None:
    chat = typed_at("intake.ask_duration", MIND, age)
    assert chat.state == "intake.ask_duration"
    assert "年代" in said(chat) and "どのくらい" in said(chat)
    assert "duration" not in intake_answers(chat)
    chat.send("大学やめてからだから、もう12年くらい")
    assert intake_answers(chat)["duration"]["choice"] == "over_10y"
    assert f"「{age}」" not in build_summary(chat.data).get("own_words", {}).get("duration", "")


def test_a_length_told_later_replaces_words_at_the_duration_question_that_gave_none() -> None:
    chat = started(*MIND, now=DAY)
    chat.send("よくわからない")
    chat.send("大学やめてからだから、もう12年くらい")
    assert intake_answers(chat)["duration"]["choice"] == "over_10y"


# ---------------------------------------------------------------- B3 modoru: corrections to a sent case

MODORU_DAY1 = (
    "母です。娘(26)が半年前に会社を辞めてから家にこもりがちです。北山地区に住んでいます",
    "娘とどう話したらいいのか、相談員さんと話したいです。連絡は電話で、平日の夕方がいいです",
)


def _added_fields(chat: Chat) -> dict[str, Any]:
    """The 受付票 fields merged into the sent case by the messages typed after sending."""
    merged: dict[str, Any] = {}
    for effect in chat.effects:
        if isinstance(effect, AddToCase) and effect.summary:
            merged.update(effect.summary)
    return merged


def test_the_daughters_age_in_brackets_is_taken_on_the_first_day() -> None:
    chat = already_sent(*MODORU_DAY1, now=DAY)
    summary = build_summary(chat.data)
    assert summary["age_band"] == "18_39" and summary["duration"] == "6m_1y"


@pytest.mark.parametrize(
    "correction",
    [
        "昨日相談を送った母です。娘の年齢を書き忘れました。26歳です。それと、電話ではなくLINEでの連絡に変えてほしいです",
        "娘は26歳です。連絡は電話じゃなくてLINEでお願いします",
    ],
)
def test_next_day_corrections_of_age_and_contact_reach_the_sent_case(correction: str) -> None:
    chat = already_sent("母です。娘が会社を辞めてから家にこもりがちです", MODORU_DAY1[1], now=DAY)
    chat.wait(60 * 23)
    chat.send(correction)
    fields = _added_fields(chat)
    assert fields["age_band"] == "18_39"
    assert fields["contact"] == "line"
    assert "年代" in said(chat) and "連絡方法" in said(chat)


def test_a_district_changed_after_sending_reaches_the_case_and_is_told_honestly() -> None:
    chat = already_sent(*MODORU_DAY1, now=DAY)
    chat.wait(60 * 23)
    chat.send("それと、北山地区ではなく南浜地区でした。すみません")
    assert _added_fields(chat)["district"] == "minamihama"
    assert "南浜" in said(chat) and "担当" in said(chat)


# ---------------------------------------------------------------- R3: the sheet's urgency reasons

KOU16 = (
    "きょうも おとうさんに たたかれた",
    "けいさつは むり。もっと おこられる",
    "じどうそうだんじょって いったら いえに くるの？ ばれたら もっと たたかれる",
    "まだ おきてる。へやに かぎ ない",
    "こわい。だれか たすけて",
)
SUICIDAL = "死にたい気持ち・自殺のおそれ"
CHILD_ABUSE = "子どもへの暴力・虐待のおそれ"


def _reasons(chat: Chat) -> list[str]:
    """The urgency reasons the CSW will read."""
    reasons: list[str] = chat.data.get("urgency", {}).get("reasons", [])
    return reasons


def test_a_hit_childs_cry_for_help_is_not_written_up_as_wanting_to_die() -> None:
    chat = started(*KOU16, now=NIGHT)
    reasons = _reasons(chat)
    assert SUICIDAL not in reasons
    assert "「だれか たすけて」" in " ".join(reasons) or "「こわい。だれか たすけて」" in " ".join(reasons)
    assert CHILD_ABUSE in reasons


def test_a_wish_to_disappear_is_still_written_up_as_wanting_to_die() -> None:
    chat = started("もう消えたい。死にたい", now=NIGHT)
    assert SUICIDAL in _reasons(chat)


def test_children_not_hit_are_no_reason_of_child_abuse_beside_her_own_wish_to_disappear() -> None:
    from tests.dialogs.test_s7_intake import LONG_FIRST, LONG_SECOND

    chat = started(LONG_FIRST, LONG_SECOND, now=DAY)
    reasons = _reasons(chat)
    assert SUICIDAL in reasons
    assert CHILD_ABUSE not in reasons


def test_a_child_being_hit_is_still_a_reason_of_child_abuse() -> None:
    chat = started("夫が小学生の息子を毎日殴っています。止められません", now=DAY)
    assert CHILD_ABUSE in _reasons(chat)


# ---------------------------------------------------------------- B8/C5/C7 kaiko: the formal man

KAIKO_BEFORE_FORM = (
    "突然のご連絡失礼いたします。私は46歳の会社員でしたが、先月末に勤務先の業績悪化により解雇されました。"
    "現在、家賃を2か月分滞納しており、管理会社から督促の連絡が来ています。",
    "相談の準備をお願いします",
)


@pytest.mark.parametrize("answer", ["私自身のことです", "わたくし自身の相談です", "自分自身のことです"])
def test_his_own_matter_typed_at_the_role_question_makes_him_the_person(answer: str) -> None:
    chat = typed_at("intake.ask_asker", KAIKO_BEFORE_FORM, answer)
    assert intake_answers(chat)["asker"]["choice"] == "self"
    assert chat.state != "intake.ask_asker"
    assert "ご家族のことだけでなく" not in said(chat)


def _at_hopes() -> Chat:
    chat = started(
        *KAIKO_BEFORE_FORM, "私自身のことです", "解雇されたのは先月末ですので、1か月ほどです", now=DAY
    )
    chat.send("以上です")
    assert chat.state == "intake.ask_hopes"
    return chat


@pytest.mark.parametrize(
    "text",
    [
        "担当の方と直接お話ししたいので、ここまでの内容で送っていただけますか",
        "ここまでの内容で送ってください",
    ],
)
def test_asking_to_send_what_there_is_inside_the_questions_goes_to_the_consent_screen(text: str) -> None:
    chat = _at_hopes()
    chat.send(text)
    assert chat.state.startswith("consent.")
    hopes = build_summary(chat.data)["hopes"] or []
    assert not any("送って" in str(hope) for hope in hopes)


def test_formal_nothing_at_the_last_questions_is_no_caution_and_no_message() -> None:
    chat = _at_hopes()
    chat.tap("選び終わった")
    while chat.state != "intake.ask_considerations":
        chat.tap("答えたくない")
    chat.send("特にございません")
    chat.send("ございません")
    summary = build_summary(chat.data)
    assert summary["considerations"] in (None, "none"), "the same as tapping 特にない"
    assert "ございません" not in summary_text(chat.data)


# ---------------------------------------------------------------- C10 chichi2: who he is, said once


@pytest.mark.parametrize(
    "first", [CHICHI2[0], "母です。娘が家から出ません", "52歳の男です。仕事がなくて困っています"]
)
def test_a_writer_who_said_who_he_is_is_not_asked_his_role_again(first: str) -> None:
    chat = started(first, "相談の準備をしたいです", now=NIGHT)
    assert chat.state != "intake.ask_asker"
    assert "立場に近いもの" not in said(chat)
    for _ in range(4):
        if chat.state != "intake.ask_asker":
            chat.send("戻る")
    assert chat.state == "intake.ask_asker", "「戻る」 still reaches it"


def test_a_guessed_role_is_still_asked() -> None:
    chat = started("仕事がなくて、毎日つらいです", "相談の準備をしたいです", now=NIGHT)
    assert chat.state == "intake.ask_asker", "「仕事がなくて」 only guesses that she writes for herself"


def test_hours_changed_after_sending_reach_the_case_rather_than_the_office_hours() -> None:
    chat = already_sent(*MODORU_DAY1, now=DAY)
    chat.wait(60 * 23)
    chat.send(
        "直っていないようです。年代は18〜39歳、連絡方法はこのLINEにしてください。時間帯は平日の昼間に変更です"
    )
    fields = _added_fields(chat)
    assert fields["contact"] == "line" and fields["contact_times"] == "weekday_daytime"
    assert "連絡の時間帯" in said(chat)
