"""Consent: show exactly what would be shared and with whom, then hand off only on a clear yes.

Scopes: `summary` (the 相談受付票 only) or `summary_and_conversation` (plus this conversation's
messages since the last hand-off or decline, up to this hand-off: `SHAREABLE_FROM`). A typed yes
counts as the narrower `summary`, unless it names the conversation (「送る。やりとりも」). No is
respected without pressure: nothing is handed off and the form is kept, so the person can still send
it later or delete it. Typed answers are never added to what is sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from transitions import EventData

from dialogs import catalog, fragments
from dialogs.content import current_content
from dialogs.dialog import Dialog, dialog_of
from dialogs.effects import ConsentScope, HandOff
from dialogs.flows import answers, draft, followup
from dialogs.flows.common import MenuStates, menu_choices
from dialogs.flows.reply_due import reply_due
from dialogs.messages import Choice
from dialogs.office_hours import format_jp, format_jp_onward, next_opening
from dialogs.summary import build_summary, person_preview, summary_text, urgency_of
from dialogs.understanding.model import Understanding

SHAREABLE_FROM = "shareable_from"
"""Data key: ISO time after which the conversation is not yet covered by any answer to a consent."""
MENU_MAIN = MenuStates.MAIN.value


class States(StrEnum):
    """States of the consent flow, stored as readable strings."""

    REVIEW = "consent.review"


def consent_version() -> str:
    """The version of the consent wording the person saw (recorded with the consent)."""
    return catalog.text("consent_version")


def recipient(data: Mapping[str, Any]) -> str:
    """Who receives the summary, as the person reads it: the council's staff for their district."""
    content = current_content()
    choice = data.get("intake", {}).get("answers", {}).get("district", {}).get("choice")
    district = content.district(str(choice) if choice else None)
    council = content.municipality.council_name
    if district is None:
        return catalog.text("consent.recipient", council=council)
    return catalog.text("consent.recipient_district", council=council, district=district.name)


def _has_answers(dialog: Dialog) -> bool:
    """Whether any intake question has been answered or skipped."""
    stored = dialog.data.get("intake", {})
    return bool(stored.get("answers") or stored.get("skipped"))


def review(event: EventData) -> None:
    """Show the summary that would be sent and ask whether, and how much, to send."""
    review_prompt(dialog_of(event))


def review_prompt(dialog: Dialog) -> None:
    """Show, in the person's terms, what would be sent and when a person reads it; ask whether to send. A
    question typed with the wish for a person is answered first."""
    if dialog.user_input.kind == "text" and dialog.understanding is not None:
        answers.answer_detour(dialog)  # 「どこか居場所みたいなとこありますか？誰かと話したい」
    key = "consent.preview_more" if dialog.data.get("handoff") else "consent.preview"
    urgency = urgency_of(dialog.data)
    promise = followup.reply_promise(dialog, urgency)
    tonight = current_content().meanwhile_text(dialog.now)
    typed = dialog.user_input.kind == "text"  # 「人と話したい」 typed, even in danger or after sending
    if tonight and (typed or (urgency not in ("crisis", "urgent") and not dialog.data.get("handoff"))):
        _lines_first(dialog, tonight)  # closed now: a person to talk to now comes before a message left
        promise = promise.replace(tonight, "").strip()
    if dialog.user_input.kind == "text" and fragments.holds_word_of(dialog.user_input.text, "no_questions"):
        dialog.say("consent.no_questions")  # 「だれかと話したいけど、質問には答えたくない」
    promise = once_tonight(dialog, promise)
    dialog.say(key, preview=person_preview(dialog.data))
    dialog.say("consent.ask", _send_choices(dialog), recipient=recipient(dialog.data), reply_promise=promise)


NIGHT_TOLD = "night_lines_told"
"""Data key: when the long text of the lines open out of hours was last said on a send or sent screen."""

NIGHT_TOLD_WITHIN = timedelta(hours=12)
"""Within this, the same night: the lines are referred to, not said again in full."""


def once_tonight(dialog: Dialog, text: str) -> str:
    """`text` with the long text of the lines open out of hours said in full the first time on a send or
    sent screen this night, and after that a short reference to it (「夜間の連絡先は先ほどのとおりです」)."""
    tonight = current_content().meanwhile_text(dialog.now)
    if not tonight or tonight not in text:
        return text
    told = dialog.data.get(NIGHT_TOLD)
    if isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < NIGHT_TOLD_WITHIN:
        return text.replace(tonight, catalog.text("consent.night_told_before").strip())
    dialog.data[NIGHT_TOLD] = dialog.now.isoformat()
    return text


