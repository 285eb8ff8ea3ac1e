"""Session 8, the 受付票 tells the story right: whose age is whose, changing the field a person names,
the latest contact wish, the reply promise after a correction, and worries the words do not hold.
Each test types the tester's exact words, with a few variants of our own."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from dialogs.effects import AddToCase
from dialogs.summary import build_summary, summary_text
from dialogs.understanding.classifier import classify
from dialogs.understanding.model import Evidence, Understanding
from tests.dialogs.chat import TOKYO, Chat, already_sent, intake_answers, said, started

NIGHT = datetime(2026, 12, 1, 23, 40, tzinfo=TOKYO)
NEXT_MORNING = datetime(2026, 12, 2, 9, 0, tzinfo=TOKYO)

BROTHER = "兄のことで相談です。兄は45歳で10年家にいます"


def at_consent(*messages: str) -> Chat:
    """A conversation that wrote `messages` and asked for a person: the consent screen is shown."""
    chat = started(*messages, "担当の人に伝えたい")
    assert chat.state == "consent.review"
    return chat


# ---------------------------------------------------------------- 1. the writer's own age


@pytest.mark.parametrize(
    ("first", "own", "theirs"),
    [
        ("50代の父親です", "40〜64歳", None),
        ("50代の父親です。24の息子が仕事を辞めて2年、昼夜逆転で家にいます", "40〜64歳", "18〜39歳"),
        ("私は64歳の父親です。38歳になる息子が7年家から出てきません", "40〜64歳", "18〜39歳"),
    ],
)
def test_the_writers_own_age_is_said_back_as_the_writers_and_kept_apart(
    first: str, own: str, theirs: str | None
) -> None:
    chat = started(first)
    assert f"あなたご自身の年代「{own}」" in said(chat)
    assert intake_answers(chat)["asker_age_band"]["choice"] == "40_64"
    summary = build_summary(chat.data)
    assert summary["asker_wellbeing"] is not None and summary["asker_wellbeing"]["age_band"] == "40_64"
    if theirs is None:
        assert summary["age_band"] is None, "the father's age is not his son's"
    else:
        assert f"ご本人の年代「{theirs}」" in said(chat)
        assert summary["age_band"] == "18_39"


def test_a_person_writing_of_themself_hears_the_age_without_a_whose() -> None:
    chat = started("21歳です。仕事が見つからなくて家にいます")
    assert "あなたご自身の年代" not in said(chat) and "ご本人の年代" not in said(chat)


# ---------------------------------------------------------------- 2. changing the field the person names


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("兄の年代を直したい", "intake.ask_age_band"),
        ("立場を直したい", "intake.ask_asker"),
        ("期間をなおしたいです", "intake.ask_duration"),
        ("地区を直してください", "intake.ask_district"),
        ("連絡方法を変えたい", "intake.ask_contact"),
    ],
)
def test_a_change_typed_on_the_consent_screen_asks_that_question_again_and_is_not_kept(
    typed: str, question: str
) -> None:
    chat = at_consent(BROTHER)
    chat.send(typed)
    assert chat.state == question
    assert typed not in str(chat.data["intake"]), "a wish to change is no words to send"


def test_the_edit_button_asks_which_part_then_returns_to_the_consent_screen() -> None:
    chat = at_consent(BROTHER)
    chat.tap("内容を直す")
    assert "どこを直しますか" in said(chat)
    assert {"年代", "続いている期間", "ご相談の方（立場）"} <= set(chat.labels)
    chat.tap("年代")
    chat.tap("65歳以上")
    assert chat.state == "consent.review"
    assert intake_answers(chat)["age_band"]["choice"] == "65_plus"


def test_the_brothers_age_typed_after_asking_to_change_it_replaces_it_and_nothing_else_is_asked() -> None:
    chat = at_consent("兄のことで相談です。兄は35歳で10年家にいます")
    chat.send("兄の年代を直したい")
    chat.send("45歳です")
    assert chat.state == "consent.review"
    assert build_summary(chat.data)["age_band"] == "40_64"
    assert "own_words" not in intake_answers(chat)


def test_changing_who_asks_to_a_family_member_asks_the_relation_before_the_consent_screen() -> None:
    chat = at_consent(BROTHER)
    chat.send("立場を直したい")
    chat.tap("家族")
    assert chat.state == "intake.ask_relation"
    chat.tap("親")
    assert chat.state == "consent.review"
    assert build_summary(chat.data)["relation"] == "parent"


def test_a_change_naming_no_field_asks_which_one() -> None:
    chat = at_consent(BROTHER)
    chat.send("内容を直したいです")
    assert "どこを直しますか" in said(chat)
    assert chat.state == "consent.review"


# ---------------------------------------------------------------- 3. the latest contact wish


def contact_chosen(way: str) -> Chat:
    """A parent at the consent screen who chose `way` at the contact question."""
    chat = at_consent("息子が10年ひきこもっています")
    chat.tap("内容を直す")
    chat.tap("連絡方法")
    chat.tap(way)
    assert chat.state == "consent.review"
    return chat


@pytest.mark.parametrize(
    ("first", "later", "latest"),
    [
        ("電話", "やっぱり連絡はLINEでお願いします", "line"),
        ("電話", "電話だと息子が出てしまうので、LINEでお願いします", "line"),
        ("このLINEで", "連絡は電話のほうが助かります", "phone"),
    ],
)
def test_a_later_contact_wish_replaces_the_one_chosen_at_the_question(
    first: str, later: str, latest: str
) -> None:
    chat = contact_chosen(first)
    chat.send(later)
    summary = build_summary(chat.data)
    assert summary["contact"] == latest
    assert summary_text(chat.data).count("連絡方法：") == 1


def test_a_contact_wish_after_sending_reaches_the_case_as_the_latest() -> None:
    chat = contact_chosen("電話")
    chat.tap("この内容だけ送る")
    chat.wait(60 * 24)
    chat.send("やっぱり連絡はLINEにしてください")
    [added] = [e for e in chat.effects if isinstance(e, AddToCase)]
    assert added.summary is not None and added.summary["contact"] == "line"


def test_only_line_after_also_phone_keeps_line_alone() -> None:
    chat = started("息子が10年ひきこもっています", "連絡はLINEでお願いします", "電話でも大丈夫です")
    assert intake_answers(chat)["contact"].get("also") == "phone"
    chat.send("やっぱり連絡はLINEだけでお願いします")
    assert intake_answers(chat)["contact"] == {"choice": "line", "from_text": True}


# ---------------------------------------------------------------- 4. a correction keeps the reply promise


def sent_at_night() -> Chat:
    """A parent who sent at 23:40 on a Tuesday: the promise is for Wednesday."""
    chat = already_sent("息子が10年ひきこもっています", "担当の人に伝えたい", now=NIGHT)
    chat.now = NEXT_MORNING
    return chat


PROMISED = "12月2日(水) 16:30"


@pytest.mark.parametrize(
    "correction",
    [
        ("担当者と話したい", "この内容だけ送る"),
        ("すみません、息子は10年じゃなくて12年でした", "伝える"),
    ],
)
def test_a_next_morning_correction_keeps_the_reply_promise(correction: tuple[str, str]) -> None:
    chat = sent_at_night()
    typed, tap = correction
    chat.send(typed)
    chat.tap(tap)
    assert PROMISED in said(chat) and "12月3日" not in said(chat)
    chat.send("いつ返事もらえますか")
    assert PROMISED in said(chat)


def test_a_correction_after_the_promise_passed_apologises_and_promises_no_later_day() -> None:
    chat = sent_at_night()
    chat.now = datetime(2026, 12, 2, 17, 0, tzinfo=TOKYO)
    chat.send("担当者と話したい")
    chat.tap("この内容だけ送る")
    assert "お待たせしてごめんなさい" in said(chat) and "12月3日" not in said(chat)


# ---------------------------------------------------------------- 5. violence the learned layer read


REASON_OF = {"child_abuse": "子どもへの暴力・虐待のおそれ", "violence": "暴力・身の危険"}


def with_models(kind: str, text: str) -> Understanding:
    """The reading of `text` as if the learned layer had also read the crisis `kind` in it."""
    read = classify(text)
    model = Evidence("crisis", text, f"model:kind:{kind}")
    return replace(read, crisis_kinds=(*read.crisis_kinds, kind), evidence=(*read.evidence, model))  # type: ignore[arg-type]


def sheet_reasons(kind: str, text: str) -> list[str]:
    """The urgency reasons the CSW reads after `text`, read with the learned layer's `kind` too."""
    chat = started()
    chat.send(text, understanding=with_models(kind, text))
    reasons: list[str] = chat.data["urgency"]["reasons"]
    return reasons


