"""Session 11, merge fixes (fixm): readings that two merged branches made wrong together.

keep13 stopped reading a child named as not hit (「子供には手はだしてない」) as child abuse; the child
then counted as the relative who hurts, and a mother hit by her partner got the lines for a family
member who is violent at home. A relative named only as not hurt is now no one who hurts. keep13
also kept every telling message and read 「LINE message please」 as LINE: a change asked with a send
on the consent screen is not kept as words, and 「no LINE …」 chooses no LINE.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.dialogs.chat import TOKYO, intake_answers, said, started

NIGHT = datetime(2026, 12, 3, 23, 40, tzinfo=TOKYO)
DV_LINES = "家の中で暴力を受けているかもしれない"
HOME_VIOLENCE = "ご家族が家の中で暴れていて"


@pytest.mark.parametrize(
    "words",
    [
        "今日も殴られた。子どもには手は出していないです",
        "きょうもなぐられた。こどもにはてはだしてない",
        "夫に殴られた。子どもは叩かれてない",
    ],
)
def test_a_mother_hit_who_says_her_child_was_not_gets_the_dv_lines(words: str) -> None:
    reply = said(started(words, now=NIGHT))
    assert DV_LINES in reply and "0120-279-889" in reply and HOME_VIOLENCE not in reply


@pytest.mark.parametrize(
    "words", ["兄が暴れて殴られた。弟には手は出してない", "息子に殴られた。孫には手は出してない"]
)
def test_a_relative_who_hurts_is_still_read_beside_one_spared(words: str) -> None:
    assert HOME_VIOLENCE in said(started(words, now=NIGHT))


KAWARU = (
    "母のことなんだけど",
    "母62歳、父が亡くなってから2年くらい家から出なくなった",
    "母は父の仏壇の前からほとんど動かない。ごはんもあまり食べてない",
)


@pytest.mark.parametrize(
    "words", ["猫のことは消して、このまま送ってください", "学校のことは書かないで、あとは送って"]
)
def test_a_change_that_finds_nothing_is_asked_about_and_not_kept(words: str) -> None:
    chat = started(*KAWARU)
    chat.tap("担当者")
    chat.send(words)
    assert chat.state == "consent.review" and "見つけられませんでした" in said(chat)
    assert words.split("、")[0] not in str(chat.data["intake"])


@pytest.mark.parametrize(
    ("words", "line"),
    [
        ("no LINE message please, phone is better", False),
        ("not LINE please, phone is fine", False),
        ("LINE message please", True),
    ],
)
def test_line_refused_in_english_is_not_chosen(words: str, line: bool) -> None:
    chat = started("わたし しごと なくなった", words)
    assert (intake_answers(chat).get("contact", {}).get("choice") == "line") is line
