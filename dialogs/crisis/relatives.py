"""Messages about a relative: missing at night, unreachable, not the writer, what happens after the parents
are gone."""

from __future__ import annotations

import re
from datetime import datetime

from dialogs import catalog, fragments
from dialogs.crisis.lines import first_line_with_about, lines_open_now, offer_to, text_of_line
from dialogs.crisis.memory import last_situations, mark_now, memory_of, recently, record
from dialogs.crisis.reading import (
    PARENTS_GOING_FIRST,
    RELATIVE_SPEAKER,
    RELATIVE_WORD,
    WRITER_GOING,
    asks_to_call,
    names_a_friend,
    not_the_writer,
    relative_name,
    worries_after_death,
)
from dialogs.crisis.respond import answer_crisis, brief_answer, relative_heard
from dialogs.crisis.situations import AFTER_CRISIS_WITHIN, REPEAT_WITHIN, Situation
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.draft import keep_typed, untick_read_from_text, writes_as_themself
from dialogs.messages import Choice
from dialogs.understanding.classifier import classify
from dialogs.understanding.model import Understanding

NOT_THEM = re.compile(
    rf"({RELATIVE_WORD.pattern})\s?(ちゃう|ちゃい|じゃな|じゃね|やな|ではな|では|と違|とちが|ちが|違)"
)
"""A relative named and denied (「子どもちゃう」「娘やなくて」「息子じゃない」)."""

OWN_OF_RELATIVE: dict[Situation, Situation] = {
    "relative_self_harm": "self_harm",
    "relative_suicidal": "suicidal",
}
"""What a reply given for a relative becomes when the writer says it was her own."""


