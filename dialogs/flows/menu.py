"""The welcome, the top menu, asking about services, resuming a paused form, and deleting data.

Also the commands that work from every state (help, menu, delete, human, stop, later, restart,
fallback, media): their rows list every state of every flow as their source.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from transitions import EventData

from dialogs import catalog, crisis, fragments
from dialogs.content import FAQ_INTENTS, QUESTION_IDS, SERVICE_IDS, FaqIntent, ServiceId, current_content
from dialogs.crisis import lines as crisis_lines
from dialogs.crisis import reading as crisis_reading
from dialogs.dialog import Dialog, dialog_of
from dialogs.effects import DeleteUserData
from dialogs.flows import answers, consent, draft, followup, intake, languages
from dialogs.flows.common import MenuStates, show_menu
from dialogs.flows.reply_due import open_handoff
from dialogs.messages import Choice, Text
from dialogs.office_hours import format_jp, to_tokyo
from dialogs.summary import RELATIVES_STATE, urgency_of
from dialogs.understanding.entities import place_lived_in, relative_named
from dialogs.understanding.model import Understanding

States = MenuStates

MENU = [States.START.value, States.MAIN.value, States.RESUME.value]
FORM = [*intake.QUESTION_STATES, consent.States.REVIEW.value]
EVERY = [*(state.value for state in States), *FORM]

MORNING_FROM, DAY_FROM, EVENING_FROM, LATE_NIGHT_FROM = 5, 10, 18, 23
"""Hours (Tokyo) where おはようございます, こんにちは, こんばんは and the late-night greeting begin."""


# ---------------------------------------------------------------- welcome and menu


def hello_for_the_hour(dialog: Dialog) -> str:
    """The greeting that fits the hour in Tokyo; late at night, with a word that writing now is fine."""
    hour = to_tokyo(dialog.now).hour
    if hour >= LATE_NIGHT_FROM or hour < MORNING_FROM:
        return catalog.text("hello.late_night")
    if hour < DAY_FROM:
        return catalog.text("hello.morning")
    return catalog.text("hello.day" if hour < EVENING_FROM else "hello.evening")


def _welcome(dialog: Dialog) -> None:
    """Say what this is: automated, anonymous, free, when a human answers, how to stop or delete."""
    content = current_content()
    dialog.say(
        "welcome",
        hello=hello_for_the_hour(dialog),
        council=content.municipality.council_name,
        reply_promise=content.reply_promise_text(dialog.now),
    )


def greet(event: EventData) -> None:
    """Send the welcome and the menu."""
    _welcome(dialog_of(event))
    show_menu(dialog_of(event))


def greet_and_answer(event: EventData) -> None:
    """Welcome a first message, then answer it (guidance, a service, what it tells us) or offer the menu."""
    dialog: Dialog = dialog_of(event)
    intents = dialog.understanding.intents if dialog.understanding else ()
    if "talk.deleted_check" in intents:
        confirm_deleted(dialog)
        return
    _welcome(dialog)
    if "talk.consider" in intents:  # 「相談しようかな」: welcomed with the next step, not a send screen
        welcome_consulting(event)
    elif "talk.listen" in intents or "cmd.human" in intents:
        dialog.state = consent.States.REVIEW.value
        consent.review_prompt(dialog)
    elif "talk.guidance" in intents and not _yields("talk.guidance", intents):
        guide(event)
    elif crisis.tells_no_child_guidance(dialog):
        crisis.answer_no_child_guidance(dialog)
    elif "talk.privacy_fear" in intents or any(intent in intents for intent in PRIVACY_QUESTIONS):
        reassure_privacy(event)
    elif _first_words_first_time(dialog):  # 「誰かに自分で書くのはじめて」 as the first words
        dialog.say("talk.first_time", _gentle_choices())
    elif answer_apology(dialog):  # 「すみませんでした」 as the first words
        pass
    elif any(intent in intents for intent in FIRST_MESSAGE_TALK):
        FIRST_MESSAGE_TALK[next(i for i in FIRST_MESSAGE_TALK if i in intents)](event)
    elif intake.says_phone_is_hard(dialog) and not answers.topics_asked(dialog):
        dialog.say("draft.chat_is_fine")  # 「でんわ にがて」 as the first words: nothing here needs a call
        show_menu(dialog)
    elif not answers.answer_typed(dialog) and not _heard_concerns(dialog):
        show_menu(dialog)


def _first_words_first_time(dialog: Dialog) -> bool:
    """A first message that only says it is the first time (「誰かに自分で書くのはじめて」), no worry told."""
    understanding = dialog.understanding
    told = understanding is not None and bool(understanding.concerns or understanding.crisis != "none")
    return not told and fragments.holds_word_of(dialog.user_input.text, "first_time")


def acknowledge_worry(dialog: Dialog) -> None:
    """Open the reply with a word for a fear of what lies ahead (「この先どうなるのかと思うと」), before any
    note of what was taken down; once in a conversation, and never in place of a crisis reply."""
    understanding = dialog.understanding
    if (
        understanding is None
        or "talk.worried" not in understanding.intents
        or understanding.crisis != "none"
        or dialog.data.get("worry_acknowledged")
        or not dialog.messages
    ):
        return
    dialog.data["worry_acknowledged"] = True
    dialog.put_first(catalog.text("talk.worried"))


OUTSIDE_TOLD = "outside_area_told"
"""The data key holding the place outside the service area the person was told of (once a place)."""


def outside_place(dialog: Dialog) -> str | None:
    """The place outside the service area the writer says they live in (「川崎市に住んでます」), else None:
    not this municipality nor one of its districts."""
    if dialog.user_input.kind != "text":
        return None
    place = place_lived_in(dialog.user_input.text)
    if place is None:
        return None
    content = current_content()
    home = content.municipality.name
    ours = {home, home[:-1], *(district.name.removesuffix("地区") for district in content.districts)}
    ours |= {district.name for district in content.districts}
    if place.endswith("地区") or place in ours or place[:-1] in ours or home in dialog.user_input.text:
        return None
    return place


def tell_outside_area(dialog: Dialog) -> None:
    """Say first, kindly and once a place, that this window is for residents of the municipality and
    where people living elsewhere can turn (「川崎市に住んでます」): that city's own 自立相談支援機関 and
    社会福祉協議会, found on its website or at its office. Never in place of a crisis reply."""
    place = outside_place(dialog)
    understanding = dialog.understanding
    if place is None or understanding is None or understanding.crisis != "none":
        return
    if dialog.data.get(OUTSIDE_TOLD) == place or not dialog.messages:
        return
    dialog.data[OUTSIDE_TOLD] = place
    home = current_content().municipality.name
    dialog.put_first(catalog.text("area.outside", place=place, municipality=home))


def names_family_matter(event: EventData) -> bool:
    """Typed text only says it is about the family (「家族のこと」); the relation is not known yet."""
    dialog: Dialog = dialog_of(event)
    understanding = dialog.understanding
    answers_so_far = dialog.data.get("intake", {}).get("answers", {})
    return (
        understanding is not None
        and any(e.kind == "relation" and e.value == "family" for e in understanding.entities)
        and not understanding.concerns
        and answers.first_topic(dialog) is None
        and answers_so_far.get("asker", {}).get("choice") == "family"
        and "relation" not in answers_so_far
    )


def start_family(event: EventData) -> None:
    """Begin the form as a family member (who may consult alone); the relation question comes next."""
    dialog_of(event).say("family.start")


def greet_and_start_family(event: EventData) -> None:
    """Welcome a first message about the family, then begin the form as a family member."""
    _welcome(dialog_of(event))
    start_family(event)


def menu_again(event: EventData) -> None:
    """Offer the menu."""
    show_menu(dialog_of(event), "menu.again")


def _heard_concerns(dialog: Dialog) -> bool:
    """Reflect, in the person's terms, concerns typed on the menu and offer next steps; False when none.

    A family member's or supporter's words about someone else are reflected without naming any
    category (no label is put on their relative), a supporter's as a supporter's, not as a worry of
    their own; a person's own concerns with gentle words (also when
    someone who said it is about themself names a relative in it: 「親とうまくいかなくて」), and
    words about themself that name no worry yet with thanks alone.
    """
    understanding = dialog.understanding
    if understanding is None or not understanding.concerns:
        return False
    concerns = draft.written_concerns(understanding, dialog.user_input.text)
    about = dict(understanding.concern_about)
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    choices = (
        Choice(catalog.text("menu.human"), "human"),
        Choice(catalog.text("menu.intake"), "intake"),
        Choice(catalog.text("menu.services"), "services"),
    )
    if asker == "supporter":  # a 民生委員 or care manager: not offered help for her own distress
        dialog.say(fresh(dialog, "menu.heard_supporter"), choices)
    elif asker == "family" or (asker != "self" and "other" in about.values()):
        elder = _elderly_parent_line(dialog)
        dialog.say(fresh(dialog, "menu.heard_other"), () if elder else choices)  # not to a man writing of
        if elder:  # himself, his parents
            dialog.send(Text(elder, choices))
    elif not concerns:  # a parent telling who she is (「シングルで子ども2人育ててます」), no worry yet
        draft.keep_typed(dialog)
        dialog.say(fresh(dialog, "menu.heard_self"), choices)
    else:
        names = languages.worded(dialog, "person.concern")
        labels = languages.listed(
            dialog,
            [
                catalog.text("person.family_concern", label=catalog.text(f"{names}.{c}"))
                if names == "person.concern" and about.get(c) == "other" and c in RELATIVES_STATE
                else catalog.text(f"{names}.{c}")
                for c in concerns
            ],
        )  # 「おかんも腰悪いし」 from a man writing of himself: his mother's, not his own
        dialog.say(languages.worded(dialog, "menu.concerns_heard"), choices, items=labels)
    return True


ELDER_WORRIES = frozenset(("caregiving", "illness"))
"""Worries about an elderly parent that 地域包括支援センター takes (care, dementia, illness)."""


def _elderly_parent_line(dialog: Dialog) -> str | None:
    """The line offering 地域包括支援センター when the words tell of an elderly parent's care or illness
    (「親は高齢で、父が認知症ぎみ」), once in a conversation; None otherwise."""
    understanding = dialog.understanding
    if understanding is None or dialog.data.get("elder_window_told"):
        return None
    text = dialog.user_input.text
    of_a_parent = any(e.kind == "relation" and e.value == "child" for e in understanding.entities)
    worries = ELDER_WORRIES & set(understanding.concerns)
    if not (of_a_parent and worries and fragments.holds_word_of(text, "elder_signs")):
        return None
    dialog.data["elder_window_told"] = True
    content = current_content()
    window = content.window(content.service("elderly_center").how_to_reach.window)
    return catalog.text(
        "menu.heard_elder_parent",
        window_name=window.name,
        window_phone=window.phone,
        window_hours=window.hours_text,
    )


BRIEF_AFTER: dict[str, str] = {
    "menu.heard_other": "menu.heard_again",
    "menu.heard_supporter": "menu.heard_again",
    "menu.heard_self": "menu.heard_again",
    "menu.heard_words": "menu.heard_again",
    "menu.few_words": "menu.few_words_again",
}
"""Replies that are long the first time and brief when they would come again: a father writing four
lines about his son hears the thanks for writing of his family once, not four times in a row."""

SAID_LATELY = timedelta(minutes=30)
"""A reply said within this time counts as said just before."""


def fresh(dialog: Dialog, key: str) -> str:
    """The catalog key to say for `key` now: itself the first time, then its brief forms in turn
    (`<brief>.a`, `<brief>.b`) while the person keeps writing, so no text comes twice in a row."""
    brief = BRIEF_AFTER.get(key)
    if brief is None:
        return key
    last = dialog.data.get("said_last") or {}
    stamp = last.get("at")
    lately = isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < SAID_LATELY
    said = last.get("key") if lately else None
    if said == f"{brief}.b" or (said is not None and BRIEF_AFTER.get(said) == brief):
        chosen = f"{brief}.a"
    elif said == f"{brief}.a":
        chosen = f"{brief}.b"
    else:
        chosen = key
    dialog.data["said_last"] = {"key": chosen, "at": dialog.now.isoformat()}
    return chosen


NUMBER_QUESTIONS = frozenset({"faq.how_to_reach", "faq.contact_word"})
"""Questions a message giving the person's number asks by naming it (「電話番号教えればいいべか？090-…」):
answered by keeping the number, not with the 相談のしかた card."""


def asks_more(dialog: Dialog) -> bool:
    """Whether a message that gave a phone number also asks something else (「電話は090-…です。生活保護
    について知りたい」): that question is answered after the number is acknowledged."""
    intents = dialog.understanding.intents if dialog.understanding is not None else ()
    return any(i.startswith(("faq.", "service.")) and i not in NUMBER_QUESTIONS for i in intents)


ANSWER_COMMANDS = frozenset({"cmd.yes", "cmd.no", "cmd.skip", "cmd.later", "cmd.back"})
"""Commands that answer a question (「うん」「答えたくない」「あとで」): on the menu none is waiting."""


def route_text(event: EventData) -> None:
    """Answer typed text on the menu (after the 119 line, when someone outside writes of the cold or their
    body): a service or FAQ, an addition to an open case, concerns, or the menu."""
    dialog: Dialog = dialog_of(event)
    if crisis.answer_cold(dialog):  # 「今夜さむいし子どもらが心配」 with the power cut; the cold again
        return
    safety_line = crisis.safety_line_fits(dialog)
    if safety_line:
        dialog.say("urgent.cold_line")
    if not safety_line and answer_young_carer(dialog):
        return
    if (
        followup.gave_phone_number(dialog)
        and len(dialog.messages) > int(safety_line)
        and not asks_more(dialog)
    ):
        show_menu(dialog, "menu.next")  # 「電話番号教えればいいべか？090-…」: kept, not the 相談のしかた card
        return
    if hear_supporters_own_visit(dialog):  # 「家庭訪問したら…」 from a teacher: her visit, not our FAQ
        return
    if intake.asks_whether_number_needed(event):  # 「電話番号をお伝えした方がよろしいでしょうか」
        show_menu(dialog, "menu.number_not_needed")
        return
    if answer_apology(dialog):  # 「すみませんでした」 after an outburst: no need to say sorry
        return
    if answers.answer_follow_up(dialog) or answers.answer_typed(dialog):
        return
    if followup.added_this_turn(dialog):  # how to reach them, or a caution: already on the case
        show_menu(dialog, "menu.next")
        return
    if followup.adds_automatically(dialog) and followup.add_typed(dialog):
        return
    if followup.offer_to_add(dialog) or _heard_concerns(dialog):
        return
    if len(dialog.messages) > int(safety_line):  # the draft took something from it and said so
        show_menu(dialog, "menu.next")
        return
    if dialog.data.get("urgency", {}).get("level") in ("crisis", "urgent"):
        heard_after_urgent(dialog)
        return
    if fragments.holds_word_of(dialog.user_input.text, "asks_for_an_answer"):  # 「いや質問に答えてよ」
        show_menu(dialog, "guidance.unanswered")
        return
    if dialog.understanding and any(i in ANSWER_COMMANDS for i in dialog.understanding.intents):
        show_menu(dialog, "menu.nothing_asked")
        return
    if any(char.isalnum() for char in dialog.user_input.text):
        draft.keep_typed(dialog)  # unread words still reach 相談者の言葉 if the person shares
    if tells_about_someone(dialog):
        show_menu(dialog, fresh(dialog, "menu.heard_words"))
        return
    if _meets_unread_talk(dialog):
        return
    if len(dialog.user_input.text.strip()) <= FEW_CHARS:
        show_menu(dialog, fresh(dialog, "menu.few_words"))
        return
    dialog.say("fallback")
    show_menu(dialog)


UNREAD_TALK: tuple[tuple[str, str], ...] = (
    ("first_time", "talk.first_time"),
    ("no_help_wanted", "menu.no_help_wanted"),
    ("ashamed", "menu.ashamed"),
    ("hedge", "menu.hedge"),
    ("opener", "menu.opener"),
)
"""Words met kindly when nothing else in the message was read: writing for the first time (「誰かに自分で
書くのはじめて」), not wanting help as such (「別に助けてほしいとかじゃなくて」), shame (「こんなことに
なって本当に恥ずかしいです」), a proud hedge
(「人に頼るのは性に合わんのよ」) and an opener asking leave to ask (「すみません、ちょっと聞きたいっちゃ
けど」), each with its reply."""


def answer_apology(dialog: Dialog) -> bool:
    """Answer a message that only says sorry (「すみませんでした」「ごめんなさい」「すみません、さっきは」)
    with no need to apologise and how to go on, writing nothing down; False for anything else. A bare
    「すみません」 as the very first words only asks leave to ask: it is met as an opener instead."""
    understanding = dialog.understanding
    if dialog.user_input.kind != "text" or (understanding is not None and understanding.crisis != "none"):
        return False
    text = dialog.user_input.text
    if not fragments.only_apologises(text):
        return False
    written_before = bool(dialog.data.get("intake", {}).get("heard")) or followup.has_sent(dialog)
    if fragments.excuse_me_only(text) and not written_before:
        return False
    dialog.say(languages.worded(dialog, "menu.no_apology"), _gentle_choices())
    return True


def _meets_unread_talk(dialog: Dialog) -> bool:
    """Answer unread words that only hedge, open or deny a worry (「暴力とかはないです」) without the fallback
    and the whole menu; False when the message is none of these."""
    understanding = dialog.understanding
    denied = understanding is not None and any(e.label.startswith("negated:") for e in understanding.evidence)
    key = next(
        (key for words, key in UNREAD_TALK if fragments.holds_word_of(dialog.user_input.text, words)),
        "menu.heard_denied" if denied else None,
    )
    if key is None:
        return False
    dialog.say(key, _gentle_choices())
    return True


FEW_CHARS = 3
"""Unread text this short (「…」「むり」) is met gently, as someone finding no words, not as a misreading."""

WORRY_WORDS = ("心配", "気がかり", "気になって", "のことで相談", "のことで")
"""Words that make a line part of the person's story even when nothing in it could be read."""