def _lines_first(dialog: Dialog, tonight: str) -> None:
    """Outside office hours, before the send screen: when the window reads messages, the lines open now
    (the chat lines too), and that a message can still be left for the window."""
    hours = current_content().office_hours
    chats = answers.chat_lines_text(dialog.now)
    dialog.data[NIGHT_TOLD] = dialog.now.isoformat()  # said in full here, always: a person wanted now
    if _writes_as_child(dialog.data):  # a child: 子供SOSダイヤル and the children's chat come first
        tonight = "\n".join(part for part in (answers.child_lines_text(dialog.now), tonight) if part)
    dialog.say(
        "consent.lines_first",
        opens=format_jp_onward(next_opening(dialog.now, hours)),
        reply_by=format_jp(reply_due(dialog, urgency_of(dialog.data))),  # the time every reply promises
        tonight="\n".join([tonight, chats]) if chats else tonight,
    )


def _writes_as_child(data: dict[str, Any]) -> bool:
    """Whether the writer is a child: hurt as a child at home, or under 18 by their own answer."""
    answers_ = data.get("intake", {}).get("answers", {})
    age = answers_.get("age_band", {}).get("choice")
    asker = answers_.get("asker", {}).get("choice")
    hurt = data.get("crisis", {}).get("hurt")
    return hurt in ("child", "neglected") or (age == "under_18" and asker in (None, "self"))


def _send_choices(dialog: Dialog) -> tuple[Choice, ...]:
    """The consent buttons: send the summary, send with the conversation, not now, and change it."""
    change = (
        Choice(catalog.text("consent.edit"), "edit")
        if _has_answers(dialog)
        else Choice(catalog.text("consent.answer_first"), "intake")
    )
    return (
        Choice(catalog.text("consent.share_summary"), "share:summary"),
        Choice(catalog.text("consent.share_conversation"), "share:summary_and_conversation"),
        Choice(catalog.text("consent.decline"), "no"),
        change,
    )


def ask_briefly(dialog: Dialog, extra: tuple[Choice, ...] = ()) -> None:
    """Ask again whether to send, in one short message with the buttons (not the whole summary), and any
    `extra` buttons an answer just before spoke of (「記録を消す」)."""
    dialog.say("consent.ask_short", (*_send_choices(dialog), *extra), recipient=recipient(dialog.data))


def take_text(event: EventData) -> None:
    """Answer a question typed on the consent screen, or add the words to what would be sent (not a bare
    「は？」「しらん」); ask briefly."""
    dialog: Dialog = dialog_of(event)
    if _takes_off_typed(dialog):
        ask_briefly(dialog)
        return
    if fragments.is_word_of(dialog.user_input.text, "nothing_said"):  # 「は？」「しらん」: nothing to add
        dialog.say("consent.nothing_added")
        ask_briefly(dialog)
        return
    understanding = dialog.understanding
    hope = understanding is not None and any(e.kind == "hope" for e in understanding.entities)
    if not answers.answer_detour(dialog) or hope:
        dialog.say("consent.added", words=draft.keep_typed(dialog))
    ask_briefly(dialog)


def take_off_and_ask(dialog: Dialog) -> bool:
    """Take off what typed words on the consent screen ask to and ask briefly again; False when they ask
    nothing of the form."""
    if not _takes_off_typed(dialog):
        return False
    ask_briefly(dialog)
    return True


def answer_hiding(dialog: Dialog) -> bool:
    """Answer a request to keep something from the staff (「相談員さんに生活保護のことは伏せてもらえますか」):
    what it names comes off an unsent form, the request itself is never sent, only what the person
    chooses to send reaches them, and a case sent can be withdrawn and sent again. True when answered."""
    text = dialog.user_input.text
    if dialog.user_input.kind != "text" or not fragments.hides_from_staff(text):
        return False
    removed = draft.take_out(dialog.data, text)
    if removed:
        dialog.say("consent.taken_out", words="」「".join(removed))
    if dialog.state == States.REVIEW:
        dialog.say("consent.hidden_from_staff")
        ask_briefly(dialog)
    else:
        dialog.say("consent.hidden_from_staff", menu_choices(dialog.data))
    return True


