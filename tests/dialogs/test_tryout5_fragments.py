"""The fifth try-out's findings about danger said in fragments, across messages, in the person's exact words.

Every test drives the real engine with the real reading, at the hour the person wrote (2 a.m. or the
afternoon). The crisis path used to read each message alone: 「くすり」「のんだ」「20こ」 after 「しにたい」
never brought 119, 「ねむい」 after pills got the fallback, 「冗談です」 a cold fallback and a menu
offering 記録を消す, and a method named after a denial only two short lines.
"""

from __future__ import annotations

from datetime import datetime

from dialogs.crisis import crisis_answer, crisis_reply, memory_of
from dialogs.effects import RaiseUrgency
from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 11, 25, 2, 0, tzinfo=TOKYO)  # Wednesday 2 a.m.
AFTERNOON = datetime(2026, 11, 24, 14, 30, tzinfo=TOKYO)  # Tuesday afternoon
FALLBACKS = ("自動の応答なので、うまくお答えできない", "うまく受け取れなかった", "ゆっくりで大丈夫です")
DELETE_BUTTON = "記録を消す"
OVERDOSE_FIRST = "薬をたくさん飲んだと受け取りました"


def no_fallback_and_no_menu(chat: Chat) -> None:
    assert not any(words in said(chat) for words in FALLBACKS), said(chat)
    assert DELETE_BUTTON not in chat.labels


def crisis_reasons(chat: Chat) -> list[str]:
    raised = [effect for effect in chat.effects if isinstance(effect, RaiseUrgency)]
    return [reason for effect in raised for reason in effect.reasons]


# ---------------------------------------------------------------- 1. an overdose told one word at a time

ONE_WORD_NIGHT = ("…", "つかれた", "しにたい", "べつに")


def test_pills_told_one_word_a_message_after_wanting_to_die_get_119_first() -> None:
    chat = started(*ONE_WORD_NIGHT, "くすり", "のんだ", now=NIGHT)
    assert OVERDOSE_FIRST in said(chat) and "119" in said(chat)
    assert "近くの人" in said(chat)
    assert any(isinstance(effect, RaiseUrgency) and effect.level == "crisis" for effect in chat.last.effects)


def test_the_number_of_pills_after_that_gets_119_again_not_the_fallback() -> None:
    chat = started(*ONE_WORD_NIGHT, "くすり", "のんだ", "20こ", now=NIGHT)
    assert "119" in said(chat)
    no_fallback_and_no_menu(chat)


def test_the_fast_path_does_not_answer_a_fragment_alone_so_the_turn_itself_sends_119() -> None:
    assert crisis_reply("のんだ", NIGHT) is None  # the webhook cannot read the fragment alone as danger
    chat = started(*ONE_WORD_NIGHT, "くすり", now=NIGHT)
    chat.send("のんだ", crisis_already_sent=False)
    assert "119" in said(chat)


def test_fragments_more_than_a_quarter_of_an_hour_apart_are_not_joined() -> None:
    chat = started("くすり", now=NIGHT)
    chat.wait(30)
    chat.send("のんだ")
    assert OVERDOSE_FIRST not in said(chat)


def test_ordinary_fragments_are_not_read_as_danger() -> None:
    chat = started("あの", "えっと", "しごと", "ない", now=AFTERNOON)
    assert not any(isinstance(effect, RaiseUrgency) for effect in chat.effects)


def test_only_a_few_short_recent_messages_are_kept_for_this_and_none_long() -> None:
    long_text = "きのうから何も食べていなくて、仕事もなくて、家賃も払えなくて困っています"
    chat = started("あの", "えっと", "しごと", "ない", long_text, "こわい", now=AFTERNOON)
    kept = chat.data["crisis"]["recent"]
    assert 0 < len(kept) <= 4
    assert all(len(item["words"]) <= 20 for item in kept)
    chat.wait(20)
    chat.send("はい")
    assert [item["words"] for item in chat.data["crisis"]["recent"]] == ["はい"]


# ---------------------------------------------------------------- 2. the body after pills or cutting


def test_sleepy_after_taking_pills_gets_119_again_not_the_fallback_and_menu() -> None:
    chat = started("くすり20このんだ", "ねむい", now=NIGHT)
    assert "119" in said(chat)
    no_fallback_and_no_menu(chat)
    assert "「ねむい」" in crisis_reasons(chat)