def tells_about_someone(dialog: Dialog) -> bool:
    """Whether unread typed text names a relative or voices a worry (「父はいません」「…のか心配です」)."""
    understanding = dialog.understanding
    names_someone = understanding is not None and any(e.kind == "relation" for e in understanding.entities)
    return names_someone or any(word in dialog.user_input.text for word in WORRY_WORDS)


def heard_after_urgent(dialog: Dialog) -> None:
    """After a crisis or urgent reply, keep words the bot cannot answer, say so, and offer a person."""
    draft.keep_typed(dialog)
    show_menu(dialog, "menu.heard_after_urgent")


def list_services(event: EventData) -> None:
    """Offer the list of services."""
    dialog_of(event).say("services.prompt", answers.service_choices())


def list_faqs(event: EventData) -> None:
    """Offer the list of common questions."""
    dialog_of(event).say("faq.prompt", answers.faq_choices())


def is_service(event: EventData) -> bool:
    """The tapped choice names a known service."""
    return bool(dialog_of(event).value() in SERVICE_IDS)


def is_faq(event: EventData) -> bool:
    """The tapped choice names a known common question."""
    return bool(dialog_of(event).value() in FAQ_INTENTS)


def answer_service(event: EventData) -> None:
    """Answer about the tapped service."""
    answers.send_service(dialog_of(event), cast(ServiceId, dialog_of(event).value()))