NEVER_MIND = re.compile(
    r"(?:やっぱ(?:り)?|やはり|もう)\s?(?:いい|大丈夫|だいじょうぶ|いらない|いらん|やめ(?:る|とく|ておく|ときます|ておきます|ます)"
    r"|送らな(?:い|くていい))(?:です|や|よ|わ|かな|っす)*"
    r"|(?:窓口|相談|送るの)(?:とか)?(?:は|も)\s?(?:いい|大丈夫|いらない)(?:です|や|よ|かな)*"
    r"|送らなくて(?:いい|大丈夫)(?:です|や|よ|かな)*"
)
"""A change of mind typed on the consent screen (「やっぱいい」「窓口とかはいいです」): not words to add."""

NEVER_MIND_INTENTS = frozenset(("talk.just_looking",))
"""Intents that, typed on the consent screen, say the person would rather not send (「やっぱりいいです」)."""


def changes_mind(event: EventData) -> bool:
    """The person typed that they would rather not send after all: the same as 「今は送らない」."""
    return minds_not_to_send(dialog_of(event))


def minds_not_to_send(dialog: Dialog) -> bool:
    """Whether the typed words say the person would rather not send (「窓口とかはいいです」)."""
    if dialog.user_input.kind != "text":
        return False
    text = unicodedata.normalize("NFKC", dialog.user_input.text).strip().rstrip("。.!！…~〜ー ")
    intents = dialog.understanding.intents if dialog.understanding is not None else ()
    return bool(NEVER_MIND.fullmatch(text)) or (len(text) <= 20 and bool(NEVER_MIND_INTENTS & set(intents)))


THINKING_MAX_CHARS = 20
"""A longer message on the consent screen is words to add, never a wish for time to think."""


def wants_to_think(dialog: Dialog) -> bool:
    """Whether, on the consent screen, the person typed wanting time to think (「ちょっと考えます」)."""
    text = dialog.user_input.text.strip() if dialog.user_input.kind == "text" else ""
    short = 0 < len(text) <= THINKING_MAX_CHARS
    return dialog.state == States.REVIEW and short and fragments.holds_word_of(text, "thinks_it_over")


def thinks_it_over(event: EventData) -> bool:
    """The person typed that they want time to think: nothing is sent, for now."""
    return wants_to_think(dialog_of(event))


def thinking(event: EventData) -> None:
    """Say there is no hurry and nothing was sent; what was said so far stays out of any later consent."""
    dialog = dialog_of(event)
    dialog.data[SHAREABLE_FROM] = dialog.now.isoformat()
    dialog.say("consent.thinking", menu_choices(dialog.data))


def show_again(event: EventData) -> None:
    """Show what would be sent again, with the way to be reached just told, and ask whether to send (the
    lines open now are not said again: they were, when the screen opened)."""
    dialog: Dialog = dialog_of(event)
    key = "consent.preview_more" if dialog.data.get("handoff") else "consent.preview"
    promise = once_tonight(dialog, followup.reply_promise(dialog, urgency_of(dialog.data)))
    dialog.say(key, preview=person_preview(dialog.data))
    dialog.say("consent.ask", _send_choices(dialog), recipient=recipient(dialog.data), reply_promise=promise)


def ask_if_yes(event: EventData) -> None:
    """「結構です」 alone: ask, once, whether it means send or not now, with the buttons; nothing is added."""
    dialog: Dialog = dialog_of(event)
    draft.form_of(dialog)[UNCLEAR] = True
    dialog.say("consent.unclear_kekkou", _send_choices(dialog))


def human_here(event: EventData) -> None:
    """Say that sending from this screen is the way to a person, and ask briefly."""
    dialog: Dialog = dialog_of(event)
    dialog.say(
        "consent.human_here",
        reply_promise=followup.reply_promise(dialog, urgency_of(dialog.data)),
    )
    ask_briefly(dialog)


TYPED_ANSWER_MAX_CHARS = 40
"""A longer message on the consent screen is words to add, never an answer to it."""

QUESTION_ENDS = ("?", "か", "の", "かな")
"""How a question ends (「送るとどうなるの？」); with a request form, a request (「送ってもらえますか」)."""


