"""Session-8 tester asking whether a student can get 住居確保給付金 (talk9): the content does not say, so
the answer says so honestly and offers a person who can check, instead of the general card.

Every test drives the real engine with the real reading.
"""

from __future__ import annotations

import pytest

from dialogs.content import current_content
from tests.dialogs.chat import said, started

CARD = current_content().service("housing_benefit").summary
HONEST = "この案内には載っていない"


@pytest.mark.parametrize(
    "words",
    [
        "学生でも住居確保給付金ってもらえるんですか？",
        "大学生なんですが、家賃の給付金は対象になりますか",
        "専門学校に通ってる学生でも申請できますか？",
        "がくせいでも おかね もらえますか",
        "専門学校に通ってます。学生でも生活保護って受けられますか？",
        "留学生でも住居確保給付金を申請できますか",
        "娘が大学生なんですが、住居確保給付金は使えますか",
    ],
)
def test_a_student_asking_if_they_can_get_it_hears_honestly_that_a_person_can_check(words: str) -> None:
    chat = started(words)
    assert CARD not in said(chat)
    assert "学生" in said(chat) and HONEST in said(chat)
    assert current_content().window("kurashi").phone in said(chat)
    assert "担当者と話したい" in chat.labels


def test_a_student_telling_of_school_is_not_asking_about_eligibility() -> None:
    chat = started("学生です。親とうまくいかなくて家にいづらいです")
    assert HONEST not in said(chat)
