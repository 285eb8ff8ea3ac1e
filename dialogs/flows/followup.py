"""After a hand-off, before a CSW takes the case: what the person writes is added to it, never lost.

With consent to share the conversation (`summary_and_conversation`) every typed message is added
and the person is told it will be read; with consent to the summary only, a message is added when
the person asks for it (「追加です」「担当の方に伝えて」), otherwise they are offered to pass it on.
The bot applies `AddToCase` to the conversation's open case. Asked what was sent (「送った内容、もう一回
見せて」「おくった？ だれが よむの？」), the person is shown it, with when it was sent and who reads it;
and no reply offers to pass their words on to a person as if nothing had been sent.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Any

from dialogs import catalog, fragments
from dialogs.content import current_content
from dialogs.dialog import Dialog
from dialogs.effects import AddToCase, ConsentScope, RaiseUrgency, WithdrawCase
from dialogs.flows.common import MenuStates, menu_choices
from dialogs.flows.reply_due import open_handoff, promised_reply, reply_due
from dialogs.messages import Choice, Text
from dialogs.office_hours import format_jp
from dialogs.summary import build_summary

PENDING_CHARS = 2000
"""How much of a message waiting for the person's yes is kept."""


def reply_promise(dialog: Dialog, urgency: str) -> str:
    """When a person writing now will hear from staff: the open hand-off's promise when there is one
    and `urgency` does not call for an earlier answer (said with an apology once passed), else the
    usual promise for a message sent now."""
    handoff = open_handoff(dialog)
    content = current_content()
    if handoff is None or content.reply_due(dialog.now, urgency) < promised_reply(handoff):
        return content.reply_promise_text(dialog.now, urgency)
    due = promised_reply(handoff)
    key = "followup.promise_late" if dialog.now > due else "followup.promise_kept"
    return catalog.text(key, reply_by=format_jp(due)).strip()


def adds_automatically(dialog: Dialog) -> bool:
    """Whether typed text goes to the open case without asking (the conversation is shared)."""
    handoff = open_handoff(dialog)
    return handoff is not None and handoff.get("scope") == ConsentScope.SUMMARY_AND_CONVERSATION


CONTACT_FIELDS = ("contact", "contact_times", "considerations", "age_band", "duration", "district")
"""受付票 fields a message typed after sending may fill: they reach the case without a tap, since the
person in charge needs them to reach the person safely (「妻には内緒で相談しています」), and a fact
corrected the next day (「娘の年齢を書き忘れました。26歳です」「南浜地区でした」) must not stay wrong."""


def contact_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The draft's contact, consideration and corrected fields, with their words, to merge into the case."""
    summary = build_summary(data)
    fields: dict[str, Any] = {key: summary[key] for key in CONTACT_FIELDS if summary[key]}  # type: ignore[literal-required]
    words = {key: value for key, value in summary["own_words"].items() if key in CONTACT_FIELDS}
    if words:
        fields["own_words"] = words
    return fields


def pass_on_contact(dialog: Dialog, filled: list[str], items: str) -> bool:
    """After sending, add a message that told how or when to reach the person, what to be careful
    about, or a corrected fact, to the open case with those fields, and say so; False when it told
    none or nothing was sent."""
    if open_handoff(dialog) is None or not any(key in CONTACT_FIELDS for key in filled):
        return False
    dialog.effects.append(AddToCase(dialog.user_input.text.strip(), contact_fields(dialog.data)))
    dialog.say("addition.contact_added", items=items)
    _ask_number_for_a_call(dialog)
    district = current_content().district(str(build_summary(dialog.data)["district"] or ""))
    if "district" in filled and district is not None:
        dialog.say("addition.district_changed", district=district.name)
    return True


def _ask_number_for_a_call(dialog: Dialog) -> None:
    """After sending, a call asked for without a number (「デンワデ ハナシタイ」): staff need a number to
    call, given only if the person chooses, or they call the window themself; never a promise of an answer
    on this LINE."""
    answers = dialog.data.get("intake", {}).get("answers", {})
    contact = answers.get("contact", {})
    if contact.get("choice") != "phone" or contact.get("words") or phone_number_in(dialog.user_input.text):
        return
    if "draft.safe_number" in dialog.said:  # a safe number already asked for (「ラインだと旦那にばれる」)
        return
    window = current_content().window_for_district(answers.get("district", {}).get("choice"))
    dialog.say(
        "addition.phone_wanted",
        window_name=window.name,
        window_phone=window.phone,
        window_hours=window.hours_text,
    )


