"""Session 10, talk12: free-text turns new users typed — a mother asking where to leave her child for a
while, questions on privacy, a phone (not a utility) about to be cut, 「ご飯どうしよ」, consulting without
going out, and sleeplessness typed at the concerns question.

Each test types the tester's words, with variants of our own (spelling, kana, dialect).
"""

from __future__ import annotations

import pytest

from dialogs.content import current_content
from dialogs.summary import summary_text
from tests.dialogs.chat import Chat, intake_answers, said, started

FALLBACK = "うまく受け取れなかったかもしれません"
RECEIVED_ONLY = "受け取りました"
CHILD_LINE = "189"
UTILITIES = "電気・ガス・水道"

# ---------------------------------------------------------------- 1. a mother asking about childcare

CHILDCARE = (
    "子どもを少しあずけられるとこってある？",
    "一時保育とか",
    "子育ての相談できるとこ教えて",
    "娘をちょっとだけ預けられる場所ないかな？",
    "いちじほいくってどこでやってる？",
    "育児の相談に乗ってくれるところある？",
)


@pytest.mark.parametrize("words", CHILDCARE)
def test_a_parent_asking_about_childcare_hears_of_it_and_the_childrens_centre(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    kodomo = current_content().window("kodomo")
    assert "一時保育" in reply and "ファミリー・サポート" in reply, reply
    assert kodomo.name in reply and kodomo.phone in reply
    assert CHILD_LINE not in reply and FALLBACK not in reply


def test_the_childcare_answer_follows_a_mothers_three_messages_without_the_crisis_block() -> None:
    chat = started()
    for words in CHILDCARE[:3]:
        chat.send(words)
        assert "一時保育" in said(chat) and CHILD_LINE not in said(chat), said(chat)
    assert chat.data.get("urgency", {}).get("level") not in ("crisis", "urgent")


# ---------------------------------------------------------------- 2. privacy questions

PRIVACY = [
    ("これAIの学習に使われる？", "AIの学習に使うことはありません"),
    ("AIに学習されたりしない？", "AIの学習に使うことはありません"),
    ("市役所の人も見るの？", "市役所の人も含めて"),
    ("役所の人にばれる？", "市役所の人も含めて"),
    ("記録っていつまで残るの？", "自動で消えます"),
    ("やりとりはずっと残るんですか", "自動で消えます"),
    ("LINEの会社に読まれる？", "プライバシーポリシー"),
    ("ラインの会社に見られたりする？", "プライバシーポリシー"),
]


@pytest.mark.parametrize(("words", "answer"), PRIVACY)
def test_a_privacy_question_gets_its_own_honest_answer(words: str, answer: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert answer in reply, reply
    assert FALLBACK not in reply and "記録を消す" in chat.labels


@pytest.mark.parametrize(("words", "answer"), PRIVACY[::2])
def test_a_privacy_question_after_another_still_gets_its_own_answer(words: str, answer: str) -> None:
    chat = started("記録っていつまで残るの？" if "AI" in words else "これAIの学習に使われる？")
    chat.send(words)
    assert answer in said(chat)


def test_who_reads_names_the_council_and_the_consent() -> None:
    chat = started("市役所の人も見るの？")
    council = current_content().municipality.council_name
    assert council in said(chat) and "「送る」を選ぶまでは" in said(chat)


# ---------------------------------------------------------------- 3. a phone, not a utility, about to be cut

PHONE_CUT = ("電話はとまるかも", "携帯とまるかもしれん", "スマホ止められそう")


@pytest.mark.parametrize("words", PHONE_CUT)
def test_a_phone_about_to_be_cut_is_about_keeping_in_touch_not_utilities(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "Wi-Fi" in reply and "無料Wi-Fi" in reply and "窓口" in reply, reply
    assert UTILITIES not in reply
    sheet = summary_text(chat.data)
    assert "止まるおそれ" not in sheet and UTILITIES not in sheet
    assert words in sheet  # the phone worry is kept for the person in charge


def test_electricity_about_to_be_cut_is_still_urgent() -> None:
    chat = started("電気がとまるかも")
    assert UTILITIES in said(chat)


# ---------------------------------------------------------------- 4. 「ご飯どうしよ」

FOOD = ("ご飯どうしよ", "今日のごはんどうしよう…", "メシどないしよ")


@pytest.mark.parametrize("words", FOOD)
def test_what_to_eat_is_read_as_a_food_worry(words: str) -> None:
    chat = started(words)
    assert "食べるもの" in said(chat) and FALLBACK not in said(chat)
    assert chat.data["urgency"]["level"] == "urgent"


@pytest.mark.parametrize("words", ["晩ご飯何にしよう", "夕飯なに作ろう、どうしよ"])
def test_choosing_a_dinner_menu_is_not_a_food_worry(words: str) -> None:
    chat = started(words)
    assert chat.data.get("urgency", {}).get("level") != "urgent"


# ---------------------------------------------------------------- 5. consulting without going out

NOT_GOING_OUT = (
    "外でなくても話せる？",
    "人いるとこむり",
    "家から出ずに相談できますか",
    "人が多いところは苦手",
)


@pytest.mark.parametrize("words", NOT_GOING_OUT)
def test_not_going_out_hears_that_no_one_has_to_go_anywhere_and_it_is_kept(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "外に出なくても、相談できます" in reply and "このLINE" in reply and "うかがう" in reply, reply
    assert FALLBACK not in reply
    assert "外出が難しい" in intake_answers(chat)["considerations"]["words"]
    assert "外出が難しい" in summary_text(chat.data)


# ---------------------------------------------------------------- 6. 「夜ねれない」 at the concerns question


def at_concerns() -> Chat:
    chat = started()
    chat.tap("相談の準備")
    while not chat.state.endswith("concerns"):
        chat.tap(chat.labels[0])
    return chat


@pytest.mark.parametrize("words", ["夜ねれない", "よる ねむれん", "夜寝れへん"])
def test_sleeplessness_at_the_concerns_question_is_a_worry_not_a_contact_time(words: str) -> None:
    chat = at_concerns()
    chat.send(words)
    answers = intake_answers(chat)
    assert "contact_times" not in answers
    assert "mental_health" in answers["concerns"]["choices"]
    assert "平日の夕方以降" not in said(chat)


@pytest.mark.parametrize("words", ["夜なら話せる", "夜がいい"])
def test_a_time_wish_at_the_concerns_question_is_still_the_contact_time(words: str) -> None:
    chat = at_concerns()
    chat.send(words)
    assert intake_answers(chat)["contact_times"]["choice"] == "weekday_evening"
