"""Try-out t1, item 6: nothing a person wrote is lost on the way to the CSW's sheet.

In the people's own words from the t1 report, with one new wording each.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dialogs.effects import HandOff
from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, Chat

LONG_MESSAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "long_message_t1.txt").read_text(
    encoding="utf-8"
)
"""Persona 14's one message of 1,512 characters (a mother of 63 writing about her son of 34)."""

MOTHER_AT_2AM = (
    "夜分にすみません",
    "息子が20年部屋から出てきません。42歳です",
    "さっきドア越しに怒鳴られました。もうどうしたらいいのか",
    "殴られたりはしていません。壁を叩く音がずっとしています",
    "私ももう68で、体がもちません",
    "主人は去年亡くなりました。相談できる人がいないんです",
    "誰かに相談したいです",
    "電話は息子に聞かれるので、LINEでお願いします",
    "昼間なら大丈夫です",
    "はい、お願いします",
)


def sent(chat: Chat) -> HandOff:
    """The one hand-off the conversation made."""
    handoffs = [effect for effect in chat.effects if isinstance(effect, HandOff)]
    assert len(handoffs) == 1, handoffs
    return handoffs[0]


def send_summary(chat: Chat) -> HandOff:
    """Ask for a person (unless the consent screen is already shown) and send the summary only; a
    conversation that already sent (the mother's 「はい、お願いします」 on the consent screen) is kept."""
    if any(isinstance(effect, HandOff) for effect in chat.effects):
        return sent(chat)
    if not any("この内容だけ送る" in label for label in chat.labels):
        chat.send("担当の人と話したいです")
    if not any("この内容だけ送る" in label for label in chat.labels):
        chat.tap("担当者")
    chat.tap("この内容だけ送る")
    return sent(chat)


# ---------------------------------------------------------------- 6. the whole story reaches the sheet


def test_the_mothers_first_line_is_on_the_sheet_after_ten_messages() -> None:
    chat = Chat(now=datetime(2026, 12, 2, 2, 10, tzinfo=TOKYO))
    chat.follow()
    for text in MOTHER_AT_2AM:
        chat.send(text)
    handoff = send_summary(chat)
    assert "「息子が20年部屋から出てきません。42歳です」" in handoff.summary_text


def test_a_fathers_first_line_is_kept_after_twelve_short_ones() -> None:
    later = [f"今日で{n}日目の連絡です。変わりありません" for n in range(11)]
    lines = ["父が3年前から仕事に行っていません", *later]
    chat = Chat()
    chat.follow()
    for text in lines:
        chat.send(text)
    heard = [item.get("words") for item in chat.data["intake"]["heard"]]
    assert heard[0] == "父が3年前から仕事に行っていません"
    assert "今日で10日目の連絡です。変わりありません" in heard
    assert "ほか" not in summary_text(chat.data)


def test_a_message_of_1512_characters_reaches_the_sheet_whole() -> None:
    chat = Chat(now=datetime(2026, 11, 30, 22, 30, tzinfo=TOKYO))
    chat.follow()
    chat.send(LONG_MESSAGE)
    handoff = send_summary(chat)
    words = [item.get("words") for item in handoff.summary["heard"]]
    assert LONG_MESSAGE.strip() in words
    assert "平日の昼間なら" in handoff.summary_text
    assert "以下略" not in handoff.summary_text


def test_beyond_the_bound_the_first_and_latest_stay_and_the_rest_are_counted() -> None:
    from dialogs.flows import draft

    chat = Chat()
    chat.follow()
    chat.send("姉がずっと家にいて心配です")
    for n in range(draft.HEARD_LIMIT + 5):
        chat.wait(60)
        chat.send(f"{n}回目のメモです。姉は今日も部屋にいます")
    heard = chat.data["intake"]["heard"]
    assert len(heard) <= draft.HEARD_LIMIT
    assert heard[0]["words"] == "姉がずっと家にいて心配です"
    assert heard[-1]["words"] == f"{draft.HEARD_LIMIT + 4}回目のメモです。姉は今日も部屋にいます"
    marks = [item for item in heard if "left_out" in item]
    assert len(marks) == 1
    kept = sum(1 for item in heard if "words" in item)
    assert marks[0]["left_out"] == draft.HEARD_LIMIT + 6 - kept
    assert f"…ほか{marks[0]['left_out']}件" in summary_text(chat.data)
