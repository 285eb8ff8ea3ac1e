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

import functools
import re
from datetime import datetime
from typing import Literal

from dialogs import catalog, fragments
from dialogs.content import Window, current_content
from dialogs.dialog import MAX_MESSAGES, Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.reply_due import reply_due
from dialogs.messages import Choice, Text
from dialogs.office_hours import WEEKDAYS, TimeWindow, is_open, next_opening, to_tokyo
from dialogs.summary import labels_in_english, person_preview, urgency_of
from dialogs.understanding import classify
from dialogs.understanding.model import Understanding
from dialogs.understanding.romaji import as_kana

Language = Literal["en", "easy"]

EASY_MIN_WORDS = 3
"""A message in this many space-separated words, in hiragana and almost without kanji, is read as やさしい
日本語 (katakana alone is not: 「ケイタイモ モウスグ トマル」 is a native writer's plain Japanese)."""

EASY_MAX_KANJI = 1

FORM_QUESTIONS = "intake.ask_"
"""The states of the form's questions, which have English twins."""

REVIEW = "consent.review"
"""The consent screen's state (its buttons send the summary)."""

_KANJI = re.compile(r"[\u4e00-\u9fff]")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")

WINDOW_TOPICS = frozenset(
    {"faq.how_to_reach", "faq.what_is", "faq.hours", "faq.cost", "service.self_reliance", "talk.guidance"}
)
"""Intents answered with where to consult."""

NOT_UNDERSTOOD = frozenset({"fallback", "menu.heard_words", "menu.heard_again.a", "menu.heard_again.b"})
"""Replies that say the message was not understood (only kept): said in the person's language too."""

OFFICE_TOPICS = frozenset({"faq.how_to_reach"})
"""Intents that, asked in English, are answered with where the office is and whether it is open today."""

SENT_SAID = frozenset({"consent.sent", "followup.sent"})
"""Replies that say the consultation was sent (a typed yes, a question about it): said in their words too."""

URGENT_TOPICS = frozenset({"crisis", "crisis_child", "crisis_relative", "food", "utilities", "shelter"})
"""Short answers given in a language the person was known to need, even to a message in plain Japanese."""

DANGER_TOPICS = frozenset({"crisis", "crisis_child", "crisis_relative"})
"""Short answers about danger to life, which never end with the office's opening hours."""

WITHOUT_CLOSED_NOTE = DANGER_TOPICS | {"office", "food_tonight", "food_again", "again"}
"""Short answers that never end with 'the office is closed now': about danger, or saying themselves
whether the office is open (where it is; no food tonight, what to do until it opens)."""

SPEAKS = re.compile(r"\b(?:speaks?|speaking|reads?|reading|writes?|understands?|language)\b")
"""English words of speaking or reading a language, beside one of `other_language_en`."""

FOOD_WORDS_EN = ("food", "rice", "eat", "hungry")
"""English words that make a question about food (「Is there help for food?」) one for the food answer."""

ANSWERING_TOPICS = frozenset(
    {"visa", "visa_fear", "housing_benefit", "public_assistance", "office", "work", "losing_home"}
    | URGENT_TOPICS
)
"""Short answers that answer the question themselves: for someone writing in English, the Japanese
content answer on the same question is not sent after them."""

OTHER_LANGUAGE_RULES = "crisis_s11_lang13.yaml#other_"
"""Evidence of a cry for help or a wish to die in another language than Japanese or English (Portuguese,
Spanish, Chinese, Vietnamese, Tagalog): answered in English, with a word that staff may translate."""


def reply_language(dialog: Dialog) -> Language | None:
    """The language to answer in besides Japanese: English, やさしい日本語, or None."""
    understanding = dialog.understanding
    if understanding is None:
        return None
    if understanding.language == "en":
        return "en"
    if dialog.data.get(ROMAJI):
        return "easy"  # 「okane nai. 2nichi tabetenai」: Japanese typed in romaji, read in simple Japanese
    text = dialog.user_input.text
    spaced = len(text.split()) >= EASY_MIN_WORDS
    if spaced and _HIRAGANA.search(text) and len(_KANJI.findall(text)) <= EASY_MAX_KANJI:
        return "easy"  # spaced hiragana is for learners; a writer of katakana only reads plain Japanese
    return None


