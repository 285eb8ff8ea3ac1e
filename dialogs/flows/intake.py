"""The intake (相談受付票): one question per message, each skippable, with back, later, restart and stop.

The questions are data (`dialogs.intake_form.QUESTIONS`); this module turns them into states and a
transition table. Moving forward or back skips questions that do not apply (the relation question
only for family and supporters, the asker's own wellbeing only for family members), so every
conditional step is a row with its condition, visible in `intake.mmd`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from transitions import EventData

from dialogs import catalog, fragments
from dialogs.content import current_content
from dialogs.dialog import Dialog, dialog_of
from dialogs.flows import consent, draft, followup, languages
from dialogs.flows.answers import SENTENCE, answer_detour, told_time_inside
from dialogs.flows.common import show_menu
from dialogs.flows.reply_due import open_handoff
from dialogs.intake_form import (
    BY_KEY,
    QUESTIONS,
    SUPPORTER_RELATIONS,
    Answers,
    Question,
    age_band_in,
    asked,
    match_options,
    pick_option,
    unitless_number,
)
from dialogs.messages import Choice, Text
from dialogs.summary import labels_in_english
from dialogs.understanding.classifier import classify
from dialogs.understanding.entities import (
    LATE_NIGHT,
    LIVES_TOGETHER,
    bare_contact_time,
    duration_id,
    lives_apart_denied,
    lives_apart_told,
    relative_named,
)


class States(StrEnum):
    """One state per question of the form, stored as readable strings."""

    ASK_ASKER = "intake.ask_asker"
    ASK_RELATION = "intake.ask_relation"
    ASK_AGE_BAND = "intake.ask_age_band"
    ASK_DURATION = "intake.ask_duration"
    ASK_CONCERNS = "intake.ask_concerns"
    ASK_HOPES = "intake.ask_hopes"
    ASK_DISTRICT = "intake.ask_district"
    ASK_CONTACT = "intake.ask_contact"
    ASK_CONTACT_TIMES = "intake.ask_contact_times"
    ASK_CONSIDERATIONS = "intake.ask_considerations"
    ASK_ASKER_DISTRESS = "intake.ask_asker_distress"
    ASK_ASKER_SITUATION = "intake.ask_asker_situation"
    ASK_OWN_WORDS = "intake.ask_own_words"


STATE_OF: Mapping[str, States] = {q.key: States(f"intake.ask_{q.key}") for q in QUESTIONS}
QUESTION_AT: Mapping[str, Question] = {STATE_OF[q.key].value: q for q in QUESTIONS}
QUESTION_STATES = [state.value for state in States]


# ---------------------------------------------------------------- stored intake data


def form(dialog: Dialog) -> dict[str, Any]:
    """The intake in progress: answers, skipped keys, the page shown, the state to resume at."""
    return draft.form_of(dialog)


def answers_of(dialog: Dialog) -> dict[str, dict[str, Any]]:
    """The answers given so far."""
    answers: dict[str, dict[str, Any]] = form(dialog)["answers"]
    return answers


def has_unfinished(dialog: Dialog) -> bool:
    """Whether an intake was started and neither sent, declined for good, nor stopped."""
    return (
        dialog.state in QUESTION_STATES
        or dialog.state == consent.States.REVIEW
        or bool(dialog.data.get("intake", {}).get("resume"))
    )


def resume_state(dialog: Dialog) -> str | None:
    """The question (or review) an unfinished intake resumes at."""
    if dialog.state in QUESTION_STATES or dialog.state == consent.States.REVIEW:
        return dialog.state
    resume = dialog.data.get("intake", {}).get("resume")
    return str(resume) if resume else None


def takes_words(state: str) -> bool:
    """Whether typed text in this state is kept as (part of) the answer to a question."""
    question = QUESTION_AT.get(state)
    return question is not None and question.free_text


PRIVACY_ASKED_MAX_CHARS = 40
"""A longer message at a question that keeps words tells more than a question about privacy."""

PRIVACY_ASKED = frozenset(
    {
        "faq.confidentiality",
        "talk.privacy_fear",
        "talk.privacy_work",
        "talk.privacy_line",
        "talk.privacy_staff",
    }
)
"""Readings of a question whether others find out (「会社にバレますか」「家族に知られますか」
「誰が見るの？」)."""


def asks_privacy_at_a_question(dialog: Dialog) -> bool:
    """Whether short words typed at a question that keeps words ask whether others find out (「会社にバレます
    か」「家族に知られますか」), ending as a question: answered, then the question again. Told, not asked
    (「家族には知られたくない」), they are the answer (a 配慮)."""
    understanding = dialog.understanding
    text = dialog.user_input.text.strip()
    if understanding is None or not takes_words(dialog.state) or len(text) > PRIVACY_ASKED_MAX_CHARS:
        return False
    return bool(PRIVACY_ASKED & set(understanding.intents)) and _asks_a_question(text)


def takes_free_text(state: str) -> bool:
    """Whether typed text in this state is kept as the answer to a question."""
    question = QUESTION_AT.get(state)
    return question is not None and question.free_text and not question.multi


def says_done_choosing(dialog: Dialog) -> bool:
    """Whether typed words at a question that takes several answers say the choosing is done
    (「おわり」「以上です」), as its 選び終わった button does."""
    question = QUESTION_AT.get(dialog.state)
    typed = dialog.user_input.kind == "text" and fragments.is_word_of(dialog.user_input.text, "done_choosing")
    return question is not None and question.multi and typed


STEPS_AWAY_MAX_CHARS = 30
"""A longer message inside the form is an answer or a story, never stepping away."""


def _in_form(dialog: Dialog) -> bool:
    """Whether the conversation is at a question of the form or at its review."""
    return dialog.state in QUESTION_STATES or dialog.state == consent.States.REVIEW


def steps_away(dialog: Dialog) -> bool:
    """Whether a short message inside the form steps away for a while (「ちょっと休憩」「ごめん　お母さん
    起きてきたかも　あとで」): the form pauses and nothing of it is written down. Danger is never a pause."""
    text = dialog.user_input.text.strip() if dialog.user_input.kind == "text" else ""
    understanding = dialog.understanding
    if not text or len(text) > STEPS_AWAY_MAX_CHARS or not _in_form(dialog):
        return False
    if understanding is not None and understanding.crisis != "none":
        return False
    return fragments.holds_word_of(text, "steps_away")


def comes_back(dialog: Dialog) -> bool:
    """Whether the whole message says the person is back (「もどった」「ただいま」)."""
    text = dialog.user_input.text if dialog.user_input.kind == "text" else ""
    return bool(text.strip()) and fragments.is_word_of(text, "back_again")


def welcome_back(dialog: Dialog) -> bool:
    """Inside the form, greet a person who is back (「もどった」) and ask the question again, writing
    nothing down; False elsewhere."""
    if not _in_form(dialog) or not comes_back(dialog):
        return False
    dialog.say("intake.welcome_back")
    return True


def start_fresh(event: EventData) -> None:
    """Start the form from what the person already wrote (from nothing on 「最初から」) and introduce it."""
    dialog: Dialog = dialog_of(event)
    kept = dialog.data.get("intake", {}) if event.event.name != "restart" else {}
    dialog.data["intake"] = {
        **draft.empty_form(),
        "answers": kept.get("answers", {}),
        "heard": kept.get("heard", []),
    }
    dialog.say("intake.intro")


def gather(dialog: Dialog) -> list[str]:
    """Gather a typed message into the draft form; the fields it filled.

    The reading is first taken in the conversation's light (`draft.of_grown_people`,
    `draft.of_appetite_lost`), for the whole turn. The message's words are kept among the person's
    own words unless the question being asked stores them as its answer anyway (a crisis message is
    always kept: no question handles it), or they answer whether to send. Inside a form (a question or
    its review) the words go to that draft only, even with a case already sent: the form promises that
    nothing is sent until the person chooses to send it.
    """
    if dialog.understanding is not None:
        text = dialog.user_input.text
        reading = draft.of_grown_people(dialog.understanding, dialog.data, text)
        dialog.understanding = draft.of_denials(draft.of_appetite_lost(reading, text), text)
        if told_time_inside(dialog):  # 「4年いました」 after 「先週出所しました」: time served, no 期間
            dialog.understanding = draft.without_entities(dialog.understanding, "duration")
    if dialog.state == "menu.confirm_delete" or field_to_edit(dialog) is not None:
        return []
    if draft.correction_of(dialog) is not None or _takes_off(dialog) or draft.says_writer_is_the_one(dialog):
        return []  # 「年代が…になってるけど私は30代です」「子どものことは書かなくていい」: a change
    if steps_away(dialog) or comes_back(dialog) or consent.wants_to_think(dialog):
        return []  # 「ちょっと休憩」「もどった」 (in the form or at the menu): a pause, nothing to write down
    if takes_back(dialog):
        return []  # 「忘れてください」「送ったのを取り消したいです。彼にばれたら怖い」: never for staff
    if fragments.hides_from_staff(dialog.user_input.text) or consent.asks_on_review(dialog):
        return []  # 「相談員さんに生活保護のことは伏せて」「誰が読むの？」 are answered, never written down
    understanding = dialog.understanding
    crisis = understanding is not None and understanding.crisis != "none"
    question = QUESTION_AT.get(dialog.state)
    stored_as_answer = question is not None and question.free_text
    about_sending = consent.speaks_of_sending(dialog)  # 「送る。やりとりも」「窓口とかはいい」: no story
    about_sending = about_sending or consent.asks_a_change_to_send(dialog)  # 「…は書かないで、…送って」
    keep_words = (crisis or not stored_as_answer) and not about_sending
    filled = draft.listen(dialog, keep_words=keep_words, asking=question.key if question else None)
    notable = (*NOTED_FIELDS, *(NOTED_AFTER_WELCOME if dialog.state != "menu.start" else ()))
    noted = [key for key in filled if key in notable and (question is None or key != question.key)]
    if "asker" in noted and "relation" in noted:
        noted.remove("relation")
    noted = [key for key in noted if not answers_of(dialog).get(key, {}).get("guess")]
    bed_only = understanding is None or set(understanding.crisis_kinds) <= {"no_shelter"}
    if "urgency" in filled and bed_only and not dialog.data.get("with_person"):
        dialog.say(
            "urgent.bed_found"
        )  # 「いまはかれしのいえいるからねるとこはある」: no longer no bed tonight
    if crisis or dialog.data.get("with_person"):  # a person reading: the bot is quiet
        return filled
    _acknowledge_a_loss(dialog)
    told = [catalog.text(f"question.{key}") for key in followup.CONTACT_FIELDS if key in filled]
    in_form = question is not None or dialog.state == consent.States.REVIEW
    at_contact = question is not None and question.key == "contact"
    asked = question is not None and dialog.state != consent.States.REVIEW  # the send screen adds it itself
    if asked and followup.note_phone_number(dialog, answers_of(dialog), as_the_way=at_contact):
        return [*filled, "contact"]  # 「090-1234-5678です」 in the form: on the draft, sent only if sent
    if not in_form and followup.pass_on_phone_number(dialog, answers_of(dialog)):
        return [*filled, "contact"]  # 「090-1234-5678だ」: how to reach them, on the draft or the sent case
    if not in_form and followup.pass_on_contact(dialog, filled, catalog.text("summary.separator").join(told)):
        return filled
    if noted:
        labels = [_noted_label(answers_of(dialog), key) for key in noted]
        said_as = languages.worded(dialog, "draft.noted")
        items = catalog.text("summary.separator").join(labels)
        dialog.say(said_as, items=labels_in_english(items) if said_as.startswith("en.") else items)
    _ask_for_a_safe_number(dialog, filled)
    if "considerations" in noted and says_phone_is_hard(dialog):
        dialog.say("draft.chat_is_fine")  # 「でんわ にがて」: noted, and nothing here needs a call
    if "district" in noted and not answers_of(dialog)["district"].get("choice"):
        names = catalog.text("summary.separator").join(d.name for d in current_content().districts)
        dialog.say("draft.district_which", names=names)
    return filled


def says_phone_is_hard(dialog: Dialog) -> bool:
    """Whether typed words say the phone is hard for the writer (「でんわ にがて」「電話は苦手です」),
    read as a thing to take care about, not as a way to be reached."""
    understanding = dialog.understanding
    entities = understanding.entities if understanding is not None else ()
    cautious = any(entity.kind == "consideration" for entity in entities)
    return cautious and fragments.cannot_phone(dialog.user_input.text)


PARENT_LOST = re.compile(
    r"(?:(?P<mother>母|おふくろ|お袋|かあさん|母親)|(?P<father>父|おやじ|親父|とうさん|父親))"
    r"[^。、]{0,6}?(?:亡くな|他界|逝)"
)
"""Which parent the words tell died (「先月父が亡くなって、母も高齢なので」: the father)."""


def _ask_for_a_safe_number(dialog: Dialog, filled: list[str]) -> None:
    """When she asks to be phoned because this LINE is not safe (「連絡はLINEだと見られるので…電話をもらえま
    せんか」), ask for a number safe to call, or say she can call the window herself."""
    answers = answers_of(dialog)
    contact = answers.get("contact", {})
    if "contact" not in filled or contact.get("choice") != "phone" or not draft.line_unsafe(answers):
        return
    if contact.get("words"):  # a number already given
        return
    window = current_content().window_for_district(answers.get("district", {}).get("choice"))
    dialog.say(
        "draft.safe_number",
        window_name=window.name,
        window_phone=window.phone,
        window_hours=window.hours_text,
    )


def takes_back(dialog: Dialog) -> bool:
    """Whether typed words ask to take back what was written or sent (「やっぱり大丈夫です。忘れてください」
    「やっぱり送ったのを取り消したいです。彼にばれたら怖い」): answered with deletion or withdrawal, never
    written down or added to a case."""
    understanding = dialog.understanding
    if dialog.user_input.kind != "text" or understanding is None or understanding.crisis != "none":
        return False
    asks = fragments.asks_to_forget(dialog.user_input.text)
    return asks or ("talk.withdraw" in understanding.intents and followup.has_sent(dialog))


def _acknowledge_a_loss(dialog: Dialog) -> None:
    """Say once that a wife's or husband's death was heard (「妻は去年亡くなって」), or a parent's
    (「先月父が亡くなって」), before the reply."""
    text = dialog.user_input.text
    spouse = fragments.tells_spouse_lost(text)
    if dialog.data.get("loss_heard") or not (spouse or fragments.tells_parent_lost(text)):
        return
    if languages.reply_language(dialog) == "en":
        return
    dialog.data["loss_heard"] = True
    if spouse:
        dialog.say("draft.spouse_lost")
    else:
        lost = PARENT_LOST.search(text)
        who = "family" if lost is None else "mother" if lost.group("mother") else "father"
        dialog.say("draft.parent_lost", who=catalog.text(f"draft.parent_lost_who.{who}"))


NOTED_FIELDS = (
    "asker",
    "relation",
    "age_band",
    "asker_age_band",
    "duration",
    "district",
    "contact",
    "asker_situation",
)
"""Fields filled from free text that the person is told about (concerns are reflected where asked)."""

NOTED_AFTER_WELCOME = ("contact_times", "considerations")
"""Fields the person is told were noted once the welcome was said (a first message is welcomed first;
its caution is still kept)."""


NOTED_WORDS = 30
"""How much of the writer's own situation is quoted back when it was noted."""