@pytest.mark.parametrize(
    ("kind", "text"),
    [("child_abuse", "夫が息子に手をあげる。私ももう消えたい"), ("violence", "夫が私を怒鳴る。もう消えたい")],
)
def test_violence_the_words_tell_keeps_the_learned_layers_kind_beside_thoughts_of_dying(
    kind: str, text: str
) -> None:
    assert REASON_OF[kind] in sheet_reasons(kind, text)


@pytest.mark.parametrize(
    "text",
    [
        "子どもたちも殴られてはいないです。私がいなくなったほうがみんな楽になる",
        "私がいなくなったほうがみんな楽になるんじゃないかと考えてしまいます",
    ],
)
@pytest.mark.parametrize("kind", ["child_abuse", "violence"])
def test_violence_nothing_in_the_words_supports_is_left_off_beside_thoughts_of_dying(
    kind: str, text: str
) -> None:
    assert REASON_OF[kind] not in sheet_reasons(kind, text)


# ---------------------------------------------------------------- 6. a money worry is not an empty table

NO_FOOD = "食べるものがない"


@pytest.mark.parametrize(
    "messages",
    [
        ("家を出たほうがいいのかな。でも子どもが2人いるし、お金もないし",),
        ("夫が怒ると物を投げるので怖いです", "家を出たほうがいいのかな。でも子どもが2人いるし、お金もないし"),
    ],
)
def test_a_money_worry_is_not_written_up_as_having_no_food(messages: tuple[str, ...]) -> None:
    chat = started(*messages, "担当の人に伝えたい")
    assert NO_FOOD not in summary_text(chat.data)