ROMAJI = "typed_in_romaji"
"""Set on a turn whose message was Japanese typed in romaji (the engine reads it as hiragana)."""


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
    if (
        language == "en"
        and fragments.holds_word_of(text, "other_language_en")
        and SPEAKS.search(text.lower())
    ):
        return "other_language"  # 「can my wife use this, she only speaks Tagalog」: her own language is fine
    if intents & {"cmd.human", "talk.listen"}:
        return "human"
    if language == "en" and intents & OFFICE_TOPICS:
        return "office"  # 「Where is the office? Can I go today?」: the address and today's hours
    if language == "en" and "job_search" in understanding.concerns:
        return "work"  # an employer holding a passport, wages not paid: a person, not the forms
    if "talk.language" in intents:
        return "language" if language == "en" else None  # the reply itself is in やさしい日本語
    if "ask.visa" in intents:  # 「visa wa tokutei ginou. daijoubu?」: open whatever the visa, in their words
        return "visa_fear" if fragments.holds_word_of(text, "immigration_fear") else "visa"
    if "service.public_assistance" in intents:
        return "public_assistance"
    leaving = "housing" in understanding.concerns and fragments.holds_word_of(text, "losing_home_en")
    if language == "en" and leaving:
        return (
            "losing_home"  # a company dormitory to leave: a place to stay for a while, not the rent benefit
        )
    if "service.housing_benefit" in intents or "housing" in understanding.concerns:
        return "housing_benefit"
    if intents & WINDOW_TOPICS or understanding.concerns:
        return "window"
    return "intro" if language == "en" else None


def short_answer(
    language: Language, topic: str, now: datetime, closed_note: bool = True, about: str = ""
) -> str:
    """The short answer on one topic, with the general window's name, phone and hours; outside office
    hours, in the same language, that the office is closed now and when it opens (not about danger:
    110, 119 and the lines named are open at every hour). Where the office is (`office`, in English)
    says whether it is open today. Without `closed_note`, the turn itself says when the office opens."""
    content = current_content()
    window = content.window(content.service("self_reliance").how_to_reach.window)
    desk = content.temporary_living_info.after_hours_desk
    english = language == "en"
    answer = catalog.text(
        f"lang.{language}.{topic}",
        council=content.municipality.council_name,
        window_name=window.name,
        phone=window.phone,
        hours=english_hours(window.hours) if english else window.hours_text,
        address=window.address,
        today=_open_today(window, now) if topic == "office" else "",
        desk_name=desk.name,
        desk_phone=desk.phone,
        yorisoi=_hotline("yorisoi"),
        opens=english_time(next_opening(now, content.office_hours)) if english else "",
        about=about,
    )
    hours = content.office_hours
    if is_open(now, hours) or topic in WITHOUT_CLOSED_NOTE or not closed_note:
        return answer
    opens = next_opening(now, hours)
    if english:
        when = english_time(opens)
    else:
        weekday = catalog.text("lang.easy.weekdays").split(",")[opens.weekday()].strip()
        when = catalog.text(
            "lang.easy.opens", weekday=weekday, month=opens.month, day=opens.day, time=f"{opens:%-H:%M}"
        )
    closed = catalog.text(f"lang.{language}.closed_now", opens=when)
    return f"{answer.rstrip()}\n{closed}"


def _open_today(window: Window, now: datetime) -> str:
    """Whether the window is open now, later today, or not today (and when it opens), in English."""
    hours = current_content().window_hours(window)
    local = to_tokyo(now)
    if is_open(now, hours):
        end = next(w.end for w in hours.weekly if w.covers(local))
        return catalog.text("lang.en.today_open", end=f"{end:%-H:%M}")
    opens = next_opening(now, hours)
    if opens.date() == local.date():
        return catalog.text("lang.en.today_later", opens=f"{opens:%-H:%M}")
    return catalog.text("lang.en.today_closed", opens=english_time(opens))


def asks_for_line_in_english(dialog: Dialog) -> bool:
    """Whether a message in English names LINE messages as the way to be contacted (「LINE message ok」
    「message please」), not turned down (「no LINE message」)."""
    text = dialog.user_input.text.lower()

    def says(name: str) -> bool:  # whole words: 「deadline ok」 is not 「line ok」
        return any(re.search(rf"\b{re.escape(words)}\b", text) for words in fragments.WORDS[name])

    return reply_language(dialog) == "en" and says("contact_line_en") and not says("contact_line_en_not")


def known_language(dialog: Dialog) -> Language | None:
    """The language the person was found to need earlier in the conversation (the draft notes it)."""
    needs = dialog.data.get("intake", {}).get("language") or []
    return next((need for need in reversed(needs) if need in ("en", "easy")), None)