def _noted_label(answers: Answers, key: str) -> str:
    """How one field filled from text is named back to the person."""
    if key == "hopes":
        return catalog.text("draft.noted_hope")
    if key == "considerations" and draft.line_unsafe(answers):  # 「LINEだと見られるので」: said back as kept
        return catalog.text("summary.quote", words=catalog.text("consideration.no_line"))
    if key == "considerations":
        return catalog.text("draft.noted_consideration")
    if key == "asker_situation":
        return _noted_situation(answers)
    if key == "asker" and answers.get("relation", {}).get("from_text"):
        relation = str(answers["relation"]["choice"])
        noted = "draft.noted_supporter" if relation in SUPPORTER_RELATIONS else "draft.noted_relation"
        return catalog.text(noted, label=BY_KEY["relation"].label(relation))
    answer = answers.get(key, {})
    hours = draft.HOURS_TYPED.search(str(answer.get("words", "")))
    if key == "contact_times" and answer.get("choice") and hours:  # 「平日の日中（12時〜13時）」
        return catalog.text("summary.quote", words=draft.contact_time_text(answers))
    if not answer.get("choice") and answer.get("words"):  # a time no option fits (「夜中なら返せる」)
        return catalog.text("summary.quote", words=str(answer["words"]).split("\n")[-1])
    question = BY_KEY["age_band" if key == "asker_age_band" else key]
    options = [answer.get("choice", ""), *([answer["also"]] if answer.get("also") else [])]
    shown = catalog.text("summary.separator").join(
        catalog.text("summary.quote", words=question.label(str(option))) for option in options
    )
    whose = _whose_age(answers, key)
    return catalog.text(whose, label=shown) if whose else shown