PHONE_NUMBER = re.compile(r"(?<![\d#])0\d(?:[-‐‑–—―ーｰ−\s]?\d){8,9}(?![\d-])")
"""A Japanese phone number as typed (「090-1234-5678」「０８０１２３４５６７８」「0123-45-6789」): ten or
eleven digits from 0, with dashes or spaces anywhere between them (after NFKC)."""

NOT_A_PERSONS_NUMBER = ("0120", "0800", "0570", "0990", "0000")
"""Prefixes of free dials, navi dials and the content's placeholders: a line the bot gave, never the
person's own number (「0120-279-338にかけてもいい？」)."""


def phone_number_in(text: str) -> str | None:
    """The person's own phone number typed in `text`, as typed; None when there is none, or when the
    number is a free dial or navi dial (a hotline asked about, not the person's number)."""
    folded = unicodedata.normalize("NFKC", text)
    for match in PHONE_NUMBER.finditer(folded):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) in (10, 11) and not digits.startswith(NOT_A_PERSONS_NUMBER):
            return match.group(0).strip()
    return None


def pass_on_phone_number(dialog: Dialog, answers: dict[str, Any]) -> bool:
    """Keep a phone number the person typed as how to reach them (a phone call, with the number as their
    words), and after sending add the message to the open case with it and say so, with when staff
    answer; False when the message holds no number of theirs. Before sending it waits on the draft,
    shown on the consent screen like any other answer."""
    number = phone_number_in(dialog.user_input.text)
    if number is None:
        return False
    handoff = open_handoff(dialog)
    if handoff is None:
        return note_phone_number(dialog, answers)
    _keep_number(answers, number)
    dialog.effects.append(AddToCase(dialog.user_input.text.strip(), contact_fields(dialog.data)))
    urgency = str(handoff.get("urgency", "normal"))
    dialog.say("addition.phone_added", number=number, reply_promise=reply_promise(dialog, urgency))
    return True


def _keep_number(answers: dict[str, Any], number: str, *, as_the_way: bool = False) -> None:
    """Keep `number` as how to reach the person: a phone call unless a way was chosen already (or
    always, `as_the_way`, when it answers the contact question), the number as their words."""
    contact = answers.setdefault("contact", {})
    if as_the_way or not contact.get("choice"):
        contact.update({"choice": "phone", "from_text": True})
    contact["words"] = number


def note_phone_number(dialog: Dialog, answers: dict[str, Any], *, as_the_way: bool = False) -> bool:
    """Keep a phone number the person typed on the unsent draft only, and say it goes nowhere until they
    choose to send it (inside the 受付票 questions even with a case sent: the form promises that);
    False when the message holds no number of theirs (a free dial 「0120-…」 is a line, not theirs)."""
    number = phone_number_in(dialog.user_input.text)
    if number is None:
        return False
    _keep_number(answers, number, as_the_way=as_the_way)
    phone = answers["contact"].get("choice") == "phone"
    dialog.say("draft.phone_noted" if phone else "draft.phone_noted_beside", number=number)
    return True


PHONE_ASIDE = re.compile(
    r"電話番号|でんわばんごう|携帯番号|けいたいばんごう|番号|ばんごう|携帯|けいたい|電話|でんわ|tel|"
    r"でお願いします|でおねがいします|お願いします|おねがいします|です|だよ|だ|は|に|で|まで|へ|を"
)
"""Words around a number typed alone (「電話番号 080…」「090-…です」) that tell nothing more."""


def only_a_phone_number(text: str) -> bool:
    """Whether typed text gives a phone number of the person's and nothing else to answer (「090-1234-
    5678です」「電話番号 08012345678」), not words beside it (「電話は苦手なので090-…にショートメールで」)."""
    number = phone_number_in(text)
    if number is None:
        return False
    folded = unicodedata.normalize("NFKC", text).lower().replace(number, " ")
    rest = PHONE_ASIDE.sub(" ", folded)
    return re.search(r"[0-9a-z\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]", rest) is None


def gave_phone_number(dialog: Dialog) -> bool:
    """Whether this turn kept a phone number the person typed (answered already: no card follows)."""
    return dialog.user_input.kind == "text" and phone_number_in(dialog.user_input.text) is not None


