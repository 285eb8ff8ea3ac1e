"""A child who writes or is written about: 189, the children's lines, and what a 児童相談所 does."""

from __future__ import annotations

from datetime import datetime

from dialogs import catalog, fragments
from dialogs.content import (
    current_content,
)
from dialogs.crisis.lines import (
    dv_line_texts,
    lines_open_now,
    offer_text,
    offer_to,
    one_line_now,
    text_of_line,
)
from dialogs.crisis.memory import last_situations, mark_now, memory_of, recently, record
from dialogs.crisis.reading import (
    NOT_HOME_WORDS,
    asks_someone_to_come_now,
    is_child,
    parent_of_a_child,
    says_adult,
    writes_as_a_minor,
)
from dialogs.crisis.respond import answer_crisis, put_out_lately, raise_with_words, writes_as_child
from dialogs.crisis.situations import (
    AFTER_CRISIS_WITHIN,
    CHILD_HURTS,
    EXPOSED_AFTER,
    HARMED,
    REPEAT_WITHIN,
    VIOLENCE_AT_HOME,
    Situation,
)
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows import followup
from dialogs.flows.draft import keep_typed, note_consideration
from dialogs.flows.reply_due import reply_due
from dialogs.messages import Text
from dialogs.office_hours import format_jp


def answer_minor_after_violence(dialog: Dialog) -> bool:
    """Soon after a reply to violence at home, the writer says she is a child and fears what a call
    would bring (「わたし高2で17だけど警察とかよんだら親にバレるしもっとやばくなる」): what a children's line
    does first (listens; not the police), then the children's block (189, 子供SOS, chat; 110 if in
    danger now). On the 受付票 the writer is 本人, a child hurt at home. True when answered."""
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    if understanding is None or memory.hurt in CHILD_HURTS:
        return False
    after_violence = last_situations(dialog)[0] in VIOLENCE_AT_HOME
    if not after_violence or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if not writes_as_a_minor(understanding, dialog.data, dialog.user_input.text):
        return False
    keep_typed(dialog)
    dialog.data.setdefault("crisis", {})["hurt"] = "child"
    answers = dialog.data.setdefault("intake", {}).setdefault("answers", {})
    if answers.get("asker", {}).get("guess") or not answers.get("asker"):
        answers["asker"] = {"choice": "self", "from_text": True}  # 「わたし高2で17」: she writes of herself
    concerns = answers.get("concerns") or {}
    if "violence" in concerns.get("about", {}):
        concerns["about"]["violence"] = "self"
    reasons = (catalog.text("urgency.reason.child_at_home"),)
    stored = dialog.data.get("urgency", {})
    partner = catalog.text("urgency.reason.violence")  # a child at home: not a partner's violence
    stored["reasons"] = [reason for reason in stored.get("reasons", []) if reason != partner]
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    about = told[0].about if told else ""
    dialog.send(Text(catalog.text("crisis.child_fears_telling", about=about).strip()))
    answer_crisis(dialog, ("child",), already_sent=False)
    return True