def answer_faq(event: EventData) -> None:
    """Answer the tapped common question."""
    answers.send_faq(dialog_of(event), cast(FaqIntent, dialog_of(event).value()))


# ---------------------------------------------------------------- pausing and resuming the form


def offer_resume(dialog: Dialog) -> None:
    """After a long pause in an unfinished form, ask: continue, start over, or the menu."""
    place = intake.resume_state(dialog)
    if place is not None:
        intake.form(dialog)["resume"] = place
    dialog.state = States.RESUME.value
    dialog.say(
        "resume.prompt",
        (
            Choice(catalog.text("nav.resume"), "resume"),
            Choice(catalog.text("nav.restart"), "restart"),
            Choice(catalog.text("nav.menu"), "menu"),
        ),
    )


RESUME_ASKED_MAX_CHARS = 40
"""A longer message is more than asking to go on with the form."""


def asks_to_resume(dialog: Dialog) -> bool:
    """Whether a short message on the menu asks to go on with the unfinished form (「昨日の続きをお願い
    します」); a greeting with it is answered for the hour, before the form goes on."""
    text = dialog.user_input.text.strip() if dialog.user_input.kind == "text" else ""
    asked = 0 < len(text) <= RESUME_ASKED_MAX_CHARS and fragments.holds_word_of(text, "asks_to_resume")
    asked = asked or intake.comes_back(dialog)  # 「もどった」 after stepping away from the form
    if not asked or dialog.state not in MENU or not intake.has_unfinished(dialog):
        return False
    if dialog.understanding is not None and "talk.greeting" in dialog.understanding.intents:
        dialog.send(Text(hello_for_the_hour(dialog)))
    return True


def paused(event: EventData) -> None:
    """Say the answers are kept (with good night, to 「今日はもう寝ます」) and offer the menu."""
    dialog: Dialog = dialog_of(event)
    for_the_night = dialog.understanding is not None and "talk.goodnight" in dialog.understanding.intents
    show_menu(dialog, "intake.paused_for_the_night" if for_the_night else "intake.paused")


def has_written(event: EventData) -> bool:
    """Whether the draft holds anything the person answered or wrote (so stopping would lose it)."""
    return draft.has_anything(dialog_of(event).data)


def confirm_stop(dialog: Dialog) -> None:
    """Say nothing is deleted yet and ask: go on, keep it for later, or delete it and stop."""
    dialog.say(
        "stop.confirm",
        (
            Choice(catalog.text("stop.go_on"), "resume"),
            Choice(catalog.text("stop.keep"), "later"),
            Choice(catalog.text("stop.discard"), "discard"),
        ),
    )


def ask_stop(event: EventData) -> None:
    """Ask before a written draft is deleted by 「やめる」."""
    confirm_stop(dialog_of(event))


def stopped_form(event: EventData) -> None:
    """Say the form was dropped and offer the menu."""
    show_menu(dialog_of(event), "intake.stopped")


def stopped(event: EventData) -> None:
    """Say goodbye quietly, with nothing asked, leaving one button to come back."""
    dialog_of(event).say("menu.stopped", (Choice(catalog.text("nav.menu"), "menu"),))


# ---------------------------------------------------------------- help, fallback, media


def _reprompt(dialog: Dialog) -> None:
    """Offer again whatever the current state is waiting for."""
    if dialog.state in intake.QUESTION_STATES:
        intake.ask(dialog)
    elif dialog.state == consent.States.REVIEW:
        consent.ask_briefly(dialog)
    elif dialog.state == States.CONFIRM_STOP:
        confirm_stop(dialog)
    elif dialog.state == States.RESUME:
        offer_resume(dialog)
    elif dialog.state == States.CONFIRM_DELETE:
        confirm_delete(dialog)
    else:
        show_menu(dialog)


def explain_help(event: EventData) -> None:
    """Explain the commands and offer again what the state was waiting for."""
    dialog_of(event).say("help")
    _reprompt(dialog_of(event))


def explain_fallback(event: EventData) -> None:
    """Say the input was not understood and offer again what the state was waiting for."""
    dialog_of(event).say("fallback")
    _reprompt(dialog_of(event))


def ask_for_text(event: EventData) -> None:
    """Say media cannot be read and offer again what the state was waiting for."""
    dialog_of(event).say("unsupported_media")
    _reprompt(dialog_of(event))


def show_hotlines(event: EventData) -> None:
    """List the hotlines open now (asked for from the rich menu) and offer again what the state waited for."""
    dialog: Dialog = dialog_of(event)
    dialog.send(crisis.hotline_list(dialog.now))
    _reprompt(dialog)


def reprompt(event: EventData) -> None:
    """Offer again what the state is waiting for."""
    _reprompt(dialog_of(event))


# ---------------------------------------------------------------- deleting data


def confirm_delete(dialog: Dialog) -> None:
    """Say exactly what would be deleted and ask to confirm; to one who stops and asks to delete what they
    wrote (「やっぱりやめます。消してください」) with nothing sent, first that stopping is fine and nothing
    went to anyone."""
    understanding = dialog.understanding
    evidence = understanding.evidence if understanding is not None else ()
    stops = dialog.user_input.kind == "text" and any(e.rule.endswith("#delete_after_stop") for e in evidence)
    if stops and not followup.has_sent(dialog):
        dialog.say("delete.stop_nothing_sent")
    dialog.say(
        "delete.confirm",
        (Choice(catalog.text("delete.yes"), "yes"), Choice(catalog.text("delete.no"), "no")),
    )


def ask_delete(event: EventData) -> None:
    """Ask to confirm deleting everything about this account."""
    confirm_delete(dialog_of(event))


def delete_everything(event: EventData) -> None:
    """Ask the bot to delete every record about this account, forget the conversation, and say what went."""
    dialog: Dialog = dialog_of(event)
    dialog.effects.append(DeleteUserData())
    english = dialog.data.get(languages.REMEMBERED) == "en"  # said in English, though nothing is kept
    dialog.data.clear()
    prefix, label = ("en.", "label.en.nav.menu") if english else ("", "nav.menu")
    dialog.say(f"{prefix}delete.done")
    dialog.say(f"{prefix}delete.talk_history", (Choice(catalog.text(label), "menu"),))


