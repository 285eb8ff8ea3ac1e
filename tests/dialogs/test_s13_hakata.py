"""Session 13, try-out 16: a single mother in 博多弁 whose electricity is cut tonight, and others.

「子ども2人おるけん」 was read as 子ども・教育 (it only tells she has two children: the 受付票 notes them);
「ちがう、子どものことやなくて お金がない」 flipped 相談者 to 家族（親）; 「夜勤やけん昼間は寝とる、電話は
夕方なら出れる」 was recorded as 平日の日中; 「今夜さむいし子どもらが心配」 with the power cut got only
「受け取りました」. 「娘には…知られたくありません」 was no 配慮; 「会社にバレますか」 was answered as phone
privacy; after choosing to delete, the confirmation came again and 「もう一度相談したい」 filled 希望;
「大学生です」 was not 本人; the reply time differed between replies of one conversation.

Each test types the person's words, with variants of our own and neighbours that must not change.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from dialogs.summary import build_summary, summary_text
from dialogs.understanding import classify
from tests.dialogs.chat import TOKYO, Chat, said, started

TUESDAY_NIGHT = datetime(2026, 12, 1, 21, 30, tzinfo=TOKYO)
POWER_CUT = "今夜電気止められるっちゃけど、どげんしたらよか"


def answers(chat: Chat) -> dict:  # type: ignore[type-arg]
    result: dict = chat.data.get("intake", {}).get("answers", {})  # type: ignore[type-arg]
    return result


def concerns(chat: Chat) -> list[str]:
    return list(answers(chat).get("concerns", {}).get("choices", []))


# ---------------------------------------------------------------- 1a. two children are a household fact


@pytest.mark.parametrize(
    "words",
    (
        "子ども2人おるけん",
        "子どもが2人おるとよ",
        "こども ふたり いるけん",
        "子供が二人います",
        "子ども2人おるで",
    ),
)
def test_children_told_are_noted_not_a_worry_about_them(words: str) -> None:
    chat = started(POWER_CUT, now=TUESDAY_NIGHT)
    chat.send(words)
    assert "childcare_education" not in concerns(chat), concerns(chat)
    assert "子どもや学校のことで困っている" not in said(chat), said(chat)
    summary = build_summary(chat.data)
    assert summary["children"], summary["children"]
    text = summary_text(chat.data)
    assert "子ども：" in text and "2人" in text, text
    assert "子ども・教育" not in text, text


def test_children_with_ages_keep_their_ages() -> None:
    chat = started("シングルで子ども2人育ててます。上の子は10歳、下の子は7歳です", now=TUESDAY_NIGHT)
    assert build_summary(chat.data)["children"] == ["2人", "10", "7"], build_summary(chat.data)["children"]
    assert "子ども：2人、10歳、7歳" in summary_text(chat.data), summary_text(chat.data)


@pytest.mark.parametrize("words", ("子どもが学校に行けなくなって", "子どもが不登校で悩んでいます"))
def test_a_worry_about_the_children_is_still_a_worry(words: str) -> None:
    assert "childcare_education" in classify(words).concerns, classify(words).evidence


# ---------------------------------------------------------------- 1b. a correction keeps who writes


@pytest.mark.parametrize(
    "words",
    (
        "ちがう、子どものことやなくて お金がない",
        "ちがう、子どものことじゃなくて お金がないと",
        "違います。子どものことではなくて、お金がないんです",
        "ちゃうねん、子どものことやなくて金がない",
    ),
)
def test_not_about_the_children_takes_childcare_off_and_adds_money(words: str) -> None:
    chat = started(POWER_CUT, "子ども2人おるけん", now=TUESDAY_NIGHT)
    asker_before = answers(chat).get("asker", {}).get("choice")
    chat.send(words)
    assert "childcare_education" not in concerns(chat), concerns(chat)
    assert "economic" in concerns(chat), concerns(chat)
    assert answers(chat).get("asker", {}).get("choice") == asker_before, answers(chat).get("asker")
    assert "relation" not in answers(chat), answers(chat).get("relation")
    reply = said(chat)
    assert "ご家族（親）" not in reply, reply
    assert "家族（親）" not in summary_text(chat.data)


def test_a_correction_after_the_childcare_worry_was_ticked_takes_it_off() -> None:
    chat = started("子どもが不登校で", now=TUESDAY_NIGHT)
    assert "childcare_education" in concerns(chat)
    chat.send("ちがう、子どものことやなくて お金がない")
    assert "childcare_education" not in concerns(chat) and "economic" in concerns(chat), concerns(chat)


def test_consulting_about_a_son_still_makes_the_writer_family() -> None:
    chat = started("息子のことで相談です", now=TUESDAY_NIGHT)
    assert answers(chat)["asker"]["choice"] == "family"


# ---------------------------------------------------------------- 1c. the time she can take a call


@pytest.mark.parametrize(
    "words",
    (
        "夜勤やけん昼間は寝とる、電話は夕方なら出れる",
        "夜勤なので昼間は寝てます。電話は夕方なら出られます",
        "昼は寝よるけん、夕方やったら電話出れるよ",
    ),
)
def test_sleeping_in_the_daytime_is_not_the_time_to_call(words: str) -> None:
    chat = started(POWER_CUT, now=TUESDAY_NIGHT)
    chat.send(words)
    times = answers(chat).get("contact_times", {})
    assert times.get("choice") == "weekday_evening", times
    assert "「平日の日中」と受け取りました" not in said(chat), said(chat)


def test_daytime_still_read_when_it_is_the_time() -> None:
    chat = started("お金がなくて困っています", "電話は昼間なら出られます", now=TUESDAY_NIGHT)
    assert answers(chat)["contact_times"]["choice"] == "weekday_daytime"


# ---------------------------------------------------------------- 1d. cold tonight without power


@pytest.mark.parametrize(
    "words",
    (
        "今夜さむいし子どもらが心配",
        "今夜寒いけん子どもたちが心配",
        "さむくて子どもが心配",
        "電気ないけん寒か",
    ),
)
def test_cold_tonight_without_power_gets_warmth_and_safety(words: str) -> None:
    chat = started(POWER_CUT, "子ども2人おるけん", now=TUESDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "受け取りました。下書きに書き加えています。" not in reply, reply
    assert "重ね" in reply, reply  # layers
    assert "一酸化炭素" in reply and ("炭" in reply or "練炭" in reply), reply
    assert "119" in reply, reply
    assert "電力会社" in reply or "夜間" in reply, reply  # where to ask tonight (the utilities guidance)
    assert "担当者" in reply, reply  # the case notes it
    heard = " ".join(item["words"] for item in chat.data["intake"]["heard"])
    assert words in heard


def test_cold_without_a_power_cut_is_not_the_power_cut_reply() -> None:
    chat = started("最近さむいですね", now=TUESDAY_NIGHT)
    assert "一酸化炭素" not in said(chat)


def test_cold_told_with_the_power_cut_in_one_message() -> None:
    chat = started(now=TUESDAY_NIGHT)
    chat.send("電気止められて、今夜さむいし子どもらが心配")
    reply = said(chat)
    assert "一酸化炭素" in reply and "119" in reply, reply


# ---------------------------------------------------------------- 2. a daughter must not know


@pytest.mark.parametrize(
    "words",
    (
        "娘には…知られたくありません",
        "娘に知られたくない",
        "娘にはバレたくないです",
        "息子には内緒にしてほしい",
        "娘には知られたくありません",
    ),
)
def test_a_relative_not_to_know_is_a_consideration(words: str) -> None:
    chat = started("借金があって相談したいです", now=TUESDAY_NIGHT)
    chat.send(words)
    summary = build_summary(chat.data)
    assert summary["considerations"], summary
    assert "配慮してほしいこと：" in summary_text(chat.data)


def test_not_knowing_something_oneself_is_no_consideration() -> None:
    chat = started("借金があって相談したいです", now=TUESDAY_NIGHT)
    chat.send("娘のことはよく知らないんです")
    assert not build_summary(chat.data)["considerations"]


# ---------------------------------------------------------------- 3. will the workplace find out


@pytest.mark.parametrize(
    "words",
    ("会社にバレますか", "職場に知られますか", "会社に連絡いったりしませんか", "勤め先にばれる？"),
)
def test_will_the_workplace_find_out_is_answered(words: str) -> None:
    chat = started("借金があって相談したいです", now=TUESDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "勤め先" in reply or "会社" in reply, reply
    assert "連絡することはありません" in reply or "連絡しません" in reply, reply
    assert "トーク履歴" not in reply, reply  # not the phone's history


def test_a_phone_privacy_question_still_gets_the_phone_answer() -> None:
    chat = started("借金があって相談したいです", now=TUESDAY_NIGHT)
    chat.send("スマホ見られたらバレますか")
    assert "勤め先に連絡" not in said(chat)


# ---------------------------------------------------------------- 4. delete: once; navigation is no 希望


@pytest.mark.parametrize(
    "words",
    ("もう一度相談したい", "やっぱり消さないで", "やっぱり相談を続けたいです", "もう一回相談したいです"),
)
def test_changing_ones_mind_at_the_delete_question_keeps_the_records(words: str) -> None:
    chat = started(POWER_CUT, "子ども2人おるけん", now=TUESDAY_NIGHT)
    chat.send("記録を消す")
    assert chat.state == "menu.confirm_delete"
    chat.send(words)
    reply = said(chat)
    assert "消してもよろしいですか" not in reply, reply
    assert chat.state != "menu.confirm_delete"
    assert "intake" in chat.data
    assert not any(type(e).__name__ == "DeleteUserData" for e in chat.effects)
    assert not build_summary(chat.data)["hopes"] and "hopes" not in answers(chat), answers(chat).get("hopes")


def test_delete_confirmed_still_deletes() -> None:
    chat = started(POWER_CUT, now=TUESDAY_NIGHT)
    chat.send("記録を消す")
    chat.send("はい")
    assert any(type(e).__name__ == "DeleteUserData" for e in chat.effects)


@pytest.mark.parametrize(
    "words",
    ("もう一度相談したいです", "消したいです", "最初からやり直したいです", "相談を続けたいです"),
)
def test_navigation_phrases_never_fill_the_wish(words: str) -> None:
    chat = started("お金がなくて困っています", now=TUESDAY_NIGHT)
    chat.send(words)
    assert "hopes" not in answers(chat), answers(chat).get("hopes")


def test_a_real_wish_still_fills_the_wish() -> None:
    chat = started("お金がなくて困っています", "誰かに話を聞いてほしいです", now=TUESDAY_NIGHT)
    assert answers(chat).get("hopes", {}).get("words"), answers(chat)


# ---------------------------------------------------------------- 5. a student writes for themself


@pytest.mark.parametrize("words", ("大学生です", "院生です", "専門学生です", "大学院生です"))
def test_a_student_is_the_person_and_grown(words: str) -> None:
    chat = started(words, now=TUESDAY_NIGHT)
    assert answers(chat).get("asker", {}).get("choice") == "self", answers(chat)
    assert answers(chat).get("age_band", {}).get("choice") == "18_39", answers(chat)


def test_a_student_is_the_person_without_an_age_band_guess() -> None:
    chat = started("学生です", now=TUESDAY_NIGHT)
    assert answers(chat).get("asker", {}).get("choice") == "self", answers(chat)


def test_a_students_own_age_wins() -> None:
    chat = started("大学院生です。42歳です", now=TUESDAY_NIGHT)
    assert answers(chat).get("age_band", {}).get("choice") == "40_64", answers(chat)


@pytest.mark.parametrize(
    "words", ("大学生の息子が部屋から出てきません", "専門学生の娘が学校に行かなくなりました")
)
def test_a_students_parent_stays_family(words: str) -> None:
    chat = started(words, now=TUESDAY_NIGHT)
    assert answers(chat)["asker"]["choice"] == "family", answers(chat)


# ---------------------------------------------------------------- 6. one reply time in one conversation

DATE_TIME = re.compile(r"\d{1,2}月\d{1,2}日\([月火水木金土日]\) \d{1,2}:\d{2}(?:ごろ|以降)?")


def _promised(text: str) -> set[str]:
    return {
        m.group(0).removesuffix("以降").removesuffix("ごろ")
        for m in DATE_TIME.finditer(text)
        if "ごろ" in m.group(0)
    }


@pytest.mark.parametrize("urgent", (True, False))
def test_every_reply_promises_the_same_time(urgent: bool) -> None:
    first = POWER_CUT if urgent else "借金があって相談したいです"
    chat = started(first, now=TUESDAY_NIGHT)
    told: list[str] = []
    chat.send("担当者と話したい")
    told.append(said(chat))
    chat.tap("この内容だけ送る")
    told.append(said(chat))
    chat.send("いつ返事くる？")
    told.append(said(chat))
    promised = set().union(*(_promised(t) for t in told))
    assert len(promised) == 1, (promised, told)
    every = "\n".join(told)
    assert "翌営業日" not in every
    assert not re.search(r"8:30以降に、相談員", every), every


def test_the_promise_before_sending_names_the_reply_time() -> None:
    from dialogs.content import current_content

    text = current_content().reply_promise_text(TUESDAY_NIGHT)
    assert "ごろまでに" in text, text


def test_the_whole_conversation_of_the_mother_in_hakata() -> None:
    chat = started(POWER_CUT, "子ども2人おるけん", now=TUESDAY_NIGHT)
    chat.send("ちがう、子どものことやなくて お金がない")
    chat.send("今夜さむいし子どもらが心配")
    assert "一酸化炭素" in said(chat)
    chat.send("夜勤やけん昼間は寝とる、電話は夕方なら出れる")
    assert "childcare_education" not in concerns(chat), concerns(chat)  # the model's guess stays off
    text = summary_text(chat.data)
    assert "相談者：本人" in text and "子ども：2人" in text and "平日の夕方以降" in text, text
    assert "子ども・教育" not in text, text


def test_a_worry_about_the_children_told_in_words_after_a_correction_still_counts() -> None:
    chat = started("ちがう、子どものことやなくて お金がない", now=TUESDAY_NIGHT)
    chat.send("あ、でも上の子が不登校なんです")
    assert "childcare_education" in concerns(chat), concerns(chat)