def answer_minor_told(dialog: Dialog) -> bool:
    """The writer says she is under 18 (「16です　高1」) soon after replies that did not know it (a night
    put out of home, thoughts of dying): from now on the children's lines, in a child's words, once and
    short; put out by a parent, 189 and 一時保護 for tonight, and the case raised as a child at home."""
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    if understanding is None or memory.hurt in CHILD_HURTS or "child" in memory.answered:
        return False
    if set(HARMED) & set(memory.answered):  # 「119とかまじむり…てか高1だし」 after cutting: 119 first
        return False
    if not writes_as_a_minor(understanding, {}, dialog.user_input.text):
        return False
    put_out = put_out_lately(dialog)
    if not put_out and not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    stored = dialog.data.setdefault("crisis", {})
    if put_out or memory.hurt == "by_parent":
        stored["hurt"] = "child"
        reasons = (catalog.text("urgency.reason.child_at_home"),)
        record(dialog, "crisis", reasons)
        dialog.effects.append(RaiseUrgency("crisis", reasons))
    phones, chats = lines_open_now(("child_dying",), dialog.now)
    reach = [line for line in phones if "child_talk" in line.kinds][:1] + chats[:1]
    key = "crisis.minor_told.no_place" if put_out else "crisis.minor_told"
    dialog.say(key, lines="\n".join(text_of_line(line) for line in reach))
    recent = list(memory.answered) if memory.recent(dialog.now) else []
    stored.update(shown_at=dialog.now.isoformat(), answered=[*recent, "child"], brief=0)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_worry_for_parent(dialog: Dialog) -> bool:
    """A child hurt at home worries for the mother hurt beside him (「16さい。かあちゃん大丈夫かな」): not a
    take-back. 189 can help his mother too, 110 if she is in danger now, a line that is for her (DV相談＋),
    and that he is not to blame, with the children's lines. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or dialog.data.get("with_person"):
        return False
    if not (
        fragments.holds_word_of(text, "mother_named") and fragments.holds_word_of(text, "worry_for_other")
    ):
        return False
    memory = memory_of(dialog.data)
    if not memory.recent(dialog.now):
        return False
    at_home = memory.hurt in CHILD_HURTS or last_situations(dialog)[0] in (
        *VIOLENCE_AT_HOME,
        "home_violence",
    )
    if not at_home or not writes_as_a_minor(understanding, dialog.data, text):
        return False
    keep_typed(dialog)
    dialog.data.setdefault("crisis", {})["hurt"] = "child"
    phones = lines_open_now(("child",), dialog.now)[0]
    children = [line for line in phones if "child" in line.kinds][:2] or phones[:1]
    dialog.say(
        "crisis.child_worry_for_mother",
        dv_lines="\n".join(dv_line_texts()[:1]),
        lines="\n".join(text_of_line(line) for line in children),
    )
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    mark_now(dialog, "shown_at")
    return True


def answer_police_worry(dialog: Dialog) -> bool:
    """A child's worry that the police would bring trouble on a parent (「けいさつよばれたらかあさん
    おこる。どうしたらいい」): the worry answered first and kindly — being safe comes first, calling for
    help gets no one into trouble, 189 and a trusted adult can be talked to, 110 for danger now — then
    the children's lines open now; not the list of windows. Not a grown-up (「35歳です」). True when
    answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or dialog.data.get("with_person") or says_adult(understanding):
        return False
    if not all(
        fragments.holds_word_of(text, name) for name in ("police_words", "police_trouble", "parent_words")
    ):
        return False
    band = dialog.data.get("intake", {}).get("answers", {}).get("age_band", {}).get("choice")
    if band not in (None, "under_18"):
        return False
    keep_typed(dialog)
    dialog.messages.clear()  # the worry first: no note that it was kept as a 配慮 (it is, on the draft)
    if fragments.holds_word_of(text, "mother_words"):
        who = "mother"
    elif fragments.holds_word_of(text, "father_words"):
        who = "father"
    else:
        who = "family"
    phones = lines_open_now(("child",), dialog.now)[0]
    children = [line for line in phones if "child" in line.kinds][:2] or phones[:1]
    dialog.say(
        "crisis.police_worry",
        who=catalog.text(f"crisis.police_worry.who.{who}"),
        lines="\n".join(text_of_line(line) for line in children),
    )
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_phone_low(dialog: Dialog) -> bool:
    """The phone's charge running low soon after lines were given (「スマホの充電あと20%」): keep the most
    important number, make the charge last, where to charge; not a money worry, not the lines again."""
    text = dialog.user_input.text
    if not (fragments.holds_word_of(text, "battery_named") and fragments.holds_word_of(text, "battery_low")):
        return False
    stamp = dialog.data.get("crisis", {}).get("urgent_told", {})
    urgent = any(
        isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < AFTER_CRISIS_WITHIN
        for told in stamp.values()
    )
    if not urgent and not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    understanding = dialog.understanding
    memory = memory_of(dialog.data)
    child = memory.hurt in CHILD_HURTS or (understanding is not None and is_child(understanding, dialog.data))
    situation: Situation = "child" if child else last_situations(dialog)[0]
    phones, chats = lines_open_now((situation,), dialog.now)
    first = (phones + chats)[:1]
    line = text_of_line(first[0]) if first else ""
    dialog.say("crisis.phone_low.child" if child else "crisis.phone_low", line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_exposed(dialog: Dialog) -> bool:
    """A child at home afraid of what happens there, told soon after a reply to violence at home by the
    parent who writes (「子どもがこわがってる」 after 「夫が怒鳴って物を投げます」): the child is heard, with
    the lines for children and families (189 is not the police; 子ども家庭支援センター) told gently; the
    受付票 notes the child (配慮, and a reason). A worry for them (「子どもたち大丈夫かな」 after
    「夫に殴られた」) is answered so too: 189 if they are hurt or see it, for seeing it is harm too.
    True when answered."""
    text = dialog.user_input.text
    if memory_of(dialog.data).hurt in CHILD_HURTS or last_situations(dialog)[0] not in EXPOSED_AFTER:
        return False
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or recently(dialog, "exposed_at", REPEAT_WITHIN):
        return False
    if not fragments.holds_word_of(text, "child_at_home_named"):
        return False
    afraid = fragments.holds_word_of(text, "child_afraid")
    if not afraid and not fragments.holds_word_of(text, "worry_for_other"):
        return False  # 「子どもたち大丈夫かな」 after 「夫に殴られた」: the parent's worry for them, too
    mark_now(dialog, "exposed_at")
    note_consideration(dialog, catalog.text("consideration.child_exposed"))
    reasons = (catalog.text("urgency.reason.child_exposed"),)
    record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    phones, chats = lines_open_now(("parent",), dialog.now)
    reach = chats + phones if memory_of(dialog.data).no_phone else phones + chats  # 「電話むり」: write first
    lines = "\n".join(text_of_line(line) for line in reach[:3]) or catalog.text("crisis.again_emergency")
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    key = "crisis.child_exposed" if afraid else "crisis.child_worry"
    dialog.say(key, about=told[0].about if told else "", lines=lines)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_after(dialog: Dialog) -> bool:
    """After a child's crisis reply, 「いえにいたくない」 or words the bot cannot read (「おねがい だれか」)
    get the children's lines again, briefly, never the fallback; a phone she cannot use (「電話は声
    きこえるから無理」) the lines to write to and this LINE; the one who hurts near or awake
    (「まだ おきてる。へやに かぎ ない」) gets how to stay safe now, in plain kana, and raises the case."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    memory = memory_of(dialog.data)
    if (
        understanding is None
        or memory.hurt not in CHILD_HURTS
        or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN)
        or fragments.takes_back(text)  # 「やっぱいい」: a change of mind, answered where it was typed
    ):
        return False
    plain = text.replace(" ", "").replace("　", "")
    not_home = any(word in plain for word in NOT_HOME_WORDS)
    near = fragments.danger_near(text)
    read = [
        concern for concern in understanding.concerns if not understanding.learned_only(f"concern:{concern}")
    ]
    unread = not understanding.intents and not read and not understanding.entities
    says_no_phone = fragments.cannot_phone(text)  # 「電話は声きこえるから無理」: the ways to write
    if not (not_home or near or unread or says_no_phone) or not any(char.isalnum() for char in text):
        return False
    keep_typed(dialog)
    if near:
        raise_with_words(dialog)
        mark_now(dialog, "shown_at")
    no_phone = says_no_phone or memory.no_phone  # said once (「でんわむり」), it holds for what follows
    phones, chats = lines_open_now(("child",), dialog.now)
    if no_phone:
        reach = (chats or phones)[:2] if says_no_phone else (chats + phones)[:2]
    else:
        reach = (phones + chats)[:2]
    lines = "\n".join(text_of_line(line) for line in reach) or catalog.text("crisis.again_emergency")
    here = "crisis.child_here_written" if no_phone else "crisis.child_here"
    key = "crisis.child_not_home" if not_home else "crisis.child_danger_near" if near else here
    if says_no_phone and not near and not not_home:
        key = "crisis.child_no_phone"
    if key == "crisis.child_here" and recently(dialog, "child_here_at", REPEAT_WITHIN):
        key, lines = "crisis.child_here.b", lines.split("\n")[0]  # said lately: short, one line
    if key == "crisis.child_here":
        mark_now(dialog, "child_here_at")
    dialog.say(key, line=lines)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_come_now(dialog: Dialog) -> bool:
    """Asked whether someone from here comes now: honestly that no one can, when the person in charge
    reads (the sent case's promise, or a message sent now), and for danger now 110/119; a child hears
    it in plain kana with 189 and the children's lines (a line to write to first when she cannot phone).
    Never the home-visit answer, which a child at night may read as someone on the way."""
    if not asks_someone_to_come_now(dialog.user_input.text):
        return False
    keep_typed(dialog)
    memory = memory_of(dialog.data)
    level = str((dialog.data.get("urgency") or {}).get("level") or "normal")
    reply_by = format_jp(reply_due(dialog, level))
    sent = followup.open_handoff(dialog) is not None
    if writes_as_child(dialog):
        phones, chats = lines_open_now(("child",), dialog.now)
        reach = (chats + phones)[:2] if memory.no_phone else (phones + chats)[:2]
        lines = "\n".join(text_of_line(line) for line in reach) or catalog.text("crisis.again_emergency")
        dialog.say("come_now.child_sent" if sent else "come_now.child", reply_by=reply_by, line=lines)
    else:
        line = one_line_now(dialog.now, ("suicidal",), no_phone=memory.no_phone)
        dialog.say("come_now.sent" if sent else "come_now.not_sent", reply_by=reply_by, line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_child_leaving(dialog: Dialog) -> bool:
    """A child who was hurt at home and thinks of running away (「あしたがっこういくふりして、どっかいった
    ほうがいい？」「家出したい」): not to go off alone or with strangers, to tell the school nurse or
    counsellor, 189 (a safe place), 110 in danger; a line to write to first when she cannot phone."""
    if memory_of(dialog.data).hurt not in CHILD_HURTS:
        return False
    if not fragments.holds_word_of(dialog.user_input.text, "child_runs_away"):
        return False
    keep_typed(dialog)
    no_phone = memory_of(dialog.data).no_phone
    phones, chats = lines_open_now(("child",), dialog.now)
    reach = (chats + phones)[:2] if no_phone else (phones + chats)[:2]
    lines = "\n".join(text_of_line(line) for line in reach) or catalog.text("crisis.again_emergency")
    dialog.say("crisis.child_runs_away", line=lines)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_about_189(dialog: Dialog) -> bool:
    """Answer a question about 189 (「189に電話したら通報されるんですか？」) with what it is, plainly;
    a parent (who wrote of their young child, or of fearing to hurt them) hears that parents call too."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or "talk.child_guidance" not in understanding.intents or "189" not in text:
        return False
    told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
    if not told:
        return False
    parent = memory_of(dialog.data).hurt == "own_child" or parent_of_a_child(dialog.data)
    keep_typed(dialog)
    key = "crisis.parent_189" if parent else "crisis.child_guidance"
    dialog.say(key, about=told[0].about, line=text_of_line(told[0]))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_no_child_guidance(dialog: Dialog) -> None:
    """Answer not wanting a 児童相談所 involved (kept as a caution for the 受付票) honestly: what this LINE
    does and does not do, and that the law asks staff to tell one when a life or body is in danger."""
    keep_typed(dialog)
    dialog.say("crisis.no_child_guidance")
    dialog.send(offer_text("crisis.again_offer"))