def confirm_deleted(dialog: Dialog) -> None:
    """Answer 「ほんとに消えた？」 in a conversation that starts empty (a deletion forgets it): it is all
    gone, and how to delete the トーク履歴 kept on the phone; the words are not kept."""
    dialog.data.pop("intake", None)
    dialog.say("delete.confirmed")
    dialog.say("delete.talk_history", (Choice(catalog.text("nav.menu"), "menu"),))


# ---------------------------------------------------------------- talk: guidance, privacy, greetings, risk

PRIVACY_QUESTIONS: Mapping[str, str] = {
    "talk.privacy_work": "privacy.workplace",
    "talk.privacy_ai": "privacy.ai",
    "talk.privacy_line": "privacy.line",
    "talk.privacy_kept": "privacy.kept",
    "talk.privacy_staff": "privacy.staff",
}
"""Questions on privacy (「会社にバレますか」「これAIの学習に使われる？」「LINEの会社に読まれる？」「記録って
いつまで残るの？」「市役所の人も見るの？」), most specific first, and the catalog answer to each."""

TALK_TRIGGERS: Mapping[str, str] = {
    **dict.fromkeys(PRIVACY_QUESTIONS, "privacy"),
    "talk.young_carer": "young_carer",
    "talk.hiding_job_loss": "hiding_job_loss",
    "talk.daytime_hard": "daytime_hard",
    "talk.losing_phone": "losing_phone",
    "talk.withdraw": "withdraw",
    "talk.listen": "human",
    "talk.when_reply": "when_reply",
    "talk.write_again": "write_again",
    "talk.returning": "returning",
    "talk.goodnight": "goodnight",
    "talk.police_neighbours": "police_neighbours",
    "talk.sleepless": "sleepless",
    "talk.own_burden": "own_burden",
    "talk.entrust": "entrust",
    "talk.language": "language",
    "talk.just_looking": "just_looking",
    "talk.addition": "addition",
    "talk.privacy_fear": "privacy",
    "talk.blame_fear": "blame_fear",
    "talk.guidance": "guidance",
    "talk.consider": "consider",
    "talk.goodbye": "goodbye",
    "talk.greeting": "greeting",
    "talk.thanks": "thanks",
}
"""Talk intents, most telling first, and the event each fires."""

YIELDS_TO: Mapping[str, tuple[str, ...]] = {
    "talk.language": ("cmd.human",),
    "talk.guidance": QUESTION_IDS,
    "talk.privacy_fear": ("ask.visa", "ask.family_inquiry"),
}
"""Talk intents that give way to a command or a question in the same message (「Can I talk to someone in
English?」, 「兄に病院に行ってほしいんですが、どう声をかけたらいいですか」, 「will immigration find out?」:
the visa answer, which says first what is kept confidential; 「生活保護うけたら家族にバレますか」: the
扶養照会 answer, which says what the 福祉事務所 may ask of relatives and what the council never tells
them)."""


def _yields(intent: str, intents: Sequence[str]) -> bool:
    """Whether a talk intent gives way to another intent of the same message."""
    return any(other in intents for other in YIELDS_TO.get(intent, ()))


TALK_MAX_CHARS = 120
"""Typed text longer than this is read as an answer or a story, never as a talk intent."""

CONSENT_TALK_MAX_CHARS = 60
"""A longer message naming the person's consent is a story, answered as one."""


def speaks_of_the_persons_consent(dialog: Dialog) -> bool:
    """Whether a family member or supporter says the person has not agreed or does not know yet
    (「ご本人の同意はとれていません」「本人はまだ相談することを知りません」)."""
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    typed = unicodedata.normalize("NFKC", dialog.user_input.text).strip()
    if asker not in ("family", "supporter") or len(typed) > CONSENT_TALK_MAX_CHARS:
        return False
    named = any(word in typed for word in fragments.WORDS["the_person"])
    if fragments.holds_word_of(typed, "person_wont_consult"):  # 「兄本人は相談なんてしないと思います」
        return named or relative_named(typed) is not None
    family = asker == "supporter" and _names_the_family(typed)  # 「母親の同意はまだとっていないんですが…」
    return (named or family) and any(word in typed for word in fragments.WORDS["not_agreed"])


def _names_the_family(typed: str) -> bool:
    """Whether the words name the family of the one written about (「母親」「保護者」), not 本人."""
    return any(word in typed for word in fragments.WORDS["family_of_the_person"]) and not any(
        word in typed for word in fragments.WORDS["the_person"]
    )


def talk_trigger(dialog: Dialog) -> str | None:
    """The event a typed talk intent fires, or None (none found, too long, or the question takes words).

    The first message of a conversation is handled by `greet_and_answer`; a question that stores
    typed words keeps them as its answer, and one whose option the words name takes it.
    """
    understanding = dialog.understanding
    if intake.asks_privacy_at_a_question(dialog):
        return "privacy"  # 「会社にバレますか」 at a question keeping words: answered, not its answer
    if (
        understanding is None
        or dialog.state == States.START
        or intake.takes_words(dialog.state)
        or len(dialog.user_input.text.strip()) > TALK_MAX_CHARS
        or intake.names_an_option_here(dialog)
    ):
        return None
    intents = understanding.intents
    if "cmd.delete" in intents:  # 「ありがとう。記録は消しといてください」 asks to delete, thanks aside
        return None
    talk = next(
        (
            event
            for intent, event in TALK_TRIGGERS.items()
            if intent in intents and not _yields(intent, intents)
        ),
        None,
    )
    if talk in (None, "guidance") and speaks_of_the_persons_consent(dialog):  # 「同意はまだ…どうしたら」
        return "without_consent"
    if talk == "privacy" and _asks_another_way(understanding):
        return None  # 「連絡はLINEだと見られるので…電話をもらえませんか」: how to be reached, kept as told
    return talk


def _asks_another_way(understanding: Understanding) -> bool:
    """Whether a fear of this LINE being seen comes with the way or time to be reached instead (「LINEは見ら
    れるので電話でお願いします」): a wish about contact for the 受付票, not a question about privacy."""
    ways = ("contact", "contact_also", "contact_times")
    return any(entity.kind in ways for entity in understanding.entities)


def say_what_listening_is(event: EventData) -> None:
    """Before the send screen a wish to be listened to opens (「まず自分だけ話を聞いてもらいたい」
    「まあ、話だけなら聞いてもいい」), say in one line what happens: a person reads and answers here, and
    sending is their choice."""
    dialog = dialog_of(event)
    if dialog.understanding is not None and "talk.listen" in dialog.understanding.intents:
        dialog.say("talk.listen_first")


def guide(event: EventData) -> None:
    """Answer 「どうしたらいいの」「どこに相談すれば」: the first window for what the person has told so far
    (a father with dementia → 地域包括; a lost job → くらしサポート; an old man living alone → 地域包括),
    else three things this bot can do now."""
    dialog: Dialog = dialog_of(event)
    choices = (
        Choice(catalog.text("menu.human"), "human"),
        Choice(catalog.text("menu.services"), "services"),
        Choice(catalog.text("menu.intake"), "intake"),
    )
    promise = followup.reply_promise(dialog, urgency_of(dialog.data))  # an open hand-off keeps its time
    lines = answers.windows_for_story(dialog)
    if len(lines) == 1:
        dialog.say("guidance.for_story_one", choices, lines=lines[0], reply_promise=promise)
    elif lines:
        dialog.say("guidance.for_concerns", choices, lines="\n".join(lines), reply_promise=promise)
    else:
        dialog.say("guidance.options", choices, reply_promise=promise)


def _privacy_question(dialog: Dialog) -> str | None:
    """The catalog answer to the plain privacy question typed (「これ誰が見るの」), or None."""
    intents = dialog.understanding.intents if dialog.understanding else ()
    return next((key for intent, key in PRIVACY_QUESTIONS.items() if intent in intents), None)


def _asks_about_notifications(dialog: Dialog) -> bool:
    """Whether typed words ask that notifications not show what is written (「通知に内容が出ないように」)."""
    return dialog.user_input.kind == "text" and "通知" in dialog.user_input.text


def asks_privacy_question(event: EventData) -> bool:
    dialog: Dialog = dialog_of(event)
    return _privacy_question(dialog) is not None or _asks_about_notifications(dialog)


def _note_notifications(dialog: Dialog, choices: tuple[Choice, ...] = ()) -> None:
    """Keep a wish that notifications hide the text (「夫が見ることがあるので通知に内容が出ないように」) as a
    consideration for the person in charge, with the words typed, and say so."""
    draft.note_consideration(dialog, catalog.text("consideration.notifications"))
    dialog.say("privacy.notifications_noted", choices)


