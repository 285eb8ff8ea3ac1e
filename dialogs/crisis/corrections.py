"""Corrections of what the writer said was done, and by whom, after a reply about violence: being
shouted at only (「ちがう、怒鳴られるだけ」), or someone else holding the knife (「ちがうちがう、包丁
持っとるのは弟だって」). The correction is taken as the writer put it: the reply, the 受付票 and the
urgency follow it."""

from __future__ import annotations

from dialogs import catalog, fragments
from dialogs.crisis.lines import crisis_messages, dv_line_texts, lines_open_now, offer_to, text_of_line
from dialogs.crisis.memory import mark_now, memory_of, recently, record
from dialogs.crisis.reading import RELATIVE_NAMES, age_unknown, writes_as_a_minor
from dialogs.crisis.situations import AFTER_CRISIS_WITHIN
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.draft import form_of, keep_typed, untick_read_from_text

VIOLENCE_REASONS = tuple(
    f"urgency.{key}"
    for key in (
        "reason.violence",
        "reason.home_violence",
        "reason.child_at_home",
        "reason.family",
        "reason.grown_child",
        "crisis_reason.violence",
        "crisis_reason.child_abuse",
    )
)
"""The urgency reasons that tell of someone hitting or hurting the writer."""


def _violence_told(dialog: Dialog) -> bool:
    """Whether violence toward the writer was answered or put on the 受付票 lately."""
    memory = memory_of(dialog.data)
    ticked = dialog.data.get("intake", {}).get("answers", {}).get("concerns", {}).get("choices", [])
    return recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and (
        memory.hurt is not None or "violence" in ticked
    )


def _only_shouted(text: str) -> bool:
    """Whether the words say it is shouting only (「ちがう、怒鳴られるだけ」「どなられるだけで、たたかれては
    ない」), as a correction: only (だけ), opening with one or saying outright it was not hitting."""
    if not fragments.holds_word_of(text, "shouted_at"):
        return False
    denied = fragments.holds_word_of(text, "not_hit")
    if fragments.holds_word_of(text, "hit_told") and not denied:
        return False  # 「殴られるだけじゃなくて怒鳴られる」: hitting told too
    return fragments.holds_word_of(text, "only_that") and (fragments.opens_with_correction(text) or denied)


def _take_violence_off(dialog: Dialog, note: str) -> None:
    """The 受付票 as the writer corrected it: no 暴力 concern or who hits whom, her words beside it, and
    the urgency that violence gave taken off (normal when nothing else made the case urgent)."""
    untick_read_from_text(dialog.data, "violence")
    form = form_of(dialog)
    form.pop("violence", None)
    kept = form.setdefault("violence_denied", [])
    words = dialog.user_input.text.strip().rstrip("。")
    if words not in kept:
        kept.append(words)
    urgency = dialog.data.get("urgency", {})
    violent = {catalog.text(key) for key in VIOLENCE_REASONS}
    reasons = list(urgency.get("reasons", []))
    others = [reason for reason in reasons if reason not in violent and not reason.startswith("「")]
    if not others:
        dialog.data["urgency"] = {"level": "normal", "reasons": [note]}
    else:
        urgency["reasons"] = [reason for reason in reasons if reason not in violent] + [note]


