"""The compiled lexicons kept on disk between starts: a start from the cache reads every message as a
fresh compile does, a municipality's edited (or added) lexicon file is compiled again at the next start,
and a cache directory that cannot be written only means compiling at each start."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from dialogs.understanding import classifier, lexicon
from dialogs.understanding.evaluation import load_examples
from dialogs.understanding.lexicon import CACHE_DIR_ENV, Lexicon, TrieNode

DEV = Path(__file__).parent / "corpus" / "dev.jsonl"
SMALL_BUILTIN = ("emoji.yaml", "negation.yaml", "crisis_violence.yaml")
"""A few real lexicon files standing in for the built-in directory, so each compile takes a moment."""


def _load(
    monkeypatch: pytest.MonkeyPatch, cache: Path | str, dirs: tuple[Path, ...] = ()
) -> tuple[Lexicon, str]:
    """Load the lexicons as a new process would (no in-process cache) and say how the cache answered."""
    monkeypatch.setenv(CACHE_DIR_ENV, str(cache))
    lex = lexicon._load.__wrapped__(tuple(d.resolve() for d in dirs))
    report = lexicon.last_load()
    assert report is not None
    return lex, report.cache


def _trie_patterns(root: TrieNode) -> set[tuple[str, str]]:
    """Every (path, pattern) the trie holds."""
    found: set[tuple[str, str]] = set()
    stack = [(root, "")]
    while stack:
        node, path = stack.pop()
        if node.pattern is not None:
            found.add((path, node.pattern))
        stack.extend((child, path + ch) for ch, child in node.children.items())
    return found


def _contents(lex: Lexicon) -> dict[str, object]:
    """A lexicon's contents as comparable values (the trie as the patterns it leads to)."""
    out = {f.name: getattr(lex, f.name) for f in dataclasses.fields(lex) if f.name != "trie"}
    out["trie"] = _trie_patterns(lex.trie)
    return out


@pytest.fixture
def small_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a few built-in lexicon files used as the built-in directory."""
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    for name in SMALL_BUILTIN:
        shutil.copy(lexicon.BUILTIN_DIR / name, builtin / name)
    monkeypatch.setattr(lexicon, "BUILTIN_DIR", builtin.resolve())
    return builtin


def test_a_start_from_the_cache_reads_the_dev_lines_as_a_fresh_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled, first = _load(monkeypatch, tmp_path)
    cached, second = _load(monkeypatch, tmp_path)
    assert (first, second) == ("miss", "hit")
    assert cached is not compiled
    assert _contents(cached) == _contents(compiled)
    assert len(compiled.patterns) > 10_000  # the real lexicons, not an empty stand-in

    lines = [example.text for example in load_examples(DEV)][::4]

    def readings(lex: Lexicon) -> list[object]:
        monkeypatch.setattr(classifier, "load_lexicon", lambda extra_dirs=(): lex)
        return [classifier.classify(text) for text in lines]

    fresh = readings(compiled)
    assert readings(cached) == fresh
    assert sum(reading.crisis == "crisis" for reading in fresh) > 10  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("where", "edit"),
    [
        ("builtin", "append"),  # a built-in file changed by an update
        ("city", "append"),  # the municipality's own file edited
        ("city", "new_file"),  # the municipality adds a file
        ("city", "rename"),  # the same rules under another file name: other rule ids
    ],
)
def test_a_changed_lexicon_file_is_compiled_again_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_builtin: Path, where: str, edit: str
) -> None:
    city = tmp_path / "city"
    city.mkdir()
    local = "label: crisis\nentries:\n  bridge: [橋から飛び降りる]\n"
    (city / "local.yaml").write_text(local, encoding="utf-8")
    cache = tmp_path / "cache"
    before, first = _load(monkeypatch, cache, (city,))
    _, again = _load(monkeypatch, cache, (city,))
    assert (first, again) == ("miss", "hit")
    assert "線路に飛び込む" not in before.patterns

    directory = small_builtin if where == "builtin" else city
    target = directory / ("crisis_violence.yaml" if where == "builtin" else "local.yaml")
    addition = "\n  railway: [線路に飛び込む]\n"
    if edit == "append":
        target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + addition, encoding="utf-8")
    elif edit == "new_file":
        (city / "more.yaml").write_text("label: crisis\nentries:" + addition, encoding="utf-8")
    else:
        target.rename(city / "renamed.yaml")
    after, outcome = _load(monkeypatch, cache, (city,))
    assert outcome == "miss"
    if edit == "rename":
        added = {e.rule for e in after.entries} - {e.rule for e in before.entries}
        assert added == {"city/renamed.yaml#bridge"}
    else:
        assert "線路に飛び込む" in after.patterns
        assert _load(monkeypatch, cache, (city,))[1] == "hit"


def test_a_new_analyzer_version_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_builtin: Path
) -> None:
    assert _load(monkeypatch, tmp_path)[1] == "miss"
    assert _load(monkeypatch, tmp_path)[1] == "hit"
    monkeypatch.setattr(lexicon, "_versions", lambda: "SudachiPy=99;SudachiDict-core=99")
    assert _load(monkeypatch, tmp_path)[1] == "miss"


def test_an_unwritable_cache_directory_still_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_builtin: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    fresh, off = _load(monkeypatch, "off")
    assert off == "off"
    for _ in range(2):
        lex, outcome = _load(monkeypatch, blocker / "tsunagu")
        assert outcome == "unwritable"
        assert _contents(lex) == _contents(fresh)


def test_a_damaged_cache_file_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_builtin: Path
) -> None:
    fresh, _ = _load(monkeypatch, tmp_path)
    (stored,) = tmp_path.glob("lexicon-*.pickle")
    stored.write_bytes(stored.read_bytes()[:1000])
    lex, outcome = _load(monkeypatch, tmp_path)
    assert outcome == "miss"
    assert _contents(lex) == _contents(fresh)
    assert _load(monkeypatch, tmp_path)[1] == "hit"
    assert not list(tmp_path.glob(".lexicon-*"))  # no temporary file left behind


def test_the_default_cache_directory_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon.cache_directory() == tmp_path / "tsunagu"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert lexicon.cache_directory() == tmp_path / ".cache" / "tsunagu"
    monkeypatch.setenv(CACHE_DIR_ENV, "OFF")
    assert lexicon.cache_directory() is None
