"""Every corpus file parses and uses only the label vocabularies the analyzer reports."""

from pathlib import Path

import pytest
from check_corpus import check, load

CORPUS = Path(__file__).parent
FILES = sorted(CORPUS.glob("*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_has_valid_labels(path: Path) -> None:
    """A file with an unknown label, a crisis level without kinds, or a repeated line fails."""
    assert check(path) == []


def test_splits_share_no_line() -> None:
    """Test lines never appear in a dev file, so tuning on dev cannot see them."""
    texts = {p.name: {r["text"] for r in load(p)} for p in FILES}
    pairs = [("test.jsonl", "dev.jsonl"), ("messages_test.jsonl", "messages_dev.jsonl")]
    for test_name, dev_name in pairs:
        if test_name in texts and dev_name in texts:
            assert not texts[test_name] & texts[dev_name]


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