def answer_privacy_on_review(event: EventData) -> None:
    """A plain privacy question typed on the consent screen (「送ったら誰が見ますか」): its answer, then the
    send buttons again, so the person decides with the answer in hand, and 「記録を消す」, which the answer
    may point to."""
    dialog: Dialog = dialog_of(event)
    question = _privacy_question(dialog)
    if question is not None:
        dialog.say(question, council=current_content().municipality.council_name)
    elif _asks_about_notifications(dialog):  # a wish for safety at home, not a hope: the send screen stays
        dialog.say("privacy.notifications")
        _note_notifications(dialog)
    _say_no_blame(dialog)
    consent.ask_briefly(dialog, (Choice(catalog.text("menu.delete"), "delete"),))


def _say_no_blame(dialog: Dialog) -> bool:
    """Answer the fear of being scolded for consulting (「怒られたりしない？親のくせにって」), asked beside
    another question or alone: no one will blame them. True when it was asked."""
    asked = dialog.understanding is not None and "talk.blame_fear" in dialog.understanding.intents
    if asked:
        dialog.say(_no_blame_key(dialog))
    return asked


def _no_blame_key(dialog: Dialog) -> str:
    """What the staff are like when the words name them (「相談員さんに怒られたりしませんか」), else that no
    one will blame the person for consulting."""
    return "answer.about_staff" if answers.asks_about_staff(dialog) else "talk.no_blame"


def answer_blame_fear(event: EventData) -> None:
    """「相談したら怒られそう」「親のくせにって思われない？」: no one will blame them, staff are there to
    help families; on the consent screen the send buttons come again, elsewhere the ways forward."""
    dialog: Dialog = dialog_of(event)
    if dialog.state == consent.States.REVIEW:
        _say_no_blame(dialog)
        consent.ask_briefly(dialog)
    else:
        _answer(dialog, _no_blame_key(dialog))


def reassure_privacy_in_form(event: EventData) -> None:
    """Answer a privacy question typed at a question of the form (「会社にバレますか」「家族に知られますか」),
    then ask that question again: the answer without its buttons, the form where it was."""
    dialog: Dialog = dialog_of(event)
    reassure_privacy(event)
    last = dialog.messages[-1]
    dialog.messages[-1] = Text(last.text)
    intake.ask(dialog)


def reassure_privacy(event: EventData) -> None:
    """Answer the fear of someone reading this LINE: what stays on the phone and how to remove it.

    Asked again, the answer is short, with the button to delete the records; asked about notifications,
    how to hide their text; asked whether to delete the talk (「履歴けしたほうがいい？」), that it is safe,
    what stays with the 相談員 or in 「つなぐ」, and how; asked a plain question (AI training, LINE the
    company, how long records stay, who reads), its own answer. Who must not know (「嫁にもばれてへん」)
    is kept for the person in charge. Told, not asked, by someone given the DV lines (「このLINEも見られるかも
    しれないので怖いです」), what she can do to hide this talk and a line to call when it is safe.
    """
    dialog: Dialog = dialog_of(event)
    if dialog.understanding and any(e.kind == "relation" for e in dialog.understanding.entities):
        draft.keep_typed(dialog)
    choices = (Choice(catalog.text("menu.delete"), "delete"), Choice(catalog.text("nav.menu"), "menu"))
    question = _privacy_question(dialog)
    if question is not None:  # a plain question (AI, LINE, how long, who reads): its own answer, each time
        blamed = "talk.blame_fear" in dialog.understanding.intents if dialog.understanding else False
        dialog.say(question, () if blamed else choices, council=current_content().municipality.council_name)
        if blamed:
            dialog.say(_no_blame_key(dialog), choices)
        return
    if _asks_about_notifications(dialog):
        dialog.say("privacy.notifications")
        _note_notifications(dialog, choices)
        return
    evidence = dialog.understanding.evidence if dialog.understanding else ()
    if any(e.rule.endswith("#delete_history") for e in evidence):
        sent = open_handoff(dialog) is not None  # 「履歴けしたほうがいい？」: yes, and what stays where
        dialog.say("privacy.delete_history" if sent else "privacy.delete_history_unsent")
        dialog.say("delete.talk_history", choices)
        return
    if dialog.data.get("privacy_answered"):
        dialog.say("privacy.again", choices)
        return
    dialog.data["privacy_answered"] = True
    typed = dialog.user_input.text.strip()
    told = not typed.endswith(crisis.QUESTION_ENDS) and "?" not in typed and "？" not in typed
    line = crisis.safe_line(dialog.now) if told and crisis.partner_lines_given(dialog) else ""
    if line:  # her partner may see this LINE: what she can do to hide it, and a line to call when safe
        dialog.say("privacy.watched_by_partner", line=line)
    elif open_handoff(dialog) is not None:  # something was sent: never say nothing is
        dialog.say("privacy.answer_sent", council=current_content().municipality.council_name)
    else:
        dialog.say("privacy.answer")
    dialog.say("delete.talk_history", choices)


def _answer(dialog: Dialog, key: str, **fields: object) -> None:
    """Say `key` with the gentle ways forward on the menu; elsewhere, then offer again what was asked."""
    if dialog.state in MENU:
        choices = (Choice(catalog.text("menu.human"), "human"), Choice(catalog.text("nav.menu"), "menu"))
        dialog.say(key, choices, **fields)
    else:
        dialog.say(key, (), **fields)
        _reprompt(dialog)


def tell_when(event: EventData) -> None:
    """Answer 「いつ返事くる？」: the time promised for the open case, or how to reach a person first."""
    dialog: Dialog = dialog_of(event)
    if not followup.tell_when(dialog):
        promise = current_content().reply_promise_text(dialog.now, urgency_of(dialog.data))
        if _child_asks_about_tonight(
            dialog
        ):  # 「げつようまでへんじこないの？おれ15なんだけど、こんやどうすんの」
            dialog.say("talk.when_no_case", reply_promise=promise)
            _answer(dialog, "talk.child_tonight", lines=crisis_lines.lines_text(("child",), dialog.now))
            return
        _answer(dialog, "talk.when_no_case", reply_promise=promise)


def _child_asks_about_tonight(dialog: Dialog) -> bool:
    """Whether a child (under 18 told, or a child hurt at home told here) asks about tonight."""
    if not fragments.holds_word_of(dialog.user_input.text, "tonight_or_today"):
        return False
    understanding = dialog.understanding
    if understanding is None:
        return False
    return crisis_reading.writes_as_a_minor(understanding, dialog.data, dialog.user_input.text)


def welcome_back_any_time(event: EventData) -> None:
    """Answer 「また明日連絡してもいいですか」 with a plain yes: any time, and when a person reads."""
    _answer(dialog_of(event), "talk.write_again", reply_hours=current_content().reply_hours_text())


def welcome_returning(event: EventData) -> None:
    """Welcome back someone who wrote before (「昨日相談した者です」): with a consultation sent, say it has
    arrived and add to it (asking first when only the summary was shared); with a form left unfinished,
    offer to go on; else a warm welcome and the menu."""
    dialog: Dialog = dialog_of(event)
    handoff = open_handoff(dialog)
    if handoff is not None:
        sent_at = format_jp(datetime.fromisoformat(str(handoff["at"])))
        dialog.say("returning.sent", sent_at=sent_at)
        if followup.adds_automatically(dialog):
            followup.add_typed(dialog)
        else:
            followup.offer_to_add(dialog)
        return
    intents = dialog.understanding.intents if dialog.understanding else ()
    if "cmd.human" in intents:  # 「先ほどの続きです。…担当の方に送っていただけますか」: the send screen
        dialog.say("returning.welcome_back")
        dialog.state = consent.States.REVIEW.value
        consent.review_prompt(dialog)
        return
    if intake.has_unfinished(dialog):
        dialog.say("returning.welcome_back")
        offer_resume(dialog)
        return
    if answers.topics_asked(dialog):  # 「先ほどの続きです。窓口の電話番号を送っていただけますか」: its answer
        dialog.say("returning.welcome_back")
        answers.answer_typed(dialog)
        return
    if fragments.holds_word_of(dialog.user_input.text, "asks_to_be_sent"):  # 「…資料を送っていただけますか」
        show_menu(dialog, "returning.what_to_send")
        return
    show_menu(dialog, "returning.welcome")


def say_goodnight(event: EventData) -> None:
    """Say goodnight kindly; after sending, that the consultation is kept and will be read."""
    dialog: Dialog = dialog_of(event)
    if not followup.say_goodnight(dialog):
        dialog.say("talk.goodnight", (Choice(catalog.text("nav.menu"), "menu"),))