ADDED_WORDS = "added_words"
"""The key, in the open case's data, of the words already added to it after sending: a later send screen
(「人と話したい」) does not list or send them again."""


def note_added_words(dialog: Dialog) -> None:
    """Remember the words this turn added to the open case (「16さい。かあちゃん大丈夫かな」)."""
    handoff = dialog.data.get("handoff")
    if not isinstance(handoff, dict):
        return
    added = [effect.text for effect in dialog.effects if isinstance(effect, AddToCase) and effect.text]
    if added:
        kept = handoff.setdefault(ADDED_WORDS, [])
        kept.extend(text for text in added if text not in kept)


def added_this_turn(dialog: Dialog) -> bool:
    """Whether this turn already added the typed message to the open case."""
    return any(isinstance(effect, AddToCase) for effect in dialog.effects)


def _add(dialog: Dialog, text: str) -> None:
    """Ask the bot to add `text` to the open case and tell the person when it will be read."""
    handoff = open_handoff(dialog) or {}
    urgency = str(handoff.get("urgency", "normal"))
    dialog.effects.append(AddToCase(text))
    dialog.say(
        "addition.added",
        menu_choices(dialog.data),
        reply_promise=reply_promise(dialog, urgency),
    )


def add_typed(dialog: Dialog) -> bool:
    """Add the typed message to the open case; False when there is no open case."""
    text = dialog.user_input.text.strip()
    if open_handoff(dialog) is None or not text:
        return False
    if not added_this_turn(dialog):
        _add(dialog, text)
    return True


def offer_to_add(dialog: Dialog) -> bool:
    """Offer to pass the typed message on to the open case; False when there is none."""
    handoff = open_handoff(dialog)
    text = dialog.user_input.text.strip()
    if handoff is None or not text:
        return False
    earlier = handoff.get("pending")  # typed on instead of tapping: both wait for the one answer
    handoff["pending"] = (f"{earlier}\n{text}" if earlier else text)[:PENDING_CHARS]
    dialog.say(
        "addition.offer",
        (
            Choice(catalog.text("addition.yes"), "add_pending"),
            Choice(catalog.text("addition.no"), "menu"),
        ),
    )
    return True


def add_pending(dialog: Dialog) -> None:
    """Add the message the person chose to pass on; say so plainly when there is none left."""
    handoff = open_handoff(dialog)
    text = handoff.pop("pending", "") if handoff else ""
    if text:
        _add(dialog, text)
    else:
        dialog.say("addition.nothing", menu_choices(dialog.data))


def is_offered(dialog: Dialog) -> bool:
    """Whether a message waits for the person's yes to be passed on to the open case."""
    handoff = open_handoff(dialog)
    return handoff is not None and bool(handoff.get("pending"))


def take_it_as_said(dialog: Dialog) -> bool:
    """Answer 「よろしくお願いします」 after sending: a yes to passing on what waits, else that the
    consultation has arrived and when it will be read; False when nothing was sent."""
    handoff = open_handoff(dialog)
    if handoff is None:
        return False
    if handoff.get("pending"):
        add_pending(dialog)
        return True
    due = promised_reply(handoff)
    dialog.say("followup.entrusted", menu_choices(dialog.data), reply_by=format_jp(due))
    return True


def tell_when(dialog: Dialog) -> bool:
    """Say when the open case will be answered: the time promised at the hand-off (the queue's due
    time); once it has passed, honestly that no one has answered yet, with an apology and what the
    person can do now; False when there is no open case."""
    handoff = open_handoff(dialog)
    if handoff is None:
        return False
    due = promised_reply(handoff)
    if dialog.now > due:
        dialog.say("followup.when_late", reply_by=format_jp(due))
        _say_meanwhile(dialog, menu_choices(dialog.data))
    else:
        dialog.say("followup.when", menu_choices(dialog.data), reply_by=format_jp(due))
    return True


def _say_meanwhile(dialog: Dialog, choices: tuple[Choice, ...]) -> None:
    """After saying a promised reply is late: what the person can do now (a line open tonight, or the
    window's phone while it is open), offering `choices`."""
    content = current_content()
    tonight = content.meanwhile_text(dialog.now)
    if tonight:
        dialog.send(Text(tonight, choices))
        return
    window = content.window(content.municipality.front_window)
    dialog.say("followup.meanwhile_open", choices, window=window.name, phone=window.phone)


