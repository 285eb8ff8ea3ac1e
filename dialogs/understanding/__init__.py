"""Free-text understanding: a local, explainable lexicon-and-rules classifier for Japanese messages.

Nothing here calls a network service or loads a model: consultation text never leaves the machine.
"""

from __future__ import annotations

from dialogs.understanding.classifier import classify, classify_lines, normalize
from dialogs.understanding.lexicon import Lexicon, LexiconError, load_lexicon
from dialogs.understanding.model import (
    CONCERNS,
    CRISIS_LEVELS,
    INTENTS,
    About,
    CrisisKind,
    CrisisLevel,
    Entity,
    Evidence,
    Understanding,
)
from dialogs.understanding.normalize import Normalized, normalize_with_spans

__all__ = [
    "CONCERNS",
    "CRISIS_LEVELS",
    "INTENTS",
    "About",
    "CrisisKind",
    "CrisisLevel",
    "Entity",
    "Evidence",
    "Lexicon",
    "LexiconError",
    "Normalized",
    "Understanding",
    "classify",
    "classify_lines",
    "load_lexicon",
    "normalize",
    "normalize_with_spans",
]
