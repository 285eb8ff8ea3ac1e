"""Whole conversations driven turn by turn through the engine (deterministic clock).

The same people, through the real app, are in test_conversations.py (bot.simulator).
"""

from __future__ import annotations

from datetime import datetime

from dialogs.effects import HandOff, RaiseUrgency
from tests.dialogs.chat import TOKYO, Chat


def handoffs(chat: Chat) -> list[HandOff]:
    return [e for e in chat.effects if isinstance(e, HandOff)]


def test_parent_of_a_son_who_has_not_left_his_room() -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子が何年もひきこもっていて、部屋から出てきません")
    assert "ご家族" in chat.texts[-1] and "ひきこもり状態" not in chat.texts[-1]  # no label on her son
    chat.tap("相談の準備")  # 「息子が…」 already said she is his parent: the role is not asked again
    assert chat.state == "intake.ask_age_band"
    chat.send("30代です")
    chat.tap("10年以上")
    assert "いま選んでいるもの：家から出にくい" in chat.texts[-1]
    chat.tap("選び終わった")
    chat.tap("話を聞いて")
    chat.tap("訪問")
    chat.tap("選び終わった")
    chat.tap("南浜")
    chat.tap("LINE")
    chat.tap("平日の午後")
    chat.send("本人に知られないように進めてほしいです")
    chat.tap("とてもしんどい")
    chat.send("夜あまり眠れていません")
    chat.send("いつか息子が自分から話せるようになってほしい")
    assert chat.state == "consent.review"
    assert "「息子が何年もひきこもっていて、部屋から出てきません」" in chat.texts[0]
    chat.tap("この内容だけ送る")
    (case,) = handoffs(chat)
    assert case.consent_scope == "summary"
    assert case.summary["asker"] == "family" and case.summary["relation"] == "parent"
    assert case.summary["age_band"] == "18_39" and case.summary["duration"] == "over_10y"
    assert case.summary["hopes"] == ["listen", "visit"] and case.summary["district"] == "minamihama"
    assert case.summary["unanswered"] == []
    assert "南浜地区の担当" in chat.texts[0]


def test_young_carer() -> None:
    chat = Chat()
    chat.send("おばあちゃんの介護で学校に行けていない")
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    chat.tap("18歳未満")
    chat.send("1年くらい")
    chat.tap("選び終わった")
    chat.tap("情報がほしい")
    chat.tap("選び終わった")
    chat.tap("答えたくない")  # district
    chat.tap("このLINE")
    chat.tap("平日の夕方")
    chat.send("学校の先生には言わないでほしい")
    chat.tap("特にない")
    assert chat.state == "consent.review"
    chat.tap("やりとりも含めて")
    (case,) = handoffs(chat)
    assert case.consent_scope == "summary_and_conversation"
    assert "caregiving" in case.summary["concerns"]
    assert case.summary["age_band"] == "under_18"
    assert case.summary["district"] is None and "district" in case.summary["unanswered"]
    assert "CSW" not in chat.texts[0] and "相談員" in chat.texts[0]


def test_man_just_out_of_prison_about_to_lose_his_flat() -> None:
    chat = Chat()
    chat.follow()
    chat.send("先月出所したばかりで、今月で部屋を追い出されそうです。家賃が払えません")
    said = "".join(chat.texts)
    assert "住まいのこと" in said and "住居確保給付金" in said  # an eviction this month is urgent
    chat.tap("このまま続ける")
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    chat.tap("40〜64歳")
    chat.tap("半年未満")
    chat.tap("選び終わった")
    chat.tap("窓口・担当者")
    chat.tap("選び終わった")
    chat.tap("東台")
    chat.tap("電話")
    chat.send("午前中なら出られます")
    chat.send("前科のことで責められたくない")
    chat.send("急いでいます")
    chat.tap("この内容だけ送る")
    (case,) = handoffs(chat)
    assert case.summary["contact"] == "phone" and case.summary["contact_times"] == "weekday_morning"
    assert case.summary["own_words"]["contact_times"] == "午前中なら出られます"
    assert case.summary["considerations"] == "前科のことで責められたくない"
    assert "housing" in case.summary["concerns"] or "economic" in case.summary["concerns"]


def test_family_reporting_violence_at_home() -> None:
    chat = Chat()
    chat.follow()
    chat.send("息子に殴られています")
    assert chat.state == "menu.main"
    assert any("110" in t for t in chat.texts)
    assert [e.level for e in chat.effects if isinstance(e, RaiseUrgency)] == ["crisis"]
    chat.tap("担当者に伝えたい")
    assert chat.state == "consent.review"
    assert "危機" not in chat.texts[0] and "急いで読んでほしい相談" in chat.texts[0]
    assert "「息子に殴られています」" in chat.texts[0]  # what she wrote, not an empty form
    chat.tap("この内容だけ送る")
    (case,) = handoffs(chat)
    assert case.summary["urgency"] == "crisis"
    assert case.summary["urgency_reasons"]


def test_says_shinitai_in_the_middle_of_the_intake() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    chat.tap("18〜39歳")
    chat.send("もう死にたい")
    assert chat.state == "intake.ask_duration"
    assert "110" in chat.texts[0]
    assert "0120-279-338" in chat.texts[1]
    chat.tap("このまま続ける")
    assert chat.state == "intake.ask_duration"
    assert "どのくらい" in chat.texts[-1]
    chat.tap("3〜10年")
    assert chat.state == "intake.ask_concerns"
    chat.send("担当者と話したい")
    assert chat.state == "consent.review"
    chat.tap("この内容だけ送る")
    (case,) = handoffs(chat)
    assert case.summary["urgency"] == "crisis"
    assert case.summary["duration"] == "3y_10y"


def test_declines_consent() -> None:
    chat = Chat()
    chat.follow()
    chat.tap("相談の準備")
    chat.tap("自分のこと")
    while chat.state != "consent.review":
        chat.tap("答えたくない")
    assert chat.state == "consent.review"
    chat.tap("今は送らない")
    assert chat.state == "menu.main"
    assert not handoffs(chat)
    assert "送っていません" in chat.texts[0]
    assert "相談の続きをする" in chat.labels
    chat.tap("よくある質問")
    chat.tap("秘密は守られる")
    assert "秘密" in chat.texts[0]
    assert not handoffs(chat)


def test_asks_only_about_cost_at_23() -> None:
    chat = Chat(now=datetime(2026, 11, 24, 23, 0, tzinfo=TOKYO))
    chat.send("相談ってお金かかりますか")
    assert any("無料" in t for t in chat.texts)
    assert any("受付時間外" in t for t in chat.texts)
    assert chat.state == "menu.main"
    assert not chat.effects
