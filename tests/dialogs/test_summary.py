"""The 相談受付票: structured keys, only what was said, 未回答 for what was not."""

from __future__ import annotations

from dialogs.summary import SUMMARY_KEYS, build_summary, summary_text

ANSWERS = {
    "asker": {"choice": "family"},
    "relation": {"choice": "parent"},
    "age_band": {"choice": "40_64"},
    "duration": {"words": "もう15年くらい"},
    "concerns": {"choices": ["withdrawal", "economic"], "words": "息子が部屋から出てきません"},
    "hopes": {"choices": ["visit"]},
    "district": {"choice": "chuo"},
    "contact": {"choice": "line"},
    "asker_distress": {"choice": "very_hard"},
}


def data(**extra):
    return {"intake": {"answers": ANSWERS, "skipped": ["contact_times"], "page": 0, "resume": None}, **extra}


def test_structured_keys_and_values() -> None:
    summary = build_summary(data(urgency={"level": "urgent", "reasons": ["「今夜寝る場所がない」"]}))
    assert tuple(summary) == SUMMARY_KEYS
    assert summary["asker"] == "family"
    assert summary["relation"] == "parent"
    assert summary["duration"] == "もう15年くらい"
    assert summary["concerns"] == ["withdrawal", "economic"]
    assert summary["urgency"] == "urgent" and summary["urgency_reasons"] == ["「今夜寝る場所がない」"]
    assert summary["own_words"] == {"duration": "もう15年くらい", "concerns": "息子が部屋から出てきません"}
    assert summary["unanswered"] == ["contact_times", "considerations", "asker_situation", "own_words"]
    assert summary["asker_wellbeing"] == {
        "age_band": None,
        "distress": "very_hard",
        "situation": None,
        "concerns": [],
    }


def test_text_quotes_own_words_and_lists_unanswered() -> None:
    text = summary_text(data())
    assert "「もう15年くらい」" in text
    assert "「息子が部屋から出てきません」" in text
    assert "家族（親）" in text
    assert "中央地区" in text
    assert "未回答：連絡の時間帯" in text
    assert "緊急度：通常" in text
    assert len(text.splitlines()) <= 16


def test_empty_form_invents_nothing() -> None:
    summary = build_summary({})
    assert summary["asker"] == "unknown"
    assert summary["concerns"] == [] and summary["relation"] is None
    assert "asker" in summary["unanswered"] and "relation" not in summary["unanswered"]
    assert "相談者：未回答" in summary_text({})


def test_relation_dropped_when_asker_changed_to_self() -> None:
    answers = {**ANSWERS, "asker": {"choice": "self"}}
    summary = build_summary({"intake": {"answers": answers, "skipped": []}})
    assert summary["relation"] is None and summary["asker_wellbeing"] is None


def test_a_very_long_answer_in_words_keeps_the_preview_within_line_limits() -> None:
    """5,000 characters typed at 「ご自身の言葉で」 made the consent preview longer than LINE accepts."""
    from dialogs.summary import person_preview
    from tests.dialogs.chat import utf16_units

    answers = {**ANSWERS, "own_words": {"words": "あ" * 5000}}
    preview = person_preview({"intake": {"answers": answers, "skipped": [], "page": 0, "resume": None}})
    assert "ああ" in preview and "（以下略）" in preview
    assert utf16_units(preview) < 1000
