"""Session 10 fixA: a writer who says their own role keeps it beside a neighbour they write of, and a man
telling his own story stays the one asking when a later message names his parents."""

from __future__ import annotations

import pytest

from dialogs.summary import build_summary
from tests.dialogs.chat import started


@pytest.mark.parametrize(
    "first",
    [
        "民生委員をしています。近所の一人暮らしの高齢の方のことで相談です",
        "民生委員です。近所のおばあちゃんが最近見かけなくて",
        "地区の民生委員をしております。隣のおじいさんのことで相談させてください",
    ],
)
def test_a_minsei_writing_of_a_neighbour_stays_a_minsei(first: str) -> None:
    chat = started(first, "担当の人に伝えたい")
    summary = build_summary(chat.data)
    assert summary["asker"] == "supporter"
    assert summary["relation"] == "minsei"