def _noted_situation(answers: Answers) -> str:
    """The writer's own situation named back as the latest words say it: living apart and visiting
    (「別に住んでて、週末だけ様子見に行ってる」), living together (「同居しております」), or their words."""
    lines = str(answers.get("asker_situation", {}).get("words", "")).split("\n")
    latest = lines[-1].strip()
    if lives_apart_told(latest):
        return catalog.text("draft.noted_situation")
    if LIVES_TOGETHER.search(latest) or lives_apart_denied(latest):
        return catalog.text("draft.noted_together")
    short = latest if len(latest) <= NOTED_WORDS else latest[:NOTED_WORDS] + "…"
    return catalog.text("draft.noted_own_words", words=short)


def _whose_age(answers: Answers, key: str) -> str | None:
    """The catalog key naming whose age a noted age band is (the writer's own, or ご本人's when the
    writer is someone else); None for other fields and for a person writing of themself."""
    if key == "asker_age_band":
        return "draft.noted_own_age"
    if key == "age_band" and answers.get("asker", {}).get("choice") in ("family", "supporter"):
        return "draft.noted_their_age"
    return None


def remember_place(event: EventData) -> None:
    """Keep the question (or review) the person is leaving, to resume there later."""
    dialog: Dialog = dialog_of(event)
    place = resume_state(dialog)
    if place is not None:
        form(dialog)["resume"] = place


def discard(event: EventData) -> None:
    """Forget the form in progress."""
    dialog_of(event).data.pop("intake", None)


# ---------------------------------------------------------------- asking


def _current(dialog: Dialog) -> Question:
    """The question asked in the current state."""
    return QUESTION_AT[dialog.state]


def _prompt_key(question: Question, answers: Answers) -> str:
    """The catalog key of a question's wording (some differ for the person themself and others)."""
    if question.key == "relation":
        return (
            "q.relation.supporter"
            if answers.get("asker", {}).get("choice") == "supporter"
            else "q.relation.family"
        )
    if question.by_asker:
        return f"q.{question.key}.{'self' if answers.get('asker', {}).get('choice') == 'self' else 'other'}"
    return f"q.{question.key}"


def _nav(question: Question) -> tuple[Choice, ...]:
    """Skip, back, later and stop: offered with every question."""
    return (
        Choice(catalog.text("nav.skip"), f"skip:{question.key}"),
        Choice(catalog.text("nav.back"), "back"),
        Choice(catalog.text("nav.later"), "later"),
        Choice(catalog.text("nav.stop"), "stop"),
    )


def _option_choices(question: Question, answers: Answers, page: int) -> tuple[Choice, ...]:
    """The options shown now: one page of them, ticked when already chosen for a multi-select."""
    options = question.options(answers)
    if question.page_size:
        options = options[page * question.page_size : (page + 1) * question.page_size]
    chosen = answers.get(question.key, {}).get("choices", [])
    trigger = "toggle" if question.multi else "answer"
    return tuple(
        Choice(
            catalog.text("opt.ticked", label=question.label(o)) if o in chosen else question.label(o),
            f"{trigger}:{question.key}.{o}",
        )
        for o in options
    )


def _more_choices(question: Question, answers: Answers) -> tuple[Choice, ...]:
    """'Show other options' when paged, and 'done' for a multi-select."""
    more = []
    if question.page_size and len(question.options(answers)) > question.page_size:
        more.append(Choice(catalog.text("nav.next_page"), f"page:{question.key}"))
    if question.multi:
        more.append(Choice(catalog.text("nav.done"), f"done:{question.key}"))
    return tuple(more)


def question_message(dialog: Dialog) -> Text:
    """The current question as one message, with its options and the navigation choices."""
    question = _current(dialog)
    answers = answers_of(dialog)
    text = catalog.text(_prompt_key(question, answers))
    chosen = answers.get(question.key, {}).get("choices", [])
    if question.multi and chosen:
        labels = catalog.text("summary.separator").join(question.label(c) for c in chosen)
        text = f"{text}\n{catalog.text('intake.selected', items=labels)}"
        if any(c in chosen for c in answers.get(question.key, {}).get(draft.TICKED_FROM_TEXT, [])):
            text = (
                f"{text}\n{catalog.text('intake.ticked_hint')}"  # try-out 14: a tap to confirm took one off
            )
    choices = (
        _option_choices(question, answers, form(dialog)["page"])
        + _more_choices(question, answers)
        + _nav(question)
    )
    return Text(text, choices)


def ask(dialog: Dialog) -> None:
    """Ask the current question."""
    dialog.send(question_message(dialog))


def ask_from_top(event: EventData) -> None:
    """Show a newly entered question from its first page of options."""
    form(dialog_of(event))["page"] = 0
    ask(dialog_of(event))


def ask_again(event: EventData) -> None:
    """Ask the current question again (after a toggle, a page turn, or a detour)."""
    ask(dialog_of(event))


# ---------------------------------------------------------------- conditions


def _value(event: EventData) -> tuple[str, str]:
    """The (question key, option id) a tapped choice carries."""
    key, _, option = dialog_of(event).value().partition(".")
    return key, option


def is_valid_option(event: EventData) -> bool:
    """The tapped option belongs to the question being asked (old buttons are ignored)."""
    dialog: Dialog = dialog_of(event)
    question = _current(dialog)
    key, option = _value(event)
    return key == question.key and option in question.options(answers_of(dialog))


def is_for_this_question(event: EventData) -> bool:
    """A skip or done typed, or tapped on this question's own button."""
    dialog: Dialog = dialog_of(event)
    key = dialog.value()
    return key in {"", _current(dialog).key}