def say_goodnight(dialog: Dialog) -> bool:
    """Say goodnight and that the sent consultation is kept and will be read; False with no open case."""
    if open_handoff(dialog) is None:
        return False
    dialog.say("followup.goodnight", (Choice(catalog.text("nav.menu"), "menu"),))
    return True


def has_sent(dialog: Dialog) -> bool:
    """Whether the person sent a consultation that is still open, or took one back (「取り消せますか」
    then has an answer about it)."""
    return isinstance(dialog.data.get("handoff"), dict) or isinstance(dialog.data.get("withdrawn"), dict)


def changes_mind(dialog: Dialog) -> bool:
    """Whether typed 「やっぱりやめます」 speaks of a consultation already sent (a tapped 終了 does not)."""
    return dialog.user_input.kind == "text" and has_sent(dialog)


def offer_withdrawal(dialog: Dialog) -> None:
    """Say plainly that the consultation was sent and when, and offer to take it back, keep it, or
    delete everything; with a CSW holding it, say that the CSW has read these words."""
    handoff = dialog.data.get("handoff")
    if not isinstance(handoff, dict):
        _say_withdrawn(dialog, "withdraw.already")
        return
    sent_at = format_jp(datetime.fromisoformat(str(handoff["at"])))
    if dialog.data.get("with_person"):
        dialog.say("withdraw.held", (Choice(catalog.text("menu.delete"), "delete"),), sent_at=sent_at)
        return
    handoff["withdraw_offered"] = True
    taken_out = handoff.get("taken_out") or []
    if taken_out:  # 「仏壇のこと書かないでって言ったのに送った？」: say plainly that part was not sent
        dialog.say("withdraw.not_sent", words="」「".join(taken_out))
    dialog.say(
        "withdraw.offer",
        (
            Choice(catalog.text("withdraw.yes"), "withdraw_case"),
            Choice(catalog.text("withdraw.no"), "keep_sent"),
            Choice(catalog.text("menu.delete"), "delete"),
        ),
        sent_at=sent_at,
    )


def withdraw(dialog: Dialog) -> None:
    """Take the sent consultation off the queue (a `WithdrawCase` effect) and say so; later words are
    no longer added to it."""
    if dialog.data.get("with_person") or open_handoff(dialog) is None:
        offer_withdrawal(dialog)
        return
    dialog.effects.append(WithdrawCase())
    dialog.data.pop("handoff", None)
    dialog.data["withdrawn"] = {"at": dialog.now.isoformat()}
    _say_withdrawn(dialog, "withdraw.done")


def _say_withdrawn(dialog: Dialog, key: str) -> None:
    """Say `key` with when the consultation was taken back, and the menu."""
    withdrawn = dialog.data.get("withdrawn") or {}
    at = withdrawn.get("at") or dialog.now.isoformat()
    dialog.say(key, menu_choices(dialog.data), withdrawn_at=format_jp(datetime.fromisoformat(str(at))))


def keep_sent(dialog: Dialog) -> None:
    """Say the consultation stays sent and will be read, and offer the menu."""
    handoff = dialog.data.get("handoff")
    if isinstance(handoff, dict):
        handoff.pop("withdraw_offered", None)
    dialog.say("withdraw.kept", menu_choices(dialog.data))


ASKED_IN_WORDS_MAX_CHARS = 40
"""A longer message after sending is more than a question about what was sent, or a wish to keep it."""


def _short_text(dialog: Dialog) -> str | None:
    """The typed text, when it is short enough to be asked or answered in a few words."""
    text = dialog.user_input.text.strip() if dialog.user_input.kind == "text" else ""
    return text if 0 < len(text) <= ASKED_IN_WORDS_MAX_CHARS else None


def asks_what_was_sent(dialog: Dialog) -> bool:
    """Whether a short message after sending asks what was sent or whether it arrived
    (「さっき送った内容を確認したいです」「おくった？ だれが よむの？」), not to take it back nor whether it
    reaches someone else (「送ったものって夫に届いたりしないですよね？」)."""
    text = _short_text(dialog)
    intents = dialog.understanding.intents if dialog.understanding is not None else ()
    other_question = ("talk.withdraw", "cmd.delete", "cmd.stop", "talk.privacy_fear")
    asked = text is not None and fragments.holds_word_of(text, "asks_what_was_sent")
    return asked and not any(i in intents for i in other_question) and open_handoff(dialog) is not None


