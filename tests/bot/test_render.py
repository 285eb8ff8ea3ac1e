"""Rendering respects LINE's limits: text length, quick-reply count and label length, five per call."""

from __future__ import annotations

import pytest

from bot.render import to_sdk
from bot.store.outbox import batches, split_text, to_stored, utf16_length
from dialogs.messages import Choice, Text


@pytest.mark.parametrize("length", [1, 4999, 5000, 5001, 12000])
def test_long_text_is_split_within_the_limit_and_nothing_is_lost(length: int) -> None:
    text = "あ" * length
    parts = split_text(text)
    assert all(utf16_length(p) <= 5000 for p in parts)
    assert "".join(parts) == text


def test_split_prefers_line_breaks() -> None:
    text = "一行目\n" + "あ" * 4990 + "\n" + "い" * 100
    parts = split_text(text)
    assert parts[0].endswith("あ")
    assert parts[1] == "い" * 100


def test_emoji_count_as_two_utf16_units() -> None:
    parts = split_text("😀" * 2600)
    assert [utf16_length(p) for p in parts] == [5000, 200]


def test_quick_replies_are_clamped_to_thirteen_with_labels_of_twenty() -> None:
    choices = tuple(Choice("とても長いラベルの選択肢その" + str(i) * 10, f"pick:{i}") for i in range(20))
    stored = to_stored([Text("一つ目"), Text("二つ目", choices)])
    assert "choices" not in stored[0]
    assert len(stored[-1]["choices"]) == 13
    assert all(len(c["label"]) <= 20 for c in stored[-1]["choices"])


def test_choices_travel_on_the_last_message_of_the_turn() -> None:
    stored = to_stored([Text("質問です", (Choice("はい", "yes"),)), Text("補足です")])
    assert "choices" not in stored[0]
    assert stored[1]["choices"] == [{"label": "はい", "data": "yes"}]


def test_at_most_five_messages_per_call() -> None:
    assert [len(b) for b in batches(to_stored([Text(str(i)) for i in range(11)]))] == [5, 5, 1]


def test_sdk_messages_carry_postback_quick_replies() -> None:
    [message] = to_sdk([{"text": "どうしますか", "choices": [{"label": "戻る", "data": "back"}]}])
    action = message.to_dict()["quickReply"]["items"][0]["action"]
    assert action == {"type": "postback", "label": "戻る", "data": "back", "displayText": "戻る"}