def names_an_option(event: EventData) -> bool:
    """Typed text clearly names one of the options (or the reading of it just filled this question)."""
    dialog: Dialog = dialog_of(event)
    return _typed_option(dialog) is not None


def names_an_option_here(dialog: Dialog) -> bool:
    """Whether typed text at a question with options names one (「私自身のことです」 at the role
    question): it is the answer, not talk to reply to."""
    question = QUESTION_AT.get(dialog.state)
    return (
        question is not None and pick_option(question, answers_of(dialog), dialog.user_input.text) is not None
    )


def _typed_option(dialog: Dialog) -> str | None:
    """The option typed text names: by its words, else the one the reading filled from it (「中央や」)."""
    question = _current(dialog)
    answers = answers_of(dialog)
    if _only_cautions_about_contact(dialog, question):
        return None
    if question.key == "contact" and _asks_a_question(dialog.user_input.text):
        return _way_wished(dialog)
    if question.key == "age_band" and _tells_a_relatives_age(dialog):
        return None  # 「子どもは小2がひとりいます」 at the writer's own age: the child's, not theirs
    option = pick_option(question, answers, dialog.user_input.text)
    if option is None and _read_from_text(dialog):
        option = str(answers[question.key]["choice"])
    return option


def _tells_a_relatives_age(dialog: Dialog) -> bool:
    """Whether words typed at the writer's own age question tell a relative's age instead (「子どもは小2が
    ひとりいます」「息子は中1です」): a relative named, and no word saying the age is the writer's."""
    text = dialog.user_input.text
    own = answers_of(dialog).get("asker", {}).get("choice") in (None, "self")
    return own and relative_named(text) is not None and not any(word in text for word in draft.WRITER_WORDS)


ASKING_ENDS = ("?", "？", "か", "かな", "かね", "でしょうか")
"""How a sentence ends when it asks (「FAXでも大丈夫ですか」「手話通訳とか窓口にいますか」)."""


def _asks_a_question(text: str) -> bool:
    """Whether any sentence of typed text asks something."""
    return any(
        sentence.strip().rstrip("。!！ 　").endswith(ASKING_ENDS) for sentence in SENTENCE.findall(text)
    )


def _way_wished(dialog: Dialog) -> str | None:
    """The way of contact the reading found wished for in typed text that also asks (「メールかFAXでも大丈夫
    ですか？お返事も電話じゃなくて文字でほしいです」 → this LINE); None when it only asks: a question about
    a way is answered, not taken as the choice."""
    entities = dialog.understanding.entities if dialog.understanding is not None else ()
    return next((str(e.value) for e in entities if e.kind == "contact"), None)


def _only_cautions_about_contact(dialog: Dialog, question: Question) -> bool:
    """Whether text at the contact question names a way only to ask it be avoided (「家の電話には
    かけないでください」): no way is chosen."""
    understanding = dialog.understanding
    entities = understanding.entities if understanding is not None else ()
    chosen = any(entity.kind in ("contact", "contact_also") for entity in entities)
    return question.key == "contact" and bool(_cautions_typed(dialog)) and not chosen


def _read_from_text(dialog: Dialog) -> bool:
    """Whether the reading of the typed text filled the current question with one of its options."""
    question = _current(dialog)
    answers = answers_of(dialog)
    answer = answers.get(question.key, {})
    return bool(answer.get("from_text")) and answer.get("choice") in question.options(answers)


def _applies(question: Question) -> Callable[[EventData], bool]:
    """A transition condition: the question applies given the answers so far."""

    def condition(event: EventData) -> bool:
        return question.applies(answers_of(dialog_of(event)))

    condition.__name__ = question.when.__name__ if question.when else "always"
    return condition


def _asks(question: Question) -> Callable[[EventData], bool]:
    """A transition condition: the question applies and was not said in free text (a guess is asked)."""

    def condition(event: EventData) -> bool:
        answers = answers_of(dialog_of(event))
        answer = answers.get(question.key, {})
        return question.applies(answers) and not (answer.get("from_text") and not answer.get("guess"))

    condition.__name__ = f"asks_{question.key}"
    return condition


def resumes_at(state: str) -> Callable[[EventData], bool]:
    """A transition condition: the paused form resumes at `state`."""

    def condition(event: EventData) -> bool:
        return bool(form(dialog_of(event))["resume"] == state)

    condition.__name__ = f"paused_at_{state.rpartition('.')[2]}"
    return condition


# ---------------------------------------------------------------- recording answers


# `prepare` callbacks run before a row's conditions (so the next question's `applies` sees the
# answer); each one therefore checks its own input and records nothing when it does not fit.


def record_choice(event: EventData) -> None:
    """Store the tapped option as the answer, when it is one of this question's options."""
    dialog: Dialog = dialog_of(event)
    if is_valid_option(event):
        _, option = _value(event)
        _store(dialog, {"choice": option})


def record_typed_choice(event: EventData) -> None:
    """Store the option the typed text names as the answer, when it clearly names one."""
    dialog: Dialog = dialog_of(event)
    read = _read_from_text(dialog)
    option = _typed_option(dialog)
    earlier = answers_of(dialog).get(_current(dialog).key, {})
    if option is not None:
        answer = {"choice": option, "from_text": True} if read else {"choice": option}
        if read and earlier.get("choice") == option and earlier.get("words"):
            answer["words"] = earlier["words"]  # 「090-1234-5678です」: the phone, and its number
        _store(dialog, answer)
    if option is not None and _current(dialog).key == "contact" and _asks_a_question(dialog.user_input.text):
        answer_detour(
            dialog
        )  # 「FAXでも大丈夫ですか？お返事は文字で…」: the way taken, the question answered


def record_words(event: EventData) -> None:
    """Store typed text verbatim as the answer, with the option it names when it clearly names one."""
    dialog: Dialog = dialog_of(event)
    question = _current(dialog)
    if _only_a_caution(dialog, question):
        return
    if says_nothing(dialog.user_input.text) and NONE in question.options(answers_of(dialog)):
        _store(dialog, {"choice": NONE})  # 「特にございません」: nothing to write, not words to keep
        return
    answer: dict[str, Any] = {"words": dialog.user_input.text.strip()}
    earlier = answers_of(dialog).get(question.key, {})
    option = pick_option(question, answers_of(dialog), dialog.user_input.text)
    if option is None and earlier.get("from_text"):
        option = earlier.get("choice")
    if option is not None:
        answer["choice"] = option
    _store(dialog, answer)


def _only_a_caution(dialog: Dialog, question: Question) -> bool:
    """Whether text typed at the contact-time question names no time and only asks for care (「親には
    知られたくない」): the draft keeps it as a 配慮, not as the time to write."""
    if question.key != "contact_times" or bare_contact_time(dialog.user_input.text) is not None:
        return False
    understanding = dialog.understanding
    entities = understanding.entities if understanding is not None else ()
    cautious = any(entity.kind == "consideration" for entity in entities)
    return cautious and not any(entity.kind == "contact_times" for entity in entities)


def _cautions_typed(dialog: Dialog) -> list[str]:
    """The cautions typed text asks for (「家の電話にはかけないでください」「来てもらうのも困ります」)."""
    understanding = dialog.understanding
    entities = understanding.entities if understanding is not None else ()
    return [entity.value for entity in entities if entity.kind == "consideration"]


def tells_cautions(event: EventData) -> bool:
    """A transition condition: typed text at the contact question names no way but asks for care."""
    dialog: Dialog = dialog_of(event)
    return _only_cautions_about_contact(dialog, _current(dialog))


