"""Crisis and urgent replies through a whole conversation: try-out 2's findings, in the person's words."""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import crisis
from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, said
from tests.dialogs.test_tone import says_nothing_unkind

NIGHT = datetime(2026, 11, 26, 2, 30, tzinfo=TOKYO)  # Thursday 2:30
WEEKDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=TOKYO)  # Tuesday, offices open
COLD_WEATHER = "寒さや暑さ"
DV_PLUS = "0120-279-889"
INOCHI = "いのちの電話"


def chat_at(now: datetime, *lines: str) -> Chat:
    """A new conversation at `now`, past the welcome, after `lines`."""
    chat = Chat(now=now)
    chat.follow()
    for line in lines:
        chat.send(line)
    return chat


# ---------------------------------------------------------------- 1. a new, more acute danger


def test_an_overdose_taken_after_pills_were_hoarded_gets_119_at_once() -> None:
    chat = chat_at(NIGHT, "ねれない", "ぶろんためてる💊")
    chat.send("さっき20じょうくらいのんだ")
    text = said(chat)
    assert "119" in chat.texts[0], "119 comes first, not the brief repeat"
    assert "近くの人" in text, "someone nearby can call"
    assert "いまも、とてもつらいのだと思います" not in text
    assert not says_nothing_unkind(text)


def test_the_urgency_reasons_keep_the_words_of_every_crisis_line() -> None:
    chat = chat_at(NIGHT, "ねれない", "ぶろんためてる💊", "さっき20じょうくらいのんだ")
    reasons = "".join(chat.data["urgency"]["reasons"])
    assert "ぶろんためてる" in reasons and "20じょうくらいのんだ" in reasons


def test_an_overdose_repeated_still_names_119() -> None:
    chat = chat_at(NIGHT, "さっき20じょうくらいのんだ")
    chat.send("薬を全部飲みました")
    assert "119" in said(chat)


def test_the_same_danger_again_still_gets_the_brief_reply() -> None:
    chat = chat_at(NIGHT, "死にたい")
    chat.send("やっぱり死にたい")
    assert "いまも、とてもつらいのだと思います" in said(chat)


def test_the_fast_path_knows_an_overdose_taken_is_new_after_hoarding() -> None:
    chat = chat_at(NIGHT, "ぶろんためてる💊")
    messages = crisis.crisis_reply("さっき20じょうくらいのんだ", NIGHT, memory=crisis.memory_of(chat.data))
    assert messages is not None
    assert "119" in messages[0].text and "いまも、とてもつらい" not in messages[0].text


def test_the_fast_path_repeats_briefly_for_the_same_danger() -> None:
    chat = chat_at(NIGHT, "死にたい")
    messages = crisis.crisis_reply("やっぱり死にたい", NIGHT, memory=crisis.memory_of(chat.data))
    assert messages is not None and "いまも、とてもつらい" in messages[0].text


# ---------------------------------------------------------------- 2. ordinary words after crisis or urgent

AFTER_CRISIS = [
    "なんもない毎日",
    "一人暮らし。家族とは話してない",
    "My Japanese is not good. I can read easy Japanese a little",
    "I live in Nishikawa",
    "仕事は日雇いしてたけどもう無い",
]
ANSWERED_AFTER_CRISIS = [
    "明日、誰かに相談できますか",
    "ほうもんしてもらえますか",
    "本人たちからの相談じゃないけど大丈夫ですか？",
    "Can someone help me in English?",
    "だれか はなせますか",
]
"""Questions with an answer of their own (a visit, consulting for someone else) or asking for a person
(the consent screen opens)."""


@pytest.mark.parametrize(
    "first", ["死にたい", "今夜寝るところがない", "ゴミが溜まってて、電気もとまってるかもしれないです"]
)
@pytest.mark.parametrize("words", AFTER_CRISIS)
def test_ordinary_words_after_a_crisis_are_routed_not_given_the_tonight_line(first: str, words: str) -> None:
    chat = chat_at(WEEKDAY_NOON, first)
    chat.send(words)
    text = said(chat)
    assert COLD_WEATHER not in text and "今夜のことは" not in text
    assert "human" in [c.data for m in chat.last.messages for c in m.choices] if chat.last else False
    heard = [item["words"] for item in chat.data["intake"].get("heard", [])]
    assert words in heard, "the words are kept for the 受付票"
    assert not says_nothing_unkind(text)