EASY_FORMS: dict[str, str] = {
    "menu.concerns_heard": "lang.easy.concerns_heard",
    "draft.noted": "lang.easy.noted",
    "menu.next": "lang.easy.next",
    "menu.no_apology": "lang.easy.no_apology",
    "person.concern": "lang.easy.concern",
}
"""Catalog keys (or key prefixes) said in やさしい日本語 to someone who needs it, and their easy forms."""


ENGLISH_FORMS: dict[str, str] = {
    "menu.concerns_heard": "lang.en.concerns_heard",
    "menu.no_apology": "lang.en.no_apology",
    "person.concern": "en.person.concern",
}
"""Catalog keys (or key prefixes) said in English to someone who writes in it, and their English forms."""


def listed(dialog: Dialog, items: list[str]) -> str:
    """Items as one list in the words the person is answered in (「住まいのこと、仕事のこと」, "housing,
    work")."""
    if worded(dialog, "person.concern").startswith("en."):
        return functools.reduce(
            lambda first, then: catalog.text("en.preview.list", first=first, next=then), items
        )
    return catalog.text("summary.separator").join(items)


def worded(dialog: Dialog, key: str) -> str:
    """The catalog key (or prefix) to say `key` with: its やさしい日本語 form for someone who writes in it
    or was found to need it (「わたし しごと ない です」) or said they read little Japanese
    (「にほんご すこし」) and writes no English now, its English form for someone who writes in English
    (「I lost my job and I have no money for rent」), else `key` itself."""
    language = reply_language(dialog) or known_language(dialog)
    if language == "easy" or (language is None and said_little_japanese(dialog)):
        return EASY_FORMS.get(key, key)
    return ENGLISH_FORMS.get(key, key) if language == "en" else key


def said_little_japanese(dialog: Dialog) -> bool:
    """Whether the person was found to read little Japanese (「にほんご すこし」), even if they went on in
    English: the replies that have a やさしい日本語 form keep it, not paragraphs of standard Japanese."""
    return "easy" in (dialog.data.get("intake", {}).get("language_needs") or [])


def add_short_answer(dialog: Dialog) -> None:
    """Put a short answer in the person's language before the turn's reply, when there is one.

    A message in plain Japanese from someone known to need English or やさしい日本語 gets one only
    for danger, tonight's needs, or when it was not understood. A turn that raised the case to crisis
    gets the one about danger, whatever the words alone were about.
    """
    _remember_language(dialog)
    written_in = reply_language(dialog)
    other = in_other_language(dialog.understanding)
    language = written_in or known_language(dialog) or ("en" if other else None)
    if language is None or dialog.understanding is None or not dialog.messages:
        return
    topic = topic_of(dialog.understanding, language, dialog.user_input.text)
    if written_in == "en" and dialog.from_content and topic not in DANGER_TOPICS:
        topic = _instead_of_content(dialog, topic)
    if SENT_SAID & set(dialog.said):  # 「ぜんぶ おくって いい」「おくった？」: it is sent, and who reads it
        topic = "sent"
    if any(isinstance(effect, RaiseUrgency) and effect.level == "crisis" for effect in dialog.effects):
        topic = "crisis"  # danger read with the turns before (「まだ おきてる」): not the window's hours
    if topic in (None, "intro") and NOT_UNDERSTOOD & set(dialog.said):
        topic = "fallback"
    if written_in is None and topic not in (*URGENT_TOPICS, "fallback"):
        return
    if topic in ("intro", "fallback") and dialog.state.startswith(FORM_QUESTIONS) and written_in == "en":
        return  # 「I have debts too」 at a question: the form itself answers in English, no intro each time
    if topic in ("intro", "fallback", "human") and "addition.contact_added" in dialog.said:
        return  # 「call me after 6pm」 once sent: the reply says in English that it was added to the case
    if topic == "other_language" and "handoff" in dialog.data:
        topic, other = (
            "after_sent",
            True,
        )  # 「I speak Portuguese better」 once sent: it was sent, and her language
    if topic in ("intro", "fallback", "human") and "handoff" in dialog.data:
        topic = "after_sent"  # it was sent: no button to tap for a person, the reply says who reads it
    if topic == "intro" and dialog.state == REVIEW:
        topic = "human"  # on the consent screen, what matters is which button sends it
    if topic is None or (
        topic == "language" and dialog.data.get(REMEMBERED) == "en" and "talk.language" in dialog.said
    ):
        return  # 「English please」: the reply itself is said in English, not twice
    no_food = "no_food" in dialog.understanding.crisis_kinds
    closed = not is_open(dialog.now, current_content().office_hours)
    if topic == "food" and no_food and language == "en" and closed:
        topic = "food_tonight"  # 「I have no food tonight」: what to do tonight, not only when it opens
    situation = dialog.data.get("crisis", {}).get("situations", [None])[0]
    if topic == "crisis" and situation == "child":
        topic = "crisis_child"  # a child being hurt: 189, not the line for thoughts of dying
    if topic == "crisis" and situation == "relative_suicidal" and language == "en":
        topic = "crisis_relative"  # 「he might hurt himself」: what the family can do, not 'your life'
    topic, about = _once(dialog, topic, language)
    told_closed = "consent.lines_first" in dialog.said  # the lines open tonight say when it opens
    answer = short_answer(language, topic, dialog.now, closed_note=not told_closed, about=about)
    if other and topic in (
        *DANGER_TOPICS,
        "after_sent",
    ):  # 「socorro」「我想死」: staff may read their language too
        answer = f"{answer.rstrip()}\n{catalog.text(f'lang.{language}.translator')}"
    if topic in ("fallback", "other_language"):  # said in their words, not in Japanese they may not read
        dialog.messages[:] = [m for m in dialog.messages if m.text != catalog.text("fallback")]
    if topic in NEEDS_TOPICS and said_little_japanese(dialog):  # the short answer says it in their words
        guidance = {id(message) for message, key, _ in dialog.spoken if key in URGENT_GUIDANCE}
        dialog.messages[:] = [m for m in dialog.messages if id(m) not in guidance]
    dialog.put_first(answer)


