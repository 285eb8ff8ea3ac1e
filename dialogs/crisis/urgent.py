"""Urgent needs today (a bed, food, utilities, eviction) answered in the dialog."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from dialogs import catalog, fragments
from dialogs.content import (
    current_content,
)
from dialogs.crisis.home import answer_not_hit_but, relative_at_home
from dialogs.crisis.lines import (
    dv_messages,
    home_violence_messages,
    lines_open_now,
    offer_to,
    text_of_line,
    urgent_guidance_text,
    written_line_first,
)
from dialogs.crisis.memory import mark_now, memory_of, recently, record
from dialogs.crisis.reading import age_unknown, put_out_by_parent, says_adult, writes_as_a_minor
from dialogs.crisis.respond import answer_child_no_place, put_out_lately, told_lately
from dialogs.crisis.situations import CHILD_HURTS, REPEAT_WITHIN
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.draft import keep_typed
from dialogs.understanding.model import CrisisKind, Understanding


def _urgent_again(dialog: Dialog, kinds: set[CrisisKind], minor: bool, young: bool) -> None:
    """The same urgent need again, briefly: a child's or a maybe-child's bed tonight (189), or that it was
    received; that it reaches a person only when a case was sent, else how to send it."""
    if minor and kinds & {"no_shelter", "eviction"}:
        dialog.say("urgent.child_no_place_again")
        return
    if young and kinds & {"no_shelter", "eviction"}:
        desk = current_content().temporary_living_info.after_hours_desk
        dialog.say("urgent.put_out_again", desk=desk.name, phone=desk.phone)
        return
    sent = isinstance(dialog.data.get("handoff"), dict) or bool(dialog.data.get("with_person"))
    dialog.say("urgent.again_sent" if sent else "urgent.again")


def _answer_put_out(dialog: Dialog, understanding: Understanding, *, young: bool) -> None:
    """Put out of home by a parent (「親に家追い出された」): tonight's bed (not rent); the age unknown
    (`young`), what a child can do (189, 一時保護, the children's lines), and the age asked once."""
    tonight = replace(
        understanding,
        crisis_kinds=("no_shelter",),
        concerns=tuple(concern for concern in understanding.concerns if concern != "housing"),
    )
    dialog.say("urgent.tonight", guidance=urgent_guidance_text(tonight, dialog.now))
    if not young:
        return
    phones, _ = lines_open_now(("child",), dialog.now)
    lines = "\n".join(text_of_line(line) for line in phones if "child" in line.kinds)
    dialog.say("urgent.put_out_young", lines=lines)


def _shut_out_age_unknown(dialog: Dialog, understanding: Understanding, kinds: set[CrisisKind]) -> bool:
    """Whether no bed tonight is told as a home not to be gone back to (「いまコンビニにいる。家かえれない」
    「夜中だけど家に入れてもらえない」), the age not known: the writer may be a child, so never the
    grown-up's answer alone. Not a missed last train (「終電逃して家に帰れない」)."""
    text = dialog.user_input.text
    return (
        "no_shelter" in kinds
        and age_unknown(understanding, dialog.data)
        and fragments.holds_word_of(text, "home_shut_out")
        and not fragments.holds_word_of(text, "late_by_choice")
    )


def answer_urgent(dialog: Dialog, understanding: Understanding) -> None:
    """Send the DV lines (the lines for violence at home when a grown child shouts), 一時生活支援 guidance
    (a child's lines to a child with nowhere to go) or what a court's payment demand needs; the same
    urgent situation again gets one short line."""
    kinds = set(understanding.crisis_kinds)
    minor = writes_as_a_minor(understanding, dialog.data, dialog.user_input.text)
    put_out = put_out_by_parent(understanding)
    if put_out:  # put out tonight: no bed tonight, whatever else the words name
        kinds |= {"no_shelter", "eviction"}
        mark_now(dialog, "put_out_at")
        if not says_adult(understanding):
            dialog.data["crisis"]["hurt"] = "child" if minor else "by_parent"
    young = not minor and put_out_lately(dialog) and age_unknown(understanding, dialog.data)
    if kinds == {"violence"} and answer_not_hit_but(dialog):
        return
    if told_lately(dialog, sorted(kinds) or ["unnamed"]):
        if "utilities" in kinds and answer_cold(dialog, offer=False):  # 「電気ないけん寒か」: warm now
            return
        _urgent_again(dialog, kinds, minor or memory_of(dialog.data).hurt in CHILD_HURTS, young)
        return
    if kinds & {"no_shelter", "eviction"} and minor:
        at_store = fragments.holds_word_of(dialog.user_input.text, "in_a_store")
        answer_child_no_place(dialog, "urgent.child_at_store" if at_store else "urgent.child_no_place")
        return
    if put_out and not minor:  # tonight's bed, not rent; a child's lines while the age is not known
        _answer_put_out(dialog, understanding, young=young)
        return
    if not minor and _shut_out_age_unknown(dialog, understanding, kinds):
        mark_now(dialog, "put_out_at")  # said again tonight: the maybe-child's short answer (189 too)
        if fragments.holds_word_of(dialog.user_input.text, "in_a_store"):
            dialog.say("urgent.stay_in_store")
        _answer_put_out(dialog, understanding, young=True)
        return
    if kinds == {"no_food"} and writes_as_a_minor(understanding, dialog.data, dialog.user_input.text):
        answer_child_no_place(dialog, "urgent.child_no_food")
        return
    if "payment_demand" in kinds:
        answer = current_content().questions["ask.ignore_payment_demand"].answer
        dialog.say("urgent.payment_demand", answer=answer)
        kinds.discard("payment_demand")
        if not kinds:
            return
    if "violence" in kinds:
        home = relative_at_home(dialog, understanding)
        dialog.send(*(home_violence_messages(dialog.now) if home else dv_messages(dialog.now)))
    if kinds - {"violence"} or not kinds:
        key = "urgent.tonight" if "no_shelter" in kinds else "urgent.info"  # the bed first, nothing before it
        if memory_of(dialog.data).no_phone:  # 「でんわ にがて」 said before: a line to write to comes first
            dialog.say("urgent.written_first", line=written_line_first(("suicidal",), dialog.now))
        guidance = urgent_guidance_text(understanding, dialog.now)
        cold = "utilities" in kinds and fragments.holds_word_of(dialog.user_input.text, "cold_words")
        dialog.say(key, guidance=without_119(guidance) if cold else guidance)  # the cold answer's 119
        if cold:  # 「電気止められて、今夜さむいし」: keeping warm without power
            answer_cold(dialog, guidance="", offer=False)


COLD_OR_BODY_WORDS = fragments.WORDS["cold_or_body"]
"""Words about the cold or the body: only a message with one of them gets the short line with 119."""


def safety_line_fits(dialog: Dialog) -> bool:
    """Whether one short safety line fits an ordinary message now: the person was told lately they
    have no place to sleep tonight, writes about the cold or their body, and has not had the line since."""
    if not any(word in dialog.user_input.text for word in COLD_OR_BODY_WORDS):
        return False
    stamp = dialog.data.get("crisis", {}).get("urgent_told", {}).get("no_shelter")
    outside = isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < REPEAT_WITHIN
    if not outside or recently(dialog, "safety_line_at", REPEAT_WITHIN):
        return False
    mark_now(dialog, "safety_line_at")
    return True


COLD_WITHIN = timedelta(hours=6)
"""How long after a night in the cold was told a warm place asked, or the cold said again, is that night."""


def _place_elsewhere(text: str) -> str | None:
    """A city outside this municipality named in passing (「札幌。マイナス5度」「ここ札幌だべ」), or None."""
    home = current_content().municipality.name
    for place in fragments.WORDS["places_elsewhere"]:
        if place in text and place not in home:
            return place
    return None


def _power_cut_told(dialog: Dialog) -> bool:
    """Whether the power cut was told lately (the utilities answer within `REPEAT_WITHIN`)."""
    stamp = dialog.data.get("crisis", {}).get("urgent_told", {}).get("utilities")
    return isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < REPEAT_WITHIN


def without_119(guidance: str) -> str:
    """The municipality's guidance without its 119 line: said with the cold answer, whose own 119 line
    (who to watch, which signs) is the one kept, so that 119 is told once."""
    return "\n".join(line for line in guidance.splitlines() if "119" not in line)


def _cold_kind(dialog: Dialog) -> str | None:
    """Which cold these words tell, if any: "outside" (cold with heat or fuel running out: 「寒い。エンジン
    切ったら凍える。ガスもたない」) or "power" (cold with the power cut, told now or lately: 「今夜さむいし
    子どもらが心配」 after 「電気止められる」)."""
    text = dialog.user_input.text
    if fragments.holds_word_of(text, "cold_felt") and fragments.holds_word_of(text, "heat_running_out"):
        return "outside"
    power = fragments.holds_word_of(text, "power_out") or _power_cut_told(dialog)
    if fragments.holds_word_of(text, "cold_words") and power:
        return "power"
    return None


def _answer_cold_first(dialog: Dialog, kind: str, *, guidance: str | None) -> None:
    """The night's first cold answer: outside, urgent (a warm place open now, the exhaust and snow, 119
    when numb); with the power cut, how to keep warm at home, where to ask tonight and that it is kept."""
    keep_typed(dialog)
    if kind == "outside":
        reasons = (catalog.text("urgency.reason.cold_night"),)
        record(dialog, "urgent", reasons)
        dialog.effects.append(RaiseUrgency("urgent", reasons))
        dialog.say("urgent.cold_night")
        return
    if guidance is None:
        guidance = without_119(current_content().urgent_guidance("utilities_cut", dialog.now))
    dialog.say("urgent.cold_without_power", guidance=guidance, noted=catalog.text("urgent.cold_noted"))


def _answer_cold_again(dialog: Dialog, kind: str) -> None:
    """The same night's cold again: a warm place asked (「あったかいとこ」) gets the warm places, short; the
    cold said again gets a follow-up once (can they get there, what stands in the way), then one line."""
    keep_typed(dialog)
    if kind == "outside" and fragments.holds_word_of(dialog.user_input.text, "warm_place_asked"):
        dialog.say("urgent.cold_again")
    elif recently(dialog, "cold_follow_at", COLD_WITHIN):
        dialog.say("urgent.cold_still")
    else:
        mark_now(dialog, "cold_follow_at")
        dialog.say(f"urgent.cold_follow_up.{kind}")


def answer_cold(
    dialog: Dialog, *, only_after: bool = False, guidance: str | None = None, offer: bool = True
) -> bool:
    """The cold tonight, one answer for both colds: outside with no heat or fuel (「寒い。エンジン切ったら
    凍える。ガスもたない」: urgent, a danger to the body, not a question about dying) and at home with the
    power cut (「今夜さむいし子どもらが心配」: keeping warm without power, never charcoal or a gas stove
    indoors, 119 once). The same night the cold again gets a follow-up, not the same answer
    (`_answer_cold_again`). A city outside this municipality named with it (「札幌。マイナス5度。ガス
    ほぼない」「ここ札幌だべ」) is told where to ask there; 110 and 119 work anywhere. `only_after`: only
    the same night's follow-ups (a night without a bed keeps its own answer); `guidance`: where to ask
    tonight, when the caller has said it already (""); `offer`: close with the offer of a person (the
    urgent answer closes its own). True when answered."""
    text = dialog.user_input.text
    kind = _cold_kind(dialog)
    cold_lately = recently(dialog, "cold_at", COLD_WITHIN)
    if only_after and not cold_lately:
        return False
    kept = dialog.data.get("crisis", {}).get("cold_kind")
    outside = kind == "outside" or (kind is None and kept == "outside")
    place = _place_elsewhere(text) if outside and (kind or cold_lately) else None
    again = cold_lately and (
        fragments.holds_word_of(text, "warm_place_asked")
        or fragments.holds_word_of(text, "cold_words")
        or fragments.holds_word_of(text, "cold_felt")  # 「しばれる」
    )
    if not (kind or again or (cold_lately and place)):
        return False
    asks_where = "どこ" in text  # 「つなぐ市ってどこ。ここ札幌だべ」「札幌で今夜どこ行けばいい」: said again
    if place is not None and (dialog.data.get("crisis", {}).get("place_told") != place or asks_where):
        dialog.data["crisis"]["place_told"] = place
        home = current_content().municipality.name
        dialog.say("area.outside_danger", place=place, municipality=home)
    if cold_lately and isinstance(kept, str):
        _answer_cold_again(dialog, kept if kind is None or kind == kept else kind)
    elif kind is not None:
        _answer_cold_first(dialog, kind, guidance=guidance)
        dialog.data.setdefault("crisis", {})["cold_kind"] = kind
    else:
        keep_typed(dialog)
        dialog.say("urgent.cold_again")
    mark_now(dialog, "cold_at")
    if offer:
        dialog.send(offer_to(dialog, "urgent.offer"))
    return True