def _is_question(text: str) -> bool:
    """Whether the words ask something rather than say to send (「送ったら親にばれる？」)."""
    ending = unicodedata.normalize("NFKC", text).strip().rstrip("。.!！…~〜ー ")
    return ending.endswith(QUESTION_ENDS) and not fragments.holds_word_of(text, "sending_request")


def read_typed_answer(text: str) -> str | None:
    """What short typed words answer to 「送ってもよいですか」: `no`, the consent scope they name
    (「送る。やりとりも」 is the wider one), or None when they say neither."""
    if len(text.strip()) > TYPED_ANSWER_MAX_CHARS:
        return None
    if fragments.holds_word_of(text, "refuses_to_send"):
        return "no"
    if _is_question(text) or fragments.holds_word_of(text, "not_sending"):
        return None
    if not fragments.holds_word_of(text, "sends") and not says_yes_politely(text):
        return None
    only_this = fragments.holds_word_of(text, "summary_only")  # 「only this, not all chat」
    wide = fragments.holds_word_of(text, "whole_conversation") and not only_this
    return ConsentScope.SUMMARY_AND_CONVERSATION if wide else ConsentScope.SUMMARY


def says_yes_politely(text: str) -> bool:
    """Whether the words name what is shown with a polite yes (「この内容だけでお願いいたします」「これで
    結構です」「こちらでお願いします」): a yes to sending in keigo, without the word 送る."""
    return fragments.holds_word_of(text, "this_content_politely") and fragments.holds_word_of(
        text, "polite_yes"
    )


UNCLEAR = "unclear"
"""A typed answer that may be yes or no (「結構です」 alone): asked once, with the buttons."""


def _unclear(text: str) -> bool:
    """Whether the whole message is 「結構です」 alone, which to 「送ってもよいですか」 may mean either."""
    return fragments.is_word_of(text, "kekkou_alone")


CLAUSE_BREAKS = re.compile(r"[。、,.!！\n]+")
"""Where a typed message divides into clauses (「学校のことは消して、このまま送ってください」)."""


def change_then_send(text: str) -> tuple[str, str] | None:
    """A change asked before a send (「学校のことは消して、このまま送ってください」「…削除の上、この内容のみ
    送信してください」): the change's words and the send's answer; None when the words ask for not both."""
    if not fragments.holds_word_of(text, "removes"):
        return None
    clauses = [clause for clause in CLAUSE_BREAKS.split(text) if clause.strip()]
    for at in range(len(clauses) - 1, 0, -1):
        answer = read_typed_answer(clauses[at])
        change = "、".join(clauses[:at])
        if answer not in (None, "no", UNCLEAR) and fragments.holds_word_of(change, "removes"):
            return change, answer
    return None


def _tells_a_worry(understanding: Understanding) -> bool:
    """Whether the rules read a worry in the words (the learned layer alone hears one in anything)."""
    return any(not understanding.learned_only(f"concern:{c}") for c in understanding.concerns)


ANSWERED_HERE = (
    "talk.privacy_work",
    "talk.privacy_ai",
    "talk.privacy_line",
    "talk.privacy_kept",
    "talk.privacy_staff",
    "talk.blame_fear",
)
"""Questions the consent screen answers itself (the workplace, who reads it, AI, LINE, how long it is kept,
blame)."""


def asks_on_review(dialog: Dialog) -> bool:
    """Whether the consent screen's message asks one of its own questions (「これって誰が読むの？…怒られたり
    しない？」): it is answered there and never written down as a worry."""
    understanding = dialog.understanding
    if dialog.state != States.REVIEW or understanding is None or understanding.crisis != "none":
        return False
    return any(intent in understanding.intents for intent in ANSWERED_HERE)


def speaks_of_sending(dialog: Dialog) -> bool:
    """Whether words on the consent screen answer whether to send (「窓口とかはいいです」) or ask a change
    before sending (「「特にございません」は削除の上、送信してください」): about the sending, never a story
    to keep, even when the change names nothing written."""
    if dialog.state != States.REVIEW or dialog.user_input.kind != "text":
        return answer_in_words(dialog) is not None
    changed = change_then_send(dialog.user_input.text) is not None
    short_reach = tells_how_to_reach(dialog) and len(dialog.user_input.text.strip()) <= REACH_MAX_CHARS
    return changed or short_reach or minds_not_to_send(dialog) or answer_in_words(dialog) is not None