def answer_language(event: EventData) -> None:
    """Answer 「にほんご すこし わかります」 in やさしい日本語, with the way to a person; the words are
    kept, so a person reading the case knows how to write back."""
    draft.keep_typed(dialog_of(event))
    _answer(dialog_of(event), "talk.language")


def close_kindly(event: EventData) -> None:
    """Answer 「見てみただけです」「やっぱりいいです」 with a kind close that leaves the door open."""
    dialog_of(event).say("talk.just_looking", (Choice(catalog.text("nav.menu"), "menu"),))


def acknowledge_own_burden(event: EventData) -> None:
    """Acknowledge a family member's own burden as theirs (a student's school and life, an adult's work
    and life), and keep their words for the person in charge."""
    dialog: Dialog = dialog_of(event)
    draft.keep_typed(dialog)
    _answer(dialog, "talk.own_burden_student" if _writer_at_school(dialog) else "talk.own_burden")


def _writer_at_school(dialog: Dialog) -> bool:
    """Whether the writer is a child or a student (「高2です」, under 18 about themself)."""
    answers_so_far = dialog.data.get("intake", {}).get("answers", {})
    asker = answers_so_far.get("asker", {}).get("choice")
    if asker in ("family", "supporter"):  # a mother's 「息子は高校生です」 is her son's school
        return False
    own_band = answers_so_far.get("asker_age_band", {}).get("choice")
    if asker == "self":
        own_band = own_band or answers_so_far.get("age_band", {}).get("choice")
    plain = dialog.user_input.text.replace(" ", "").replace("　", "")
    return own_band == "under_18" or any(word in plain for word in fragments.WORDS["student"])


def comfort_sleepless(event: EventData) -> None:
    """Answer a sleepless night with kind words (not the office hours), keeping what was written."""
    draft.keep_typed(dialog_of(event))
    _answer(dialog_of(event), "talk.sleepless")


def hear_supporters_own_visit(dialog: Dialog) -> bool:
    """A supporter telling of their own visit to the home (「家庭訪問したら…」 from a teacher), not asking
    whether we visit: heard, with a word that what they saw can go to the person in charge and that a
    visit by a 相談員 can be thought over together. False when it is not one (or is a question)."""
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    typed = unicodedata.normalize("NFKC", dialog.user_input.text).strip()
    if asker != "supporter" or typed.endswith(("?", "か")) or len(typed) > CONSENT_TALK_MAX_CHARS:
        return False
    if not fragments.holds_word_of(typed, "own_visit"):
        return False
    draft.keep_typed(dialog)
    _answer(dialog, "talk.supporters_own_visit")
    return True


def explain_without_consent(event: EventData) -> None:
    """Say what a family member or supporter can do before the person agrees, and keep their words; a
    supporter who has not asked the family (「母親の同意はまだとっていないんですが…」) hears what can be
    talked over without the family's consent and what needs it; a family member whose relative will not
    consult (「兄本人は相談なんてしないと思います」) hears that the family can consult alone."""
    dialog: Dialog = dialog_of(event)
    draft.keep_typed(dialog)
    typed = unicodedata.normalize("NFKC", dialog.user_input.text)
    if fragments.holds_word_of(typed, "person_wont_consult"):
        _answer(dialog, "talk.family_alone")
        return
    if _names_the_family(typed):
        _answer(dialog, "talk.without_consent.family", who=crisis.relative_name(typed))
        return
    _answer(dialog, "talk.without_consent")


def answer_police_neighbours(event: EventData) -> None:
    """Answer the worry that the neighbours will know if the police come, and keep it for the case."""
    draft.keep_typed(dialog_of(event))
    _answer(dialog_of(event), "talk.police_neighbours")


def welcome_consulting(event: EventData) -> None:
    """Welcome 「相談しようかな」 with the next steps (just write, a person, the questions); with something
    already told, show what would be sent, as asking for a person does."""
    dialog: Dialog = dialog_of(event)
    if draft.has_anything(dialog.data):
        intake.remember_place(event)
        dialog.state = consent.States.REVIEW.value
        consent.review_prompt(dialog)
        return
    choices = (
        Choice(catalog.text("menu.human"), "human"),
        Choice(catalog.text("menu.intake"), "intake"),
        Choice(catalog.text("menu.services"), "services"),
    )
    dialog.say("talk.consider", choices)


def close_warmly(event: EventData) -> None:
    """Answer a goodbye (「また何かあれば連絡します」) with a warm close that asks nothing: any time, even
    at night; after sending, that the consultation has reached the person in charge."""
    dialog: Dialog = dialog_of(event)
    choices = (Choice(catalog.text("nav.menu"), "menu"),)
    if open_handoff(dialog) is not None:
        dialog.say("followup.goodbye", choices)
    else:
        dialog.say("talk.goodbye", choices, reply_hours=current_content().reply_hours_text())


def warn_before_phone_cut(event: EventData) -> None:
    """Answer a phone about to be cut (「ケイタイモ モウスグ トマル」) with what can be done before contact is
    lost: send now, come to the window (open today or not), call from a public phone, the night desk."""
    dialog: Dialog = dialog_of(event)
    draft.keep_typed(dialog)
    content = current_content()
    window = content.window_for_district(answers.district_of(dialog))
    desk = content.temporary_living_info.after_hours_desk
    _answer(
        dialog,
        "talk.losing_phone",
        window_name=window.name,
        window_phone=window.phone,
        window_hours=window.hours_text,
        window_address=window.address,
        today=answers.today_at_window(window, dialog.now),
        desk_name=desk.name,
        desk_phone=desk.phone,
    )


YOUNG_CARER_TOLD = "young_carer_told"
"""Where the conversation notes that a young carer has heard what ヤングケアラー means and where to go."""


def _writes_as_a_child(dialog: Dialog) -> bool:
    """Whether the writer is a child: a child of the person written about, or under 18 by her own age."""
    answers_so_far = dialog.data.get("intake", {}).get("answers", {})
    if _writes_as_a_grown_up(dialog):
        return False  # 「58歳の主婦でございます。認知症の母を介護して」: an adult carer, not a young carer
    if answers_so_far.get("relation", {}).get("choice") == "child":
        return True
    if answers_so_far.get("asker_age_band", {}).get("choice") == "under_18":
        return True
    entities = dialog.understanding.entities if dialog.understanding else ()
    return any(e.kind == "age_band" and e.value == "under_18" and e.about == "self" for e in entities)


def _writes_as_a_grown_up(dialog: Dialog) -> bool:
    """Whether the writer shows she is a grown-up: her own age 18 or over (「58歳の主婦」, an age not said to
    be someone else's), her own age band on the form, or words of adult life (「主婦」「主人は単身赴任」)."""
    own_band = dialog.data.get("intake", {}).get("answers", {}).get("asker_age_band", {}).get("choice")
    if own_band not in (None, "under_18"):
        return True
    if fragments.holds_word_of(dialog.user_input.text, "adult_self_signs"):
        return True
    entities = dialog.understanding.entities if dialog.understanding else ()
    ages = [e.value for e in entities if e.kind == "age" and e.about != "other" and e.value.isdigit()]
    return any(int(age) >= 18 for age in ages)


def answer_young_carer(dialog: Dialog) -> bool:
    """Answer a child carrying the household's cooking or care (「ごはんは私がつくってる」, or 「高校生です」
    after it): what ヤングケアラー means, not her fault, the children's window and lines; once. False when
    the writer is not known to be a child, it was told already, or no care is told."""
    if dialog.data.get(YOUNG_CARER_TOLD) or not _writes_as_a_child(dialog):
        return False
    intents = dialog.understanding.intents if dialog.understanding else ()
    ticked = dialog.data.get("intake", {}).get("answers", {}).get("concerns", {}).get("choices", [])
    if "talk.young_carer" not in intents and "caregiving" not in ticked:
        return False
    draft.keep_typed(dialog)
    draft.writes_for_themself(dialog)  # a young carer consults for himself: 相談者 本人, not 家族（子ども）
    dialog.data[YOUNG_CARER_TOLD] = dialog.now.isoformat()
    dialog.say("talk.young_carer")
    _answer_question(dialog, "ask.young_carer")
    return True


def _answer_question(dialog: Dialog, question_id: str) -> None:
    """Send the content's answer to one question with the gentle ways forward."""
    text = answers.question_text(dialog, cast(Any, question_id))
    choices = (Choice(catalog.text("menu.human"), "human"), Choice(catalog.text("nav.menu"), "menu"))
    dialog.send(Text(text, choices) if dialog.state in MENU else Text(text))
    if dialog.state not in MENU:
        _reprompt(dialog)