def record_cautions(event: EventData) -> None:
    """Store every caution typed at the contact question, each in the person's words, as its answer
    (no phone at home, no visits): the 連絡方法 line tells whoever writes back."""
    if tells_cautions(event):
        _store(dialog_of(event), {"words": "\n".join(_cautions_typed(dialog_of(event)))})


def record_skip(event: EventData) -> None:
    """Mark the question skipped, dropping any earlier answer (only a skip meant for this question)."""
    dialog: Dialog = dialog_of(event)
    if not is_for_this_question(event):
        return
    key = _current(dialog).key
    answers_of(dialog).pop(key, None)
    skipped = form(dialog)["skipped"]
    if key not in skipped:
        skipped.append(key)


def _store(dialog: Dialog, answer: dict[str, Any]) -> None:
    """Keep one answer to the current question, replacing an earlier one."""
    key = _current(dialog).key
    answers_of(dialog)[key] = answer
    skipped = form(dialog)["skipped"]
    if key in skipped:
        skipped.remove(key)


def toggle_option(event: EventData) -> None:
    """Tick or untick one option of a multi-select: a tap on a ticked one (ticked from earlier words
    too) takes it off, and says so."""
    dialog: Dialog = dialog_of(event)
    _, option = _value(event)
    _toggle(dialog, _current(dialog), option)


def _toggle(dialog: Dialog, question: Question, option: str) -> None:
    """Tick an option, or take it off when it is ticked (saying so)."""
    answer = answers_of(dialog).setdefault(question.key, {"choices": []})
    chosen = answer.setdefault("choices", [])
    if option in chosen:
        if question.key == "concerns":
            draft.untick(answers_of(dialog), [option])
        else:
            chosen.remove(option)
        dialog.say("intake.concerns_unmarked", items=question.label(option))
    else:
        chosen.append(option)


def _label_typed(question: Question, answers: Answers, text: str) -> str | None:
    """The option whose label (or alias) is the whole typed text (「お金・生活費」), else None."""
    typed = unicodedata.normalize("NFKC", text).strip().strip("。.!！✓ ")
    for option in question.options(answers):
        if any(typed == unicodedata.normalize("NFKC", word).strip() for word in question.aliases(option)):
            return option
    return None


