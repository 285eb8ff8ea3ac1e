"""The word lists the conversation reads around a crisis reply are data a municipality can extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs import crisis, fragments
from dialogs.fragments import WORD_LISTS, WordListError, load_words


def test_every_list_is_shipped_with_words() -> None:
    words = load_words()
    assert set(words) == set(WORD_LISTS)
    assert all(words[name] for name in WORD_LISTS)


def test_the_code_reads_the_shipped_lists() -> None:
    assert load_words()["taken_back"] == fragments.TAKEN_BACK
    assert load_words()["cold_or_body"] == crisis.COLD_OR_BODY_WORDS
    assert "💊" in crisis.PILL_WORDS


def test_a_municipality_adds_its_own_words_to_a_list(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text("taken_back:\n  words: [なんもない, 大丈夫]\n", encoding="utf-8")
    words = load_words([tmp_path])
    assert "なんもない" in words["taken_back"]
    assert words["taken_back"].count("大丈夫") == 1
    assert words["plea"] == load_words()["plea"]


def test_an_unknown_list_is_refused_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "typo.yaml").write_text("taken_bak:\n  words: [なんもない]\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"typo\.yaml"):
        load_words([tmp_path])