ONCE_TOPICS = frozenset(
    {"visa", "visa_fear", "housing_benefit", "public_assistance", "work", "losing_home", "office"}
)
"""Short answers to a question, given in full once: asked again (「If we divorce, what happens to my visa?」
twice), the reply is short and different: what was asked, and that a person can help (`lang.en.again`)."""

GIVEN = "short_answers_given"
"""Where the conversation keeps the topics of the short answers given in English (names, no words)."""


def _once(dialog: Dialog, topic: str, language: Language) -> tuple[str, str]:
    """The topic to answer, and what was asked about when the same question comes again in English
    (the answer was given once: now 'you asked about X — a person can help')."""
    if language != "en" or topic not in (*ONCE_TOPICS, "food_tonight"):
        return topic, ""
    given = dialog.data.setdefault(GIVEN, [])
    if topic in given:  # no food tonight told again: the lines for tonight, briefly
        return (
            ("food_again", "")
            if topic == "food_tonight"
            else ("again", catalog.text(f"lang.en.about.{topic}"))
        )
    given.append(topic)
    return topic, ""


NEEDS_TOPICS = frozenset({"food", "food_tonight", "food_again", "utilities", "shelter"})
"""Short answers on tonight's needs, which tell what the Japanese guidance tells."""

URGENT_GUIDANCE = frozenset({"urgent.tonight", "urgent.info"})
"""The Japanese guidance on tonight's needs: left out for someone who said they read little Japanese
(「にほんご すこし」) once the short answer in their language has told it."""


def crisis_in_their_language(text: str, messages: tuple[Text, ...], now: datetime) -> tuple[Text, ...]:
    """The crisis resources sent at once (the webhook's fast path, before any turn) for a message in
    English, in another language (「socorro」「我想死」) or in spaced simple Japanese (「たすけて ください
    おねがいします」): the short answer about danger in their language first, and, but for simple
    Japanese, the buttons in English, as the turn itself would say them."""
    kana = as_kana(text)  # 「shinitai」: Japanese typed in romaji is answered in やさしい日本語
    understanding = classify(kana or text)
    other = in_other_language(understanding)
    language: Language | None = "en" if other or understanding.language == "en" else None
    if kana is not None:
        language = "easy"
    spaced = len(text.split()) >= EASY_MIN_WORDS
    if language is None and spaced and _HIRAGANA.search(text) and len(_KANJI.findall(text)) <= EASY_MAX_KANJI:
        language = "easy"
    if language is None or not messages:
        return messages
    relative = language == "en" and fragments.english_relative_at_risk(text)
    answer = short_answer(language, "crisis_relative" if relative else "crisis", now)
    if other:
        answer = f"{answer.rstrip()}\n{catalog.text(f'lang.{language}.translator')}"
    said = list(messages)
    if language == "en" and said[-1].choices:
        english = english_labels()
        last = said[-1]
        said[-1] = Text(last.text, tuple(Choice(english.get(c.label, c.label), c.data) for c in last.choices))
    if len(said) < MAX_MESSAGES:
        return (Text(answer), *said)
    return (Text(f"{answer}\n\n{said[0].text}", said[0].choices), *said[1:])