def hear_young_carer(event: EventData) -> None:
    """「ごはんは私がつくってる」 from a child: the young-carer answer; from anyone else, heard as a story."""
    dialog: Dialog = dialog_of(event)
    if not answer_young_carer(dialog):
        route_text(event)


def hear_hidden_job_loss(event: EventData) -> None:
    """「毎朝スーツ着て出てる。図書館とか公園」: a lost job hidden from the family, heard warmly (the job,
    the family and being alone go to the draft), with a person and a quiet way of contact offered."""
    dialog: Dialog = dialog_of(event)
    draft.keep_typed(dialog)
    _answer(dialog, "talk.hiding_job_loss")


def acknowledge_daytime_hard(event: EventData) -> None:
    """「夜勤だで昼は寝とるし役所いけせん」: daytime windows are hard; this LINE and a contact time.
    「でんわはいや　ここでできる？」: yes, here in writing; 「平日むりしごと」: weekday work, not night
    work."""
    dialog: Dialog = dialog_of(event)
    draft.keep_typed(dialog)
    window = current_content().window_for_district(answers.district_of(dialog))
    text = dialog.user_input.text
    key = "talk.daytime_hard"
    if fragments.holds_word_of(text, "phone_refused"):
        key = "talk.daytime_hard.no_phone"
    elif fragments.holds_word_of(text, "weekday_work") and not fragments.holds_word_of(text, "night_work"):
        key = "talk.daytime_hard.weekdays"
    _answer(dialog, key, window_name=window.name, window_hours=window.hours_text)


FIRST_MESSAGE_TALK: Mapping[str, Callable[[EventData], None]] = {
    "talk.hiding_job_loss": hear_hidden_job_loss,
    "talk.daytime_hard": acknowledge_daytime_hard,
    "talk.losing_phone": warn_before_phone_cut,
    "talk.when_reply": tell_when,
    "talk.write_again": welcome_back_any_time,
    "talk.goodnight": say_goodnight,
    "talk.police_neighbours": answer_police_neighbours,
    "talk.sleepless": comfort_sleepless,
    "talk.own_burden": acknowledge_own_burden,
    "talk.language": answer_language,
    "talk.just_looking": close_kindly,
    "talk.returning": welcome_returning,
}
"""Talk intents a first message (before any menu) is answered for, most telling first."""


def entrusts_story(event: EventData) -> bool:
    """「ほなよろしく頼むわ」 after telling something earlier, nothing sent yet: a request for a person."""
    dialog: Dialog = dialog_of(event)
    stored = dialog.data.get("intake", {})
    typed = dialog.user_input.text
    from_now = {f for h in stored.get("heard", []) if h.get("words") == typed for f in h.get("fields", [])}
    earlier_words = any(h.get("words") != typed for h in stored.get("heard", []))
    earlier_answers = bool(set(stored.get("answers", {})) - from_now)
    return (earlier_words or earlier_answers) and open_handoff(dialog) is None


def greet_back(event: EventData) -> None:
    """Answer a greeting, then offer again what the state was waiting for; after sending,
    「よろしくお願いします」 is taken as said to the person in charge."""
    dialog: Dialog = dialog_of(event)
    says_yes = dialog.understanding is not None and "cmd.yes" in dialog.understanding.intents
    if says_yes and dialog.state == MAIN and followup.take_it_as_said(dialog):
        return
    if _first_time(dialog):  # 「誰かに自分で書くのはじめて」: not a hello that starts over
        return
    dialog.say("talk.greeting", hello=hello_for_the_hour(dialog))
    _reprompt(dialog)


def _first_time(dialog: Dialog) -> bool:
    """Meet 「誰かに自分で書くのはじめて」「こういうの初めてで」 warmly, offering again what was waiting;
    False when the words do not say so."""
    if not fragments.holds_word_of(dialog.user_input.text, "first_time"):
        return False
    if dialog.state in MENU:
        dialog.say("talk.first_time", _gentle_choices())
    else:
        dialog.say("talk.first_time")
        _reprompt(dialog)
    return True


def _gentle_choices() -> tuple[Choice, ...]:
    """Services, questions and a person: the quiet ways on from a word met kindly."""
    return (
        Choice(catalog.text("menu.services"), "services"),
        Choice(catalog.text("menu.faq"), "faqs"),
        Choice(catalog.text("menu.human"), "human"),
    )


def thank_back(event: EventData) -> None:
    """Answer thanks, then offer again what the state was waiting for."""
    dialog_of(event).say("talk.thanks")
    _reprompt(dialog_of(event))


def risk_answered(event: EventData) -> None:
    """Take the answer to the gentle question about thoughts of dying; carry on when there are none."""
    if not crisis.answer_risk(dialog_of(event)):
        _reprompt(dialog_of(event))


def add_to_case(event: EventData) -> None:
    """Add what the person wrote to what the consent screen would send, else to their open case; with
    nothing sent, on the menu, show what would be sent and ask whether to send it."""
    dialog: Dialog = dialog_of(event)
    if dialog.state == consent.States.REVIEW:
        consent.take_text(event)
    elif followup.add_typed(dialog):
        return
    elif dialog.state in MENU:  # nothing sent yet: 「担当の人に今日のこと伝えてほしい」 is a wish to send
        intake.remember_place(event)
        dialog.state = consent.States.REVIEW.value
        consent.review_prompt(dialog)
    else:
        dialog.say("addition.no_case")
        _reprompt(dialog)


def is_offered(event: EventData) -> bool:
    """Whether a message waits for the person's yes to be passed on to their open case."""
    return followup.is_offered(dialog_of(event))


def add_pending(event: EventData) -> None:
    """Add the message the person chose to pass on to their open case."""
    followup.add_pending(dialog_of(event))


def has_sent(event: EventData) -> bool:
    """Whether a consultation was sent (or taken back) from this conversation."""
    return followup.has_sent(dialog_of(event))


def changes_mind(event: EventData) -> bool:
    """Whether typed 「やっぱりやめます」 speaks of a consultation already sent."""
    return followup.changes_mind(dialog_of(event))


def forget_told(event: EventData) -> None:
    """Answer a wish to take back what was written (「やっぱり大丈夫です。大げさに書いてしまいました。忘れて
    ください」): after sending, the offer to take the case back; before, that nothing reaches anyone unless
    sent, how to delete what is kept here and on the phone, and that she may come back any time. Nothing is
    written down."""
    dialog: Dialog = dialog_of(event)
    if followup.has_sent(dialog):
        followup.offer_withdrawal(dialog)
        return
    choices = (Choice(catalog.text("menu.delete"), "delete"), Choice(catalog.text("nav.menu"), "menu"))
    dialog.say("talk.forget_me", choices)


def offer_withdrawal(event: EventData) -> None:
    """Say when the consultation was sent and offer to take it back."""
    followup.offer_withdrawal(dialog_of(event))


def withdraw(event: EventData) -> None:
    """Take the sent consultation back and say so."""
    followup.withdraw(dialog_of(event))


def keep_sent(event: EventData) -> None:
    """Say the consultation stays sent."""
    followup.keep_sent(dialog_of(event))


def typed(event: EventData) -> bool:
    """The input was typed, not tapped."""
    return dialog_of(event).user_input.kind == "text"


def kept(event: EventData) -> None:
    """Say nothing was deleted and offer the menu."""
    show_menu(dialog_of(event), "delete.kept")


ON_ENTER: Mapping[str, list[Callable[[EventData], None]]] = {}

MAIN = States.MAIN.value
FIRST_QUESTION = intake.STATE_OF["asker"].value
RELATION_QUESTION = intake.STATE_OF["relation"].value
CONFIRM_STOP = States.CONFIRM_STOP.value

