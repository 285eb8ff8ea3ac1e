"""The dialog engine: (conversation state, user input) -> (new state, messages, effects).

All flows share one `transitions.Machine`, built once at import with `model=None`; each turn
creates a small `Dialog` model and fires one event on it. The typed text is classified once per
turn. Before the event fires, the interrupts that hold in every state are applied in order:

0. relay: while a CSW holds the conversation (`with_person`), typed words go to the case thread
   (a `RelayToCase` effect) and the bot stays quiet, except for danger (read as in 1, with the short
   messages just before) and the commands to stop or delete; a tapped button is told a person is here.
1. crisis: a typed message that `classify` rates `crisis` gets the emergency resources at once
   (unless the bot already sent them on its fast path, see `handle`), a `RaiseUrgency` effect, and
   the state is left as it was; `urgent` gets 一時生活支援 information and a `RaiseUrgency` effect.
2. gap: a person coming back to an unfinished intake after `RESUME_AFTER` is asked whether to
   continue or start over instead of having the message read as an answer.
3. commands: a typed command (「戻る」「あとで」「やめる」…, `cmd.*` intents) fires the same event
   as its button, when the current state handles it; a longer message that asks for a person
   (「まとまりがなくて…担当の方と直接お話ししたいです」) leads to one, its words kept; inside the form,
   stopping for now (「今日はもう寝ます」「また明日にします」) pauses it as あとで does.
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from transitions import Machine

from dialogs import catalog, crisis, fragments
from dialogs.dialog import Dialog, Turn, UserInput, within_line_limits
from dialogs.effects import AddToCase, DeleteUserData, HandOff, RaiseUrgency, RelayToCase
from dialogs.flows import FLOWS, INITIAL_STATE, answers, consent, draft, followup, intake, languages, menu
from dialogs.flows.common import MenuStates, menu_choices
from dialogs.messages import Text
from dialogs.understanding.classifier import classify
from dialogs.understanding.learned import intent_family
from dialogs.understanding.model import Understanding
from dialogs.understanding.romaji import as_kana

__all__ = [
    "MACHINE",
    "RESUME_AFTER",
    "Turn",
    "UserInput",
    "data_after_handoff",
    "handle",
    "state_after_handoff",
]

log = logging.getLogger(__name__)

RESUME_AFTER = timedelta(minutes=30)
"""A pause longer than this inside an unfinished intake makes the bot ask: continue or start over."""

COMMAND_MAX_CHARS = 20
"""Typed text longer than this is read as an answer or a question, never as a command."""

COMMAND_MAX_CHARS_ENGLISH = 60
"""The same limit for a message in English, whose words take more letters (「Can I speak with someone
from the office?」)."""

COMMAND_IN_WORDS_MAX_CHARS = 12
"""The same limit where a question keeps typed words: 「人と話すのがこわくて…」 is an answer there."""

COMMAND_TRIGGERS: Mapping[str, str] = {
    "cmd.skip": "skip",
    "cmd.back": "back",
    "cmd.later": "later",
    "cmd.restart": "restart",
    "cmd.stop": "stop",
    "cmd.delete": "delete",
    "cmd.menu": "menu",
    "cmd.human": "human",
    "cmd.yes": "yes",
    "cmd.no": "no",
    "cmd.help": "help",
}
"""Typed-command intents and the event each one fires (the same event as its button)."""

MENU_LABEL_TRIGGERS: Mapping[str, str] = {
    "menu.intake": "intake",
    "menu.resume": "resume",
    "menu.services": "services",
    "menu.faq": "faqs",
    "menu.human": "human",
}
"""Menu buttons whose label, typed as it is (「相談の準備をする」), does what tapping it does."""

PAUSES_THE_FORM = frozenset({"cmd.later", "talk.goodnight"})
"""Intents that, typed inside the form (「今日はもう寝ます」「また明日にします」), pause it as あとで does."""

DIALOG_WHILE_WITH_PERSON = frozenset({"delete", "stop", "hotlines"})
"""Events that still reach the dialog while a CSW holds the conversation (typed or tapped; the
per-person rich menu's 終了 and 緊急の窓口 are `stop` and `hotlines`)."""


def _build_machine() -> Machine:
    """Build the one machine that holds every flow's states and transitions."""
    states = [
        {"name": state.value, "on_enter": flow.ON_ENTER.get(state, [])}
        for flow in FLOWS
        for state in flow.States
    ]
    transitions = [dict(row) for flow in FLOWS for row in flow.TRANSITIONS]
    return Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=INITIAL_STATE,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=True,
    )