def answer_it_was_me(dialog: Dialog) -> bool:
    """「ちゃうちゃう、子どもちゃう。切ったんはうちの腕や」 soon after a reply for a relative's cutting or
    words about dying: the reading revised (the writer herself, not family; the relative forgotten) and
    the reply for her own harm, at once. True when answered."""
    text = dialog.user_input.text
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    last = last_situations(dialog)[0]
    own = OWN_OF_RELATIVE.get(last)
    if own is None or not fragments.holds_word_of(text, "own_not_theirs"):
        return False
    if not NOT_THEM.search(text) and not fragments.opens_with_correction(text):
        return False
    stored = dialog.data.setdefault("crisis", {})
    stored.pop("relative", None)
    stored.pop("relative_friend", None)
    stored["answered"] = [s for s in stored.get("answered", []) if s not in OWN_OF_RELATIVE]
    keep_typed(dialog)
    writes_as_themself(dialog)
    reasons = (catalog.text(f"urgency.crisis_reason.{own}"),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    dialog.say("crisis.it_was_me")
    answer_crisis(dialog, (own,), already_sent=False)
    return True


MISSING_REASONS = ("urgency.reason.missing", "urgency.crisis_reason.unseen")
"""The reasons the reply for a relative gone and not found gave the case, taken off when it is not urgent."""


def answer_missing_not_urgent(dialog: Dialog) -> bool:
    """Soon after the reply for a relative gone and not found (110 now), the writer says it is not urgent
    or long ago (「急ぎではないんです。もう半年になります」): the misreading is owned, the urgency it gave
    comes down (level back to normal when no other reason stands), the conversation no longer holds a
    missing person, and her words stay on the 受付票 as she wrote them. True when answered."""
    text = dialog.user_input.text
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or last_situations(dialog)[0] != "missing":
        return False
    if not fragments.holds_word_of(text, "missing_not_urgent"):
        return False
    keep_typed(dialog)
    stored = dialog.data.get("urgency", {})
    remembered = dialog.data.get("crisis", {})
    taken_off = {catalog.text(key) for key in MISSING_REASONS} | set(remembered.pop("missing_reasons", []))
    kept = [reason for reason in stored.get("reasons", []) if reason not in taken_off]
    if kept:
        stored["reasons"] = kept
    else:
        dialog.data.pop("urgency", None)
    for key in ("situations", "answered"):
        remembered[key] = [situation for situation in remembered.get(key, []) if situation != "missing"]
    if not remembered["situations"] and not remembered["answered"]:
        for key in ("situations", "answered", "shown_at", "brief"):
            remembered.pop(key, None)
    heard = " ".join(str(item.get("words", "")) for item in dialog.data.get("intake", {}).get("heard", []))
    if not fragments.holds_word_of(heard, "care_named"):  # 介護 came only from reading her as missing
        untick_read_from_text(dialog.data, "caregiving")
    menu = Choice(catalog.text("nav.menu"), "menu")
    person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
    dialog.say("crisis.missing_not_urgent", (*person, menu), who=relative_heard(dialog))
    return True


def answer_denied_for_relative(dialog: Dialog) -> bool:
    """Wanting to die denied for oneself and said to be about a relative (「いえ、私自身が死にたいなどと
    いうことはございません。息子の件です」), soon after violence at home was answered: thanks, and back
    to the relative, with the window that is not the police; never the question again. True when
    answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or not any(e.label == "negated:crisis" for e in understanding.evidence):
        return False
    told = dialog.data.get("crisis", {}).get("urgent_told", {}).get("violence")
    violence_lately = (
        isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < AFTER_CRISIS_WITHIN
    )
    at_home = recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and last_situations(dialog)[0] in (
        "home_violence",
        "grown_child",
    )
    if not RELATIVE_SPEAKER.search(text) or not (violence_lately or at_home):
        return False
    line = first_line_with_about(("home_violence",), dialog.now)
    if line is None:
        return False
    keep_typed(dialog)
    dialog.say(
        "crisis.denied_for_relative", who=relative_name(text), about=line.about, line=text_of_line(line)
    )
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_future_after_us(dialog: Dialog) -> bool:
    """A worry for a relative after the writer or the parents die (「私が死んだら弟どうなるのって最近ずっと
    考えてる」, 親亡き後), read as no crisis: that it can be planned with a person from now, once in
    `REPEAT_WITHIN`; no crisis block. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.crisis != "none":
        return False
    if not worries_after_death(understanding, text):
        return False
    if recently(dialog, "future_told_at", REPEAT_WITHIN):
        return False
    mark_now(dialog, "future_told_at")
    keep_typed(dialog)
    if PARENTS_GOING_FIRST.search(text) and not WRITER_GOING.search(text):  # a parent or the grown child
        dialog.say("crisis.future_parents_gone", service=brief_answer(dialog, "service.withdrawal_support"))
    else:
        dialog.say("crisis.future_after_us", who=relative_name(text))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def alone_in_context(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Someone the conversation said lives alone (「80代くらいの男性で一人暮らしです」): later words that
    they are unseen or may lie inside (「ここ数日姿を見てないんです」「中で倒れてたらどうしよう」) are read
    with that said, within `REPEAT_WITHIN`; this message's own reading otherwise."""
    text = dialog.user_input.text
    if fragments.holds_word_of(text, "lives_alone"):
        mark_now(dialog, "alone_told_at")
    if understanding.crisis != "none" or not recently(dialog, "alone_told_at", REPEAT_WITHIN):
        return understanding
    told = classify(f"{fragments.WORDS['lives_alone'][0]} {text}")
    return told if told.crisis == "crisis" and told.crisis_kinds == ("unseen",) else understanding


def answer_not_me(dialog: Dialog) -> bool:
    """「いや私じゃなくて兄です」 soon after a reply to the writer's own thoughts of dying: the family reply
    for the relative named. True when answered."""
    text = dialog.user_input.text
    if not not_the_writer(text) or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    last = last_situations(dialog)[0]
    if last == "relative_suicidal":  # already answered for them: heard, and what to do for them now
        stored = dialog.data.setdefault("crisis", {})
        who = stored.get("relative") or relative_name(text)
        friend = ".friend" if stored.get("relative_friend") or names_a_friend(text) else ""
        keep_typed(dialog)
        dialog.say("crisis.not_me_heard", who=who)
        dialog.say("crisis.relative_unreachable.again" + friend, who=who)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if last != "suicidal":
        return False
    keep_typed(dialog)
    if names_a_friend(text):  # the sheet: a friend at risk, not the one writing
        reasons = (catalog.text("urgency.reason.friend_suicidal"),)
        record(dialog, "crisis", reasons)
        dialog.effects.append(RaiseUrgency("crisis", reasons))
    answer_crisis(dialog, ("relative_suicidal",), already_sent=False)
    return True


def answer_relative_unreachable(dialog: Dialog) -> bool:
    """After a relative's words about dying were answered, words that the relative does not answer or is
    far away (「既読はつくけど返事がない」「隣の県に住んでて今から行けない」), asking what to do, or whether
    the police is too much (「警察に電話したら大げさですか？」): 110 and a welfare check at their address
    now, and a line that takes family calls (briefly after the first time). True when answered."""
    understanding = dialog.understanding
    if understanding is None or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if last_situations(dialog)[0] != "relative_suicidal":
        return False
    text = dialog.user_input.text
    asks_call = asks_to_call(understanding)
    told = any(fragments.holds_word_of(text, name) for name in ("relative_unreachable", "lives_alone"))
    if not (asks_call or told or "talk.guidance" in understanding.intents):
        return False
    who = dialog.data.get("crisis", {}).get("relative") or catalog.text("crisis.relative.family")
    friend = ".friend" if dialog.data.get("crisis", {}).get("relative_friend") else ""
    keep_typed(dialog)
    if asks_call:
        dialog.say(f"crisis.call_yes.relative_suicidal{friend}", who=who)
    elif recently(dialog, "unreachable_told_at", AFTER_CRISIS_WITHIN):
        dialog.say(f"crisis.relative_unreachable.again{friend}", who=who)
    else:
        phones, chats = lines_open_now(("relative_suicidal",), dialog.now)
        reach = (phones + chats)[:1]
        line = text_of_line(reach[0]) if reach else catalog.text("crisis.again_emergency")
        dialog.say(f"crisis.relative_unreachable{friend}", who=who, line=line)
    mark_now(dialog, "unreachable_told_at")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True