TRANSITIONS: list[dict[str, Any]] = [
    # welcome
    {"trigger": "follow", "source": EVERY, "dest": MAIN, "before": [intake.remember_place], "after": [greet]},
    {
        "trigger": "text",
        "source": States.START.value,
        "dest": RELATION_QUESTION,
        "conditions": [names_family_matter],
        "before": [greet_and_start_family],
    },
    {"trigger": "text", "source": States.START.value, "dest": MAIN, "after": [greet_and_answer]},
    {"trigger": "fallback", "source": States.START.value, "dest": MAIN, "after": [greet]},
    # asking about services, nothing given
    {
        "trigger": "text",
        "source": [MAIN, States.RESUME.value],
        "dest": RELATION_QUESTION,
        "conditions": [names_family_matter],
        "before": [start_family],
    },
    {"trigger": "text", "source": [MAIN, States.RESUME.value], "dest": MAIN, "after": [route_text]},
    {"trigger": "services", "source": MENU, "dest": MAIN, "after": [list_services]},
    {"trigger": "faqs", "source": MENU, "dest": MAIN, "after": [list_faqs]},
    {
        "trigger": "service",
        "source": MENU,
        "dest": MAIN,
        "conditions": [is_service],
        "after": [answer_service],
    },
    {"trigger": "faq", "source": MENU, "dest": MAIN, "conditions": [is_faq], "after": [answer_faq]},
    # the form: start, pause, resume, restart, stop
    *intake.rows_past_the_role("intake", source=MENU, before=[intake.start_fresh]),
    {
        "trigger": "intake",
        "source": [*MENU, consent.States.REVIEW.value],
        "dest": FIRST_QUESTION,
        "before": [intake.start_fresh],
    },
    {
        "trigger": "restart",
        "source": [*FORM, States.RESUME.value],
        "dest": FIRST_QUESTION,
        "before": [intake.start_fresh],
    },
    {"trigger": "restart", "source": [States.START.value, MAIN], "dest": MAIN, "after": [greet]},
    {
        "trigger": "later",
        "source": [*FORM, CONFIRM_STOP],
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [paused],
    },
    *(
        {
            "trigger": "resume",
            "source": [MAIN, States.RESUME.value, CONFIRM_STOP],
            "dest": state,
            "conditions": [intake.resumes_at(state)],
        }
        for state in FORM
    ),
    *(  # 「続ける」 typed when asked whether to stop: go on, as its button does
        {"trigger": "yes", "source": CONFIRM_STOP, "dest": state, "conditions": [intake.resumes_at(state)]}
        for state in FORM
    ),
    {
        "trigger": "resume",
        "source": [States.START.value, MAIN, States.RESUME.value, CONFIRM_STOP],
        "dest": MAIN,
        "after": [menu_again],
    },
    {
        "trigger": "back",
        "source": FIRST_QUESTION,
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [menu_again],
    },
    {"trigger": "back", "source": MENU, "dest": MAIN, "after": [menu_again]},
    {"trigger": "back", "source": States.CONFIRM_DELETE.value, "dest": MAIN, "after": [kept]},
    {
        "trigger": "stop",
        "source": [*FORM, States.RESUME.value],
        "dest": CONFIRM_STOP,
        "conditions": [has_written],
        "before": [intake.remember_place],
        "after": [ask_stop],
    },
    {
        "trigger": "stop",
        "source": [*FORM, States.RESUME.value, CONFIRM_STOP],
        "dest": MAIN,
        "before": [intake.discard],
        "after": [stopped_form],
    },
    {
        "trigger": "discard",
        "source": CONFIRM_STOP,
        "dest": MAIN,
        "before": [intake.discard],
        "after": [stopped_form],
    },
    {
        "trigger": "stop",
        "source": [States.START.value, MAIN],
        "dest": MAIN,
        "conditions": [changes_mind],
        "after": [offer_withdrawal],
    },
    {
        "trigger": "stop",
        "source": [States.START.value, MAIN, States.CONFIRM_DELETE.value],
        "dest": MAIN,
        "after": [stopped],
    },
    # anywhere
    {
        "trigger": "menu",
        "source": EVERY,
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [menu_again],
    },
    {
        "trigger": "human",
        "source": [s for s in EVERY if s != consent.States.REVIEW],
        "dest": consent.States.REVIEW.value,
        "before": [intake.remember_place, say_what_listening_is],
    },
    {"trigger": "help", "source": EVERY, "dest": None, "after": [explain_help]},
    {"trigger": "hotlines", "source": EVERY, "dest": None, "after": [show_hotlines]},
    {
        "trigger": "guidance",
        "source": [*MENU, *FORM],
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [guide],
    },
    {
        "trigger": "privacy",
        "source": consent.States.REVIEW.value,
        "dest": None,
        "conditions": [asks_privacy_question],
        "after": [answer_privacy_on_review],
    },
    {
        "trigger": "privacy",
        "source": intake.QUESTION_STATES,
        "dest": None,
        "after": [reassure_privacy_in_form],
    },
    {
        "trigger": "privacy",
        "source": EVERY,
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [reassure_privacy],
    },
    {"trigger": "greeting", "source": EVERY, "dest": None, "after": [greet_back]},
    {"trigger": "when_reply", "source": EVERY, "dest": None, "after": [tell_when]},
    {"trigger": "write_again", "source": EVERY, "dest": None, "after": [welcome_back_any_time]},
    {"trigger": "returning", "source": MENU, "dest": None, "after": [welcome_returning]},
    {"trigger": "consider", "source": MENU, "dest": None, "after": [welcome_consulting]},
    {
        "trigger": "goodbye",
        "source": [s for s in EVERY if s != States.CONFIRM_DELETE],
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [close_warmly],
    },
    {"trigger": "losing_phone", "source": EVERY, "dest": None, "after": [warn_before_phone_cut]},
    {"trigger": "young_carer", "source": MENU, "dest": None, "after": [hear_young_carer]},
    {"trigger": "hiding_job_loss", "source": MENU, "dest": None, "after": [hear_hidden_job_loss]},
    {"trigger": "daytime_hard", "source": EVERY, "dest": None, "after": [acknowledge_daytime_hard]},
    {
        "trigger": "goodnight",
        "source": [s for s in EVERY if s != States.CONFIRM_DELETE],
        "dest": MAIN,
        "before": [intake.remember_place],
        "after": [say_goodnight],
    },
    {"trigger": "language", "source": EVERY, "dest": None, "after": [answer_language]},
    {"trigger": "just_looking", "source": MAIN, "dest": MAIN, "after": [close_kindly]},
    {"trigger": "own_burden", "source": EVERY, "dest": None, "after": [acknowledge_own_burden]},
    {"trigger": "sleepless", "source": EVERY, "dest": None, "after": [comfort_sleepless]},
    {"trigger": "blame_fear", "source": EVERY, "dest": None, "after": [answer_blame_fear]},
    {"trigger": "police_neighbours", "source": EVERY, "dest": None, "after": [answer_police_neighbours]},
    {"trigger": "without_consent", "source": EVERY, "dest": None, "after": [explain_without_consent]},
    {
        "trigger": "entrust",
        "source": [MAIN, States.RESUME.value],
        "dest": consent.States.REVIEW.value,
        "conditions": [entrusts_story],
        "before": [intake.remember_place],
    },
    {"trigger": "entrust", "source": [MAIN, States.RESUME.value], "dest": None, "after": [greet_back]},
    {"trigger": "thanks", "source": EVERY, "dest": None, "after": [thank_back]},
    {"trigger": "risk", "source": EVERY, "dest": None, "after": [risk_answered]},
    {"trigger": "addition", "source": EVERY, "dest": None, "after": [add_to_case]},
    {
        "trigger": "withdraw",
        "source": [s for s in EVERY if s != States.CONFIRM_DELETE],
        "dest": MAIN,
        "conditions": [has_sent],
        "before": [intake.remember_place],
        "after": [offer_withdrawal],
    },
    {"trigger": "forget", "source": [MAIN, States.START.value], "dest": MAIN, "after": [forget_told]},
    {"trigger": "withdraw_case", "source": EVERY, "dest": MAIN, "after": [withdraw]},
    {"trigger": "keep_sent", "source": EVERY, "dest": MAIN, "after": [keep_sent]},
    {"trigger": "add_pending", "source": EVERY, "dest": MAIN, "after": [add_pending]},
    {"trigger": "yes", "source": MAIN, "dest": MAIN, "conditions": [is_offered], "after": [add_pending]},
    {"trigger": "unsupported", "source": EVERY, "dest": None, "after": [ask_for_text]},
    {
        "trigger": "fallback",
        "source": [s for s in EVERY if s != States.START],
        "dest": None,
        "after": [explain_fallback],
    },
    # delete my data
    {  # 「消す」 typed at the confirmation: the same as its button
        "trigger": "delete",
        "source": States.CONFIRM_DELETE.value,
        "dest": States.START.value,
        "conditions": [typed],
        "after": [delete_everything],
    },
    {
        "trigger": "delete",
        "source": EVERY,
        "dest": States.CONFIRM_DELETE.value,
        "before": [intake.remember_place],
        "after": [ask_delete],
    },
    {
        "trigger": "yes",
        "source": States.CONFIRM_DELETE.value,
        "dest": States.START.value,
        "after": [delete_everything],
    },
    {"trigger": "no", "source": States.CONFIRM_DELETE.value, "dest": MAIN, "after": [kept]},
    {"trigger": "resume", "source": States.CONFIRM_DELETE.value, "dest": None, "after": [reprompt]},
]