MACHINE = _build_machine()


def trigger_for(user_input: UserInput) -> str:
    """Name the machine event an input fires: `follow`, `text`, `unsupported`, or the choice's trigger."""
    if user_input.kind == "choice":
        return user_input.data.split(":", 1)[0]
    return user_input.kind


def _fire(dialog: Dialog, trigger: str) -> bool:
    """Fire `trigger` on the dialog; return whether a transition took place."""
    event = MACHINE.events.get(trigger)
    return event is not None and bool(event.trigger(dialog))


def _paused_too_long(dialog: Dialog, previous: datetime | None) -> bool:
    """Whether the person writes again, after more than `RESUME_AFTER`, to an unfinished form.

    Only typed text and a re-follow count: a tapped button is an explicit choice and is honoured.
    """
    return (
        previous is not None
        and dialog.now - previous > RESUME_AFTER
        and dialog.user_input.kind in {"text", "follow"}
        and dialog.state != menu.States.RESUME
        and intake.has_unfinished(dialog)
    )


def _typed_command(dialog: Dialog) -> str | None:
    """The event a short typed message names as a command (「やめる」「戻る」…), if any."""
    understanding = dialog.understanding
    limit = COMMAND_IN_WORDS_MAX_CHARS if intake.takes_words(dialog.state) else COMMAND_MAX_CHARS  # issue 12
    if understanding is not None and understanding.language == "en":
        limit = COMMAND_MAX_CHARS_ENGLISH
    if understanding is None:
        return None
    if len(dialog.user_input.text.strip()) > limit:
        return _asked_at_length(dialog, understanding)
    commands = [COMMAND_TRIGGERS[i] for i in understanding.intents if i in COMMAND_TRIGGERS]
    if answers.first_topic(dialog) is not None and "help" in commands:
        commands.remove("help")  # 「help with rent money」 asks about a service, not how to use the bot
    if "human" in commands and _contact_wish_after_sending(dialog, understanding):
        commands.remove("human")  # 「call me after 6pm」 once sent: added to the case, no second send screen
    return commands[0] if commands else None