def test_dizzy_or_having_thrown_up_after_pills_gets_119_again() -> None:
    for words in ("ふらふら", "吐いた", "なんか気持ち悪い"):
        chat = started("くすり20このんだ", words, now=NIGHT)
        assert "119" in said(chat), words
        no_fallback_and_no_menu(chat)


def test_her_bleeding_question_after_cutting_gets_first_aid_and_119() -> None:
    chat = started(
        "どーもー笑",
        "また切ってもうたわw 今回ちょっと深めやねんけどな笑",
        "いやいや死にたいとかちゃうで？ただのクセやし",
        "血とまらんかったらどうしたらええん？笑",
        now=NIGHT,
    )
    assert "119" in said(chat) and "押さえ" in said(chat)
    assert "三つご案内します" not in said(chat)
    no_fallback_and_no_menu(chat)


def test_bleeding_that_does_not_stop_after_cutting_gets_first_aid_not_only_a_hotline() -> None:
    chat = started("また切ってもうたわw 今回ちょっと深めやねんけどな笑", "血が止まらない", now=NIGHT)
    assert "119" in said(chat) and "押さえ" in said(chat)


def test_sleepy_without_any_pills_is_not_a_crisis() -> None:
    chat = started("ねむい", now=AFTERNOON)
    assert not any(isinstance(effect, RaiseUrgency) for effect in chat.effects)


# ------------------------------------------------ 3. taking it back, and a method after a denial

DEBT = ("借金が800万あります", "55歳、会社も潰れて", "もう全部終わりにしたい")


def test_just_joking_after_wanting_it_all_to_end_gets_a_warm_line_not_the_fallback() -> None:
    chat = started(*DEBT, "冗談です", now=AFTERNOON)
    assert "ありがとうございます" in said(chat) and "いつでも" in said(chat)
    no_fallback_and_no_menu(chat)


def test_really_joking_just_tired_gets_a_warm_line_too() -> None:
    chat = started(*DEBT, "冗談です", "いや、本当に冗談ですって。ちょっと疲れてるだけ", now=AFTERNOON)
    assert "いつでも" in said(chat)
    no_fallback_and_no_menu(chat)


def test_never_mind_after_a_crisis_reply_keeps_the_door_open() -> None:
    for words in ("やっぱいい", "ちょっと疲れてるだけ"):
        chat = started("もう全部終わりにしたい", words, now=NIGHT)
        assert "いつでも" in said(chat), words
        no_fallback_and_no_menu(chat)


def test_taking_it_back_after_pills_still_names_119() -> None:
    chat = started("くすり20このんだ", "冗談です", now=NIGHT)
    assert "119" in said(chat)
    no_fallback_and_no_menu(chat)


def test_just_joking_with_no_crisis_before_is_not_treated_as_one() -> None:
    chat = started("冗談です", now=AFTERNOON)
    assert "いつでもここに書いて" not in said(chat)


DEBT_NIGHT = ("借金が800万あります", "もう全部終わりにしたい", "冗談です", "死にたいとかじゃない。ただ疲れた")


def test_charcoal_named_after_a_denial_gets_the_direct_question_and_119_110() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", now=NIGHT)
    assert "死にたい" in said(chat) and "ありますか" in said(chat)
    assert "119" in said(chat) and "110" in said(chat)
    assert "0120-279-338" in said(chat)  # よりそいホットライン, open at 2 a.m.
    assert "そういう気持ちがある" in chat.labels


def test_a_jump_or_kept_pills_named_after_a_denial_gets_the_direct_question() -> None:
    for words in ("飛び降りたら楽かな", "薬をためてる"):
        chat = started("もう全部終わりにしたい", "冗談です", words, now=NIGHT)
        assert "ありますか" in said(chat) and "119" in said(chat), words


def test_answering_the_direct_question_yes_brings_the_lines() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", now=NIGHT)
    chat.tap("そういう気持ちがある")
    assert "正直に教えてくださって" in said(chat) and "119" in said(chat)


def test_the_direct_question_is_asked_once_then_the_brief_reply() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", "練炭", now=NIGHT)
    assert "率直に" not in said(chat)
    assert "0120-279-338" in said(chat) or "119" in said(chat)