def answer_in_words(dialog: Dialog) -> str | None:
    """The person's typed answer to sending, where sending is asked: on the consent screen, or on the
    menu with an unsent draft (「さっきの、やっぱり送りたいです」); None elsewhere or when there is none."""
    if dialog.user_input.kind != "text":
        return None
    unsent_draft = (
        dialog.state == MENU_MAIN and "handoff" not in dialog.data and draft.has_anything(dialog.data)
    )
    if dialog.state != States.REVIEW and not unsent_draft:
        return None
    understanding = dialog.understanding
    if understanding is not None and understanding.crisis != "none":
        return None
    changed = change_then_send(dialog.user_input.text) if dialog.state == States.REVIEW else None
    if changed is not None:  # 「学校のことは消して、このまま送ってください」: sent once the change is made,
        return changed[1] if draft.finds_to_take_out(dialog.data, changed[0]) else None  # else asked first
    if understanding is not None and _tells_a_worry(understanding):
        return None  # 「息子に送るお金がない」: words to add, never a yes
    if dialog.state == States.REVIEW and _unclear(dialog.user_input.text):
        return UNCLEAR  # 「結構です」: yes, or no thank you? asked once
    if dialog.state != States.REVIEW and asks_for_materials(dialog.user_input.text):
        return None  # 「先ほどの続きです。窓口の電話番号を送っていただけますか」: to them, not to a person
    polite_only = not fragments.holds_word_of(dialog.user_input.text, "sends")
    if dialog.state != States.REVIEW and polite_only and says_yes_politely(dialog.user_input.text):
        return None  # 「それでお願いします」 at the menu answers something else
    return read_typed_answer(dialog.user_input.text)


def asks_for_materials(text: str) -> bool:
    """Whether the words ask for something to be sent to the writer (「資料を送っていただけますか」「窓口の
    電話番号を送って」), not for the draft to be sent to a person."""
    return fragments.word_then_word(text, "materials", "asks_to_be_sent", MATERIALS_WITHIN)


MATERIALS_WITHIN = 6
"""How far after the thing named the words may ask for it to be sent (「資料を送って」「案内を郵送で」)."""


def asks_a_change_to_send(dialog: Dialog) -> bool:
    """Whether the consent screen's words ask for a change before sending (「お寺のことは書かないで、
    それ以外を送って」): an answer about sending, never words to add, whether or not the change finds
    anything."""
    if dialog.state != States.REVIEW or dialog.user_input.kind != "text":
        return False
    return change_then_send(dialog.user_input.text) is not None


def sends_what_there_is(dialog: Dialog) -> bool:
    """Whether words typed at a question ask to send what is written so far (「ここまでの内容で送って
    いただけますか」): the consent screen, not an answer to the question."""
    if dialog.user_input.kind != "text" or not fragments.holds_word_of(
        dialog.user_input.text, "sends_so_far"
    ):
        return False
    return read_typed_answer(dialog.user_input.text) not in (None, "no", UNCLEAR)


REACH_KINDS = frozenset(("contact", "contact_times"))
"""What, typed on the send screen, tells how or when to be reached (「電話でお願いします」「夜に電話
ください」)."""

REACH_MAX_CHARS = 40
"""A longer message with a way to be reached tells more: its words are kept too."""


def tells_how_to_reach(dialog: Dialog) -> bool:
    """Whether words on the send screen tell how or when to be reached (「電話でお願いします」「LINEで
    お願いします」「夜に電話ください」), with no word to send: recorded, and the screen shown again — never
    a yes, even with its お願いします."""
    understanding = dialog.understanding
    if dialog.state != States.REVIEW or dialog.user_input.kind != "text" or understanding is None:
        return False
    text = dialog.user_input.text
    if understanding.crisis != "none" or fragments.holds_word_of(text, "sends") or says_yes_politely(text):
        return False
    return any(entity.kind in REACH_KINDS and entity.about == "self" for entity in understanding.entities)


