"""Danger said in pieces: the last few short messages, and the words that matter after a crisis reply.

Someone at 2 a.m. may type 「くすり」「のんだ」「20こ」, one word a message. Read alone, none of these
says anything; read together, they say pills were taken. So the conversation keeps its last few short
messages (`KEPT` at most, each at most `SHORT_CHARS` long, none older than `WITHIN`) and the crisis
path reads a short new message together with them (`dialogs.crisis.interrupt`). They stay in the
conversation's own data, like the draft's words, are never logged, and are dropped once too old.

After a reply about pills taken or cutting, words about the body (`BODY_AFTER_PILLS`,
`BODY_AFTER_CUTTING`: 「ねむい」「ふらふら」「血とまらん」) mean the danger goes on; after any crisis
reply, taking it back (`TAKEN_BACK`: 「冗談です」「やっぱいい」「ちょっと疲れてるだけ」) needs a warm
line that keeps the door open, and a plea (`PLEA`: 「おねがい だれか」) a line to call now. The lists
are matched on normalised text (katakana as hiragana, long vowels dropped), as the lexicons are.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from typing import Any

from dialogs.understanding.normalize import normalize_with_spans

SHORT_CHARS = 20
"""Only a message at most this long is kept, or read together with the ones before it."""

KEPT = 4
"""How many recent short messages are kept (the new one is read with up to `KEPT - 1` before it)."""

WITHIN = timedelta(minutes=15)
"""Short messages further apart than this are not read together."""

TAKEN_BACK_MAX_CHARS = 40
"""A longer message is more than taking back what was said (「冗談です。でも本当は…」)."""

BODY_AFTER_PILLS = (
    "ねむ",
    "眠い",
    "眠く",
    "眠た",
    "ふらふら",
    "ふらつ",
    "くらくら",
    "めまい",
    "目が回",
    "吐",
    "はいた",
    "はいちゃ",
    "はきそ",
    "はきけ",
    "気持ち悪",
    "きもちわる",
    "気分が悪",
    "息が",
    "いきが",
    "苦し",
    "くるし",
    "意識",
    "ぼっと",
    "動け",
    "うごけ",
    "しびれ",
    "痺れ",
    "震え",
    "ふるえ",
    "どきどき",
    "動悸",
    "胸が",
    "頭が痛",
    "頭痛",
    "あたまいた",
    "お腹が痛",
    "腹が痛",
    "目がかすむ",
    "ろれつ",
    "力が入らな",
)
"""After pills taken: sleepiness, dizziness, vomiting, breathing, heart, numbness — 119 again."""

BODY_AFTER_CUTTING = (
    "血",
    "ちが止ま",
    "ちがとま",
    "止まらな",
    "とまらな",
    "止まらん",
    "とまらん",
    "止まんな",
    "とまんな",
    "傷",
    "きず",
    "深い",
    "ふかい",
    "縫",
    "ぬう",
    "ぬわ",
    "痛",
    "いたい",
    "ふらふら",
    "くらくら",
    "気が遠",
    "力が入らな",
)
"""After cutting: bleeding, depth, pain, faintness — first aid and 119 again."""

TAKEN_BACK = (
    "冗談",
    "じょうだん",
    "じょだん",
    "嘘です",
    "うそです",
    "うそうそ",
    "嘘嘘",
    "ねただよ",
    "ねたです",
    "やっぱいい",
    "やっぱりいい",
    "やっぱなし",
    "やっぱりなし",
    "やっぱいいです",
    "疲れてるだけ",
    "つかれてるだけ",
    "疲れただけ",
    "つかれただけ",
    "疲れてただけ",
    "言ってみただけ",
    "いってみただけ",
    "気にしないで",
    "きにしないで",
    "忘れて",
    "わすれて",
    "大丈夫",
    "だいじょうぶ",
    "だいじょぶ",
)
"""Taking back what was said after a crisis reply."""

HELP_COMING = (
    "救急車",
    "きゅうきゅうしゃ",
    "119",
    "病院",
    "びょういん",
    "電話した",
    "でんわした",
    "呼んだ",
    "よんだ",
    "家族に",
    "かぞくに",
    "親に",
    "おやに",
    "言った",
    "いった",
)
"""After pills or cutting, help on its way (「救急車よんだ」「いまから病院」「かぞくにいった」)."""

ACKNOWLEDGED = (
    "はい",
    "うん",
    "わかった",
    "わかりました",
    "了解",
    "りょうかい",
    "ok",
    "おけ",
    "そう",
    "うんうん",
)
"""A bare acknowledgement (the whole message), after pills or cutting: 119 is named once more."""

SAID_YES = (
    "はい",
    "うん",
    "うんうん",
    "ある",
    "あります",
    "あるよ",
    "あるかも",
    "そう",
    "少し",
    "すこし",
    "ちょっと",
    "たぶん",
)
"""A bare yes (the whole message) to a question about dying, asked just before."""

NOT_TAKEN = ("ない", "ません", "まだ", "いいえ", "ううん", "してない")
"""Words of a short answer that say the pills were not taken (「のんでない」「まだ」), after being asked."""

PLEA = ("おねがい", "お願い", "だれか", "誰か", "たすけ", "助け", "ひとりにしないで", "一人にしないで")
"""A plea after a crisis reply (「おねがい だれか」 at 5 a.m.): someone asking to be reached."""


def _normalized(text: str) -> str:
    return normalize_with_spans(text).text


def _normalized_all(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_normalized(word) for word in words))


_BODY_AFTER_PILLS = _normalized_all(BODY_AFTER_PILLS)
_BODY_AFTER_CUTTING = _normalized_all(BODY_AFTER_CUTTING)
_TAKEN_BACK = _normalized_all(TAKEN_BACK)
_PLEA = _normalized_all(PLEA)
_HELP_COMING = _normalized_all(HELP_COMING)
_NOT_TAKEN = _normalized_all(NOT_TAKEN)


def is_short(text: str) -> bool:
    """Whether a message is short enough to be a fragment (「のんだ」「20こ」)."""
    return 0 < len(text.strip()) <= SHORT_CHARS


def recent(data: dict[str, Any], now: datetime) -> list[str]:
    """The short messages kept from the last `WITHIN`, oldest first."""
    kept = data.get("crisis", {}).get("recent") or []
    return [
        str(item["words"])
        for item in kept
        if isinstance(item, dict)
        and isinstance(item.get("at"), str)
        and now - datetime.fromisoformat(item["at"]) <= WITHIN
    ]


def keep(data: dict[str, Any], text: str, now: datetime) -> None:
    """Keep `text` if short, with the short messages of the last `WITHIN` (at most `KEPT`); drop the rest."""
    kept = data.get("crisis", {}).get("recent") or []
    fresh = [
        item
        for item in kept
        if isinstance(item, dict)
        and isinstance(item.get("at"), str)
        and now - datetime.fromisoformat(item["at"]) <= WITHIN
    ]
    if is_short(text):
        fresh.append({"at": now.isoformat(), "words": text.strip()})
    fresh = fresh[-KEPT:]
    if fresh:
        data.setdefault("crisis", {})["recent"] = fresh
    elif "recent" in data.get("crisis", {}):
        del data["crisis"]["recent"]


def tells_of_body(text: str, situation: str) -> bool:
    """Whether the words speak of the body in a way that matters after `situation` (overdose or self_harm)."""
    words = _BODY_AFTER_PILLS if situation == "overdose" else _BODY_AFTER_CUTTING
    normalized = _normalized(text)
    return any(word in normalized for word in words)


def takes_back(text: str) -> bool:
    """Whether a short message takes back what was said (「冗談です」「やっぱいい」「疲れてるだけ」)."""
    if len(text.strip()) > TAKEN_BACK_MAX_CHARS:
        return False
    normalized = _normalized(text)
    return any(word in normalized for word in _TAKEN_BACK)


def pleads(text: str) -> bool:
    """Whether a short message pleads for someone (「おねがい だれか」「ひとりにしないで」)."""
    normalized = _normalized(text)
    return is_short(text) and any(word in normalized for word in _PLEA)


def help_coming(text: str) -> bool:
    """Whether the words say help is on its way (「救急車よんだ」「いまから病院」)."""
    normalized = _normalized(text)
    return any(word in normalized for word in _HELP_COMING)


def _whole(text: str) -> str:
    """The whole message as typed, for a bare word: NFKC, lowercase, without end marks. Not the lexicon
    normalisation, which drops long vowels and would make a hesitant 「うーん」 a 「うん」."""
    return unicodedata.normalize("NFKC", text).strip().strip("。.!！、…").lower()


def acknowledges(text: str) -> bool:
    """Whether the whole message is a bare acknowledgement (「はい」「わかった」)."""
    return _whole(text) in ACKNOWLEDGED


def says_yes(text: str) -> bool:
    """Whether the whole message is a bare yes (「はい」「うん」「ある」「少し」)."""
    return _whole(text) in SAID_YES


def not_taken(text: str) -> bool:
    """Whether a short answer says the pills were not taken (「のんでない」「まだ」「飲んでません」)."""
    normalized = _normalized(text)
    return any(word in normalized for word in _NOT_TAKEN)