def turn_page(event: EventData) -> None:
    """Show the next page of options (wrapping round to the first)."""
    dialog: Dialog = dialog_of(event)
    question = _current(dialog)
    pages = -(-len(question.options(answers_of(dialog))) // question.page_size)
    form(dialog)["page"] = (form(dialog)["page"] + 1) % pages


def take_multi_text(event: EventData) -> None:
    """Keep typed words with a multi-select, ticking the options they suggest."""
    dialog: Dialog = dialog_of(event)
    question = _current(dialog)
    text = dialog.user_input.text.strip()
    labelled = _label_typed(question, answers_of(dialog), text)
    if labelled is not None and labelled in answers_of(dialog).get(question.key, {}).get("choices", []):
        _toggle(dialog, question, labelled)  # the label of a ticked option typed: it comes off, as a tap
        return
    if question.key == "concerns":
        understanding = dialog.understanding or classify(text)
        suggested: tuple[str, ...] = understanding.concerns
    else:
        suggested = match_options(question, answers_of(dialog), text)
    denied = draft.denied_concerns(text) if question.key == "concerns" else []
    suggested = tuple(s for s in suggested if s not in denied)
    answer = answers_of(dialog).setdefault(question.key, {"choices": []})
    chosen = answer.setdefault("choices", [])
    chosen.extend(s for s in suggested if s not in chosen)
    unticked = draft.untick(answers_of(dialog), denied)
    if question.free_text:
        answer["words"] = f"{answer['words']}\n{text}" if answer.get("words") else text
    if unticked:
        labels = catalog.text("summary.separator").join(question.label(c) for c in unticked)
        dialog.say("intake.concerns_unmarked", items=labels)
    if suggested:
        labels = catalog.text("summary.separator").join(question.label(s) for s in suggested)
        dialog.say("intake.concerns_marked" if question.free_text else "intake.options_marked", items=labels)
    elif question.free_text and not unticked:
        dialog.say("intake.words_kept")


NOTHING = re.compile(
    r"(?:(特に|とくに|別に|べつに)?(ない|無い|なし|無し|ありません|ございません)|(特に|とくに|別に|べつに))"
    r"(です|かな|かも|よ|ですね)?[。.!！…]*"
)
"""A reply that there is nothing to choose (「とくにないです」「特にございません」「べつに」): the question is
skipped."""
NONE = "none"
"""The option of a question for 「特にない」."""


def says_nothing(text: str) -> bool:
    """Whether typed text only says there is nothing (「特にございません」「ございません」)."""
    return NOTHING.fullmatch(unicodedata.normalize("NFKC", text.strip())) is not None


OTHER_FIELDS = ("district", "contact", "contact_also", "contact_times")
"""Facts the reading finds that answer a later question, not a multi-select (「東台です」「LINEで」)."""


def _answer_elsewhere(dialog: Dialog) -> str | None:
    """What text typed at a multi-select answers when it names none of its options: `nothing`, a
    bare contact time (`time`), or a later field the reading filled (`other`); None otherwise."""
    question = _current(dialog)
    text = dialog.user_input.text.strip()
    understanding = dialog.understanding or classify(text)
    named = understanding.concerns if question.key == "concerns" else match_options(question, {}, text)
    if named:
        return None
    if says_nothing(text):
        return "nothing"
    if any(entity.kind in OTHER_FIELDS for entity in understanding.entities):
        return "other"
    if understanding.concerns:  # 「夜ねれない」 is a worry, not a time to be reached
        return None
    return "time" if bare_contact_time(text) else None


def answers_elsewhere(event: EventData) -> bool:
    """Typed text at a multi-select answers another question or says there is nothing to choose."""
    return _answer_elsewhere(dialog_of(event)) is not None


def record_elsewhere(event: EventData) -> None:
    """Skip the multi-select on 「とくにないです」, or keep a bare time (「夜」) as the contact time."""
    dialog: Dialog = dialog_of(event)
    found = _answer_elsewhere(dialog)
    if found == "nothing":
        record_skip(event)
    elif found == "time":
        time = bare_contact_time(dialog.user_input.text)
        said = {"words": dialog.user_input.text.strip()} if time == LATE_NIGHT else {"choice": time}
        answers_of(dialog)["contact_times"] = {**said, "from_text": True}


def note_time(event: EventData) -> None:
    """Say which contact time a bare time reply (「夜」) was taken as."""
    dialog: Dialog = dialog_of(event)
    time = bare_contact_time(dialog.user_input.text)
    if _answer_elsewhere(dialog) == "time" and time is not None:
        words = dialog.user_input.text.strip() if time == LATE_NIGHT else BY_KEY["contact_times"].label(time)
        label = catalog.text("summary.quote", words=words)
        dialog.say(languages.worded(dialog, "draft.noted"), items=label)


MONTHS_A_YEAR = 12


def gives_a_unitless_length(event: EventData) -> bool:
    """A number typed alone at the duration question (「17」): years or months is unclear."""
    dialog: Dialog = dialog_of(event)
    return _current(dialog).key == "duration" and unitless_number(dialog.user_input.text) is not None


def gives_an_age_for_the_length(event: EventData) -> bool:
    """An age typed at the duration question (「30代」「35歳です」) that tells no length of time."""
    dialog: Dialog = dialog_of(event)
    if _current(dialog).key != "duration" or age_band_in(dialog.user_input.text) is None:
        return False
    understanding = dialog.understanding or classify(dialog.user_input.text)
    return not any(entity.kind == "duration" for entity in understanding.entities)


def ask_the_length_again(event: EventData) -> None:
    """Say an age typed at the duration question was taken as an age, and ask how long again."""
    dialog: Dialog = dialog_of(event)
    dialog.say("intake.duration_not_age", words=dialog.user_input.text.strip())
    ask(dialog)


def ask_the_unit(event: EventData) -> None:
    """Ask back whether a bare number meant years or months, with one button for each."""
    dialog: Dialog = dialog_of(event)
    number = unitless_number(dialog.user_input.text) or 0
    question = _current(dialog)
    choices = tuple(
        Choice(catalog.text(f"intake.duration_{unit}", number=number), f"answer:duration.{option}")
        for unit, option in (
            ("years", duration_id(number)),
            ("months", duration_id(number / MONTHS_A_YEAR)),
        )
    )
    dialog.send(Text(catalog.text("intake.duration_unit", number=number), choices + _nav(question)))


def detour_or_hint(event: EventData) -> None:
    """Answer a question typed mid-form (then ask again), or say how to answer this one."""
    dialog: Dialog = dialog_of(event)
    if _current(dialog).key == "age_band" and _tells_a_relatives_age(dialog):
        draft.keep_typed(dialog)  # 「子どもは小2がひとりいます」: kept for the person in charge
        dialog.say("intake.relatives_age")
    elif not answer_detour(dialog) and not tell_the_districts(dialog):
        dialog.say("intake.choose_hint")
    ask(dialog)


# ---------------------------------------------------------------- editing one field the person names


EDIT_REQUEST_CHARS = 30
"""A longer message that names a field and a change tells more than which field to change."""


def field_to_edit(dialog: Dialog) -> str | None:
    """The field typed words ask to change, on the consent screen, at a question or at the menu with a
    draft begun: its key, '' when the change names no field (「内容を直したい」, not at the menu), None
    when the words ask no change."""
    if dialog.user_input.kind != "text":
        return None
    if dialog.state == MENU:
        return _field_named_at_the_menu(dialog)
    if not (dialog.state == consent.States.REVIEW or dialog.state in QUESTION_STATES):
        return None
    text = dialog.user_input.text
    answered = _field_answering_which(dialog)
    if answered is not None:
        return answered  # 「ネンダイ」「相談者」 typed at 「どこを直しますか」
    if len(text.strip()) > EDIT_REQUEST_CHARS or not fragments.holds_word_of(text, "edits"):
        return None
    answers = answers_of(dialog)
    named = [key for key in fragments.EDITABLE_FIELDS if fragments.holds_word_of(text, f"edit_field_{key}")]
    if "relation" in named and not BY_KEY["relation"].applies(answers):
        named = ["asker"]  # 「続柄を直したい」 from one writing of themself: who is asking changes
    return named[0] if named else ""


WHICH_FIELD_CHARS = 12
"""At 「どこを直しますか」, a message this short naming a field is the button of that field."""

BUTTONS_SHOWN = "buttons"
"""Data key (written by the engine): the buttons the last turn showed, as [label, data]."""


def _field_answering_which(dialog: Dialog) -> str | None:
    """The field a short message names right after 「どこを直しますか」 was asked (「ネンダイ」「年代を」
    「相談者」), as its button would: the field's key when one of the buttons shown; None otherwise."""
    shown = [str(data) for _, data in dialog.data.get(BUTTONS_SHOWN) or []]
    text = dialog.user_input.text
    if not shown or not all(data.startswith("edit:") for data in shown):
        return None
    if len(text.strip()) > WHICH_FIELD_CHARS:
        return None
    offered = {data.partition(":")[2] for data in shown}
    named = [
        key
        for key in fragments.EDITABLE_FIELDS
        if key in offered and fragments.holds_word_of(text, f"edit_field_{key}")
    ]
    return named[0] if named else None


MENU = "menu.main"
"""The menu, where a change naming a field (「年齢を直したい」) asks that question of a draft begun."""

EDIT_WORD_WITHIN = 4
"""At the menu, the change must follow the field's name this closely (「年齢を間違えた」), in its clause."""


def _field_named_at_the_menu(dialog: Dialog) -> str | None:
    """The field a short message at the menu asks to change, with a draft begun: the change right after
    the field's name (「年齢を間違えた」「地区を変えたい」), not a story that holds both (「仕事を変えたい、
    30歳です」); None otherwise (what to change is asked only on the consent screen)."""
    text = dialog.user_input.text
    if len(text.strip()) > EDIT_REQUEST_CHARS or not draft.has_anything(dialog.data):
        return None
    named = [
        key
        for key in fragments.EDITABLE_FIELDS
        if fragments.word_then_word(text, f"edit_field_{key}", "edits", EDIT_WORD_WITHIN)
    ]
    if "relation" in named and not BY_KEY["relation"].applies(answers_of(dialog)):
        named = ["asker"]
    return named[0] if named else None


def names_a_field_to_edit(dialog: Dialog) -> bool:
    """Whether typed words ask to change a field they name (the `edit` event): before any command they
    hold (「年齢を間違えた」 is no 戻る), on the consent screen, at a question or at the menu."""
    return bool(field_to_edit(dialog))


def _names_field(key: str) -> Callable[[EventData], bool]:
    """A transition condition: the typed words or the tapped choice ask to change the field `key`."""

    def condition(event: EventData) -> bool:
        dialog: Dialog = dialog_of(event)
        named = dialog.value() if dialog.user_input.kind == "choice" else field_to_edit(dialog)
        return named == key

    condition.__name__ = f"edits_{key}"
    return condition


def asks_to_edit_unnamed(event: EventData) -> bool:
    """A transition condition: the words ask for a change without naming the field (or 内容を直す tapped)."""
    dialog: Dialog = dialog_of(event)
    return (dialog.value() if dialog.user_input.kind == "choice" else field_to_edit(dialog)) == ""


def start_editing(event: EventData) -> None:
    """Remember that the question now asked is a change, so its answer leads back to the consent screen."""
    form(dialog_of(event))["editing"] = True


def stop_editing(event: EventData) -> None:
    """Forget that a change was being made (its answer is in)."""
    form(dialog_of(event)).pop("editing", None)


def is_editing(event: EventData) -> bool:
    """A transition condition: the question was asked again because the person asked to change it."""
    return bool(form(dialog_of(event)).get("editing"))


def names_someone_else(event: EventData) -> bool:
    """A transition condition: the answer to who is asking, tapped or typed, is a family member or a
    supporter (so the relation is asked next)."""
    dialog: Dialog = dialog_of(event)
    option = _value(event)[1] if dialog.user_input.kind == "choice" else _typed_option(dialog)
    return option in ("family", "supporter")


def ask_which_field(event: EventData) -> None:
    """Ask which part to change, with one button for each question this person is asked."""
    dialog: Dialog = dialog_of(event)
    keys = [
        question.key for question in asked(answers_of(dialog)) if question.key in fragments.EDITABLE_FIELDS
    ]
    choices = tuple(Choice(catalog.text(f"edit.field.{key}"), f"edit:{key}") for key in keys)
    dialog.send(Text(catalog.text("edit.which"), choices))


def _edit_rows() -> list[dict[str, Any]]:
    """Rows from the consent screen or any question (and, on the `edit` event, the menu) to the question
    whose field the person asks to change (typed or tapped), and asking which one when they name none."""
    rows: list[dict[str, Any]] = []
    for trigger in ("edit", "text"):
        sources = [consent.States.REVIEW.value, *QUESTION_STATES, *([MENU] if trigger == "edit" else [])]
        rows += [
            {
                "trigger": trigger,
                "source": sources,
                "dest": STATE_OF[key].value,
                "conditions": [_names_field(key)],
                "before": [start_editing],
            }
            for key in fragments.EDITABLE_FIELDS
        ]
        rows.append(
            {
                "trigger": trigger,
                "source": sources,
                "dest": None,
                "conditions": [asks_to_edit_unnamed],
                "after": [ask_which_field],
            }
        )
    return rows


def _onward(index: int, trigger: str, **row: Any) -> list[dict[str, Any]]:
    """Rows leaving question `index` on `trigger`: back to the consent screen when the answer was a
    change the person asked for (by way of the relation, when who is asking now needs one), else on
    to the next question (`_forward`). The answer is stored before leaving, once (`prepare` runs for
    every row tried)."""
    conditions = list(row.pop("conditions", []))
    store = [*row.get("prepare", []), *row.get("before", [])]
    back = {
        **{key: value for key, value in row.items() if key != "prepare"},
        "trigger": trigger,
        "source": STATE_OF[QUESTIONS[index].key].value,
        "conditions": [is_editing, *conditions],
    }
    rows = []
    if QUESTIONS[index].key == "asker":
        back["unless"] = [names_someone_else]
        rows.append(
            {
                **back,
                "dest": STATE_OF["relation"].value,
                "unless": [],
                "before": store,
                "conditions": [*back["conditions"], names_someone_else],
            }
        )
    rows.append({**back, "dest": consent.States.REVIEW.value, "before": [*store, stop_editing]})
    return [*rows, *_forward(index, trigger, conditions=conditions, **row)]


# ---------------------------------------------------------------- the transition table


def introduced_themself(event: EventData) -> bool:
    """A transition condition: the writer said who they are (「50代の父親です」「本人でございます」) or
    whom they write about (「息子が10年ひきこもっています」), so the form starts past the role question:
    a field filled from their words is never asked again (a guess still is)."""
    answers = dialog_of(event).data.get("intake", {}).get("answers", {})
    asker = answers.get("asker", {})
    said = (
        asker.get("from_text")
        and not asker.get("guess")
        and asker.get("choice") in ("self", "family", "supporter")
    )
    return bool(asker.get("introduced") or said)


def rows_past_the_role(trigger: str, **row: Any) -> list[dict[str, Any]]:
    """Rows that start the form at the first question after the role, for a writer who said who they are."""
    return _forward(0, trigger, conditions=[introduced_themself], **row)


def _forward(index: int, trigger: str, **row: Any) -> list[dict[str, Any]]:
    """Rows from question `index` to the next question that applies (or to the review)."""
    source = STATE_OF[QUESTIONS[index].key].value
    rows = []
    passed: list[Callable[[EventData], bool]] = []
    conditions = list(row.pop("conditions", []))
    for question in QUESTIONS[index + 1 :]:
        asks = [_asks(question)] if question.when or not question.multi else []
        rows.append(
            {
                "trigger": trigger,
                "source": source,
                "dest": STATE_OF[question.key].value,
                "conditions": conditions + asks,
                "unless": list(passed),
                **row,
            }
        )
        if not asks:
            return rows
        passed.extend(asks)
    rows.append(
        {
            "trigger": trigger,
            "source": source,
            "dest": consent.States.REVIEW.value,
            "conditions": conditions,
            "unless": list(passed),
            **row,
        }
    )
    return rows


def _backward(source: str, before: int) -> list[dict[str, Any]]:
    """Rows from `source` back to the nearest earlier question (before index `before`) that applies."""
    rows = []
    passed: list[Callable[[EventData], bool]] = []
    for question in reversed(QUESTIONS[:before]):
        applies = [_applies(question)] if question.when else []
        rows.append(
            {
                "trigger": "back",
                "source": source,
                "dest": STATE_OF[question.key].value,
                "conditions": applies,
                "unless": list(passed),
            }
        )
        if not question.when:
            return rows
        passed.extend(applies)
    return rows


def gives_only_a_phone_number(event: EventData) -> bool:
    """A phone number typed alone at a question other than the way of contact (「電話番号 080…」): kept
    on the draft as how to reach them (`gather` says so), then the same question again, not its answer."""
    dialog: Dialog = dialog_of(event)
    return _current(dialog).key != "contact" and followup.only_a_phone_number(dialog.user_input.text)


DISTRICT_ASKED_AGAIN = "district_asked_again"
"""Set in the form once the district question said which districts the service covers."""


def leaves_district_open(event: EventData) -> bool:
    """A transition condition: typed words at the district question name none of its districts and say
    they do not know it or live elsewhere (「わからない」「ほかの地域」), or name a place it does not cover a
    second time (「南区です」 again): the question is left open, never asked a third time."""
    dialog: Dialog = dialog_of(event)
    if dialog.user_input.kind != "text" or _current(dialog).key != "district" or names_an_option(event):
        return False
    text = dialog.user_input.text
    return fragments.holds_word_of(text, "district_unknown") or bool(form(dialog).get(DISTRICT_ASKED_AGAIN))


def record_district_open(event: EventData) -> None:
    """Leave the district unanswered (the words typed are kept for the person in charge), when the words
    leave it open."""
    if leaves_district_open(event):
        record_skip(event)


def say_district_open(event: EventData) -> None:
    """Say the district may stay open: the team that takes the city's other consultations reads it."""
    dialog_of(event).say("intake.district_open")


def tell_the_districts(dialog: Dialog) -> bool:
    """At the district question, words naming a place that is none of its districts (「南区です」): say which
    districts the service covers and that 「わからない」「ほかの地域」 are fine, once; False elsewhere."""
    question = QUESTION_AT.get(dialog.state)
    if question is None or question.key != "district" or dialog.user_input.kind != "text":
        return False
    form(dialog)[DISTRICT_ASKED_AGAIN] = True
    names = catalog.text("summary.separator").join(d.name for d in current_content().districts)
    dialog.say("intake.district_not_here", names=names)
    return True


def _question_rows(index: int, question: Question) -> list[dict[str, Any]]:
    """Every row leaving one question's state."""
    state = STATE_OF[question.key].value
    rows = _onward(index, "skip", conditions=[is_for_this_question], prepare=[record_skip])
    if question.key != "contact":
        rows.append(
            {
                "trigger": "text",
                "source": state,
                "dest": None,
                "conditions": [gives_only_a_phone_number],
                "after": [ask_again],
            }
        )
    if question.multi:
        rows += _onward(index, "done", conditions=[is_for_this_question])
        rows.append(
            {
                "trigger": "toggle",
                "source": state,
                "dest": None,
                "conditions": [is_valid_option],
                "after": [toggle_option, ask_again],
            }
        )
        rows += _onward(
            index, "text", conditions=[answers_elsewhere], prepare=[record_elsewhere], before=[note_time]
        )
        rows.append({"trigger": "text", "source": state, "dest": None, "after": [take_multi_text, ask_again]})
    else:
        rows += _onward(index, "answer", conditions=[is_valid_option], prepare=[record_choice])
        if question.free_text:
            rows.append(
                {
                    "trigger": "text",
                    "source": state,
                    "dest": None,
                    "conditions": [gives_a_unitless_length],
                    "after": [ask_the_unit],
                }
            )
            rows.append(
                {
                    "trigger": "text",
                    "source": state,
                    "dest": None,
                    "conditions": [gives_an_age_for_the_length],
                    "after": [ask_the_length_again],
                }
            )
            rows += _onward(index, "text", prepare=[record_words])
        else:
            rows += _onward(index, "text", conditions=[names_an_option], prepare=[record_typed_choice])
            if question.key == "district":
                rows += _onward(
                    index,
                    "text",
                    conditions=[leaves_district_open],
                    prepare=[record_district_open],
                    before=[say_district_open],
                )
            if question.key == "contact":
                rows += _onward(index, "text", conditions=[tells_cautions], prepare=[record_cautions])
            rows.append({"trigger": "text", "source": state, "dest": None, "after": [detour_or_hint]})
    if question.page_size:
        rows.append({"trigger": "page", "source": state, "dest": None, "after": [turn_page, ask_again]})
    rows += _backward(state, index) if index else []
    return rows


def asks_whether_number_needed(event: EventData) -> bool:
    """A transition condition: typed words at a question ask whether a phone number must be given
    (「電話番号をお伝えした方がよろしいでしょうか」), giving none."""
    dialog: Dialog = dialog_of(event)
    text = dialog.user_input.text
    has_digits = any(char.isdigit() for char in unicodedata.normalize("NFKC", text))
    asks = fragments.asks_whether_to_give_a_number(text)
    return dialog.user_input.kind == "text" and not has_digits and asks


def say_no_number_needed(event: EventData) -> None:
    """Say no number is needed (anonymous is fine; only for a call back, at the way of contact), then ask
    the same question again."""
    dialog: Dialog = dialog_of(event)
    dialog.say("intake.number_not_needed")
    ask(dialog)


def _table() -> list[dict[str, Any]]:
    """The whole intake table: a question whether a phone number is needed, each question's rows, back
    from the review, and resuming."""
    rows: list[dict[str, Any]] = [
        {
            "trigger": "text",
            "source": QUESTION_STATES,
            "dest": None,
            "conditions": [asks_whether_number_needed],
            "after": [say_no_number_needed],
        }
    ]
    rows += _edit_rows()
    rows += [row for i, question in enumerate(QUESTIONS) for row in _question_rows(i, question)]
    rows += _backward(consent.States.REVIEW.value, len(QUESTIONS))
    rows.append({"trigger": "resume", "source": QUESTION_STATES, "dest": None, "after": [ask_again]})
    return rows


ON_ENTER: Mapping[str, list[Callable[[EventData], None]]] = {state: [ask_from_top] for state in States}
TRANSITIONS: list[dict[str, Any]] = _table()


def _back_to_the_place(dialog: Dialog) -> None:
    """After a change typed outside the edit screen, offer again what was waiting: the send buttons, the
    question, or the menu."""
    if dialog.state == consent.States.REVIEW:
        consent.ask_briefly(dialog)
    elif dialog.state in QUESTION_STATES:
        ask(dialog)
    else:
        show_menu(dialog, "menu.next")


def answer_correction(dialog: Dialog) -> bool:
    """「年代が18歳未満になってるけど私は30代です」: put the right age in its field, say so, and go back to
    where the person was; nothing else on the draft changes. False when the words correct nothing."""
    if draft.says_writer_is_the_one(dialog):  # 「相談するのはうち本人や」「だから相談してるのは俺」
        draft.make_writer_the_one(dialog)
        dialog.say(
            "draft.corrected", field=catalog.text("question.asker"), value=catalog.text("opt.asker.self")
        )
        _back_to_the_place(dialog)
        return True
    corrected = draft.correction_of(dialog)
    if corrected is None or open_handoff(dialog) is not None:
        return False  # with a case sent, the words go to its person in charge as any addition does
    key, band = corrected
    draft.correct(dialog, key, band)
    dialog.say("draft.corrected", field=catalog.text(f"question.{key}"), value=BY_KEY["age_band"].label(band))
    _back_to_the_place(dialog)
    return True


def _concerns_taken_off(dialog: Dialog) -> list[str]:
    """At the worries question, the worries typed words only take off (「「家から出にくい」は違います。外して
    ください」「ひきこもりじゃないです」), naming none to put on instead; [] elsewhere. 「お金じゃなくて借金
    です」 names one to put on: read as any answer there, one off and one on."""
    question = QUESTION_AT.get(dialog.state)
    if question is None or question.key != "concerns" or dialog.user_input.kind != "text":
        return []
    denied = draft.denied_concerns(dialog.user_input.text)
    if any(_put_on_instead(dialog, denied)) and not _swaps(dialog):
        return []  # 「お金がないし、ひきこもりではないです」: a story, read as any answer there
    return denied


SWAPPED = re.compile(r"(じゃなく|ではなく|でなく|やなく)")
"""「〇〇じゃなくて△△です」: one worry named in place of another."""

SWAP_MAX_CHARS = 40
"""A longer message naming a worry in place of another tells a story, read as any answer."""


def _swaps(dialog: Dialog) -> bool:
    """Whether short words name one worry in place of another (「お金じゃなくて借金です」)."""
    text = dialog.user_input.text.strip()
    return len(text) <= SWAP_MAX_CHARS and SWAPPED.search(text) is not None


def _put_on_instead(dialog: Dialog, denied: list[str]) -> list[str]:
    """The worries the words name besides the ones they take off (「お金じゃなくて借金です」 → debt)."""
    told = dialog.understanding.concerns if dialog.understanding is not None else ()
    return [concern for concern in told if concern not in denied]


def take_off_a_concern(dialog: Dialog) -> bool:
    """Take off the worries typed words at the worries question say are not theirs (putting on the one
    named instead, 「お金じゃなくて借金です」), say so in one line, and ask the question again; False when
    the words name none to take off."""
    denied = _concerns_taken_off(dialog)
    if not denied:
        return False
    answers = answers_of(dialog)
    removed = draft.untick(answers, denied)
    instead = _put_on_instead(dialog, denied)
    chosen = answers.setdefault("concerns", {"choices": []}).setdefault("choices", [])
    chosen.extend(concern for concern in instead if concern not in chosen)
    label = BY_KEY["concerns"].label
    off = "」「".join(label(concern) for concern in (removed or denied))
    if instead:
        dialog.say("intake.concern_swapped", off=off, on="」「".join(label(concern) for concern in instead))
    else:
        dialog.say("intake.concern_taken_off" if removed else "intake.concern_not_chosen", items=off)
    ask(dialog)
    return True


def _takes_off(dialog: Dialog) -> bool:
    """Whether typed words on the menu or the consent screen ask to take something off the unsent draft
    (「子どものことは書かなくていいです、消してください」) and name something it holds, or at the worries
    question name only worries to take off."""
    text = dialog.user_input.text
    if _concerns_taken_off(dialog):
        return True
    if dialog.user_input.kind != "text" or dialog.state not in (MENU, consent.States.REVIEW):
        return False
    if not fragments.holds_word_of(text, "removes") or text.rstrip().endswith(("?", "？", "か")):
        return False
    return open_handoff(dialog) is None and draft.finds_to_take_out(dialog.data, text)


def take_off_at_the_menu(dialog: Dialog) -> bool:
    """Take off the draft what typed words on the menu ask to (「子どものことは書かなくていいです、消して
    ください」), as the consent screen does, and say what came off; False when they ask nothing of it."""
    if take_off_a_concern(dialog):  # 「「家から出にくい」は違います。外してください」 at the worries question
        return True
    review = dialog.state == consent.States.REVIEW
    if review and _takes_off(dialog) and not consent.asks_a_change_to_send(dialog):
        return consent.take_off_and_ask(dialog)  # 「暴力や怖いことは違います。外してください」: never a no
    if dialog.state != MENU or not _takes_off(dialog):
        return False
    removed = draft.take_out(dialog.data, dialog.user_input.text)
    dialog.data.setdefault("intake", {}).setdefault(consent.TAKEN_OUT, []).extend(removed)
    dialog.say("draft.taken_out", words="」「".join(removed))
    show_menu(dialog, "menu.next")
    return True
