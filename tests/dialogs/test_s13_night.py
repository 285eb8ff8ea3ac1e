"""Session 13, night: what eight people met on the crisis path, and what they now get.

1. A woman leaving violence, who refused the police (「けーさつはむり。今日どこいけばいい？」), got 110
   first: now where to go tonight leads (DV相談＋, 24h, tonight's shelter guidance), 110 only for danger now.
2. An older person hurt by family wrote 「こわくて なにもいえません」 and 「けいさつは かわいそうで」 and got
   the fallback: now reassurance (no need to write details, one line to write to) and a line that is not
   the police, in kana.
3. Once a writer said phoning is hard (「でんわ にがて」), a line to write to comes first in what follows.
4. 「助けてほしいわけやないけど、話きいてほしい」 is listening, not the question about dying.
5. 「包丁ずっと見てる」 as a first message is a sign of danger: asked gently and directly, a line, put it
   away.
6. 「夫に殴られた」 then 「子どもたち大丈夫かな」: the children's safety (189, 面前DV is harm too).
7. A brief crisis reply says the message reached someone only when a case was sent.
8. A means at hand in the first crisis message (「練炭買ってある。もう終わりにしたい」) gets the means-safety
   sentence beside the block.

Clock: a Saturday night (02:30), the office closed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

NIGHT = datetime(2026, 12, 5, 2, 30, tzinfo=TOKYO)

FALLBACK = "うまく受け取れなかった"
DV_PLUS = "0120-279-889"
YORISOI = "0120-279-338"
CHAT_LINE = "あなたのいばしょ"
QUESTION = "死にたいと思う気持ちがありますか"
REACHED = "ちゃんと届いています"
REACHED_KANA = "ちゃんと とどいています"


def raised(chat: Chat, level: str) -> bool:
    assert chat.last is not None
    return any(type(e).__name__ == "RaiseUrgency" and e.level == level for e in chat.last.effects)


# ---------------------------------------------------------------- 1. police refused, where to go tonight

NO_POLICE_WHERE_TONIGHT = (
    "けーさつはむり。今日どこいけばいい？",
    "警察は無理。今夜どこ行けばいい？",
    "けいさつは いや。きょう どこに いけば いいの",
)


@pytest.mark.parametrize("words", NO_POLICE_WHERE_TONIGHT)
def test_police_refused_after_violence_leads_with_where_to_go_tonight(words: str) -> None:
    chat = started("夫に殴られた。もう家を出たい", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert DV_PLUS in reply, reply
    assert "一時保護" in reply, reply  # DV相談＋'s shelter guidance, from the content
    assert "110" not in reply or reply.index(DV_PLUS) < reply.index("110"), reply
    assert reply.count("110") <= 1, reply  # once, and only for danger right now
    if "110" in reply:
        line = next(line for line in reply.splitlines() if "110" in line)
        assert "いま" in line, line


def test_police_refused_in_first_message_is_not_the_fallback() -> None:
    chat = started("けーさつはむり。今日どこいけばいい？", now=NIGHT)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert DV_PLUS in reply, reply
    assert "110" not in reply or reply.index(DV_PLUS) < reply.index("110"), reply


def test_where_to_go_without_police_refused_is_not_this_reply() -> None:
    chat = started("夫に殴られた。もう家を出たい", now=NIGHT)
    chat.send("けいさつはいや")
    reply = said(chat)
    assert "警察でなくても" in reply or "けいさつ ではない" in reply, reply  # the not_police reply
    assert "一時保護" not in reply, reply


# ---------------------------------------------------------------- 2. afraid to speak; pity for family

AFRAID_TO_TELL = ("こわくて なにもいえません", "怖くて何も言えません", "こわくて いえない")


@pytest.mark.parametrize("words", AFRAID_TO_TELL)
def test_afraid_to_tell_is_reassured_with_a_line_to_write_to(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert CHAT_LINE in reply, reply
    assert reply.index(CHAT_LINE) < reply.index(YORISOI) if YORISOI in reply else True, reply
    assert "くわしく" in reply or "詳しく" in reply, reply  # no need to write the details


def test_afraid_to_tell_after_family_violence_in_kana_is_in_kana() -> None:
    chat = started("むすこに たたかれました", now=NIGHT)
    chat.send("こわくて なにもいえません")
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "かかなくて" in reply, reply
    assert CHAT_LINE in reply, reply


NOT_AFRAID_TO_TELL = ("こわい映画を見た", "びっくりして何も言えなかった", "こわくて夜トイレに行けない")


@pytest.mark.parametrize("words", NOT_AFRAID_TO_TELL)
def test_fear_that_is_not_about_telling_is_not_this_reply(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert "かかなくて" not in reply and "書かなくて" not in reply, reply


PITY_FOR_FAMILY = ("けいさつは かわいそうで", "警察は可哀想で", "けいさつ よぶのは かわいそう")


@pytest.mark.parametrize("words", PITY_FOR_FAMILY)
def test_pity_for_family_gets_a_line_that_is_not_the_police(words: str) -> None:
    chat = started("むすこに たたかれました", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "けいさつ" in reply or "警察" in reply, reply
    assert "ではありません" in reply or "ではない" in reply, reply


def test_pity_for_family_in_kana_is_answered_in_kana() -> None:
    chat = started("むすこに たたかれました", now=NIGHT)
    chat.send("けいさつは かわいそうで")
    reply = said(chat)
    assert "けいさつ ではない" in reply, reply


def test_police_word_elsewhere_is_not_pity() -> None:
    chat = started("むすこに たたかれました", now=NIGHT)
    chat.send("かわいそうな犬をひろった")
    assert "けいさつ ではない" not in said(chat)


# ---------------------------------------------------------------- 3. phoning is hard: written lines first


@pytest.mark.parametrize("no_phone", ("でんわ にがて", "電話むり", "声が出ない"))
def test_plea_after_phone_is_hard_gets_a_line_to_write_to(no_phone: str) -> None:
    chat = started(no_phone, "しにたい", now=NIGHT)
    chat.send("おねがい だれか")
    reply = said(chat)
    assert CHAT_LINE in reply, reply
    assert YORISOI not in reply or reply.index(CHAT_LINE) < reply.index(YORISOI), reply


@pytest.mark.parametrize("no_phone", ("でんわ にがて", "電話むり"))
def test_no_bed_after_phone_is_hard_gets_a_line_to_write_to_first(no_phone: str) -> None:
    chat = started(no_phone, now=NIGHT)
    chat.send("今日泊まるところがない")
    reply = said(chat)
    assert CHAT_LINE in reply, reply
    assert reply.index(CHAT_LINE) < reply.index("0000-00-0000"), reply


@pytest.mark.parametrize("no_phone", ("でんわ にがて", "声が出ない"))
def test_police_refused_after_phone_is_hard_gets_a_line_to_write_to(no_phone: str) -> None:
    chat = started(no_phone, "夫に殴られた", now=NIGHT)
    chat.send("けいさつはいや")
    assert CHAT_LINE in said(chat), said(chat)


def test_children_after_phone_is_hard_get_a_line_to_write_to_first() -> None:
    chat = started("電話むり", "夫に殴られた", now=NIGHT)
    chat.send("子どもたち大丈夫かな")
    reply = said(chat)
    assert CHAT_LINE in reply and reply.index(CHAT_LINE) < reply.index("0120-0-78310"), reply


def test_where_tonight_after_phone_is_hard_gets_a_line_to_write_to() -> None:
    chat = started("でんわ にがて", "夫に殴られた", now=NIGHT)
    chat.send("けーさつはむり。今日どこいけばいい？")
    assert CHAT_LINE in said(chat), said(chat)


def test_plea_without_phone_trouble_still_gets_a_phone() -> None:
    chat = started("しにたい", now=NIGHT)
    chat.send("おねがい だれか")
    assert YORISOI in said(chat) or "0120" in said(chat), said(chat)


# ---------------------------------------------------------------- 4. not asking for help, just to be heard

LISTEN_ONLY = (
    "助けてほしいわけやないけど、話きいてほしい",
    "助けてほしいわけじゃないけど、話聞いてほしい",
    "たすけてほしいわけではないけど、はなし きいてほしい",
)


@pytest.mark.parametrize("words", LISTEN_ONLY)
def test_not_asking_for_help_but_to_be_heard_is_listening(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert not raised(chat, "crisis"), reply
    assert "死にたい" not in reply, reply
    assert FALLBACK not in reply, reply


WISH_TOO = ("助けてほしいわけやないけど、もう消えたい", "助けてほしいわけじゃないけど、死にたい")


@pytest.mark.parametrize("words", WISH_TOO)
def test_not_asking_for_help_with_a_wish_to_die_is_crisis(words: str) -> None:
    chat = started(words, now=NIGHT)
    assert raised(chat, "crisis"), said(chat)


# ---------------------------------------------------------------- 5. staring at a means

STARING = ("包丁ずっと見てる", "ロープずっと見てる", "ベランダからずっと下見てる", "線路ずっと見てた")


@pytest.mark.parametrize("words", STARING)
def test_staring_at_a_means_is_asked_directly_with_a_line(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert QUESTION in reply, reply
    assert YORISOI in reply or CHAT_LINE in reply, reply
    assert "離れ" in reply or "しまって" in reply or "手の届かない" in reply, reply
    assert raised(chat, "crisis"), reply


def test_staring_at_a_knife_is_told_to_put_it_away() -> None:
    chat = started("包丁ずっと見てる", now=NIGHT)
    assert "包丁" in said(chat) and "しまって" in said(chat), said(chat)


def test_staring_down_from_a_balcony_is_told_to_go_inside() -> None:
    chat = started("ベランダからずっと下見てる", now=NIGHT)
    assert "部屋" in said(chat) or "中に" in said(chat), said(chat)


@pytest.mark.parametrize("words", ("包丁ずっと研いでる", "料理番組ずっと見てる", "ナイフの動画ずっと見てる"))
def test_not_staring_at_a_means(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert QUESTION not in reply, reply
    assert not raised(chat, "crisis"), reply


# ---------------------------------------------------------------- 6. the children, after violence told

CHILDREN_WORRY = ("子どもたち大丈夫かな", "こどもたち だいじょうぶかな", "子供が心配で")


@pytest.mark.parametrize("words", CHILDREN_WORRY)
def test_worry_for_the_children_after_violence_gets_their_safety(words: str) -> None:
    chat = started("夫に殴られた", now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "189" in reply, reply
    assert "見" in reply or "聞" in reply, reply  # seeing it is harm too


def test_worry_for_the_children_without_violence_is_not_this() -> None:
    chat = started("仕事をなくして家賃が払えない", now=NIGHT)
    chat.send("子どもたち大丈夫かな")
    assert "189" not in said(chat), said(chat)


# ---------------------------------------------------------------- 7. 'it reached' only when it did


def test_brief_reply_before_sending_does_not_say_it_reached_anyone() -> None:
    chat = started("しにたい", now=NIGHT)
    chat.send("しにたい")
    chat.send("しにたい")
    chat.send("しにたい")
    for _ in range(3):
        chat.send("死にたい")
        reply = said(chat)
        assert REACHED not in reply and REACHED_KANA not in reply, reply


def test_plea_before_sending_does_not_say_it_reached_anyone() -> None:
    chat = started("しにたい", now=NIGHT)
    chat.send("おねがい だれか")
    reply = said(chat)
    assert REACHED not in reply, reply
    assert "送" in reply or "伝え" in reply, reply  # offered to send


def test_brief_reply_after_sending_says_it_reached() -> None:
    chat = started("しにたい", now=NIGHT)
    chat.tap("担当者に伝え")
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    replies = []
    for _ in range(3):
        chat.send("死にたい")
        replies.append(said(chat))
    assert any("届いて" in reply for reply in replies), replies


# ---------------------------------------------------------------- 8. a means at hand in the first message

MEANS_FIRST = (
    "練炭買ってある。もう終わりにしたい",
    "ロープ用意してある。もう死にたい",
    "練炭かってある もう しにたい",
)


@pytest.mark.parametrize("words", MEANS_FIRST)
def test_means_at_hand_in_first_message_gets_means_safety(words: str) -> None:
    chat = started(words, now=NIGHT)
    reply = said(chat)
    assert QUESTION in reply, reply
    assert "手の届かない" in reply or "預け" in reply, reply
    assert YORISOI in reply, reply


def test_pills_kept_in_first_message_gets_pills_safety() -> None:
    chat = started("薬ためてある、今夜のむ", now=NIGHT)
    reply = said(chat)
    assert "預ける" in reply or "預け" in reply, reply
    assert QUESTION in reply, reply


def test_wish_without_a_means_gets_no_means_sentence() -> None:
    chat = started("もう終わりにしたい", now=NIGHT)
    reply = said(chat)
    assert "手の届かない" not in reply and "預け" not in reply, reply
