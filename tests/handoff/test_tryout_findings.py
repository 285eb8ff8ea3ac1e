"""What a first try-out as new users found on the merged product, each fixed and kept fixed."""

from __future__ import annotations

from bot.simulator import Simulator
from dialogs import catalog
from dialogs.understanding.classifier import classify
from handoff.web import summary_items
from tests.handoff.helpers import case_row, hand_off


def test_a_later_crisis_raises_the_urgency_the_sheet_shows_too(sim: Simulator, database_url: str) -> None:
    """The case header said 危機 while the 相談受付票 inside still said 緊急度：通常."""
    code = hand_off(sim, "u1")["code"]
    sim.send("u1", "息子が今夜、死にたいと言って部屋で暴れています")
    stored = case_row(database_url, code)
    assert stored.urgency == "crisis"
    assert stored.summary["urgency"] == "crisis"
    assert catalog.text("urgency.crisis") in stored.summary_text
    assert catalog.text("urgency.normal") not in stored.summary_text


def test_the_sheet_shows_what_was_heard_as_words_not_data() -> None:
    """The dashboard showed {'words': …, 'fields': […]} and the raw name asker_age_band."""
    summary = {
        "heard": [{"words": "息子のことで相談したい", "fields": ["asker", "relation"]}],
        "asker_wellbeing": {"age_band": "40_64", "distress": None},
    }
    items = dict(summary_items(summary))
    assert "息子のことで相談したい" in str(items["heard"])
    assert "{" not in str(items["heard"]) and "'words'" not in str(items["heard"])
    own = dict(items["asker_wellbeing"])
    assert "asker_age_band" in own, "the asker's own age is named apart from ご本人の年代"
    assert "age_band" not in own


def test_asking_to_delete_everything_is_not_read_as_a_crisis() -> None:
    """「私の情報を全部削除して」 got the suicide resources instead of the delete confirmation."""
    reading = classify("私の情報を全部削除して")
    assert reading.crisis == "none"
    assert "cmd.delete" in reading.intents
    assert classify("薬を全部飲んだ").crisis == "crisis", "全部 with pills still is"


def test_the_persons_words_on_the_case_page_are_labelled_in_japanese() -> None:
    """The case page listed 「hopes」「contact_times」「considerations」 as the names of her words."""
    from handoff.sheet import own_words

    summary = {
        "own_words": {
            "concerns": "お金がなくて",
            "hopes": "まずは話を聞いてほしいです",
            "contact_times": "夕方以降だとうれしい",
            "considerations": "電話は苦手です",
            "own_words": "特にないです",
        }
    }
    labels = [label for label, _ in own_words(summary)]
    assert all(label.isascii() is False for label in labels), labels
    assert "hopes" not in labels and "contact_times" not in labels and "considerations" not in labels
    assert "配慮してほしいこと" in labels and "連絡の時間帯" in labels


def test_a_language_need_is_on_the_sheet_in_japanese() -> None:
    from dialogs.summary import render

    items = dict(summary_items({"language": ["en", "easy"]}))
    assert "英語" in str(items["language"]) and "やさしい日本語" in str(items["language"])
    assert "英語" in render({"language": ["en"]})