def test_on_the_webhook_fast_path_a_method_after_a_denial_gets_the_direct_question_too() -> None:
    chat = started(*DEBT_NIGHT, now=NIGHT)
    answer = crisis_answer("練炭とか楽なのかなって", chat.now, memory_of(chat.data))
    assert answer is not None
    messages, _ = answer
    sent = "\n".join(message.text for message in messages)
    assert "率直に" in sent and "119" in sent and "110" in sent
    chat.send("練炭とか楽なのかなって", crisis_already_sent=True)
    assert chat.texts == []  # the fast path sent it; the turn only records it
    assert any(isinstance(effect, RaiseUrgency) for effect in chat.last.effects)
    again = crisis_answer("練炭", chat.now, memory_of(chat.data))
    assert again is not None and "率直に" not in "\n".join(message.text for message in again[0])


# ---------------------------------------------------------------- a child's plea at 5 a.m.

GIRL_LATER = ("ぎりのおとうさんにたたかれる😢", "きのうも なぐられた", "たすけて", "いえにいたくない")


def test_a_childs_plea_after_the_childrens_lines_is_answered_not_the_fallback() -> None:
    chat = started(*GIRL_LATER, "おねがい だれか", now=NIGHT)
    # s13-night: nothing was sent to a person yet: her words were read, not said to have reached one
    assert "よんだよ" in said(chat) and ("189" in said(chat) or "子供SOS" in said(chat))
    no_fallback_and_no_menu(chat)


def test_a_plea_with_no_crisis_before_is_not_answered_as_one() -> None:
    chat = started("おねがい だれか", now=AFTERNOON)
    assert "とどいています" not in said(chat)


# ---------------------------------------------------------------- short replies after pills


def test_help_on_its_way_after_pills_is_told_what_to_say_not_to_call_119_again() -> None:
    for words in ("救急車よんだ", "いまから病院", "かぞくにいった"):
        chat = started("くすり20このんだ", words, now=NIGHT)
        assert "薬の名前と量" in said(chat), words
        assert "いますぐ119" not in said(chat)
        no_fallback_and_no_menu(chat)


def test_a_bare_yes_or_its_fine_after_pills_names_119_once_more_not_the_fallback() -> None:
    for words in ("はい", "わかった", "大丈夫"):
        chat = started("くすり20このんだ", words, now=NIGHT)
        assert "119" in said(chat), words
        no_fallback_and_no_menu(chat)


def test_the_menu_buttons_typed_after_pills_still_do_what_they_say() -> None:
    chat = started("くすり20このんだ", "相談の準備をする", now=NIGHT)
    assert chat.state.startswith("intake.")


# ---------------------------------------------------------------- a typed answer to the direct question


def test_a_typed_yes_to_the_direct_question_is_its_answer_not_the_fallback() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", "はい", now=NIGHT)
    assert "正直に教えてくださって" in said(chat) and "0120-279-338" in said(chat) and "119" in said(chat)
    no_fallback_and_no_menu(chat)
    assert chat.data["urgency"]["level"] == "crisis"


def test_a_typed_no_to_the_direct_question_is_thanked() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", "死ぬつもりはない", now=NIGHT)
    assert "ありがとうございます" in said(chat)
    assert not any(words in said(chat) for words in FALLBACKS)


def test_a_typed_yes_to_the_gentle_question_gets_the_crisis_lines() -> None:
    chat = started("つかれた", "うん", now=NIGHT)
    assert "0120-279-338" in said(chat) and "119" in said(chat)
    assert chat.data["urgency"]["level"] == "crisis"


def test_a_fragment_soon_after_pills_told_in_a_long_message_still_names_119() -> None:
    chat = started("さっき薬を大量にのんでしまいました、どうしたらいいかわからない", "20こ", now=NIGHT)
    assert "119" in said(chat)
    no_fallback_and_no_menu(chat)


def test_cannot_phone_after_cutting_gets_a_chat_line_not_the_fallback() -> None:
    chat = started(
        "また切ってもうたわw 今回ちょっと深めやねんけどな笑",
        "血とまらんかったらどうしたらええん？笑",
        "電話は無理やわ、声出えへん",
        now=NIGHT,
    )
    assert "チャット" in said(chat)
    no_fallback_and_no_menu(chat)


def test_a_hesitant_hmm_to_the_direct_question_is_not_a_yes() -> None:
    chat = started(*DEBT_NIGHT, "練炭とか楽なのかなって", "うーん", now=NIGHT)
    assert "正直に教えてくださって" not in said(chat)