@pytest.mark.parametrize(
    "first", ["死にたい", "今夜寝るところがない", "ゴミが溜まってて、電気もとまってるかもしれないです"]
)
@pytest.mark.parametrize("words", ANSWERED_AFTER_CRISIS)
def test_questions_after_a_crisis_are_answered_not_given_the_tonight_line(first: str, words: str) -> None:
    chat = chat_at(WEEKDAY_NOON, first)
    chat.send(words)
    text = said(chat)
    assert COLD_WEATHER not in text and "今夜のことは" not in text
    offered = [c.data for m in chat.last.messages for c in m.choices] if chat.last else []
    assert chat.state == "consent.review" or "human" in offered
    assert not says_nothing_unkind(text)


def test_someone_sleeping_outside_who_is_cold_gets_one_short_safety_line() -> None:
    chat = chat_at(NIGHT, "今夜寝るところがない")
    chat.send("さむい。手がかじかんで うまく打てない")
    text = said(chat)
    assert "119" in text
    assert "今夜泊まる場所がないときは" not in text, "not the whole block again"


def test_the_safety_line_about_the_cold_is_said_once() -> None:
    chat = chat_at(NIGHT, "今夜寝るところがない", "さむい。手がかじかんで うまく打てない")
    chat.send("仕事は日雇いしてたけどもう無い")
    assert "119" not in said(chat)


def test_a_child_writing_in_simple_words_hears_189_in_the_short_answer_too() -> None:
    chat = chat_at(NIGHT, *KID)
    chat.send("きのうも なぐられた かおに あざ")
    assert "189" in chat.texts[0] and "よりそい" not in chat.texts[0]


# ---------------------------------------------------------------- 3. false crisis from the learned layer


@pytest.mark.parametrize(
    "text",
    ["I am from Vietnam, living here 3 years", "I have been living in Japan for 3 years", "I live alone"],
)
def test_english_without_a_word_of_danger_is_not_crisis(text: str) -> None:
    assert classify(text).crisis == "none"


@pytest.mark.parametrize("text", ["I want to die", "I took all my pills", "I want to kill myself"])
def test_english_with_a_word_of_danger_is_still_crisis(text: str) -> None:
    assert classify(text).crisis == "crisis"


@pytest.mark.parametrize("text", ["ほんとに消えた？", "ちゃんと消えましたか", "記録は消えた？"])
def test_asking_whether_something_vanished_is_not_crisis(text: str) -> None:
    assert classify(text).crisis == "none"


@pytest.mark.parametrize("text", ["消えたい", "もう消えたい", "いなくなりたい"])
def test_wanting_to_vanish_is_still_crisis(text: str) -> None:
    assert classify(text).crisis == "crisis"


def test_after_deleting_everything_asking_if_it_is_gone_gets_no_crisis_block() -> None:
    chat = chat_at(WEEKDAY_NOON, "今まで書いたこと全部消してほしい")
    chat.tap("消す")
    chat.send("ほんとに消えた？")
    assert INOCHI not in said(chat) and "よりそい" not in said(chat)


# ---------------------------------------------------------------- 4. remembering who is being hurt

KID = ("たすけて", "おやにたたかれる")


def test_a_child_hit_again_yesterday_keeps_189() -> None:
    chat = chat_at(NIGHT, *KID)
    chat.send("きのうも なぐられた かおに あざ")
    assert "189" in said(chat)


def test_a_child_who_does_not_want_the_police_gets_189_not_the_dv_line() -> None:
    chat = chat_at(NIGHT, *KID, "きのうも なぐられた かおに あざ", "ちゅうがく2ねん")
    chat.send("けいさつはやだ")
    text = said(chat)
    assert "189" in text and DV_PLUS not in text and "DV相談" not in text


def test_a_child_crying_for_help_gets_childrens_lines_not_suicide_lines() -> None:
    chat = chat_at(NIGHT, "おやになぐられる")
    chat.send("たすけて")
    text = said(chat)
    assert "189" in text and INOCHI not in text