def answer_only_shouted(dialog: Dialog) -> bool:
    """Soon after a reply about being hit, the writer corrects it to shouting only (「ちがう、怒鳴られる
    だけ」「どなられるだけ。たたかれてはない」): the correction owned and taken as she put it — shouting
    is still hard, and still something to talk about — with a line to talk to (a child's lines when a
    parent shouts at a writer who may be a child); not the DV lines. On the 受付票 the 暴力 concern comes
    off, her words stand beside it, and the urgency it gave comes down. True when answered."""
    text = dialog.user_input.text
    if not _violence_told(dialog) or not _only_shouted(text):
        return False
    keep_typed(dialog)
    hurt = memory_of(dialog.data).hurt
    note = catalog.text("urgency.shouted_only", words=text.strip())
    if hurt == "partner":  # a partner's shouting may still be DV: kept on the sheet, the danger down
        _shouting_by_a_partner(dialog, note)
        return True
    ticked = dialog.data.get("intake", {}).get("answers", {}).get("concerns", {})
    choices = ticked.setdefault("choices", [])
    if "family_relations" not in choices:
        choices.append("family_relations")
    dialog.data.setdefault("crisis", {}).pop("hurt", None)
    _take_violence_off(dialog, note)
    understanding = dialog.understanding
    young = hurt in ("child", "by_parent", "parent") and (
        age_unknown(understanding, dialog.data)
        or (understanding is not None and writes_as_a_minor(understanding, dialog.data, text))
    )
    phones = lines_open_now(("child",) if young else ("family",), dialog.now)[0]
    kind = "child" if young else "anything"  # a child's lines, else one line for anything (よりそい)
    chosen = [line for line in phones if kind in line.kinds][:2] or phones[:1]
    dialog.say(
        "crisis.shouted_only.young" if young else "crisis.shouted_only",
        lines="\n".join(text_of_line(line) for line in chosen),
    )
    mark_now(dialog, "corrected_at")
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def _shouting_by_a_partner(dialog: Dialog, note: str) -> None:
    """Shouting only, by a partner (「いや、どなられるだけ」 after 「彼氏に殴られる」): the correction owned;
    being shouted at by a partner can be talked over with the DV line, so the 暴力 concern stays (DV
    includes words), while the danger to life it was read as comes down to urgent, her words beside."""
    urgency = dialog.data.get("urgency", {})
    violent = {catalog.text(key) for key in VIOLENCE_REASONS}
    kept = [reason for reason in urgency.get("reasons", []) if reason not in violent]
    others = [reason for reason in kept if not reason.startswith("「")]
    level = urgency.get("level") if others else "urgent"
    dialog.data["urgency"] = {"level": level or "urgent", "reasons": [*(kept if others else []), note]}
    dialog.say("crisis.shouted_only.partner", lines="\n".join(dv_line_texts()[:1]))
    mark_now(dialog, "corrected_at")
    dialog.send(offer_to(dialog, "urgent.offer"))


def _holder_named(text: str) -> str | None:
    """The relative the words name as the one holding the knife (「包丁持っとるのは弟だって」), or None."""
    if not fragments.holds_word_of(text, "weapon_held"):
        return None
    for word, relative in RELATIVE_NAMES.items():
        if word in text:
            return relative
    return None


def answer_holder_corrected(dialog: Dialog) -> bool:
    """Soon after a reply, the writer corrects who holds the knife (「ちがうちがう、包丁持っとるのは弟
    だって」): the correction owned, and the writer is the one threatened — get away from him and lock
    a door, do not try to take it or talk him down, 110 now — with the lines for violence at home; never
    「put it away」 as if the writer held it. The 受付票 names the one with the knife. True when answered."""
    text = dialog.user_input.text
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if not (fragments.opens_with_correction(text) or fragments.holds_word_of(text, "cleft_is")):
        return False
    relative = _holder_named(text)
    if relative is None:
        return False
    keep_typed(dialog)
    stored = dialog.data.setdefault("crisis", {})
    stored.pop("means", None)  # the knife is not the writer's means
    stored["hurt"] = "at_home"
    form = form_of(dialog)
    form["violence"] = {"by": [_person_of(relative)], "hurt": ["self"]}
    untick_read_from_text(dialog.data, "mental_health")
    reasons = (catalog.text("urgency.knife_held_by", who=catalog.text(f"crisis.relative.{relative}")),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    dialog.say("crisis.knife_held_by", who=catalog.text(f"crisis.relative.{relative}"))
    memory = memory_of(dialog.data)
    dialog.send(*crisis_messages(dialog.now, ("home_violence",), sent=memory.sent, no_phone=memory.no_phone))
    mark_now(dialog, "shown_at")
    return True


def _person_of(relative: str) -> str:
    """The 受付票's word for a relative (「弟」 → sibling)."""
    return PEOPLE_OF_RELATIVE.get(relative, "other_family")


PEOPLE_OF_RELATIVE = {
    "younger_brother": "sibling",
    "older_brother": "sibling",
    "younger_sister": "sibling",
    "older_sister": "sibling",
    "brother": "sibling",
    "sister": "sibling",
    "father": "parent",
    "mother": "parent",
    "son": "child",
    "daughter": "child",
    "husband": "partner",
    "wife": "partner",
    "boyfriend": "partner",
    "girlfriend": "partner",
}
"""Who a relative named is, in the 受付票's words for who hurts whom."""
