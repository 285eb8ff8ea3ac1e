"""Short answers in the person's language: English, or やさしい日本語 (simple words, spaced).

Not a flow of its own. After a typed message's turn, the engine calls `add_short_answer`: when the
message was written in English or in spaced simple Japanese and is about danger to life, wanting a
person, food, rent (住居確保給付金), 生活保護 or where to consult, one short message in that language
goes first. The rest of the reply stays in Japanese. While the person writes in English (and on the
buttons they tap after it), the buttons read in English (`label.en.*` in the catalog, by the key of
the Japanese label), so the short answer names the English one to tap; a button without an English
label keeps its Japanese one. Outside office hours, the English and the やさしい日本語 answers say the
office is closed now and when it opens.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from dialogs import catalog
from dialogs.content import current_content
from dialogs.dialog import Dialog
from dialogs.messages import Choice, Text
from dialogs.office_hours import is_open, next_opening
from dialogs.understanding.model import Understanding

Language = Literal["en", "easy"]

EASY_MIN_WORDS = 3
"""A message in this many space-separated words, almost without kanji, is read as やさしい日本語."""

EASY_MAX_KANJI = 1
MAX_MESSAGES = 5
"""LINE's limit of messages in one reply: past it, the short answer opens the first message."""

REVIEW = "consent.review"
"""The consent screen's state (its buttons send the summary)."""

_KANJI = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")

WINDOW_TOPICS = frozenset(
    {"faq.how_to_reach", "faq.what_is", "faq.hours", "faq.cost", "service.self_reliance", "talk.guidance"}
)
"""Intents answered with where to consult."""

NOT_UNDERSTOOD = frozenset({"fallback", "menu.heard_words", "menu.heard_again.a", "menu.heard_again.b"})
"""Replies that say the message was not understood (only kept): said in the person's language too."""

SENT_SAID = frozenset({"consent.sent", "followup.sent"})
"""Replies that say the consultation was sent (a typed yes, a question about it): said in their words too."""

URGENT_TOPICS = frozenset({"crisis", "crisis_child", "food", "utilities", "shelter"})
"""Short answers given in a language the person was known to need, even to a message in plain Japanese."""

FOOD_WORDS_EN = ("food", "rice", "eat", "hungry")
"""English words that make a question about food (「Is there help for food?」) one for the food answer."""


def reply_language(dialog: Dialog) -> Language | None:
    """The language to answer in besides Japanese: English, やさしい日本語, or None."""
    understanding = dialog.understanding
    if understanding is None:
        return None
    if understanding.language == "en":
        return "en"
    text = dialog.user_input.text
    spaced = len(text.split()) >= EASY_MIN_WORDS
    if spaced and _KANA.search(text) and len(_KANJI.findall(text)) <= EASY_MAX_KANJI:
        return "easy"
    return None


def topic_of(understanding: Understanding, language: Language, text: str = "") -> str | None:
    """What the short answer is about, most pressing first (None: nothing to say in that language)."""
    intents = set(understanding.intents)
    if understanding.crisis == "crisis":
        return "crisis"
    if "no_food" in understanding.crisis_kinds:
        return "food"
    if "no_shelter" in understanding.crisis_kinds:
        return "shelter"
    if "utilities" in understanding.crisis_kinds:
        return "utilities"
    if language == "en" and any(word in text.lower() for word in FOOD_WORDS_EN):
        return "food"
    if intents & {"cmd.human", "talk.listen"}:
        return "human"
    if language == "en" and "job_search" in understanding.concerns:
        return "work"  # an employer holding a passport, wages not paid: a person, not the forms
    if "talk.language" in intents:
        return "language" if language == "en" else None  # the reply itself is in やさしい日本語
    if "service.public_assistance" in intents:
        return "public_assistance"
    if "service.housing_benefit" in intents or "housing" in understanding.concerns:
        return "housing_benefit"
    if intents & WINDOW_TOPICS or understanding.concerns:
        return "window"
    return "intro" if language == "en" else None