REMEMBERED = "reply_language"
"""Where the conversation keeps the language of the person's last typed message (English only)."""


def in_other_language(understanding: Understanding | None) -> bool:
    """Whether danger was read in another language than Japanese or English (「socorro」「我想死」)."""
    return understanding is not None and any(
        evidence.rule.startswith(OTHER_LANGUAGE_RULES) for evidence in understanding.evidence
    )


def _instead_of_content(dialog: Dialog, topic: str | None) -> str:
    """For someone writing in English, take out the Japanese-only content answers of this turn: the short
    answer on the same question stands for them, or, where there is none, a word that a staff member
    can explain it in English (「is free?」 is answered once, in English, not twice)."""
    dropped = {id(message) for message in dialog.from_content}
    dialog.messages[:] = [message for message in dialog.messages if id(message) not in dropped]
    intents = set(dialog.understanding.intents) if dialog.understanding else set()
    if topic in ANSWERING_TOPICS or (topic == "window" and intents & WINDOW_TOPICS):
        return topic
    return "in_japanese_only"


def needs_english(dialog: Dialog) -> bool:
    """Whether the person was found to need English (the sheet's 「英語での対応が必要」)."""
    return "en" in dialog.data.get("intake", {}).get("language_needs", [])


def _remember_language(dialog: Dialog) -> None:
    """After a typed message, keep answering in English while the person writes in English, and also when
    someone who needs English writes simple Japanese (「たすけて ください」「わたし しごと なくなった」);
    Japanese written with kanji, as a fluent writer writes it, turns the replies back to Japanese."""
    if dialog.user_input.kind != "text":
        return
    text = dialog.user_input.text
    fluent = len(_KANJI.findall(text)) > EASY_MAX_KANJI
    if reply_language(dialog) == "en" or in_other_language(dialog.understanding):
        dialog.data[REMEMBERED] = "en"  # 「救命」「cứu tôi」: the buttons named in the English answer
    elif needs_english(dialog) and not fluent:
        dialog.data[REMEMBERED] = "en"
    else:
        dialog.data.pop(REMEMBERED, None)


ENGLISH_LABELS = "label.en."
"""Catalog keys of the English button labels: `label.en.<key of the Japanese label>`."""


def follow_language(dialog: Dialog) -> None:
    """Give the turn's messages and buttons in English while the person writes in English.

    A typed message sets the language (English, or back to Japanese); a tapped button keeps the one
    of the last typed message, so the next buttons read as the ones tapped. A message said from the
    catalog is said in English when the catalog has its English twin (`en.<key>`): the consent screen,
    「お送りしました」, what to do about an urgent need; the rest stays in Japanese.
    """
    _remember_language(dialog)
    if dialog.data.get(REMEMBERED) != "en" or not dialog.messages:
        return
    _say_in_english(dialog)
    last = dialog.messages[-1]
    if not last.choices:
        return
    english = english_labels()
    choices = tuple(Choice(_label_in_english(choice.label, english), choice.data) for choice in last.choices)
    dialog.messages[-1] = Text(last.text, choices)


def _label_in_english(label: str, english: dict[str, str]) -> str:
    """A button label in English when it has a twin; a ticked option (「✓ 住まいのこと」) as its ticked
    twin."""
    if label in english:
        return english[label]
    ticked = catalog.text("opt.ticked", label="")
    if label.startswith(ticked) and label.removeprefix(ticked) in english:
        return catalog.text("opt.ticked", label=english[label.removeprefix(ticked)])
    return label


ENGLISH_TEXTS = "en."
"""Catalog keys of the English twins of the bot's messages: `en.<key of the Japanese message>`."""


def _say_in_english(dialog: Dialog) -> None:
    """Replace each message said from the catalog by its English twin, when there is one (a message
    sent ready-made is known by its text, when its catalog entry has no fields)."""
    entries = catalog.entries()
    english = english_fields(dialog)
    spoken = {id(message): (key, fields) for message, key, fields in dialog.spoken}
    fixed = _fixed_texts_with_twins()
    for at, message in enumerate(dialog.messages):
        key, fields = spoken.get(id(message), (fixed.get(message.text), {}))
        twin = f"{ENGLISH_TEXTS}{key}"
        if key is None and "\n" in message.text:  # a question with what is chosen under it, line by line
            dialog.messages[at] = Text(_lines_in_english(message.text, fixed), message.choices)
        if key is not None and twin in entries:
            said_fields = {**fields, **english}
            if "preview" in fields:  # what will be sent, listed in English (the sheet stays in Japanese)
                said_fields["preview"] = person_preview(dialog.data, "en")
            if "items" in fields:  # what was noted or added (「電話」「連絡の時間帯」), named in English
                said_fields["items"] = labels_in_english(str(fields["items"]))
            dialog.messages[at] = Text(catalog.text(twin, **said_fields), message.choices)