def typed_event(dialog: Dialog) -> str | None:
    """The event typed words about sending fire: `yes` or `no` on the consent screen, and on the menu
    a wish to send the unsent draft brings the consent screen back (`human`)."""
    if tells_how_to_reach(dialog) and len(dialog.user_input.text.strip()) <= REACH_MAX_CHARS:
        return "reach"  # 「電話でお願いします」: recorded by the draft, then the screen again
    answer = answer_in_words(dialog)
    if answer is None:
        return None
    if answer == UNCLEAR:  # asked once; a second 「結構です」 is kept unsent, as 「今は送らない」
        return "no" if dialog.data.get("intake", {}).get(UNCLEAR) else UNCLEAR
    if dialog.state == States.REVIEW:
        return "no" if answer == "no" else "yes"
    return None if answer == "no" else "human"


def _scope(dialog: Dialog) -> ConsentScope:
    """The scope the person chose: the tapped button's, or the one their typed yes names."""
    text = dialog.user_input.text if dialog.user_input.kind == "text" else ""
    changed = change_then_send(text)
    typed = changed[1] if changed is not None else read_typed_answer(text) if text else None
    return ConsentScope(dialog.value() or (typed if typed in set(ConsentScope) else ConsentScope.SUMMARY))


def is_scope(event: EventData) -> bool:
    """The tapped choice names a known scope."""
    return dialog_of(event).value() in set(ConsentScope)


def hand_off(event: EventData) -> None:
    """Record consent, hand the summary off, and say who will read it and when."""
    dialog: Dialog = dialog_of(event)
    scope = _scope(dialog)
    _make_typed_change(dialog)
    version = consent_version()
    to = recipient(dialog.data)
    urgency = urgency_of(dialog.data)
    summary = build_summary(dialog.data)
    summary["urgency"] = urgency
    dialog.effects.append(HandOff(summary, summary_text(dialog.data), scope, version, shareable_from(dialog)))
    dialog.data[SHAREABLE_FROM] = dialog.now.isoformat()
    dialog.data["consent"] = {"scope": scope, "version": version, "at": dialog.now.isoformat()}
    promise = followup.reply_promise(dialog, urgency)
    due = reply_due(dialog, urgency)
    earlier = dialog.data.get("handoff", {})
    wide = ConsentScope.SUMMARY_AND_CONVERSATION
    widest = wide if wide in (earlier.get("scope"), scope) else scope
    dialog.data["handoff"] = {
        "at": dialog.now.isoformat(),
        "due": due.isoformat(),
        "scope": widest.value,
        "urgency": urgency,
        "to": to,
        "preview": person_preview(dialog.data),  # 「送った内容、もう一回見せて」 is answered with it
        TAKEN_OUT: [*earlier.get(TAKEN_OUT, []), *dialog.data.get("intake", {}).get(TAKEN_OUT, [])],
    }
    dialog.data.pop("withdrawn", None)
    contact_note = _contact_note(dialog.data.get("intake", {}).get("answers", {}))
    sent = dialog.data.get("intake", {})
    dialog.data["intake"] = {
        **draft.empty_form(),
        "answers": sent.get("answers", {}),
        "language": sent.get("language", []),
    }
    dialog.data.pop("urgency", None)
    chats = answers.chat_lines_text(dialog.now) if answers.writes_only(dialog.data) else ""
    if chats and current_content().meanwhile_text(dialog.now):  # closed now: not only a phone number
        promise = "\n".join([promise, chats])
    promise = once_tonight(dialog, promise)
    dialog.say(
        "consent.sent",
        menu_choices(dialog.data),
        recipient=to,
        reply_promise=promise,
        contact_note=contact_note,
    )


def _contact_note(answers: Mapping[str, Any]) -> str:
    """How staff will reach the person, said after sending: this LINE; the way she chose, arranged here first;
    or, when she said this LINE is not safe (「連絡はLINEだと見られるので…電話をもらえませんか」), by phone
    at the time she gave and never here, with the number asked for when none was given."""
    contact = answers.get("contact", {})
    way = contact.get("choice")
    if draft.line_unsafe(answers) and way == "phone":
        times = draft.contact_time_text(answers)
        key = "consent.contact_phone_not_line" if contact.get("words") else "consent.contact_phone_no_number"
        window = current_content().window_for_district(answers.get("district", {}).get("choice"))
        return catalog.text(
            key,
            times=catalog.text("consent.contact_when", times=times) if times else "",
            window_name=window.name,
            window_phone=window.phone,
            window_hours=window.hours_text,
        )
    if draft.line_unsafe(answers):
        named = catalog.text(f"opt.contact.{way}") if way else ""
        return catalog.text("consent.contact_not_line", contact=named)
    if way in {"phone", "email", "visit"}:
        return catalog.text("consent.contact_other", contact=catalog.text(f"opt.contact.{way}"))
    return catalog.text("consent.contact_line")


