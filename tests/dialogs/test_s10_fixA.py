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


@pytest.mark.parametrize(
    "messages",
    [
        (
            "夜分にすみません。大学を出てから一度就職したのですが、上司とうまくいかず2年で辞めてしまい、"
            "それからずっと実家で暮らしています。もう8年くらいになります。",
            "母は心配してくれているのですが、顔を合わせるたびに言われて、それがつらくて部屋にこもるようになりました。",
        ),
        (
            "仕事を辞めてから、ずっと家にいます。もう5年です。",
            "父は何も言いませんが、母に言われるのがつらくて部屋から出なくなりました",
        ),
    ],
)
def test_a_man_telling_his_own_story_then_of_his_parents_stays_the_one_asking(
    messages: tuple[str, ...],
) -> None:
    chat = started(*messages)
    assert build_summary(chat.data)["asker"] == "self"


@pytest.mark.parametrize(
    "messages",
    [
        ("眠れません", "兄が失業して"),
        ("仕事を辞めて家にいます", "息子もひきこもっていて部屋から出てきません"),
    ],
)
def test_a_new_worry_of_a_relative_still_makes_the_writer_family(messages: tuple[str, ...]) -> None:
    chat = started(*messages)
    assert build_summary(chat.data)["asker"] == "family"