def _contact_wish_after_sending(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether, with a consultation already sent, the message tells how or when to be reached (「call me
    after 6pm」): the way and time are added to the case, which already reaches a person."""
    told = any(entity.kind in ("contact", "contact_times") for entity in understanding.entities)
    return told and bool(dialog.data.get("handoff"))


LONG_COMMANDS = ("cmd.delete", "cmd.human")
"""Commands a long message may ask for: deleting the records (「ありがとう。記録は消しといてください」)
and a person (「まとまりがなくて。担当の方と直接お話ししたいです…」)."""


def _asked_at_length(dialog: Dialog, understanding: Understanding) -> str | None:
    """The command a long message asks for, where typed words are not an answer: deleting leads to
    its confirmation and a person to the consent screen, as the short commands do."""
    if understanding.crisis != "none" or intake.takes_words(dialog.state):
        return None
    asked = next((intent for intent in LONG_COMMANDS if intent in understanding.intents), None)
    return COMMAND_TRIGGERS[asked] if asked else None


def _pauses_the_form(dialog: Dialog) -> bool:
    """Whether a short message inside the form stops for now (「今日はもう寝ます」「また明日にします」),
    said of the writer: 「息子は昼過ぎまで寝ます」 is an answer."""
    understanding = dialog.understanding
    in_form = dialog.state in intake.QUESTION_STATES or dialog.state == consent.States.REVIEW
    if understanding is None or not in_form or understanding.crisis != "none":
        return False
    if len(dialog.user_input.text.strip()) > COMMAND_MAX_CHARS:
        return False
    names_someone = any(entity.kind == "relation" for entity in understanding.entities)
    return not names_someone and any(intent in PAUSES_THE_FORM for intent in understanding.intents)


def _keeps_the_records(dialog: Dialog) -> bool:
    """Whether, asked whether to delete every record, the person typed that they keep them after all
    (「消さないで」「やっぱいい」「やっぱり消さないで」「もう一度相談したい」), as its 消さない button
    says."""
    if dialog.state != MenuStates.CONFIRM_DELETE:
        return False
    text = dialog.user_input.text
    said = len(text.strip()) <= COMMAND_MAX_CHARS and fragments.holds_word_of(text, "keeps_records_said")
    return fragments.is_word_of(text, "keeps_records") or said


def _typed_menu_label(dialog: Dialog) -> str | None:
    """The event of the menu button whose label the person typed instead of tapping, if any; a short
    message, or a short sentence of one, that asks for the preparation by name (「相談の準備をしたいです」)
    is its button too."""
    if dialog.user_input.kind != "text" or intake.takes_words(dialog.state):
        return None
    typed = unicodedata.normalize("NFKC", dialog.user_input.text).strip().strip("「」『』。!?")
    label = next((event for key, event in MENU_LABEL_TRIGGERS.items() if catalog.text(key) == typed), None)
    if label is None and any(
        len(sentence) <= COMMAND_MAX_CHARS and fragments.asks_to_prepare(sentence)
        for sentence in re.split(r"[。!?！？\n]", typed)
    ):  # 「承知しました。では相談の準備を進めたいと思います。」: one short sentence asks for it
        return "intake"
    return label


def _relay(dialog: Dialog, *, crisis_already_sent: bool) -> bool:
    """While a CSW holds the conversation, pass typed words to the case; True when the turn is done.

    The crisis path reads every typed message first, with the short ones just before it (「しにたい」
    「くすり」「のんだ」 → 119), so danger told in pieces to a CSW is answered and raises the case; the
    words reach the case thread either way, marked with the level that was read.
    """
    if dialog.state == MenuStates.CONFIRM_DELETE or dialog.user_input.kind not in {"text", "choice"}:
        return crisis.interrupt(dialog, already_sent=crisis_already_sent)
    if dialog.user_input.kind == "choice":
        if trigger_for(dialog.user_input) in DIALOG_WHILE_WITH_PERSON:
            return False
        dialog.say("relay.still_connected")
        return True
    before = len(dialog.effects)
    answered = crisis.interrupt(dialog, already_sent=crisis_already_sent)
    raised = [effect.level for effect in dialog.effects[before:] if isinstance(effect, RaiseUrgency)]
    level = raised[0] if raised else "none"
    takes_back = menu.talk_trigger(dialog) == "withdraw"  # the CSW reads it; the bot says so honestly
    command = _typed_command(dialog) in DIALOG_WHILE_WITH_PERSON
    bot_answers = answered or takes_back or command or level != "none"
    dialog.effects.insert(before, RelayToCase(dialog.user_input.text, level, bot_answers))
    return not bot_answers or answered


def _dispatch(dialog: Dialog) -> None:
    """Fire the input's event: a pause of the form, a typed menu label or command first, then the input
    itself, else `fallback`. Typed words about sending (「送る。やりとりも」「送らないで」, at a question
    「ここまでの内容で送って」), a typed
    「おわり」 at a question that takes several answers, and after sending a question about what was
    sent or a wish to keep it come first."""
    about_sending = consent.typed_event(dialog)
    if about_sending is not None and _fire(dialog, about_sending):
        return
    if intake.says_done_choosing(dialog) and _fire(dialog, "done"):
        return
    in_question = dialog.state in intake.QUESTION_STATES
    if in_question and consent.sends_what_there_is(dialog) and _fire(dialog, "human"):
        return
    if followup.show_sent(dialog) or (followup.keeps_it(dialog) and _fire(dialog, "keep_sent")):
        return
    if (_pauses_the_form(dialog) or intake.steps_away(dialog)) and _fire(dialog, "later"):
        return
    if intake.welcome_back(dialog) and _fire(dialog, "resume"):
        return
    if _keeps_the_records(dialog) and _fire(dialog, "no"):
        return
    if not in_question and consent.answer_hiding(dialog):  # at a question the words are its answer
        return
    if intake.answer_correction(dialog) or intake.take_off_at_the_menu(dialog):
        return  # 「年代が18歳未満になってるけど私は30代です」「子どものことは書かなくていいです」
    if dialog.state == MenuStates.MAIN and answers.wants_what_was_answered(dialog):
        return  # 「ソレヲ タノミタイ」 after the home-visit answer: 希望 訪問
    if intake.names_a_field_to_edit(dialog) and _fire(dialog, "edit"):
        return
    label = _typed_menu_label(dialog)
    if label is not None and _fire(dialog, label):
        return
    if intake.takes_back(dialog) and _fire(dialog, "forget"):  # 「忘れてください」: deleting, or withdrawal
        return
    talk = menu.talk_trigger(dialog)  # issue 12: greetings, guidance, privacy, "just listen", additions
    if talk is not None and _fire(dialog, talk):
        return
    command = _typed_command(dialog)
    if command == "human" and "addition.contact_added" in dialog.said:
        last = dialog.messages[-1]  # after sending, 「デンワデ ハナシタイ。ヒルマナラ…」: added to the sent
        if not last.choices:  # case, not a new one; the menu stays offered
            dialog.messages[-1] = Text(last.text, menu_choices(dialog.data))
        return
    if command == "yes" and crisis.person_offered(dialog):
        command = "human"  # 「はい」 to 「担当者に伝えることもできます」 after a crisis reply
    elif command == "no" and crisis.person_offered(dialog):
        command = "resume"  # 「いや」 to that offer is このまま続ける, not a 'no' the menu never asked
    if command == "human" and len(dialog.user_input.text.strip()) > COMMAND_MAX_CHARS:
        draft.keep_typed(dialog)  # a long request for a person tells them something: it is kept for them
    if command is not None and _fire(dialog, command):
        return
    if not _fire(dialog, trigger_for(dialog.user_input)):
        _fire(dialog, "fallback")


def handle(
    state: str,
    data: Mapping[str, Any],
    user_input: UserInput,
    *,
    now: datetime,
    crisis_already_sent: bool = False,
    with_person: bool = False,
    understanding: Understanding | None = None,
) -> Turn:
    """Run one turn of the conversation and return what to store, send and do.

    `state` and `data` are what the previous turn returned (`INITIAL_STATE` and `{}` for a new
    conversation); `now` must be timezone-aware. Set `crisis_already_sent` when the bot has
    already sent `dialogs.crisis.crisis_reply(text, now)` for this same text on its fast path:
    the turn then still records the crisis and returns the `RaiseUrgency` effect, but does not
    send the emergency resources a second time. Set `with_person` while a CSW holds the
    conversation (crisis replies then say the person reading will see it, and offer no hand-off).
    Pass `understanding` when the text was already classified this turn.
    """
    if state not in MACHINE.states:
        log.warning("unknown stored state, restarting conversation", extra={"state": state})
        state = INITIAL_STATE
    kana = as_kana(user_input.text) if user_input.kind == "text" else None
    if kana is not None:  # 「tasukete kudasai. shinitai」: read as the Japanese it is
        user_input = UserInput("text", text=kana)
    if not with_person and not crisis_already_sent:
        user_input = typed_button(data, user_input)  # a label typed instead of tapped is the tap
    dialog = Dialog(state=state, data=copy.deepcopy(dict(data)), user_input=user_input, now=now)
    previous = dialog.last_seen()
    if with_person:
        dialog.data["with_person"] = True  # issue 12: crisis, follow-ups and the draft read it this turn
    else:
        dialog.data.pop("with_person", None)
    if kana is not None:
        dialog.data[languages.ROMAJI] = True  # answered in やさしい日本語, as spaced simple Japanese is
    else:
        dialog.data.pop(languages.ROMAJI, None)
    if user_input.kind == "text":
        reading = understanding or classify(user_input.text)
        dialog.understanding = _as_answer_at_a_question(dialog.state, reading)
        intake.gather(dialog)  # issue 12: free text fills the draft form wherever it is written
    if with_person:
        if not _relay(dialog, crisis_already_sent=crisis_already_sent):
            _carry_on(dialog, previous)
    else:
        answered = crisis.interrupt(dialog, already_sent=crisis_already_sent)
        if not answered:
            _carry_on(dialog, previous)
        followup.keep_told_after_sending(dialog, answered_by_crisis=answered)
    if user_input.kind == "text" and not with_person:
        languages.add_short_answer(dialog)  # English or やさしい日本語: a short answer in their words
        menu.acknowledge_worry(dialog)  # 「この先どうなるのかと思うと」: a word for the fear comes first
        menu.tell_outside_area(dialog)  # 「川崎市に住んでます」: for residents only; where else to turn
        _keep_for_the_case(dialog, state)
    languages.follow_language(dialog)  # English buttons while the person writes in English
    followup.reword_offers_after_sending(dialog)
    followup.note_added_words(dialog)
    crisis.note_offer(dialog)
    dialog.mark_seen()
    messages = within_line_limits(tuple(dialog.messages))
    offered = messages[-1].choices if messages else ()
    dialog.data[BUTTONS_SHOWN] = [[choice.label, choice.data] for choice in offered]
    return Turn(dialog.state, dialog.data, messages, tuple(dialog.effects))


BUTTONS_SHOWN = intake.BUTTONS_SHOWN
"""The data key holding the quick replies the last turn offered, as [label, data] pairs (the bot's own
words, never the person's): typed as they read, in whatever language they were shown, they are tapped."""

LABEL_MARKS = "「」『』。、.,!！?？…"
"""Marks around a typed label that do not change which button it names."""


def _as_label(text: str) -> str:
    """A typed text or a label, compared as a button's label: NFKC, lowercase, spaces and marks dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", "", folded).strip(LABEL_MARKS)


def typed_button(data: Mapping[str, Any], user_input: UserInput) -> UserInput:
    """The tap of the button the person typed the label of instead of tapping (「消さない」「Tell a
    person」), or the input as it was."""
    if user_input.kind != "text":
        return user_input
    typed = _as_label(user_input.text)
    shown = data.get(BUTTONS_SHOWN) or []
    tapped = next((choice for label, choice in shown if typed and _as_label(label) == typed), None)
    return UserInput("choice", data=tapped) if tapped is not None else user_input


def _carry_on(dialog: Dialog, previous: datetime | None) -> None:
    """Go on with the form when asked in words (「昨日の続きをお願いします」); offer to resume a form left
    too long; otherwise fire the input's event."""
    if menu.asks_to_resume(dialog) and _fire(dialog, "resume"):
        return
    if _paused_too_long(dialog, previous):
        menu.offer_resume(dialog)
    else:
        _dispatch(dialog)


def _as_answer_at_a_question(state: str, understanding: Understanding) -> Understanding:
    """At a form question or its review, a turn of talk or a command only the learned layer read is not
    taken: what is typed there answers the question (「母のことです」), as the rules alone would read it.

    A question it read (faq, service) may still be answered on the way, as a rule-read one is.
    """
    if state not in intake.QUESTION_AT and state != consent.States.REVIEW:
        return understanding
    kept = tuple(
        intent
        for intent in understanding.intents
        if intent_family(intent) == "question" or not understanding.learned_only(f"intent:{intent}")
    )
    return understanding if kept == understanding.intents else replace(understanding, intents=kept)


def _keep_for_the_case(dialog: Dialog, before: str) -> None:
    """With the conversation shared, a message typed at the menu that the turn answered itself still
    reaches the open case: 「ままにばれない？」 gets its answer here, and the CSW reads it with the case.

    Words typed inside a new form are not: they reach a case only if that form is sent.
    """
    text = dialog.user_input.text.strip()
    at_menu = before == dialog.state == MenuStates.MAIN.value
    if not text or not at_menu or not followup.adds_automatically(dialog) or fragments.hides_from_staff(text):
        return
    if intake.takes_back(dialog):  # 「取り消したいです。彼にばれたら怖い」: withdrawal offered, nothing added
        return
    if not any(isinstance(effect, AddToCase | HandOff | DeleteUserData) for effect in dialog.effects):
        dialog.effects.append(AddToCase(text))


def data_after_handoff(data: Mapping[str, Any]) -> dict[str, Any]:
    """The conversation data once its case is closed: later words no longer go to that case."""
    return {key: value for key, value in data.items() if key not in ("handoff", "with_person")}


def state_after_handoff() -> str:
    """Where a conversation goes when its CSW closes the case: the main menu, so the bot answers again."""
    return MenuStates.MAIN.value