def show_sent(dialog: Dialog) -> bool:
    """Answer a question about what was sent: yes, when and to whom, when they will answer, and what was
    sent; False when the message asks none or nothing is sent."""
    if dialog.state != MenuStates.MAIN or not asks_what_was_sent(dialog):
        return False
    handoff = open_handoff(dialog) or {}
    sent_at = datetime.fromisoformat(str(handoff["at"]))
    due = promised_reply(handoff)
    to = str(handoff.get("to") or catalog.text("followup.someone_in_charge"))
    preview = handoff.get("preview")
    choices = menu_choices(dialog.data)
    late = dialog.now > due  # no one has taken it yet (a CSW taking it is told, and holds the conversation)
    dialog.say(
        "followup.sent_late" if late else "followup.sent",
        () if preview or late else choices,
        sent_at=format_jp(sent_at),
        recipient=to,
        reply_by=format_jp(due),
    )
    if late:
        _say_meanwhile(dialog, () if preview else choices)
    if preview:
        shared = handoff.get("scope") == ConsentScope.SUMMARY_AND_CONVERSATION
        note = catalog.text("followup.sent_with_conversation") if shared else ""
        dialog.say("followup.sent_contents", choices, preview=preview, conversation_note=note)
    return True


def keeps_it(dialog: Dialog) -> bool:
    """Whether, offered to take the sent consultation back, the person typed to keep it
    (「やっぱりそのままにしておいてください」)."""
    handoff = open_handoff(dialog)
    text = _short_text(dialog)
    offered = handoff is not None and bool(handoff.get("withdraw_offered"))
    return offered and text is not None and fragments.holds_word_of(text, "keeps_it_sent")


PERSON_OFFERS = ("crisis.offer", "crisis.again_offer", "crisis.again_offer.b", "urgent.offer")
"""Closing lines that offer to pass the words on to a person: after sending, they would read as if
nothing had been sent."""


def reword_offers_after_sending(dialog: Dialog) -> None:
    """Once the consultation is sent (and no CSW holds it yet), an offer to pass the words on to a person
    says what became of them: added to the sent consultation (urgently, when this turn raised it), or,
    with the summary only shared, that they can be passed on to it too (its buttons kept)."""
    handoff = open_handoff(dialog)
    if handoff is None:
        return
    offers = {catalog.text(key) for key in PERSON_OFFERS}
    raised = any(isinstance(effect, RaiseUrgency) for effect in dialog.effects)
    level = str((dialog.data.get("urgency") or {}).get("level") or handoff.get("urgency") or "normal")
    reply_by = format_jp(reply_due(dialog, level))
    if added_this_turn(dialog):
        key = "followup.offer_added_urgent" if raised else "followup.offer_added"
        choices: tuple[Choice, ...] | None = (Choice(catalog.text("nav.menu"), "menu"),)
    else:
        key, choices = "followup.offer_more", None
    sent_offers = {catalog.text(key) for key in SENT_OFFERS}
    added_key = "followup.crisis_added" if raised else "followup.told_added"
    dialog.messages[:] = [
        Text(catalog.text(key, reply_by=reply_by), message.choices if choices is None else choices)
        if message.text in offers
        else Text(catalog.text(added_key, reply_by=reply_by), message.choices)
        if message.text in sent_offers and added_this_turn(dialog)
        else message
        for message in dialog.messages
    ]


SENT_OFFERS = ("crisis.offer_sent", "crisis.again_offer_sent")
"""Closing lines of a crisis reply once the consultation is sent: said again with when staff read it."""


def keep_told_after_sending(dialog: Dialog, *, answered_by_crisis: bool) -> None:
    """After sending, a message the crisis path answered or that raised the case (「いまドアどんどんされ
    てる。こわい」「ここのひと、いまきてくれる？」) is added to the open case, whatever was shared: the
    person in charge must read what happened after the case was sent."""
    if dialog.user_input.kind != "text" or open_handoff(dialog) is None or added_this_turn(dialog):
        return
    raised = any(isinstance(effect, RaiseUrgency) for effect in dialog.effects)
    text = dialog.user_input.text.strip()
    if (answered_by_crisis or raised) and text and not fragments.hides_from_staff(text):
        dialog.effects.append(AddToCase(text))