TAKEN_OUT = "taken_out"
"""Where the draft, then the hand-off, keeps the words taken off what is sent (「仏壇のことは書かないで」)."""


def _make_typed_change(dialog: Dialog) -> None:
    """Make the change typed with the send (「学校のことは消して、このまま送ってください」) and say what
    came off (a send whose change finds nothing is asked about first, never made: `answer_in_words`)."""
    changed = change_then_send(dialog.user_input.text) if dialog.user_input.kind == "text" else None
    removed = draft.take_out(dialog.data, changed[0]) if changed is not None else []
    if removed:
        _note_taken_out(dialog, removed)
        dialog.say("consent.taken_out", words="」「".join(removed))


def _note_taken_out(dialog: Dialog, removed: list[str]) -> None:
    """Remember what was taken off before sending, so 「言ったのに送った？」 hears it was not sent."""
    dialog.data.setdefault("intake", {}).setdefault(TAKEN_OUT, []).extend(removed)


def _takes_off_typed(dialog: Dialog) -> bool:
    """Take off what typed words on the consent screen ask to (「仏壇のことは書かないで」) and say what came
    off, or, asked with a send, that nothing matched and it is not sent yet; False when they ask neither."""
    text = dialog.user_input.text
    if not fragments.holds_word_of(text, "removes") or _is_question(text):
        return False
    removed = draft.take_out(dialog.data, text)
    if removed:
        _note_taken_out(dialog, removed)
        dialog.say("consent.taken_out", words="」「".join(removed))
        return True
    changed = change_then_send(text)
    if changed is not None:
        dialog.say("consent.change_not_found", words=changed[0])
    return changed is not None


def keep_for_later(event: EventData) -> None:
    """Keep the unsent form so the person can send it later."""
    dialog: Dialog = dialog_of(event)
    draft.form_of(dialog)["resume"] = States.REVIEW.value


def shareable_from(dialog: Dialog) -> datetime | None:
    """Where the conversation a consent given now would cover begins (None: the conversation's start)."""
    stamp = dialog.data.get(SHAREABLE_FROM)
    return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None


def declined(event: EventData) -> None:
    """Say nothing was sent, without pressing; what was said so far stays out of any later consent."""
    dialog_of(event).data[SHAREABLE_FROM] = dialog_of(event).now.isoformat()
    dialog_of(event).say("consent.declined", menu_choices(dialog_of(event).data))


ON_ENTER: Mapping[str, list[Callable[[EventData], None]]] = {States.REVIEW: [review]}

TRANSITIONS: list[dict[str, Any]] = [
    {
        "trigger": "share",
        "source": States.REVIEW.value,
        "dest": MENU_MAIN,
        "conditions": [is_scope],
        "after": [hand_off],
    },
    {"trigger": "yes", "source": States.REVIEW.value, "dest": MENU_MAIN, "after": [hand_off]},
    {
        "trigger": "no",
        "source": States.REVIEW.value,
        "dest": MENU_MAIN,
        "before": [keep_for_later],
        "after": [declined],
    },
    {"trigger": "resume", "source": States.REVIEW.value, "dest": None, "after": [review]},
    {"trigger": UNCLEAR, "source": States.REVIEW.value, "dest": None, "after": [ask_if_yes]},
    {"trigger": "reach", "source": States.REVIEW.value, "dest": None, "after": [show_again]},
    {
        "trigger": "text",
        "source": States.REVIEW.value,
        "dest": MENU_MAIN,
        "conditions": [thinks_it_over],
        "before": [keep_for_later],
        "after": [thinking],
    },
    {
        "trigger": "text",
        "source": States.REVIEW.value,
        "dest": MENU_MAIN,
        "conditions": [changes_mind],
        "before": [keep_for_later],
        "after": [declined],
    },
    {"trigger": "text", "source": States.REVIEW.value, "dest": None, "after": [take_text]},
    {"trigger": "human", "source": States.REVIEW.value, "dest": None, "after": [human_here]},
]
