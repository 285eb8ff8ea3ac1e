"""Every corpus file parses and uses only the label vocabularies the analyzer reports."""

from pathlib import Path

import pytest
from check_corpus import check, load, near_duplicates

CORPUS = Path(__file__).parent
FILES = sorted(CORPUS.glob("*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_has_valid_labels(path: Path) -> None:
    """A file with an unknown label, a crisis level without kinds, or a repeated line fails."""
    assert check(path) == []


@pytest.mark.parametrize(
    ("test_name", "dev_name"),
    [
        ("test.jsonl", "dev.jsonl"),
        ("messages_test.jsonl", "messages_dev.jsonl"),
        ("test.jsonl", "train.jsonl"),
        ("messages_test.jsonl", "train.jsonl"),
        ("dev.jsonl", "train.jsonl"),
        ("test2.jsonl", "train.jsonl"),
        ("test2.jsonl", "dev.jsonl"),
        ("test2.jsonl", "messages_dev.jsonl"),
        ("test3.jsonl", "train.jsonl"),
        ("test3.jsonl", "dev.jsonl"),
        ("test3.jsonl", "messages_dev.jsonl"),
        ("test4.jsonl", "train.jsonl"),
        ("test4.jsonl", "dev.jsonl"),
        ("test4.jsonl", "messages_dev.jsonl"),
    ],
)
def test_splits_share_no_line_even_reworded(test_name: str, dev_name: str) -> None:
    """No test line appears in dev or train, nor a dev line in train, even respelled or lightly reworded."""
    if not (CORPUS / dev_name).exists():
        pytest.skip(f"{dev_name} is not written yet")
    test_texts = [r["text"] for r in load(CORPUS / test_name)]
    dev_texts = [r["text"] for r in load(CORPUS / dev_name)]
    assert near_duplicates(test_texts, dev_texts) == []


def test_near_duplicates_catches_respelling_and_spares_different_lines() -> None:
    """Katakana/hiragana, width and punctuation do not hide a copy; a different sentence is not one."""
    copy = ("ﾊﾛｰﾜｰｸはどこ？", "はろーわーく、はどこ")
    assert near_duplicates([copy[0]], [copy[1]]) == [copy]
    assert near_duplicates(["家賃の相談がしたい"], ["今夜寝る場所がない"]) == []


def test_checker_rejects_a_bad_record(tmp_path: Path) -> None:
    """The checker itself fails on an unknown concern and on urgent without an urgent kind."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"text": "x", "crisis": "urgent", "crisis_kinds": ["suicidal"], "possible_risk": false, '
        '"concerns": ["money"], "intents": [], "style": "standard", "id": "b1"}\n',
        encoding="utf-8",
    )
    problems = check(bad)
    assert any("concern 'money'" in p for p in problems)
    assert any("urgent kinds" in p for p in problems)
