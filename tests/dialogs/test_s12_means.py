"""Session 12, try-out 16 (p5, p3): a means still at hand after 'it was a joke',
and a boy's worry for his mother.

p5 (Nagoya man, 50s): 「ホームセンターで練炭買ってきたわ」 then 「冗談だて、冗談」:
the take-back keeps a phone line and speaks of the 練炭;
「さっきはすまんかったな。寝れんわ」 coming back is not a routine こころ message;
「練炭まだ車にあるけどな」「死にたいわけじゃにゃあ。でも練炭は捨てれんわ」 get means safety
(dangerous, out of reach tonight or give it to someone), the direct question again unless
just asked or dying just denied, and a phone line AND a chat line.

p3 (16-year-old boy hit by his stepfather, his mother too): 「16さい。かあちゃん大丈夫かな」
is a worry for his mother, not a take-back: 189 helps her too, 110 for danger now,
DV相談＋ is for her, he is not to blame, with the children's lines.

Clock: the try-out's night, Saturday 23:30 (next opening Monday 12月7日).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=TOKYO)

PHONE = "0120-279-338"
CHAT = "あなたのいばしょ"
QUESTION = "死にたいと思う気持ちがありますか"
OUT_OF_REACH = "手の届かないところ"
TAKE_BACK_ONLY = "そう書きたくなるくらい、疲れがたまっているのかもしれません"
ROUTINE = "困っていると受け取りました"

P5 = (
    "仕事クビになってまったわ",
    "もう何もかもどうでもええ",
    "金もにゃーし、家賃も払えせん",
    "ホームセンターで練炭買ってきたわ",
)
JOKE = "冗談だて、冗談。本気にせんでええがや"


def p5_until_joke() -> Chat:
    chat = started(*P5, now=SATURDAY_NIGHT)
    assert QUESTION in said(chat)
    chat.send(JOKE)
    return chat


# ---------------------------------------------------------------- take-back after a means


def test_p5_joke_after_charcoal_keeps_a_phone_line_and_the_charcoal() -> None:
    chat = p5_until_joke()
    text = said(chat)
    assert "練炭" in text and OUT_OF_REACH in text and "預かって" in text
    assert PHONE in text and CHAT in text
    assert TAKE_BACK_ONLY not in text


@pytest.mark.parametrize(
    ("means", "joke"),
    [
        ("ロープ買ってきた", "じょうだんだよ"),
        ("練炭を車に積んだ", "うそうそ、冗談"),
        ("れんたん かってきた", "冗談です"),
    ],
)
def test_take_back_after_other_means_keeps_the_means_and_a_phone(means: str, joke: str) -> None:
    chat = started("もう疲れた", means, now=SATURDAY_NIGHT)
    chat.send(joke)
    text = said(chat)
    assert OUT_OF_REACH in text and PHONE in text and CHAT in text
    assert TAKE_BACK_ONLY not in text


def test_take_back_without_a_means_is_still_the_plain_take_back() -> None:
    chat = started("もう死にたい", now=SATURDAY_NIGHT)
    chat.send("冗談です")
    text = said(chat)
    assert TAKE_BACK_ONLY in text
    assert OUT_OF_REACH not in text


# ---------------------------------------------------------------- coming back: sorry, cannot sleep


def test_p5_sorry_and_cannot_sleep_after_the_crisis_reply() -> None:
    chat = p5_until_joke()
    chat.send("ほんならもう寝るわ")
    chat.send("さっきはすまんかったな。寝れんわ")
    text = said(chat)
    assert "謝らなくて大丈夫" in text and "安全なところ" in text
    assert PHONE in text and CHAT in text
    assert ROUTINE not in text


@pytest.mark.parametrize(
    "words", ["さっきはごめん。眠れない", "さっきはすみません、寝れなくて", "さっきは悪かった。ねむれん"]
)
def test_sorry_and_awake_variants(words: str) -> None:
    chat = started("もう死にたい", "冗談です", now=SATURDAY_NIGHT)
    chat.send(words)
    text = said(chat)
    assert "謝らなくて大丈夫" in text and "安全なところ" in text and PHONE in text


def test_sorry_without_sleeplessness_is_the_plain_no_apology() -> None:
    chat = started("もう死にたい", now=SATURDAY_NIGHT)
    chat.send("すみません取り乱して")
    text = said(chat)
    assert "謝らなくて大丈夫" in text and "安全なところ" not in text


# ---------------------------------------------------------------- a means still at hand


def test_p5_charcoal_still_in_the_car() -> None:
    chat = p5_until_joke()
    chat.send("ほんならもう寝るわ")
    chat.send("さっきはすまんかったな。寝れんわ")
    chat.wait(20)
    chat.send("練炭まだ車にあるけどな")
    text = said(chat)
    assert "練炭" in text and "危ない" in text and OUT_OF_REACH in text and "預かって" in text
    assert PHONE in text and CHAT in text and "119" in text
    assert QUESTION in text  # asked 20 minutes ago: asked again
    assert chat.data["urgency"]["level"] == "crisis"


def test_p5_charcoal_cannot_be_thrown_away_after_sending() -> None:
    chat = p5_until_joke()
    chat.send("練炭まだ車にあるけどな")
    assert QUESTION not in said(chat)  # asked minutes ago: not again at once
    chat.send("誰かと話したいわ")
    chat.tap("この内容だけ送る")
    chat.send("死にたいわけじゃにゃあ。でも練炭は捨てれんわ")
    text = said(chat)
    assert "死にたいわけではない" in text
    assert "練炭" in text and OUT_OF_REACH in text and "危ない" in text
    assert PHONE in text and CHAT in text and "119" in text
    assert "送ったご相談" in text


@pytest.mark.parametrize(
    ("first", "kept", "means"),
    [
        ("練炭買ってきた", "ロープはまだとってある", "ロープ"),
        ("練炭買ってきた", "れんたん すてれん", "れんたん"),
        ("もう死にたい", "包丁、まだ手元にあるけど", "包丁"),
        ("もう死にたい", "包丁はまだ台所に置いてある", "包丁"),
    ],
)
def test_means_still_at_hand_variants(first: str, kept: str, means: str) -> None:
    chat = started(first, now=SATURDAY_NIGHT)
    chat.wait(20)
    chat.send(kept)
    text = said(chat)
    assert means in text and OUT_OF_REACH in text and PHONE in text and CHAT in text
    assert QUESTION in text


def test_something_else_at_home_after_a_crisis_reply_is_not_a_means() -> None:
    chat = started("もう死にたい", now=SATURDAY_NIGHT)
    chat.send("保険証は家にある")
    assert OUT_OF_REACH not in said(chat)


def test_a_means_word_at_home_without_any_crisis_is_not_means_safety() -> None:
    chat = started("包丁は家にあるので料理はできます", now=SATURDAY_NIGHT)
    assert OUT_OF_REACH not in said(chat)


# ---------------------------------------------------------------- a boy's worry for his mother

P3 = ("たすけて", "おやじになぐられた 母ちゃんも", "いま外 2時 じゅうでんやばい")


def test_p3_sixteen_and_worried_for_his_mother() -> None:
    chat = started(*P3, now=SATURDAY_NIGHT)
    chat.tap("担当者に伝えたい")
    chat.tap("この内容だけ送る")
    chat.send("16さい。かあちゃん大丈夫かな")
    text = said(chat)
    assert TAKE_BACK_ONLY not in text
    assert "189" in text and "110" in text and "0120-279-889" in text
    assert "あなたのせいではありません" in text
    assert "0120-0-78310" in text  # the children's lines


@pytest.mark.parametrize("words", ["母さん無事かな", "お母さんが心配", "かーちゃんだいじょうぶかな"])
def test_worry_for_mother_variants(words: str) -> None:
    chat = started("おやじになぐられた 母ちゃんも", now=SATURDAY_NIGHT)
    chat.send(words)
    text = said(chat)
    assert "189" in text and "0120-279-889" in text and "あなたのせいではありません" in text
    assert TAKE_BACK_ONLY not in text


def test_fine_said_of_oneself_is_still_a_take_back() -> None:
    chat = started("もう死にたい", now=SATURDAY_NIGHT)
    chat.send("もう大丈夫")
    text = said(chat)
    assert TAKE_BACK_ONLY in text and "0120-279-889" not in text


def test_take_back_after_pills_kept_keeps_a_phone_line_too() -> None:
    chat = started("もう全部おわりにしたい", "薬ためてあるから、いざとなったら", now=SATURDAY_NIGHT)
    chat.send("冗談です")
    text = said(chat)
    assert "薬局" in text and PHONE in text and CHAT in text


def test_take_back_after_means_when_phoning_is_impossible_gives_the_chat_only() -> None:
    chat = started("練炭買ってきた", "電話は無理。声でない", now=SATURDAY_NIGHT)
    chat.send("冗談です")
    text = said(chat)
    assert "練炭" in text and CHAT in text and PHONE not in text


def test_kerosene_at_home_after_a_crisis_reply_is_not_a_means() -> None:
    chat = started("もう死にたい", now=SATURDAY_NIGHT)
    chat.send("灯油はまだ家にある")
    assert OUT_OF_REACH not in said(chat)