def test_a_wife_hit_again_keeps_the_dv_line() -> None:
    chat = chat_at(NIGHT, "夫に殴られました")
    chat.send("きのうも なぐられた")
    assert DV_PLUS in said(chat) and "189" not in said(chat)


def test_a_father_telling_his_son_pushed_his_wife_keeps_the_lines_for_violence_at_home() -> None:
    chat = chat_at(NIGHT, "今夜、息子が暴れています")
    chat.send("壁に穴をあけて、妻を突き飛ばしました")
    text = said(chat)
    assert DV_PLUS not in text and "あなたは悪くありません" not in text
    assert chat.data["crisis"]["hurt"] == "parent"


# ---------------------------------------------------------------- 5. partner violence told as such to the CSW

WIFE = ("夫にLINEを見られるのが怖いです",)


def test_the_urgency_reason_for_partner_violence_says_dv() -> None:
    from dialogs.summary import build_summary, render

    chat = chat_at(WEEKDAY_NOON, "殴られたことはないけど、怒鳴られると体が動かなくなります")
    sheet = render(build_summary(chat.data))
    assert "DV" in sheet and "寝る場所" not in sheet


@pytest.mark.parametrize(
    "words", ["スマホも毎晩チェックされます", "お金も渡してもらえなくて、自分の口座もありません"]
)
def test_signs_of_control_after_fear_of_her_husband_are_read_as_dv(words: str) -> None:
    chat = chat_at(WEEKDAY_NOON, *WIFE)
    chat.send(words)
    text = said(chat)
    assert DV_PLUS in text
    assert chat.data["urgency"]["level"] == "urgent"
    assert "DV" in "".join(chat.data["urgency"]["reasons"])


def test_a_question_about_this_line_after_fear_of_her_husband_is_still_answered() -> None:
    chat = chat_at(WEEKDAY_NOON, *WIFE, "スマホも毎晩チェックされます")
    chat.send("このやりとりって、あとで消せますか")
    assert "トーク履歴" in said(chat) or "消せます" in said(chat)
    assert "急ぎの相談として" not in said(chat)


def test_utilities_about_to_be_cut_raise_urgency() -> None:
    chat = chat_at(WEEKDAY_NOON, "お金がなくて、カードの支払いも滞ってる")
    chat.send("電気代も2か月払えてなくて、止まるかもしれない")
    assert chat.data["urgency"]["level"] == "urgent"


# ---------------------------------------------------------------- 6. the same urgent need again


def test_the_same_urgent_need_again_gets_a_short_line_not_the_whole_block() -> None:
    chat = chat_at(NIGHT, "今夜寝るところがない")
    whole = said(chat)
    for words in ("先週アパート追い出されて、ずっと公園のベンチで寝てる", "南浜の駅の近くにいる"):
        chat.send(words)
        text = said(chat)
        assert "今夜泊まる場所がないときは" not in text, words
        assert len(text) < len(whole) / 2, words
        assert "human" in [c.data for m in chat.last.messages for c in m.choices] if chat.last else False
    assert chat.data["urgency"]["level"] == "urgent"
    assert any("駅の近く" in reason for reason in chat.data["urgency"]["reasons"])


def test_no_to_the_gentle_question_in_words_is_taken_as_no() -> None:
    chat = chat_at(NIGHT, "疲れた。もう限界かも")
    assert "いま、そういう気持ちはありますか" in said(chat)
    chat.send("死にたいとかじゃない。ただ寝たい")
    text = said(chat)
    assert "ありがとう" in text
    assert "ご家族や身近な方" not in text
    assert chat.data.get("urgency", {}).get("level") != "crisis"
    assert not says_nothing_unkind(text)


def test_utilities_about_to_be_cut_raise_the_urgency_of_an_open_case() -> None:
    chat = chat_at(WEEKDAY_NOON, "お金がなくて、カードの支払いも滞ってる")
    chat.send("人と話したい")
    chat.tap("この内容だけ送る")
    chat.send("電気代も2か月払えてなくて、止まるかもしれない")
    raised = [e for e in chat.effects if type(e).__name__ == "RaiseUrgency"]
    assert raised and raised[-1].level == "urgent"
    assert any("電気" in reason for reason in raised[-1].reasons)
