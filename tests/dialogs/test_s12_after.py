"""Session 12, try-out 15 (p5, p9): what a person writes AFTER sending reaches the sent case.

After sending, the bot promises 「このあとに書いたことも、この相談に書き加えられます」. p9 (a man in his 70s
writing in 東北 dialect) then typed his phone number and got the general 相談のしかた card; the number never
reached the case. p5 (15, hit at home, sent at Sat 01:30) typed 「いまドアどんどんされてる。こわい」 and
was told 「送ったご相談は、担当者が読みます」, though it was not added and nobody reads until Monday; asked
「ここのひと、いまきてくれる？」 she was told staff can visit her home; having said 「でんわむり」 she was
still offered phone lines first; 「あしたがっこういくふりして、どっかいったほうがいい？」 got no safety
advice.

Each test types the person's words in order, with variants of our own and negative neighbours.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import AddToCase, RaiseUrgency
from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 1, 20, tzinfo=TOKYO)
FRIDAY_NIGHT = datetime(2026, 12, 4, 21, 0, tzinfo=TOKYO)
MONDAY = "12月7日(月)"

P5_BEFORE = (
    "あの",
    "たすけて😢",
    "おかあさんがおさけのんで",
    "たたいてくる",
    "けいさつはやだ！！😭",
    "でんわむり、こえきかれる",
    "いまへやにかぎかけてる",
    "15さい、こうこう1ねん",
    "がっこうのせんせいにもいいたくない",
)

P9_BEFORE = (
    "こんばんは。わだすは70すぎのじじいだども、ちょっと聞ぎでぇごどあって",
    "かがあ（女房）が入院してしまって、おら一人だ",
    "年金の日まで金ねくて、食うもんもねぐなってきた",
    "スマホの字ぃ小せくてよぐ見えね。電話のほうがいい。昼間なら家さいる",
)


def p5_sent() -> Chat:
    chat = started(*P5_BEFORE, "あしたどうしよ😢", now=SATURDAY_NIGHT)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    chat.send("ありがと")
    return chat


def p9_sent() -> Chat:
    chat = started(*P9_BEFORE, now=FRIDAY_NIGHT)
    chat.tap("担当者と話したい")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    return chat


def added(chat: Chat) -> list[AddToCase]:
    assert chat.last is not None
    return [effect for effect in chat.last.effects if isinstance(effect, AddToCase)]


def raised(chat: Chat) -> list[RaiseUrgency]:
    assert chat.last is not None
    return [effect for effect in chat.last.effects if isinstance(effect, RaiseUrgency)]


# ---------------------------------------------------------------- p9: a phone number after sending


@pytest.mark.parametrize(
    ("words", "number"),
    (
        ("電話番号教えればいいべか？090-1234-5678だ", "090-1234-5678"),
        ("携帯は０８０１２３４５６７８です", "08012345678"),
        ("家の電話は 0123-45-6789 です。昼間ならいます", "0123-45-6789"),
        ("でんわばんごう 070 1111 2222", "070 1111 2222"),
    ),
)
def test_p9_a_phone_number_after_sending_reaches_the_case_and_is_acknowledged(
    words: str, number: str
) -> None:
    chat = p9_sent()
    chat.send(words)
    reply = said(chat)
    assert "電話番号" in reply and "受け取りました" in reply, reply
    assert "0000-00-0001" not in reply, "the general 相談のしかた card again"
    [addition] = added(chat)
    assert addition.text == words.strip()
    assert addition.summary is not None
    assert addition.summary["contact"] == "phone"
    assert addition.summary["own_words"]["contact"] == number


@pytest.mark.parametrize(
    "words",
    (
        "0120-279-338にかけてもいいですか",  # a hotline the bot gave, not the person's number
        "電話番号を教えてください",  # the window's number asked for
        "189って何番にかければいいの",
    ),
)
def test_a_hotline_or_a_question_about_numbers_is_not_taken_as_the_persons_number(words: str) -> None:
    chat = p9_sent()
    chat.send(words)
    assert "電話番号を受け取りました" not in said(chat)
    for addition in added(chat):
        assert not (addition.summary or {}).get("own_words", {}).get("contact"), addition


# ---------------------------------------------------------------- p5: danger told after sending


@pytest.mark.parametrize(
    "words",
    (
        "いまドアどんどんされてる。こわい",
        "ドアをドンドンたたかれてる",
        "いま部屋のドアけられてる、こわい",
        "ドアあけろってさけんでる",
    ),
)
def test_p5_danger_after_sending_at_night_is_answered_added_and_raised(words: str) -> None:
    chat = p5_sent()
    chat.send(words)
    reply = said(chat)
    assert "110" in reply, reply
    assert "189" in reply or "0120-0-78310" in reply, reply
    assert "talkme" in reply, "she cannot phone: a line to write to"
    assert "電話なら" not in reply, reply
    assert MONDAY in reply, "when staff read, not 「担当者が読みます」 as if soon"
    assert [a.text for a in added(chat)] == [words]
    assert any(effect.level == "crisis" for effect in raised(chat)), chat.last


def test_p5_door_before_sending_is_answered_but_added_to_nothing() -> None:
    chat = started(*P5_BEFORE, now=SATURDAY_NIGHT)
    chat.send("いまドアどんどんされてる。こわい")
    reply = said(chat)
    assert "110" in reply and "189" in reply, reply
    assert not added(chat)
    assert MONDAY not in reply


# ---------------------------------------------------------------- p5: can someone come now


@pytest.mark.parametrize(
    "words",
    (
        "ここのひと、いまきてくれる？",
        "いまから来てもらえますか",
        "今すぐうちに来てほしい",
        "だれか いま きて くれる？",
    ),
)
def test_p5_asked_whether_someone_comes_now_she_hears_honestly_nobody_can(words: str) -> None:
    chat = p5_sent()
    chat.send(words)
    reply = said(chat)
    assert "うかがうこともできます" not in reply, reply
    assert "いけない" in reply or "行くことはできません" in reply, reply
    assert MONDAY in reply, reply
    assert "110" in reply and "189" in reply, reply


def test_an_adult_asking_at_night_for_someone_now_hears_no_child_lines() -> None:
    chat = p9_sent()
    chat.send("今から家さ来てもらえねぇべか")
    reply = said(chat)
    assert "うかがうこともできます" not in reply, reply
    assert "行くことはできません" in reply and MONDAY in reply, reply
    assert "110" in reply and "189" not in reply, reply


def test_asking_whether_staff_visit_at_all_still_gets_the_visit_answer() -> None:
    chat = started(now=SATURDAY_NIGHT)
    chat.send("家に来てもらうこともできますか")
    reply = said(chat)
    assert "うかがう" in reply, reply
    assert "行くことはできません" not in reply


# ---------------------------------------------------------------- p5: she cannot phone


def test_p5_after_saying_she_cannot_phone_the_next_reply_leads_with_lines_to_write_to() -> None:
    chat = started(*P5_BEFORE, now=SATURDAY_NIGHT)
    chat.send("あしたどうしよ😢")
    reply = said(chat)
    assert "電話なら" not in reply, reply
    assert "talkme" in reply, reply
    assert reply.index("talkme") < reply.index("189") if "189" in reply else True


def test_a_child_who_never_said_so_still_hears_the_phone_lines_first() -> None:
    words = [w for w in P5_BEFORE if w != "でんわむり、こえきかれる"]
    chat = started(*words, now=SATURDAY_NIGHT)
    chat.send("あしたどうしよ😢")
    reply = said(chat)
    assert "189" in reply, reply


# ---------------------------------------------------------------- p5: running away from home


@pytest.mark.parametrize(
    "words",
    (
        "あしたがっこういくふりして、どっかいったほうがいい？",
        "学校行くふりしてどこか行こうかな",
        "いえでしたほうがいいかな",
        "もう家出したい。どっか遠くいきたい",
    ),
)
def test_p5_a_plan_to_run_away_gets_safety_advice_and_reaches_the_case(words: str) -> None:
    chat = p5_sent()
    chat.send(words)
    reply = said(chat)
    assert "ほけんしつ" in reply or "保健室" in reply, reply
    assert "189" in reply, reply
    assert "しらない ひと" in reply or "知らない人" in reply, reply
    assert [a.text for a in added(chat)] == [words]


def test_an_adult_going_out_is_not_told_of_the_school_nurse() -> None:
    chat = p9_sent()
    chat.send("明日は病院さ行ぐふりして、どっか行ってみるべかな")
    assert "ほけんしつ" not in said(chat) and "保健室" not in said(chat)


def test_a_number_typed_before_sending_waits_on_the_draft_and_shows_on_the_consent_screen() -> None:
    chat = started(*P9_BEFORE, now=FRIDAY_NIGHT)
    chat.send("電話番号は090-1234-5678だ")
    assert "電話番号（090-1234-5678）を受け取りました" in said(chat)
    assert not added(chat), "nothing was sent yet"
    chat.tap("担当者と話したい")
    assert "090-1234-5678" in said(chat)


def test_a_number_given_with_a_question_still_gets_the_question_answered() -> None:
    chat = p9_sent()
    chat.send("電話は090-1234-5678です。生活保護について知りたい")
    reply = said(chat)
    assert "電話番号（090-1234-5678）を受け取りました" in reply
    assert "生活保護" in reply.split("受け取りました", 1)[1], reply
