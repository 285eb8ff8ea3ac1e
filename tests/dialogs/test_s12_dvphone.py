"""Session 12, try-out 15 (p10): a woman whose partner watches her phone and takes her pay.

She wrote carefully at night: her partner checks her phone and keeps her pay, he does not hit her but
stops her seeing friends; then 「このLINEも見られるかもしれないので怖いです」 (the fallback),
「忘れてください」 (「下書きに残しています」), a deletion, a return, a wish to be phoned at work instead of
LINE (only 「平日の日中」 taken, then 「担当者からの連絡は、このLINEに届きます」), and a take-back added to
the case as content.

Each test types the person's words in order, with variants of our own (clock: the try-out's night, Sat 01:20).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.effects import AddToCase, HandOff
from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 1, 20, tzinfo=TOKYO)

P10_BEFORE = (
    "こんばんは。少し相談してもいいでしょうか",
    "一緒に住んでいる彼のことなんですが、私のスマホをいつもチェックされていて、お給料も全部彼が管理していて、"
    "私は自由に使えるお金がありません",
)
NOT_HIT = "殴られたりはしていないです。でも、友達と会うのも止められていて"

FALLBACK = "うまくお答えできないことがあります"
KEPT = "下書きに残し"
DV_PLUS = "0120-279-889"
FALSE_CLAIM = "担当者に伝わるようにしています"


def hiding_advice_given(chat: Chat) -> None:
    reply = said(chat)
    assert "トーク履歴を削除" in reply, reply  # this chat can be deleted
    assert "通知" in reply and "メッセージ内容表示" in reply, reply  # previews off
    assert "記録を消す" in chat.labels, chat.labels
    assert FALLBACK not in reply and KEPT not in reply, reply
    assert FALSE_CLAIM not in reply, reply


# ---------------------------------------------------------------- 1. this LINE may be seen

WATCHED = (
    "このLINEも見られるかもしれないので怖いです",
    "スマホ見られてるかも",
    "彼がLINEチェックする",
    "旦那に見られたらやばい",
    "このらいんもみられてるかもしれん。こわい",
)


@pytest.mark.parametrize("words", WATCHED)
def test_p10_this_line_seen_gets_how_to_hide_it_and_a_safe_line(words: str) -> None:
    chat = started(*P10_BEFORE, NOT_HIT, now=SATURDAY_NIGHT)
    chat.send(words)
    hiding_advice_given(chat)
    assert DV_PLUS in said(chat)  # a line to call when it is safe


@pytest.mark.parametrize("words", WATCHED[:2])
def test_this_line_seen_right_after_the_first_signs(words: str) -> None:
    chat = started(*P10_BEFORE, now=SATURDAY_NIGHT)
    chat.send(words)
    hiding_advice_given(chat)


def test_this_line_seen_as_a_first_message_gets_how_to_hide_it() -> None:
    chat = started("このLINEも見られるかもしれないので怖いです", now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "トーク履歴を削除" in reply and FALLBACK not in reply


def test_a_screen_that_cannot_be_seen_is_no_fear_of_being_watched() -> None:
    chat = started("スマホが壊れてLINEが見られないんです", now=SATURDAY_NIGHT)
    assert "トーク履歴を削除" not in said(chat)


# ---------------------------------------------------------------- 4. not hit, but controlled

NOT_HIT_BUT = (
    NOT_HIT,
    "叩かれたりはしてないです。でも実家に帰らせてもらえない",
    "暴力はないです。ただ友達と会うなって言われてて",
)


@pytest.mark.parametrize("words", NOT_HIT_BUT)
def test_p10_not_hit_but_controlled_is_heard_as_dv_and_nothing_is_said_to_be_passed_on(words: str) -> None:
    chat = started(*P10_BEFORE, now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALSE_CLAIM not in reply and "急ぎの相談として" not in reply, reply
    assert "殴られていなくても" in reply, reply
    assert "handoff" not in chat.data


# ---------------------------------------------------------------- 5. a wish to take back or be forgotten

FORGET = (
    "やっぱり大丈夫です。大げさに書いてしまいました。忘れてください",
    "やっぱりいいです。さっきのは忘れてください",
    "いまの全部わすれてください",
    "さっき書いたのはなかったことにしてください",
)


@pytest.mark.parametrize("words", FORGET)
def test_p10_forget_me_is_not_drafted_and_deleting_is_offered(words: str) -> None:
    chat = started(*P10_BEFORE, NOT_HIT, "このLINEも見られるかもしれないので怖いです", now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert KEPT not in reply and "こころのこと" not in reply, reply
    assert "消す" in " ".join(chat.labels), chat.labels
    assert "いつでも" in reply, reply
    heard = chat.data.get("intake", {}).get("heard", [])
    assert not any(words in str(item) for item in heard), heard


@pytest.mark.parametrize("words", ("消してください", "さっき書いたこと消して", "書いたの消してほしい"))
def test_p10_delete_please_asks_to_delete(words: str) -> None:
    chat = started(*P10_BEFORE, NOT_HIT, now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert KEPT not in reply and FALLBACK not in reply, reply
    assert "消す" in chat.labels, chat.labels


def test_forget_after_sending_offers_to_withdraw_not_to_add() -> None:
    chat = started(*P10_BEFORE, now=SATURDAY_NIGHT)
    chat.send("担当者と話したい")
    chat.tap("この内容だけ送る")
    chat.send("やっぱり大丈夫です。忘れてください")
    assert "取り下げ" in said(chat) and not any(isinstance(e, AddToCase) for e in chat.last.effects)


def test_forgetting_a_word_is_not_a_take_back() -> None:
    chat = started("息子のことで相談です", "名前を忘れてしまうことが増えました", now=SATURDAY_NIGHT)
    assert "記録を消す" not in chat.labels or "消してよろしい" not in said(chat)


# ---------------------------------------------------------------- 6. coming back

RETURN = (
    "やっぱり、話を聞いてもらいたいです。"
    "彼がお給料を全部持っていってしまって、今月は家賃も払えるかわかりません"
)


def test_p10_back_after_deleting_her_pay_taken_is_violence_and_money_on_the_case() -> None:
    chat = started(*P10_BEFORE, now=SATURDAY_NIGHT)
    chat.send("データを消して")
    chat.tap("消す")
    chat.send("こんにちは。前にここで相談しかけた者です")
    assert "また書いてくださって" in said(chat)
    chat.send(RETURN)
    concerns = chat.data["intake"]["answers"]["concerns"]["choices"]
    assert "violence" in concerns and "economic" in concerns, concerns
    assert "暴力" in said(chat), said(chat)


@pytest.mark.parametrize(
    "words",
    ("夫に給料を全部取られてしまって、生活費がない", "パート代を旦那がぜんぶ持っていく。家賃も払えない"),
)
def test_pay_taken_by_a_partner_is_violence(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    concerns = chat.data["intake"]["answers"]["concerns"]["choices"]
    assert "violence" in concerns, concerns


def test_pay_taken_by_a_pickpocket_is_not_violence() -> None:
    chat = started("財布を全部取られてしまって、給料日まで生活費がない", now=SATURDAY_NIGHT)
    concerns = chat.data["intake"]["answers"].get("concerns", {}).get("choices", [])
    assert "violence" not in concerns, concerns


def test_p10_back_hours_later_the_case_keeps_what_she_told() -> None:
    chat = started(*P10_BEFORE, NOT_HIT, now=SATURDAY_NIGHT)
    chat.wait(600)
    chat.send("こんにちは。前にここで相談しかけた者です")
    chat.send(RETURN)
    preview = said(chat)
    assert "スマホをいつもチェックされて" in preview and "家賃" in preview, preview
    assert "前にここで相談しかけた者です" not in preview, preview
    concerns = chat.data["intake"]["answers"]["concerns"]["choices"]
    assert "violence" in concerns, concerns


# ---------------------------------------------------------------- 2, 3. a phone call at work, not LINE

BY_PHONE = "連絡はLINEだと見られるので、昼間の職場の休憩時間（12時〜13時）に電話をもらえませんか"


def at_consent(*before: str) -> Chat:
    chat = started(*before, "こんにちは。前にここで相談しかけた者です", now=SATURDAY_NIGHT)
    chat.send(RETURN)
    assert chat.state == "consent.review", chat.state
    return chat


def test_p10_phone_at_lunch_not_line_is_taken_whole_and_a_number_is_asked() -> None:
    chat = at_consent()
    chat.send(BY_PHONE)
    reply = said(chat)
    answers = chat.data["intake"]["answers"]
    assert answers["contact"]["choice"] == "phone", answers.get("contact")
    assert "12時〜13時" in answers["contact_times"]["words"], answers["contact_times"]
    assert "LINEには連絡しない" in answers["considerations"]["words"], answers.get("considerations")
    assert "12時〜13時" in reply and "電話" in reply, reply
    assert "電話番号" in reply, reply


@pytest.mark.parametrize(
    ("words", "hours"),
    (
        ("LINEは見られるので、電話でお願いします。平日の12時から13時なら出られます", "12時から13時"),
        ("ラインだと旦那にばれるから電話にしてほしい。昼休みの12時〜1時", "12時〜1時"),
        ("LINEは彼に見られるから、連絡は電話で。仕事の休憩が12時から13時です", "12時から13時"),
    ),
)
def test_phone_not_line_variants(words: str, hours: str) -> None:
    chat = at_consent()
    chat.send(words)
    answers = chat.data["intake"]["answers"]
    assert answers["contact"]["choice"] == "phone", answers.get("contact")
    assert "LINEには連絡しない" in answers["considerations"]["words"], answers.get("considerations")
    assert "電話番号" in said(chat), said(chat)
    assert hours in said(chat), said(chat)


def test_line_wished_is_still_line_and_no_number_asked() -> None:
    chat = at_consent()
    chat.send("連絡はLINEでお願いします")
    assert chat.data["intake"]["answers"]["contact"]["choice"] == "line"
    assert "電話番号" not in said(chat)


def test_p10_after_sending_she_is_told_staff_phone_not_line_and_the_sheet_says_so() -> None:
    chat = at_consent()
    chat.send(BY_PHONE)
    chat.tap("この内容だけ送る")
    reply = said(chat)
    assert "このLINEに届きます" not in reply and "このLINEで段取り" not in reply, reply
    assert "電話" in reply and "12時〜13時" in reply, reply
    handoff = next(e for e in chat.last.effects if isinstance(e, HandOff))
    assert "LINEには連絡しない" in handoff.summary_text, handoff.summary_text
    assert "連絡方法：電話" in handoff.summary_text, handoff.summary_text
    assert "12時〜13時" in handoff.summary_text, handoff.summary_text


def test_a_phone_wish_without_line_refused_keeps_the_line_note() -> None:
    chat = at_consent()
    chat.send("連絡は電話がいいです")
    chat.tap("この内容だけ送る")
    assert "ご希望の方法（電話）" in said(chat)


def test_p10_take_back_after_sending_is_not_added_as_content() -> None:
    chat = at_consent()
    chat.send(BY_PHONE)
    chat.tap("この内容だけ送る")
    chat.send("やっぱり送ったのを取り消したいです。彼にばれたら怖い")
    reply = said(chat)
    assert "この相談を取り下げる" in chat.labels, chat.labels
    assert "書き加えました" not in reply, reply
    assert not any(isinstance(e, AddToCase) for e in chat.last.effects), chat.last.effects
