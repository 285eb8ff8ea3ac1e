"""Session 13, try-out 17 (p1, p5, p6, p9): what people type on the edit menu and the send screen.

p5 and p9 wrote their yes in keigo (「この内容だけでお願いいたします」「送付をお願いいたします」) and
it was only added to the notes; p5's 「お電話でお話しすることはできますか」 on the send screen recorded
no way to be reached; p1 typed 「ネンダイ」 at 「どこを直しますか」 and it became a note; p6's
「ないない、そこまでじゃない」 to the direct question got the fallback; p1's katakana
「ダレカ イエニ キテ ムスコト ハナシテクレル ヒトハ オランノカ」 got the fallback while the kanji form
got the home-visit answer.

Each test types the person's words, with variants of our own and neighbours that must not change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

REVIEW = "consent.review"
FALLBACK = "うまくお答えできないことがあります"
ADDED = "を、送る内容に書き加えました"


def on_send_screen(*first: str) -> Chat:
    chat = started(*(first or ("息子のことで相談したい。息子は40代です",)), "担当の人と話したい")
    assert chat.state == REVIEW, said(chat)
    return chat


def answers(chat: Chat) -> dict[str, Any]:
    result: dict[str, Any] = chat.data.get("intake", {}).get("answers", {})
    return result


def sent_scope(chat: Chat) -> str | None:
    handoff = chat.data.get("handoff")
    return str(handoff["scope"]) if handoff else None


# ---------------------------------------------------------------- 1. keigo yes on the send screen


@pytest.mark.parametrize(
    "words",
    (
        "この内容だけでお願いいたします",
        "この内容だけでお願いします",
        "要約だけでお願いします",
        "このないようだけで おねがいします",
    ),
)
def test_p5_this_content_only_in_keigo_sends_the_summary(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    assert sent_scope(chat) == "summary", said(chat)
    assert ADDED not in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "送付をお願いいたします",
        "これで結構です",
        "こちらでお願いします",
        "この内容で送ってください",
        "この内容でお願いいたします",
        "こちらで結構です",
        "これでお願いします",
        "送付してください",
        "承知いたしました。では先ほどの内容で送付をお願いいたします。",
    ),
)
def test_keigo_yes_sends(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    assert sent_scope(chat) is not None, said(chat)
    assert ADDED not in said(chat)


def test_p9_keigo_yes_with_the_conversation_sends_it_all() -> None:
    chat = on_send_screen()
    chat.send("承知いたしました。では先ほどの内容で、やりとりも含めて送付をお願いいたします。")
    assert sent_scope(chat) == "summary_and_conversation", said(chat)


@pytest.mark.parametrize("words", ("ほなこれで送って", "ソレデエエ"))
def test_dialect_yes_still_sends(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    assert sent_scope(chat) is not None, said(chat)


@pytest.mark.parametrize("words", ("送るのはまだ結構です", "送るのはまだいいです", "今はまだ結構です"))
def test_not_yet_is_not_a_yes(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    assert "handoff" not in chat.data, said(chat)


@pytest.mark.parametrize("words", ("結構です", "けっこうです", "結構です。"))
def test_bare_kekkou_is_asked_once_with_buttons(words: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    reply = said(chat)
    assert "handoff" not in chat.data, reply
    assert chat.state == REVIEW, reply
    assert "結構です" in reply and "この内容だけ送る" in chat.labels and "今は送らない" in chat.labels, reply
    assert ADDED not in reply
    chat.tap("今は送らない")
    assert "handoff" not in chat.data


# ------------------------------------------------- 2. a way to be reached, typed on the send screen


@pytest.mark.parametrize(
    ("words", "way"),
    (
        ("電話でお願いします", "phone"),
        ("電話がいいです", "phone"),
        ("夜に電話ください", "phone"),
        ("LINEでお願いします", "line"),
        ("お電話でお願いいたします", "phone"),
        ("でんわがいい", "phone"),
        ("ラインでおねがいします", "line"),
    ),
)
def test_contact_way_on_the_send_screen_is_recorded_and_screen_shown_again(words: str, way: str) -> None:
    chat = on_send_screen()
    chat.send(words)
    reply = said(chat)
    assert "handoff" not in chat.data, reply
    assert chat.state == REVIEW, reply
    assert answers(chat).get("contact", {}).get("choice") == way, answers(chat)
    assert "担当者に送る内容は" in reply and "連絡" in reply, reply
    assert "この内容だけ送る" in chat.labels


def test_evening_call_records_the_time_too() -> None:
    chat = on_send_screen()
    chat.send("夜に電話ください")
    assert answers(chat).get("contact_times"), answers(chat)


def test_p5_asking_whether_a_call_is_possible_on_the_send_screen_records_phone() -> None:
    chat = on_send_screen()
    chat.send(
        "お電話でお話しすることはできますか。平日の午後でしたら母がデイサービスに行っておりますので出られます。"
    )
    assert "handoff" not in chat.data
    assert answers(chat).get("contact", {}).get("choice") == "phone", answers(chat)
    assert answers(chat).get("contact_times"), answers(chat)


# ---------------------------------------------------------------- 3. a field named at 「どこを直しますか」


@pytest.mark.parametrize(
    ("words", "state"),
    (
        ("ネンダイ", "intake.ask_age_band"),
        ("年代", "intake.ask_age_band"),
        ("ねんだい", "intake.ask_age_band"),
        ("地区", "intake.ask_district"),
        ("連絡方法", "intake.ask_contact"),
        ("相談者", "intake.ask_asker"),
    ),
)
def test_p1_field_named_at_which_field_opens_it(words: str, state: str) -> None:
    chat = on_send_screen()
    chat.tap("内容を直す")
    assert "どこを直しますか" in said(chat)
    chat.send(words)
    assert chat.state == state, said(chat)
    assert ADDED not in said(chat)


def test_a_field_name_alone_on_the_send_screen_without_the_question_is_not_an_edit() -> None:
    chat = on_send_screen()
    chat.send("地区")
    assert chat.state != "intake.ask_district"


@pytest.mark.parametrize(
    "words",
    (
        "相談するのはうち本人や",
        "だから相談してるのは俺。親のことじゃない",
        "相談してるのは私本人です",
        "いや家族の相談じゃなくて俺本人の話なんだが",
    ),
)
def test_p6_the_writer_is_the_person_on_the_send_screen(words: str) -> None:
    chat = on_send_screen()
    assert answers(chat).get("asker", {}).get("choice") == "family", answers(chat)
    chat.send(words)
    assert answers(chat).get("asker", {}).get("choice") == "self", answers(chat)
    assert ADDED not in said(chat)
    assert "handoff" not in chat.data


def test_the_writer_naming_a_relative_stays_family() -> None:
    chat = on_send_screen()
    chat.send("相談してるのは私ですが、息子のことです")
    assert answers(chat).get("asker", {}).get("choice") == "family", answers(chat)


@pytest.mark.parametrize(
    "words",
    (
        "暴力とかはないで。そこ消しといて",
        "暴力や怖いことは違います。外してください",
        "暴力はないです。消してください",
    ),
)
def test_violence_untick_on_the_send_screen(words: str) -> None:
    chat = on_send_screen("息子が40代でひきこもっています。暴力もあります")
    assert "violence" in answers(chat).get("concerns", {}).get("choices", []), answers(chat)
    chat.send(words)
    assert "violence" not in answers(chat).get("concerns", {}).get("choices", []), answers(chat)
    assert "handoff" not in chat.data


# ---------------------------------------------------------------- 4. no, to the direct question


def direct_question_asked() -> Chat:
    chat = started(
        "親ガチャ外れたわ。もうタヒにたい草",
        "いや冗談だって。タヒなんて言ってみただけ。それより家追い出されたらどうすんのこれ",
    )
    assert "死にたいと思う気持ちがありますか" in said(chat), said(chat)
    return chat


@pytest.mark.parametrize(
    "words",
    ("ないない、そこまでじゃない", "そこまでではないです", "それはない", "そこまでじゃないです", "ないです"),
)
def test_p6_no_to_the_direct_question_is_thanked(words: str) -> None:
    chat = direct_question_asked()
    chat.send(words)
    reply = said(chat)
    assert "ありがとう" in reply and FALLBACK not in reply, reply


@pytest.mark.parametrize("words", ("そこまでじゃないけど、やっぱりしにたい", "それはないけど消えたい"))
def test_not_that_far_with_the_wish_still_there_is_no_plain_no(words: str) -> None:
    chat = direct_question_asked()
    chat.send(words)
    assert "risk_answered_at" not in chat.data.get("crisis", {}) or "窓口" in said(chat), said(chat)
    assert "それだけ疲れがたまっている" not in said(chat), said(chat)


def test_yes_to_the_direct_question_is_still_a_yes() -> None:
    chat = direct_question_asked()
    chat.send("ある")
    assert "安全なところ" in said(chat) or "窓口" in said(chat), said(chat)


# ---------------------------------------------------------------- 5. katakana read as hiragana


@pytest.mark.parametrize(
    "words",
    (
        "ダレカ イエニ キテ ムスコト ハナシテクレル ヒトハ オランノカ",
        "イエニ キテ クレル ヒトハ オランノカノウ",
        "だれか いえに きて むすこと はなしてくれる ひとは おらんのか",
    ),
)
def test_p1_katakana_home_visit_question_gets_the_visit_answer(words: str) -> None:
    chat = started("ムスコノコトデ ソウダンシタイ")
    chat.send(words)
    reply = said(chat)
    assert "訪問" in reply and FALLBACK not in reply, reply


@pytest.mark.parametrize("words", ("これで結構です", "これでいいです"))
def test_p5_kekkou_at_the_worries_question_is_done_choosing(words: str) -> None:
    chat = on_send_screen()
    chat.tap("内容を直す")
    chat.tap("ご相談の内容")
    assert chat.state == "intake.ask_concerns", said(chat)
    chat.send(words)
    assert chat.state == REVIEW, said(chat)
    assert ADDED not in said(chat)


@pytest.mark.parametrize(
    "words",
    (
        "ソレヲ タノミタイ。ムスコハ 会ワンジャロウケド",
        "それをお願いしたいです",
        "それを頼みたい",
        "来てほしい",
    ),
)
def test_p1_wanting_the_visit_after_its_answer_is_the_visit_hope(words: str) -> None:
    chat = started("ムスコノコトデ ソウダンシタイ", "家ニ 来テ クレル人ハ オランノカノウ")
    assert "訪問" in said(chat), said(chat)
    chat.send(words)
    reply = said(chat)
    assert "visit" in answers(chat).get("hopes", {}).get("choices", []), answers(chat)
    assert FALLBACK not in reply and "訪問してほしい" in reply, reply


def test_wanting_it_without_the_visit_answer_is_no_visit_hope() -> None:
    chat = started("ムスコノコトデ ソウダンシタイ")
    chat.send("それを頼みたい")
    assert "visit" not in answers(chat).get("hopes", {}).get("choices", []), answers(chat)


# ---------------------------------------------------------------- 6. a way to be reached, told after sending

NIGHT = datetime(2026, 12, 5, 2, 10, tzinfo=TOKYO)


def sent_at_night() -> Chat:
    chat = started(
        "ムスコノコトデ ソウダンシタイ", "ムスコハ45ニナリマス。25ネン ヘヤカラ デンノジャ", now=NIGHT
    )
    chat.send("タントウノ人ト ハナシタイ")
    assert chat.state == REVIEW, said(chat)
    chat.send("ゼンブ オクッテクレ")
    assert "handoff" in chat.data, said(chat)
    return chat


@pytest.mark.parametrize(
    "words",
    (
        "デンワデ ハナシタイ。ヒルマナラ イツデモ イエニオル。チイキハ ミナミク",
        "電話で話したい。昼間ならいつでも家におる",
        "でんわで はなしたい。ひるまなら いつでも いえにおる",
    ),
)
def test_p1_phone_wish_after_sending_goes_to_the_sent_case(words: str) -> None:
    chat = sent_at_night()
    chat.send(words)
    reply = said(chat)
    assert chat.state != REVIEW and "この内容を送ってもよいですか" not in reply, reply
    assert answers(chat).get("contact", {}).get("choice") == "phone", answers(chat)
    assert "weekday_daytime" in str(answers(chat).get("contact_times")), answers(chat)
    assert "このLINEに届きます" not in reply, reply


def test_p1_line_hard_to_read_is_never_promised_a_line_answer() -> None:
    chat = sent_at_night()
    chat.send("デンワデ ハナシタイ。ヒルマナラ イツデモ イエニオル。チイキハ ミナミク")
    chat.send("イツ レンラク クルンカノウ。ワシ ラインハ ヨウミレン。デンワガ エエ")
    reply = said(chat)
    assert "このLINEに" not in reply, reply
    assert "電話" in reply, reply


# ---------------------------------------------------------------- 7. the long night text once, then short


def test_night_lines_are_said_in_full_once_then_referred_to() -> None:
    chat = started(
        "ムスコノコトデ ソウダンシタイ", "ムスコハ45ニナリマス。25ネン ヘヤカラ デンノジャ", now=NIGHT
    )
    chat.send("タントウノ人ト ハナシタイ")
    assert said(chat).count("0120-279-338") == 1, said(chat)
    chat.send("ゼンブ オクッテクレ")
    reply = said(chat)
    assert "handoff" in chat.data, reply
    assert "0120-279-338" not in reply and "夜間の連絡先は先ほどのとおりです" in reply, reply
    assert "110" in reply, reply  # the emergency numbers stay
    chat.send("まだ話したい。担当の人と話したい")
    assert "0120-279-338" in said(chat), said(chat)  # a person wanted now: the line open now, in full


def test_night_lines_when_tapped_are_in_full_once() -> None:
    chat = started("ムスコノコトデ ソウダンシタイ", now=NIGHT)
    chat.tap("担当者と話したい")
    assert said(chat).count("0120-279-338") == 1, said(chat)
    chat.tap("この内容だけ送る")
    assert "0120-279-338" not in said(chat) and "先ほどのとおり" in said(chat), said(chat)
