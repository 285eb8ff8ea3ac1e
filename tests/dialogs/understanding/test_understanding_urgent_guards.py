"""Urgent means a need tonight: withdrawal, a question about a place to be, or a notification is not one."""

from __future__ import annotations

import pytest

from dialogs.understanding import classify


@pytest.mark.parametrize(
    "text",
    [
        "息子は十年以上、外に出ていません",
        "娘が外に出られなくなって三年です",
        "市外に住んでいても相談できますか",
        "今日はここまでにします",
        "寝る場所はちゃんとあります",
        "家以外でゆっくり過ごせる場所はありますか",
        "通知が画面に出ると困ります",
        "ご飯の味がしない",
        "息子とごはんをいっしょに食べられない",
        "高校を出てから働いたことがないと言われました",
        "しぬほどおなかすいた",
        "もう何もない",
    ],
)
def test_not_urgent(text: str) -> None:
    assert classify(text, rules_only=True).crisis == "none"


@pytest.mark.parametrize(
    "text",
    [
        "今夜泊まれる場所ありますか",
        "今日は車で寝ます",
        "公園で寝てる",
        "今夜泊まるところがありません",
        "お金がなくて三日なにも食べてない",
    ],
)
def test_urgent(text: str) -> None:
    assert classify(text, rules_only=True).crisis == "urgent"