@pytest.mark.parametrize("text", ["もう3日何も食べてない", "財布に200円しかない、明日からどうしよう"])
def test_having_no_food_or_cash_in_hand_is_still_urgent(text: str) -> None:
    assert "no_food" in classify(text).crisis_kinds


# ------------------------------------------------ 8. try9: ages, contact times, denied worries


def test_the_parents_decade_is_not_the_brothers_age_ane() -> None:
    chat = started(
        "弟のことで相談です", "弟45歳、もう20年くらい家から出てません。両親は80代で、実家で3人暮らし"
    )
    assert build_summary(chat.data)["age_band"] == "40_64"
    assert "65歳以上" not in said(chat)


def test_an_age_opening_a_self_description_is_the_writers_riboo() -> None:
    chat = started(
        "リボ払いが80万くらいあって、あとアコムで30万借りてる", "25歳 会社員 親にはいわないで。連絡はLINEで"
    )
    summary = build_summary(chat.data)
    assert summary["asker"] != "family" and summary["age_band"] == "18_39"


OOSAKA = (
    "すんません、電気止められそうなんやけど、どないしたらええの",
    "パートのシフト減らされてん。先月から。元旦那からの養育費も来てへんし",
)


def test_a_busy_daytime_is_not_the_time_to_call_oosaka() -> None:
    chat = started(*OOSAKA, "ほな担当の人に言うといてくれる？昼間は仕事やから電話やったら夕方6時以降がええわ")
    assert build_summary(chat.data)["contact_times"] == "weekday_evening"


def test_a_corrected_time_replaces_the_earlier_one_oosaka() -> None:
    chat = started(*OOSAKA, "連絡は昼間ならいけます", "あと時間、午後ちゃうで。夕方6時すぎな")
    assert build_summary(chat.data)["contact_times"] == "weekday_evening"


def test_a_worry_said_not_to_be_one_in_kansai_words_comes_off_oosaka() -> None:
    chat = started(*OOSAKA, "もう気持ちがしんどくて眠れへん")
    assert "mental_health" in intake_answers(chat)["concerns"]["choices"]
    chat.send("ちゃうちゃう、こころちゃうて。担当の人に伝えてって言うてんの")
    assert "mental_health" not in build_summary(chat.data)["concerns"]


# ---------------------------------------------------------------- a time ago since which it lasts (try9)


@pytest.mark.parametrize(
    ("first", "duration"),
    [
        ("私は64歳の父親で、38歳になる息子が7年前から家にいます", "3y_10y"),
        ("兄が15年前からずっと家にいます。どこに相談すればいいですか", "over_10y"),
    ],
)
def test_a_time_ago_since_which_it_lasts_is_the_duration(first: str, duration: str) -> None:
    chat = started(first, now=NIGHT)
    assert intake_answers(chat)["duration"]["choice"] == duration