def short_answer(language: Language, topic: str, now: datetime) -> str:
    """The short answer on one topic, with the general window's name, phone and hours; outside office
    hours, in the same language, that the office is closed now and when it opens."""
    content = current_content()
    window = content.window(content.service("self_reliance").how_to_reach.window)
    desk = content.temporary_living_info.after_hours_desk
    answer = catalog.text(
        f"lang.{language}.{topic}",
        council=content.municipality.council_name,
        window_name=window.name,
        phone=window.phone,
        hours=window.hours_text,
        desk_name=desk.name,
        desk_phone=desk.phone,
    )
    hours = content.office_hours
    if is_open(now, hours):
        return answer
    opens = next_opening(now, hours)
    if language == "en":
        when = f"{opens:%A} {opens.day} {opens:%B}, {opens:%-H:%M}"
    else:
        weekday = catalog.text("lang.easy.weekdays").split(",")[opens.weekday()].strip()
        when = catalog.text(
            "lang.easy.opens", weekday=weekday, month=opens.month, day=opens.day, time=f"{opens:%-H:%M}"
        )
    closed = catalog.text(f"lang.{language}.closed_now", opens=when)
    return f"{answer.rstrip()}\n{closed}"


def known_language(dialog: Dialog) -> Language | None:
    """The language the person was found to need earlier in the conversation (the draft notes it)."""
    needs = dialog.data.get("intake", {}).get("language") or []
    return next((need for need in reversed(needs) if need in ("en", "easy")), None)


def add_short_answer(dialog: Dialog) -> None:
    """Put a short answer in the person's language before the turn's reply, when there is one.

    A message in plain Japanese from someone known to need English or やさしい日本語 gets one only
    for danger, tonight's needs, or when it was not understood.
    """
    written_in = reply_language(dialog)
    language = written_in or known_language(dialog)
    if language is None or dialog.understanding is None or not dialog.messages:
        return
    topic = topic_of(dialog.understanding, language, dialog.user_input.text)
    if SENT_SAID & set(dialog.said):  # 「ぜんぶ おくって いい」「おくった？」: it is sent, and who reads it
        topic = "sent"
    if topic in (None, "intro") and NOT_UNDERSTOOD & set(dialog.said):
        topic = "fallback"
    if written_in is None and topic not in (*URGENT_TOPICS, "fallback"):
        return
    if topic == "intro" and dialog.state == REVIEW:
        topic = "human"  # on the consent screen, what matters is which button sends it
    if topic is None:
        return
    if topic == "crisis" and dialog.data.get("crisis", {}).get("situations", [None])[0] == "child":
        topic = "crisis_child"  # a child being hurt: 189, not the line for thoughts of dying
    answer = short_answer(language, topic, dialog.now)
    if topic == "fallback":  # said in their language instead of in Japanese they may not read
        dialog.messages[:] = [m for m in dialog.messages if m.text != catalog.text("fallback")]
    if len(dialog.messages) < MAX_MESSAGES:
        dialog.messages.insert(0, Text(answer))
    else:
        first = dialog.messages[0]
        dialog.messages[0] = Text(f"{answer}\n\n{first.text}", first.choices)


REMEMBERED = "reply_language"
"""Where the conversation keeps the language of the person's last typed message (English only)."""

ENGLISH_LABELS = "label.en."
"""Catalog keys of the English button labels: `label.en.<key of the Japanese label>`."""


def follow_language(dialog: Dialog) -> None:
    """Give the turn's buttons English labels while the person writes in English.

    A typed message sets the language (English, or back to Japanese); a tapped button keeps the one
    of the last typed message, so the next buttons read as the ones tapped.
    """
    if dialog.user_input.kind == "text":
        if reply_language(dialog) == "en":
            dialog.data[REMEMBERED] = "en"
        else:
            dialog.data.pop(REMEMBERED, None)
    if dialog.data.get(REMEMBERED) != "en" or not dialog.messages or not dialog.messages[-1].choices:
        return
    last = dialog.messages[-1]
    english = english_labels()
    choices = tuple(Choice(english.get(choice.label, choice.label), choice.data) for choice in last.choices)
    dialog.messages[-1] = Text(last.text, choices)


def english_labels() -> dict[str, str]:
    """Japanese button label -> its English label, from the catalog."""
    entries = catalog.entries()
    return {
        entries[key.removeprefix(ENGLISH_LABELS)]: text
        for key, text in entries.items()
        if key.startswith(ENGLISH_LABELS) and key.removeprefix(ENGLISH_LABELS) in entries
    }
