"""The frozen test splits of the understanding corpus are unchanged, or changed with a dated note."""

import hashlib
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
FROZEN = CORPUS / "FROZEN"
FROZEN_FILES = ("test.jsonl", "messages_test.jsonl", "test2.jsonl", "test3.jsonl", "test4.jsonl")


def recorded_hashes(text: str) -> dict[str, str]:
    """File name → SHA-256 hex for every `sha256 <hex>  <name>` line of a FROZEN file."""
    return {name: digest for digest, name in re.findall(r"^sha256 ([0-9a-f]{64})  (\S+)$", text, re.M)}


def notes_for(text: str, name: str) -> list[str]:
    """The dated note lines (`note YYYY-MM-DD <name> ...`) about one file."""
    return re.findall(rf"^note \d{{4}}-\d{{2}}-\d{{2}} {re.escape(name)} .+$", text, re.M)


@pytest.mark.parametrize("name", FROZEN_FILES)
def test_frozen_file_matches_its_recorded_hash(name: str) -> None:
    """A frozen split whose bytes differ from the hash in FROZEN fails: tuning must not touch it."""
    path = CORPUS / name
    if name != "test.jsonl" and not path.exists():
        pytest.skip(f"{name} is not written yet")
    text = FROZEN.read_text(encoding="utf-8")
    hashes = recorded_hashes(text)
    assert name in hashes, f"{name} exists but FROZEN records no hash for it"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashes[name]
    assert notes_for(text, name), f"FROZEN has no dated note for {name}"


def test_recorded_hashes_reads_only_well_formed_lines() -> None:
    """A malformed hash line is not taken as a record, so a typo cannot freeze the wrong bytes."""
    text = f"sha256 {'a' * 64}  test.jsonl\nsha256 abc  other.jsonl\nnote 2026-01-01 test.jsonl x\n"
    assert recorded_hashes(text) == {"test.jsonl": "a" * 64}
    assert notes_for(text, "test.jsonl") == ["note 2026-01-01 test.jsonl x"]
    assert notes_for(text, "other.jsonl") == []
