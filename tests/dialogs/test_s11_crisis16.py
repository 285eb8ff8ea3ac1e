"""Session 11, try-out 13 (p2, p3, p6): crisis follow-through and DV phone safety.

After a stated means (「薬ためてあるから、いざとなったら」), a take-back (「冗談です」) is met
warmly but the pills are not dropped; 「電話は無理。声でない」 in a crisis gets the lines one can
write to and that this LINE takes words, never a phone-only instruction or the menu; 「寝ます」
after pills gets a gentle check and the night's chat line; the same reply is never sent word for
word again; 「いや、死にはしないけど」 after a crisis reply is a partial retraction to stay with,
not the fallback. For violence from a partner: a question whether this LINE is safe while the
phone may be watched gets how to hide and delete it, also after sending (「履歴けしたほうがいい？」);
a plan to leave (「彼がねてるうちに子どもと出たい」) is safety planning with the DV lines; a bed
tonight names DV相談＋ first.

Each test types the person's words in the order they were typed, with variants of our own
(clock: the try-out's nights, Thu 23:40 and Fri 03:05).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, already_sent, said, started

THURSDAY_NIGHT = datetime(2026, 12, 3, 23, 40, tzinfo=TOKYO)
FRIDAY_3AM = datetime(2026, 12, 4, 3, 5, tzinfo=TOKYO)
THURSDAY_MIDNIGHT = datetime(2026, 12, 3, 0, 30, tzinfo=TOKYO)

FALLBACK = "自動の応答なので"
PILLS_AWAY = "薬局"
CHAT_LINE = "あなたのいばしょ"
MENU_LABEL = "よくある質問"
PHONE_ONLY = "すぐ119（救急）に電話してください"

# ---------------------------------------------------------------- p3. take-back after a stated means

P3_BEFORE_PILLS = (
    "もう全部おわりにしたい",
    "…",
    "大丈夫です、ちょっと疲れてるだけ",
    "ほんとに大丈夫なんで",
    "仕事クビになって家賃もはらえなくて",
    "薬ためてあるから、いざとなったら",
)

PILLS_KEPT = (
    "薬ためてあるから、いざとなったら",
    "睡眠薬けっこうためてる。いざとなったら飲む",
    "くすり、ためてあるんで",
)

TAKEN_BACK = ("冗談です", "じょうだんだよ", "うそうそ、冗談")


def after_pills(pills: str = PILLS_KEPT[0], *, now: datetime = FRIDAY_3AM) -> Chat:
    """The p3 night up to the stated stock of pills (or a variant of it)."""
    return started(*P3_BEFORE_PILLS[:-1], pills, now=now)


def test_p3_joke_after_pills_kept_keeps_the_pills_and_the_door_open() -> None:
    chat = started(*P3_BEFORE_PILLS, "冗談です", now=FRIDAY_3AM)
    reply = said(chat)
    assert reply.startswith("わかりました") or "教えてくださって" in reply
    assert PILLS_AWAY in reply and "預け" in reply
    assert CHAT_LINE in reply and "ここに" in reply


@pytest.mark.parametrize("pills", PILLS_KEPT)
@pytest.mark.parametrize("back", TAKEN_BACK)
def test_a_take_back_after_pills_kept_still_speaks_of_the_pills(pills: str, back: str) -> None:
    chat = started("もう全部おわりにしたい", pills, back, now=FRIDAY_3AM)
    reply = said(chat)
    assert PILLS_AWAY in reply and CHAT_LINE in reply and FALLBACK not in reply


def test_a_take_back_with_no_means_named_gets_no_word_of_pills() -> None:
    reply = said(started("もう全部おわりにしたい", "冗談です", now=FRIDAY_3AM))
    assert PILLS_AWAY not in reply


# ---------------------------------------------------------------- p3. the same words never twice

SAID_AGAIN = ("ほんとに大丈夫なんで", "ほんとにだいじょうぶです", "まじで大丈夫だから")


@pytest.mark.parametrize("again", SAID_AGAIN)
def test_a_second_take_back_is_not_answered_word_for_word_again(again: str) -> None:
    chat = started("もう全部おわりにしたい", "大丈夫です、ちょっと疲れてるだけ", now=FRIDAY_3AM)
    first = said(chat)
    chat.send(again)
    second = said(chat)
    assert second != first and len(second) < len(first)
    assert "ここに" in second and FALLBACK not in second


def test_p3_the_three_take_backs_are_three_different_replies() -> None:
    chat = started(*P3_BEFORE_PILLS[:3], now=FRIDAY_3AM)
    replies = [said(chat)]
    for words in (
        "ほんとに大丈夫なんで",
        "仕事クビになって家賃もはらえなくて",
        "薬ためてあるから、いざとなったら",
    ):
        chat.send(words)
    chat.send("冗談です")
    replies += [said(chat)]
    assert len(set(replies)) == len(replies)


# ---------------------------------------------------------------- p3. cannot phone, in a crisis

CANNOT_PHONE = ("電話は無理。声でない", "電話むり、声出ない", "でんわは無理です。声が出ません")


@pytest.mark.parametrize("words", CANNOT_PHONE)
def test_p3_cannot_phone_after_a_joke_gets_lines_to_write_to(words: str) -> None:
    chat = started(*P3_BEFORE_PILLS, "冗談です", words, now=FRIDAY_3AM)
    reply = said(chat)
    assert CHAT_LINE in reply and "このLINE" in reply
    assert PHONE_ONLY not in reply and MENU_LABEL not in chat.labels


@pytest.mark.parametrize("words", CANNOT_PHONE)
def test_p3b_cannot_phone_after_pills_not_thrown_away_is_no_order_to_phone(words: str) -> None:
    chat = started("仕事クビになって家賃もはらえなくて", "薬ためてあるから、いざとなったら", now=FRIDAY_3AM)
    chat.tap("そこまでではない")
    chat.send("薬はまだ捨ててない")
    chat.send(words)
    reply = said(chat)
    assert CHAT_LINE in reply and "このLINE" in reply
    assert PHONE_ONLY not in reply and MENU_LABEL not in chat.labels


@pytest.mark.parametrize("words", CANNOT_PHONE[:2])
def test_cannot_phone_right_after_thoughts_of_dying_gets_the_chat_line(words: str) -> None:
    chat = started("もう全部おわりにしたい", words, now=FRIDAY_3AM)
    reply = said(chat)
    assert CHAT_LINE in reply and "このLINE" in reply and MENU_LABEL not in chat.labels


# ---------------------------------------------------------------- p3. going to sleep after pills

SLEEP = ("寝ます", "もう寝る", "ねます", "寝るね")


@pytest.mark.parametrize("words", SLEEP)
def test_p3_going_to_sleep_after_pills_kept_gets_a_gentle_check(words: str) -> None:
    chat = started(*P3_BEFORE_PILLS, "冗談です", "電話は無理。声でない", words, now=FRIDAY_3AM)
    reply = said(chat)
    assert "おやすみ" in reply and "手の届かない" in reply and CHAT_LINE in reply


def test_p3b_going_to_sleep_after_pills_not_thrown_away_gets_a_gentle_check() -> None:
    chat = started("仕事クビになって家賃もはらえなくて", "薬ためてあるから、いざとなったら", now=FRIDAY_3AM)
    chat.tap("そこまでではない")
    for words in ("薬はまだ捨ててない", "電話は無理。声でない", "寝ます"):
        chat.send(words)
    reply = said(chat)
    assert "おやすみ" in reply and "手の届かない" in reply and CHAT_LINE in reply


def test_going_to_sleep_with_no_pills_named_is_only_good_night() -> None:
    reply = said(started("仕事クビになって家賃もはらえなくて", "寝ます", now=FRIDAY_3AM))
    assert "おやすみ" in reply and "手の届かない" not in reply


# ---------------------------------------------------------------- p6. 「いや、死にはしないけど」

P6_BEFORE = (
    "ヤミ金から借りてしまって",
    "毎日電話くる　職場にも電話するって言われた",
    "家族にバラすぞって",
    "利息が10日で3割とか",
    "警察いったら逆に怒られますか",
    "死ぬしかないのかな",
)

NOT_DYING = ("いや、死にはしないけど", "まあ死にはしないけどさ", "いや、死なないけど")


@pytest.mark.parametrize("words", NOT_DYING)
def test_p6_not_dying_after_a_crisis_reply_is_heard_as_said(
    words: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = started(*P6_BEFORE, words, now=THURSDAY_MIDNIGHT)
    reply = said(chat)
    assert FALLBACK not in reply and "Can't trigger" not in caplog.text
    assert "けど" in reply or "それでも" in reply
    assert CHAT_LINE in reply or "0120-279-338" in reply


@pytest.mark.parametrize("words", NOT_DYING[:2])
def test_not_dying_right_after_thoughts_of_dying(words: str, caplog: pytest.LogCaptureFixture) -> None:
    chat = started("死ぬしかないのかな", words, now=THURSDAY_MIDNIGHT)
    assert FALLBACK not in said(chat) and "Can't trigger" not in caplog.text


# ---------------------------------------------------------------- p2. DV: is this LINE safe

P2_BEFORE = (
    "たすけてください",
    "彼がねてるうちに子どもと出たい",
    "今日なぐられた。子供は4さい。子供には手はだしてない",
    "どこ行けばいいかわからない　お金も3000円しかない",
    "警察はこわい、電話したら彼にばれるかも",
)

PHONE_WATCHED = (
    "LINEなら大丈夫？スマホみられてるかも",
    "このLINE、彼に見られたらどうしよう",
    "スマホ見られてるかもしれない。ここ使っても平気？",
    "らいんって見られない？すまほチェックされるかも",
)


@pytest.mark.parametrize("words", PHONE_WATCHED)
def test_p2_phone_watched_gets_how_to_hide_and_delete_this_talk(words: str) -> None:
    chat = started(*P2_BEFORE, words, now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "通知" in reply and "トーク履歴" in reply
    assert "こわい思いやつらい思い" not in reply  # the DV block again


@pytest.mark.parametrize("words", PHONE_WATCHED[:2])
def test_phone_watched_after_one_hit_by_a_boyfriend(words: str) -> None:
    chat = started("彼氏になぐられた", words, now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "通知" in reply and "トーク履歴" in reply


DELETE_HISTORY = ("履歴けしたほうがいい？", "履歴消したほうがいいですか", "トーク消しといたほうがいいかな")


@pytest.mark.parametrize("words", DELETE_HISTORY)
def test_p2_after_sending_deleting_the_talk_is_answered(words: str) -> None:
    chat = already_sent(*P2_BEFORE, "担当者と話したい", now=THURSDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "トーク履歴を削除" in reply and "相談員" in reply
    assert "伝えますか" not in reply


# ---------------------------------------------------------------- p2. a plan to leave

LEAVING = (
    "彼がねてるうちに子どもと出たい",
    "夫が寝てる間に子供つれて逃げたい",
    "旦那が仕事行ってるうちに家を出たい",
    "かれがねてるあいだに こどもとにげたい",
)


@pytest.mark.parametrize("words", LEAVING)
def test_p2_a_plan_to_leave_is_dv_safety_planning(words: str) -> None:
    chat = started("たすけてください", words, now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "0120-279-889" in reply and "110" in reply
    assert "子どもや学校のこと" not in reply


@pytest.mark.parametrize("words", LEAVING[:2])
def test_a_plan_to_leave_as_the_first_message(words: str) -> None:
    reply = said(started(words, now=THURSDAY_NIGHT))
    assert "0120-279-889" in reply and "子どもや学校のこと" not in reply


def test_leaving_school_is_not_read_as_fleeing() -> None:
    reply = said(started("子どもが学校を出たいって言ってる", now=THURSDAY_NIGHT))
    assert "0120-279-889" not in reply


TONIGHT = ("今夜とまれるところありますか", "今日泊まれる場所ってある？", "今夜とまれるとこありますか？")


@pytest.mark.parametrize("words", TONIGHT)
def test_p2_a_bed_tonight_after_violence_names_dv_plus_first(words: str) -> None:
    chat = started(*P2_BEFORE, "実家は遠いし頼れない", words, now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "0120-279-889" in reply and "平日 8:30" not in reply
    assert "一時生活支援" not in reply or reply.index("0120-279-889") < reply.index("一時生活支援")


def test_p2_the_bed_tonight_is_not_told_in_full_three_times() -> None:
    chat = started(*P2_BEFORE[:3], now=THURSDAY_NIGHT)
    replies = []
    for words in (P2_BEFORE[3], "実家は遠いし頼れない", "今夜とまれるところありますか"):
        chat.send(words)
        replies.append(said(chat))
    assert "一時保護" in replies[0] and "夜間・休日受付" in replies[0]
    assert all("夜間・休日受付" not in reply and "0120-279-889" in reply for reply in replies[1:])
    assert "一時保護" in replies[2]  # asked outright: what DV相談＋ can do about tonight


# ---------------------------------------------------------------- p2, p3. no long message twice

LONG = 60
"""A message at least this long, sent twice word for word, is a block repeated."""


@pytest.mark.parametrize(
    ("typed", "now"),
    [
        ((*P2_BEFORE, *PHONE_WATCHED[:1], "実家は遠いし頼れない", *TONIGHT[:1]), THURSDAY_NIGHT),
        ((*P3_BEFORE_PILLS, "冗談です", *CANNOT_PHONE[:1], *SLEEP[:1]), FRIDAY_3AM),
        ((*P6_BEFORE, *NOT_DYING[:1]), THURSDAY_MIDNIGHT),
    ],
)
def test_no_long_message_is_sent_twice_word_for_word(typed: tuple[str, ...], now: datetime) -> None:
    chat = started(now=now)
    seen: list[str] = []
    for words in typed:
        chat.send(words)
        seen += [text for text in chat.texts if len(text) >= LONG]
    assert len(seen) == len(set(seen)), [text[:30] for text in seen if seen.count(text) > 1]


def test_pills_kept_named_after_thoughts_of_dying_keeps_one_line_and_speaks_of_the_pills() -> None:
    reply = said(started("もう全部おわりにしたい", "薬ためてあるから、いざとなったら", now=FRIDAY_3AM))
    assert "さきほどお伝えした窓口" in reply and PILLS_AWAY in reply
    assert "いまの時間につながる電話の窓口です" not in reply


@pytest.mark.parametrize("words", ("いいえ", "いや", "いや、いいです"))
def test_a_typed_no_to_the_offer_of_a_person_is_carry_on(
    words: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = started("死ぬしかないのかな", words, now=THURSDAY_MIDNIGHT)
    assert FALLBACK not in said(chat) and "Can't trigger" not in caplog.text


@pytest.mark.parametrize("words", DELETE_HISTORY)
def test_deleting_the_talk_before_sending_is_answered_too(words: str) -> None:
    chat = started("彼氏になぐられた", words, now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "消しても大丈夫" in reply and "トーク履歴を削除" in reply and "記録を消す" in chat.labels