def _lines_in_english(text: str, fixed: dict[str, str]) -> str:
    """A message made of catalog lines (a question, 「いま選んでいるもの：…」, the ✓ hint) with each line
    that has an English twin said in English; the message as it is when its first line has none."""
    lines = text.split("\n")
    if lines[0] not in fixed:
        return text
    selected = catalog.text("intake.selected", items="")
    said = []
    for line in lines:
        if line in fixed:
            said.append(catalog.text(f"{ENGLISH_TEXTS}{fixed[line]}"))
        elif line.startswith(selected):
            items = labels_in_english(line.removeprefix(selected))
            said.append(catalog.text(f"{ENGLISH_TEXTS}intake.selected", items=items))
        else:
            said.append(line)
    return "\n".join(said)


def _fixed_texts_with_twins() -> dict[str, str]:
    """Catalog text without fields -> its key, for the entries that have an English twin."""
    entries = catalog.entries()
    return {
        text: key for key, text in entries.items() if f"{ENGLISH_TEXTS}{key}" in entries and "{" not in text
    }


def english_fields(dialog: Dialog) -> dict[str, str]:
    """What the English twins may name: the council, the general window and its hours in English, and
    when a person reads what is sent."""
    content = current_content()
    window = content.window(content.municipality.front_window)
    closed = "" if is_open(dialog.now, content.office_hours) else catalog.text("lang.en.office_closed")
    desk = content.temporary_living_info.after_hours_desk
    return {
        "opens": english_time(next_opening(dialog.now, content.office_hours)),
        "desk_name": desk.name,
        "desk_phone": desk.phone,
        "yorisoi": _hotline("yorisoi"),
        "council": content.municipality.council_name,
        "window_name": window.name,
        "phone": window.phone,
        "address": window.address,
        "hours": english_hours(window.hours),
        "reply_by": english_time(reply_due(dialog, urgency_of(dialog.data))),
        "closed_now": f"{closed} " if closed else "",
    }


def _hotline(hotline_id: str) -> str:
    """The number of a hotline in the content (「0120-279-338」), or '' when it has none."""
    return next((h.number or "" for h in current_content().hotlines if h.id == hotline_id), "")


def english_time(moment: datetime) -> str:
    """'Tuesday 1 December, 8:30' in Tokyo time."""
    local = to_tokyo(moment)
    return f"{local:%A} {local.day} {local:%B}, {local:%-H:%M}"


def english_hours(windows: list[TimeWindow]) -> str:
    """Opening hours in English: 'Monday to Friday 8:30–17:00, closed on national holidays and from
    29 December to 3 January'."""
    names = catalog.text("lang.en.weekdays").split(",")
    parts = []
    for window in windows:
        days = sorted(WEEKDAYS.index(day) for day in window.days)
        if len(days) == len(WEEKDAYS):
            when = catalog.text("lang.en.every_day")
        elif len(days) >= 3 and days[-1] - days[0] == len(days) - 1:
            when = catalog.text(
                "lang.en.day_range", first=names[days[0]].strip(), last=names[days[-1]].strip()
            )
        else:
            when = ", ".join(names[i].strip() for i in days)
        parts.append(f"{when} {window.start:%-H:%M}–{window.end:%-H:%M}")
    hours = current_content().office_hours
    closed = "lang.en.closed_holidays" if hours.national_holidays_closed else ""
    if hours.year_end_closed:
        closed = "lang.en.closed_holidays_year_end" if closed else "lang.en.closed_year_end"
    return " ".join(["; ".join(parts), *([catalog.text(closed)] if closed else [])])


def english_labels() -> dict[str, str]:
    """Japanese button label -> its English label, from the catalog."""
    entries = catalog.entries()
    return {
        entries[key.removeprefix(ENGLISH_LABELS)]: text
        for key, text in entries.items()
        if key.startswith(ENGLISH_LABELS) and key.removeprefix(ENGLISH_LABELS) in entries
    }
