"""Violence at home: from a partner, a grown child, a grandchild or the carer; corrections, the past,
leaving, a bed tonight."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import timedelta

from dialogs import catalog, fragments
from dialogs.content import (
    current_content,
)
from dialogs.crisis.fast import FROM_AFAR_SITUATIONS
from dialogs.crisis.lines import (
    dv_line_texts,
    elder_window_line,
    first_line_with_about,
    home_violence_messages,
    lines_text,
    offer_to,
    one_line_now,
    safe_line,
    text_of_line,
    urgent_guidance_text,
    written_line_first,
)
from dialogs.crisis.memory import last_situations, mark_now, memory_of, recently, record
from dialogs.crisis.reading import (
    FEARED_AT_HOME,
    LONG_AGO_RULE,
    QUESTION_ENDS,
    RELATIVE_NAMES,
    correction_of,
    hurt_named,
    own_hand_in_one_sentence,
    parent_of_a_child,
    partner_named,
    partner_only_hurt,
    relative_at_home_hurts,
    told_long_ago,
    violence_written,
    without_lasting_fear,
    without_the_spared,
    writer_relations,
    writes_as_a_minor,
)
from dialogs.crisis.respond import answer_asked_too, partner_lines_given, raise_with_words, told_lately
from dialogs.crisis.situations import (
    AFRAID_NOW_SITUATIONS,
    AFTER_CRISIS_WITHIN,
    CARER_HURTS,
    CHILD_HURTS,
    DOERS_OF_HURT,
    ELDER_HURTERS,
    ELDER_SELF_HURTERS,
    ELDERS,
    HURT_OF_ANSWERED,
    REPEAT_WITHIN,
    VIOLENCE_AT_HOME,
    VIOLENCE_KINDS,
    Situation,
)
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.common import MenuStates
from dialogs.flows.draft import keep_typed, tick_for_the_writer, untick_read_from_text
from dialogs.messages import Text
from dialogs.summary import REASON_CHARS
from dialogs.understanding.entities import SUPPORTER_ROLES
from dialogs.understanding.model import Understanding
from dialogs.violence import (
    VIOLENCE_DENIED,
    WhoHurts,
    names_partner,
    who_hurts,
)


def remember_hurt(dialog: Dialog) -> None:
    """Keep who the message says is being hurt, for the turns after (「きのうも なぐられた」); not from
    violence long past (「小学生の頃、父に毎日殴られていました」)."""
    if dialog.understanding is None or told_long_ago(dialog.user_input.text):
        return
    hurt = hurt_named(dialog.understanding, dialog.data, dialog.user_input.text)
    if hurt is not None:
        dialog.data.setdefault("crisis", {})["hurt"] = hurt


def revise_after_correction(dialog: Dialog, told: WhoHurts) -> None:
    """Forget what a correction says was misread: that the one said not to hurt is hurting someone, and
    the situations answered for it (a later crisis gets its own whole block, not the brief one)."""
    stored = dialog.data.setdefault("crisis", {})
    wrong = {hurt for hurt, doers in DOERS_OF_HURT.items() if set(doers) & set(told.not_by)}
    if stored.get("hurt") in wrong:
        del stored["hurt"]
    if "answered" in stored:
        stored["answered"] = [s for s in stored["answered"] if HURT_OF_ANSWERED.get(s) not in wrong]


def answer_correction(dialog: Dialog) -> bool:
    """A correction of who hurts whom that names no one else (「いえ、妻に手を上げているのは息子ではなく、
    私でもありません。ただ、いずれそうなりそうで怖いのです」): thanks, the reading revised, and a window
    that is not the police for the worry about what may come; never the lines for the one said not to
    hurt. True when answered."""
    told = correction_of(dialog.user_input.text)
    if told is None or told.by:
        return False
    who = next((RELATIVE_NAMES[word] for word in told.not_by_words if word in RELATIVE_NAMES), "family")
    lines_for: Situation = "violence" if "partner" in told.not_by else "home_violence"
    line = first_line_with_about((lines_for,), dialog.now)
    window = "\n".join((line.about, text_of_line(line))) if line is not None else ""
    keep_typed(dialog)
    dialog.say("crisis.corrected", who=catalog.text(f"crisis.relative.{who}"), window=window)
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_past_told(dialog: Dialog) -> bool:
    """Violence long past (「小学生の頃、父に毎日殴られていました」「昔、元夫からDVを受けていました。
    離婚して5年です」) or an attempt or self-harm now settled (「10年前に自殺未遂をしたことがあります。
    今は落ち着いています」), told at the menu: heard warmly and kept for the person in charge, no
    emergency block, and the conversation goes on; once in `REPEAT_WITHIN`. The 受付票 notes it beside
    the urgency, which it does not raise. True when answered."""
    understanding = dialog.understanding
    if understanding is None or understanding.crisis != "none":
        return False
    at_menu = dialog.state in (MenuStates.START, MenuStates.MAIN)
    if not at_menu or recently(dialog, "past_told_at", REPEAT_WITHIN):
        return False
    text = dialog.user_input.text
    resolved = [evidence.rule for evidence in understanding.evidence if evidence.label == "resolved:crisis"]
    violence = LONG_AGO_RULE in resolved or (
        "violence" in understanding.concerns
        and fragments.tells_long_ago(without_lasting_fear(text))
        and not understanding.intents
    )
    if not resolved and not violence:
        return False
    mark_now(dialog, "past_told_at")
    keep_typed(dialog)
    kind = "violence" if violence else "harm"
    record(dialog, "normal", (catalog.text(f"urgency.history.{kind}"),))  # for the CSW: no raise
    afraid = violence and fragments.fear_lingers(text)  # 「今も怖いです」: the fear now, and is she safe
    dialog.say("crisis.past_told.violence_feared" if afraid else f"crisis.past_told.{kind}")
    dialog.send(offer_to(dialog, "urgent.offer"))
    answer_asked_too(dialog)
    return True


ASKS_WHERE = frozenset({"talk.guidance", "faq.how_to_reach"})
"""Intents of asking where to turn (「どこに相談したらいいですか」)."""


def answer_where_to_leave(dialog: Dialog) -> bool:
    """「夫から離れたいんです。どこに相談したらいいですか」 from someone who told of her partner's control
    or violence: the DV lines, which also help with leaving safely. False if not asked so."""
    understanding = dialog.understanding
    if understanding is None or memory_of(dialog.data).hurt != "partner":
        return False
    if not ASKS_WHERE & set(understanding.intents) or not partner_named(
        understanding, dialog.user_input.text
    ):
        return False
    lines = [
        text_of_line(line)
        for line in current_content().hotlines
        if "violence" in line.kinds and "anything" not in line.kinds
    ]
    keep_typed(dialog)
    dialog.say("dv.where_to_leave", lines="\n".join(lines))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_dv_first_sign(dialog: Dialog) -> bool | None:
    """Signs of control by a partner told first (being watched, money kept back): the DV lines,
    gently and without alarm, once in `REPEAT_WITHIN`; no urgency is raised.

    「夫にスマホを毎晩チェックされます」 also gets the privacy answer (False: the flow still answers);
    「お金も全部夫が管理していて…」 is handled here (True). None when this is not such a sign.
    """
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.crisis != "none" or text.strip().endswith(QUESTION_ENDS):
        return None
    partner = partner_named(understanding, text) and not partner_only_hurt(text)
    watched = "talk.privacy_fear" in understanding.intents
    if not partner or not violence_written(understanding):
        return None
    if recently(dialog, "dv_signs_at", REPEAT_WITHIN) or recently(dialog, "shown_at", REPEAT_WITHIN):
        return None
    mark_now(dialog, "dv_signs_at")
    no_phone = memory_of(dialog.data).no_phone  # 「電話むり」 said before: the lines to write to first
    # 「夫は飲むと…物に当たる…壁に穴を開けました」: things broken in anger, not being watched or kept short
    key = "dv.first_signs.things" if fragments.holds_word_of(text, "things_broken") else "dv.first_signs"
    dialog.send(Text(catalog.text(key)), Text(lines_text(("violence",), dialog.now, no_phone=no_phone)))
    if watched:
        return False
    keep_typed(dialog)
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_afraid_not_hit(dialog: Dialog) -> bool:
    """「私や娘に手をあげたことはまだございませんが、正直、怖いと感じております」 soon after a partner's
    temper was told (things broken, control): the fear heard, not taken for a 'no'; that fear is reason
    enough to talk to the DV line, one line open now, 110 if in danger; the case is raised with her words.
    False when no partner's signs were told lately, or the words deny no hitting or tell no fear."""
    text = dialog.user_input.text
    if not VIOLENCE_DENIED.search(unicodedata.normalize("NFKC", text)):
        return False
    if not fragments.holds_word_of(text, "afraid_of_them"):
        return False
    partner = memory_of(dialog.data).hurt == "partner" or recently(dialog, "dv_signs_at", REPEAT_WITHIN)
    if not partner:
        return False
    keep_typed(dialog)
    reasons = (catalog.text("urgency.reason.violence"), catalog.text("summary.quote", words=text.strip()))
    record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    tick_for_the_writer(dialog.data, "violence")
    dialog.say("dv.afraid_not_hit", line=safe_line(dialog.now))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_not_hit_but(dialog: Dialog) -> bool:
    """「殴られたりはしていないです。でも、友達と会うのも止められていて」 from someone who told of her
    partner's control: being kept from people, watched or kept short of money is violence too (DV), she is
    not to blame, and the line for it (a short reminder when the lines were just given); nothing is said to
    reach staff, since nothing was sent. False when the words deny no hitting or no partner is known."""
    text = dialog.user_input.text
    denied = VIOLENCE_DENIED.search(unicodedata.normalize("NFKC", text))
    if memory_of(dialog.data).hurt != "partner" or not denied:
        return False
    given = partner_lines_given(dialog)
    told_lately(dialog, ["violence"])
    keep_typed(dialog)
    line = safe_line(dialog.now)
    dialog.say("dv.not_hit_but_again" if given else "dv.not_hit_but", line=line)
    return True


def answer_afraid_now(dialog: Dialog) -> bool:
    """Violence told earlier in the conversation, then fear right now with the one who hurts near
    (「まごが おきてきました。こわい」「夫が帰ってきた、怖い」「足音がする。こわい」): at once how to stay
    safe (110 if in danger, a locked room or outside, a neighbour), one line open now, in plain kana for
    one who writes in kana; the case is raised with her words (added to it once sent). Fear without
    someone near (「虫がでた。こわい」) or without violence told is not this. True when answered."""
    text = dialog.user_input.text
    memory = memory_of(dialog.data)
    told = memory.hurt is not None or (
        bool(dialog.data.get("crisis", {}).get("situations"))
        and last_situations(dialog)[0] in (*VIOLENCE_AT_HOME, "home_violence")
    )
    if not told or memory.hurt in CHILD_HURTS:
        return False  # a child hurt at home: answer_child_after, in a child's words
    if not (fragments.danger_near(text) and fragments.holds_word_of(text, "afraid_now")):
        return False
    if fragments.takes_back(text):
        return False
    keep_typed(dialog)
    raise_with_words(dialog)
    mark_now(dialog, "shown_at")
    situations = AFRAID_NOW_SITUATIONS.get(str(memory.hurt), ("home_violence",))
    line = one_line_now(dialog.now, situations, no_phone=memory.no_phone)
    kana = not any("\u4e00" <= char <= "\u9fff" for char in text)
    dialog.say("crisis.afraid_now.kana" if kana else "crisis.afraid_now", line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_afraid_to_tell(dialog: Dialog) -> bool:
    """Too afraid to say anything (「こわくて なにもいえません」「怖くて何も言えません」), first or after
    violence was told: no need to write the details, what can be written is enough, and one line to write
    to (no voice needed), with 110 if in danger now; in plain kana for one who writes in kana. True when
    answered."""
    text = dialog.user_input.text
    if not fragments.holds_word_of(text, "afraid_to_tell") or memory_of(dialog.data).hurt in CHILD_HURTS:
        return False
    keep_typed(dialog)
    recent = recently(dialog, "shown_at", AFTER_CRISIS_WITHIN)
    situations = last_situations(dialog) if recent else ("suicidal",)
    line = written_line_first(situations, dialog.now)
    key = "crisis.afraid_to_tell.kana" if fragments.written_in_kana(text) else "crisis.afraid_to_tell"
    dialog.say(key, line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


POLICE_REFUSED = frozenset({"talk.no_police"})
"""The intents of one who will not go to the police (「けーさつはむり」)."""


def answer_tonight_without_police(dialog: Dialog) -> bool:
    """The police refused and where to go tonight asked in one message (「けーさつはむり。今日どこいけば
    いい？」), by one leaving violence or not yet said: where to go tonight leads — DV相談＋ (24 hours, a
    safe place from tonight, as its content says) and tonight's bed from the content — and 110 is named
    once, only for danger right now. A child hurt at home, or a grown-up hurt by a parent, is not this
    (their own lines). Raised as urgent with the words. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or not POLICE_REFUSED & set(understanding.intents):
        return False
    if not fragments.holds_word_of(text, "where_tonight"):
        return False
    hurt = memory_of(dialog.data).hurt
    if hurt not in (None, "partner", "at_home"):
        return False
    dv_lines = [line for line in current_content().hotlines if "violence" in line.kinds and line.shelter]
    open_now = [line for line in dv_lines if line.hours_known and line.is_open_at(dialog.now)]
    if not open_now:
        return False
    keep_typed(dialog)
    reasons = (catalog.text("summary.quote", words=text.strip()),)
    record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    tonight = replace(understanding, crisis_kinds=("no_shelter",), concerns=())
    guidance = urgent_guidance_text(tonight, dialog.now)
    guidance = "\n".join(line for line in guidance.splitlines() if "110" not in line)  # 110 once, below
    key = "dv.tonight_no_police" if hurt is not None else "dv.tonight_no_police.unknown"
    dialog.say(
        key,
        lines="\n".join(text_of_line(line) for line in open_now),
        shelter="\n".join(line.shelter for line in open_now),
        guidance=guidance,
    )
    if memory_of(dialog.data).no_phone:  # 「でんわ にがて」 said before: a line to write to as well
        dialog.say("urgent.written_first", line=written_line_first(("violence",), dialog.now))
    mark_now(dialog, "dv_bed_at")
    told_lately(dialog, ["no_shelter"])
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def relative_at_home(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether the one who shouts or hurts is a grown child or a brother or sister at home, not a partner:
    named so in the message (「娘に怒鳴られて」), or, when the message names no one (「さっきドア越しに
    怒鳴られました」), by what the writer told before (「息子が20年部屋から出てきません」)."""
    if any(evidence.rule == FEARED_AT_HOME for evidence in understanding.evidence):
        return True
    if names_partner(dialog.user_input.text):
        return False
    understanding = without_the_spared(understanding, dialog.user_input.text)
    if writer_relations(understanding):
        return relative_at_home_hurts(understanding)
    told = dialog.data.get("intake", {}).get("answers", {}).get("relation", {}).get("choice")
    return told in ("parent", "sibling") and memory_of(dialog.data).hurt != "partner"


def _hurts_an_elder(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether the words tell of a relative shouting at or hitting the writer's parent or grandparent
    (「あれから兄が夜中に父を怒鳴ってるのを見た」), told by an adult who is not the one hurt."""
    told = who_hurts(dialog.user_input.text)
    if not (set(told.hurt) & ELDERS) or "self" in told.hurt or not told.by or set(told.by) - ELDER_HURTERS:
        return False
    if "parent" in told.hurt and "grandparent" not in told.hurt:
        minor = writes_as_a_minor(understanding, dialog.data, dialog.user_input.text)
        return not minor and _parent_known_elderly(dialog)
    return True


def _parent_known_elderly(dialog: Dialog) -> bool:
    """Whether the conversation tells the parent is elderly: words of age or care (「親は高齢で、父が認知症
    ぎみ」) now or among the words kept for the 受付票, or care (介護) ticked as a concern."""
    form = dialog.data.get("intake") or {}
    heard = [str(item.get("words", "")) for item in form.get("heard", []) if isinstance(item, dict)]
    concerns = (form.get("answers") or {}).get("concerns") or {}
    cared = "caregiving" in (concerns.get("choices") or []) if isinstance(concerns, dict) else False
    said = (dialog.user_input.text, *heard)
    return cared or any(fragments.holds_word_of(words, "elder_signs") for words in said)


def answer_elder_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """An elderly parent shouted at or hit by another relative: the elder's safety, 110 if in danger now,
    and 地域包括支援センター (高齢者虐待の相談), not a reply to the writer as the one at risk or as
    living with the one who shouts; an urgent notice on the case."""
    if not _hurts_an_elder(dialog, understanding):
        return False
    reasons = (catalog.text("urgency.reason.elder_hurt"),)
    ruled = any(e.label == "crisis" and not e.rule.startswith("model:") for e in understanding.evidence)
    level = "crisis" if ruled else "urgent"  # the learned layer alone once read 「あれから…」 as suicidal
    record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    said = catalog.text("crisis.elder_hurt", window_line=elder_window_line())
    text = dialog.user_input.text
    if fragments.holds_word_of(text, "elder_money") and fragments.holds_word_of(text, "money_taken"):
        said += "\n" + catalog.text("crisis.elder_money_too")  # 「…年金を取り上げてる」: that is abuse too
    dialog.send(Text(said.strip()))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def _writer_is_elder(dialog: Dialog) -> bool:
    """Whether the writer is elderly: she writes as a grandparent (「まごのことで」) or of her age or
    pension (「わたしのねんきん」)."""
    answers = dialog.data.get("intake", {}).get("answers", {})
    asker = answers.get("asker", {}).get("choice")
    if answers.get("relation", {}).get("choice") == "grandparent" and asker in (None, "family"):
        return True
    return fragments.holds_word_of(dialog.user_input.text, "elder_signs")


def answer_elder_hurt_self(dialog: Dialog, understanding: Understanding) -> bool:
    """An elderly writer hit or shouted at by her grandchild or child (「まごに たたかれたことも あります」):
    110 if in danger now, 地域包括支援センター (高齢者虐待の相談), money taken named as abuse too when she
    told of it, in kana for a kana writer; an urgent notice on the case. Not the DV (partner) lines."""
    told = who_hurts(dialog.user_input.text)
    if "self" not in told.hurt or not told.by or set(told.by) - ELDER_SELF_HURTERS:
        return False
    if not _writer_is_elder(dialog):
        return False
    keep_typed(dialog)
    reasons = (catalog.text("urgency.reason.elder_hurt"),)
    ruled = any(e.label == "crisis" and not e.rule.startswith("model:") for e in understanding.evidence)
    level = "crisis" if ruled or understanding.crisis == "crisis" else "urgent"
    record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    stored = dialog.data.setdefault("crisis", {})
    answered = list(dict.fromkeys([*stored.get("answered", []), "home_violence", "violence"]))
    stored.update(shown_at=dialog.now.isoformat(), situations=["home_violence"], answered=answered)
    form = dialog.data.get("intake") or {}
    heard = [str(item.get("words", "")) for item in form.get("heard", []) if isinstance(item, dict)]
    money = any(
        fragments.holds_word_of(words, "elder_money") and fragments.holds_word_of(words, "money_taken")
        for words in (dialog.user_input.text, *heard)
    )
    kana = not any("\u4e00" <= char <= "\u9fff" for char in dialog.user_input.text)
    key = "crisis.elder_hurt_self.kana" if kana else "crisis.elder_hurt_self"
    said = catalog.text(key, window_line=elder_window_line())
    if money:
        said += "\n" + catalog.text(f"{key}.money")
    dialog.send(Text(said.strip()))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_elder_money(dialog: Dialog) -> None:
    """An elderly parent's bankbook or pension held by another relative (「父の通帳も兄が持ってるみたい」):
    say it may be financial abuse and name 地域包括支援センター; the turn goes on as usual (the words are
    still kept or offered to the sent case)."""
    if fragments.elder_money_held(dialog.user_input.text):
        dialog.send(Text(catalog.text("crisis.elder_money", window_line=elder_window_line())))


def plans_to_leave(dialog: Dialog) -> bool:
    """Whether the words tell a plan to leave or flee a partner (「彼がねてるうちに子どもと出たい」): a way
    of leaving beside a partner named, or after violence from a partner was told."""
    text = dialog.user_input.text
    if not fragments.holds_word_of(text, "leaving_plan"):
        return False
    partner = fragments.holds_word_of(text, "partner_near") or names_partner(text)
    return partner or memory_of(dialog.data).hurt == "partner"


def answer_leaving_plan(dialog: Dialog) -> bool:
    """A plan to leave a partner (「彼がねてるうちに子どもと出たい」「夫が寝てる間に子供つれて逃げたい」):
    safety planning with the DV lines and 110 if in danger, raised as urgent violence; not a worry about
    children or school, and not thoughts of dying read by the learned layer alone. True when answered."""
    understanding = dialog.understanding
    if understanding is None or dialog.data.get("with_person") or not plans_to_leave(dialog):
        return False
    if ASKS_WHERE & set(understanding.intents) and memory_of(dialog.data).hurt == "partner":
        return False  # 「夫から離れたいんです。どこに相談したら」: `answer_where_to_leave` answers it
    if understanding.crisis != "none" and not understanding.learned_only(understanding.crisis):
        return False
    reasons = (catalog.text("summary.quote", words=dialog.user_input.text.strip()[:REASON_CHARS]),)
    record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    tick_for_the_writer(dialog.data, "violence")
    untick_read_from_text(dialog.data, "childcare_education")
    stored = dialog.data.setdefault("crisis", {})
    stored["hurt"] = "partner"
    keep_typed(dialog)
    dialog.say("dv.leaving_plan", lines="\n".join(dv_line_texts()))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True


def answer_bed_after_violence(dialog: Dialog, understanding: Understanding) -> bool:
    """A bed tonight asked (「今夜とまれるところありますか」) by someone hurt by a partner: DV相談＋ named
    first as the way to a safe place tonight (as its content says), 110 if in danger; the 一時生活支援
    guidance only after. True when answered."""
    if set(understanding.crisis_kinds) != {"no_shelter"} or memory_of(dialog.data).hurt != "partner":
        return False
    dv_lines = [line for line in current_content().hotlines if "violence" in line.kinds and line.shelter]
    open_now = [line for line in dv_lines if line.hours_known and line.is_open_at(dialog.now)]
    if not open_now:
        return False
    keep_typed(dialog)
    lines = "\n".join(text_of_line(line) for line in open_now)
    shelter = "\n".join(line.shelter for line in open_now)
    stored = dialog.data.setdefault("crisis", {})
    if recently(dialog, "dv_bed_at", REPEAT_WITHIN):  # asked again: the line named, in turns of two wordings
        again = int(stored.get("dv_bed_again", 0))
        dialog.say("dv.bed_again.b" if again % 2 else "dv.bed_again", lines=lines, shelter=shelter)
        stored["dv_bed_again"] = again + 1
    else:
        stored["dv_bed_again"] = 0
        dialog.say("dv.bed_tonight", lines=lines, shelter=shelter)
        dialog.say("urgent.tonight", guidance=urgent_guidance_text(understanding, dialog.now))
    mark_now(dialog, "dv_bed_at")
    told_lately(dialog, ["no_shelter"])
    intents = tuple(intent for intent in understanding.intents if intent != "service.temporary_living")
    dialog.understanding = replace(understanding, intents=intents)  # no weekday card after it
    return True


def asks_if_watched(dialog: Dialog) -> bool:
    """Whether words about this LINE or the phone being seen ask something (「LINEなら大丈夫？スマホみられ
    てるかも」「このLINE、彼に見られたらどうしよう」「履歴けしたほうがいい？」), fear or guess it
    (「このLINEも見られるかもしれないので怖いです」), or tell it after the DV lines were given
    (「彼がLINEチェックする」), with no danger read in them: the flow answers how to hide and delete this
    talk; not a sign of violence or a take-back."""
    understanding = dialog.understanding
    if understanding is None or understanding.crisis != "none":
        return False
    text = dialog.user_input.text
    if "talk.privacy_fear" not in understanding.intents:
        return False
    # 「旦那に見られたらやばい」 after the DV lines: this LINE, though unnamed
    seen_by_partner = partner_named(understanding, text) and partner_lines_given(dialog)
    if not fragments.holds_word_of(text, "this_line_named") and not seen_by_partner:
        return False
    asked = any(mark in text for mark in "?？") or "talk.guidance" in understanding.intents
    if asked or any(evidence.rule.endswith("#delete_history") for evidence in understanding.evidence):
        return True
    return fragments.holds_word_of(text, "seen_feared") or partner_lines_given(dialog)


def _carer_may_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether a grown-up caring for an elderly parent tells of hurting, or fearing to hurt, them
    (「さっき怒鳴って肩つかんでゆすってしまった」 after 「おふくろが認知症で」): harm read, in the writer's
    own act (「…てしまった」「…しまいそう」), with nobody else named as the one who hurts and no child."""
    kinds = set(understanding.crisis_kinds)
    if not kinds & CARER_HURTS or kinds - CARER_HURTS:
        return False  # thoughts of dying beside it get the crisis reply as before
    text = dialog.user_input.text
    told = who_hurts(text)
    if set(told.by) - {"self"} or set(told.hurt) - ELDERS:
        return False  # 「兄が父を」: answer_elder_hurt; 「子どもを」「母に叩かれた」: as before
    if not fragments.holds_word_of(text, "own_hurt_mark") or parent_of_a_child(dialog.data):
        return False
    if not own_hand_in_one_sentence(text):
        return False  # 「大げさに書いてしまった…夫は手をあげたりはしません」: no act of his own
    return _parent_known_elderly(dialog) and not writes_as_a_minor(understanding, dialog.data, text)


def answer_carer_hurt(dialog: Dialog, understanding: Understanding) -> bool:
    """A carer who hurt, or fears hurting, the elderly parent they care for: without blame, the parent's
    safety and a moment apart, 110/119, 地域包括支援センター (高齢者虐待の相談, carers too) and the line
    open tonight; caregiving ticked and the case raised with the fear as its reason. True when answered."""
    if not _carer_may_hurt(dialog, understanding):
        return False
    reasons = (catalog.text("urgency.reason.carer_hurt"),)
    level = "crisis" if understanding.crisis == "crisis" else "urgent"
    record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    tick_for_the_writer(dialog.data, "caregiving")
    _note_carer_hurts(dialog)
    open_lines = [
        line
        for line in current_content().hotlines
        if "anything" in line.kinds
        and line.channel == "phone"
        and line.hours_known
        and line.is_open_at(dialog.now)
    ]
    tonight = catalog.text("crisis.carer_line", line=text_of_line(open_lines[0])) if open_lines else ""
    again = recently(dialog, "carer_at", AFTER_CRISIS_WITHIN)  # 「自分が怖い…」 right after: briefly
    key = "crisis.carer_hurt_again" if again else "crisis.carer_hurt"
    said = catalog.text(key, window_line=elder_window_line(), tonight=tonight)
    dialog.send(Text(said.strip()))
    dialog.send(offer_to(dialog, "urgent.offer"))
    mark_now(dialog, "carer_at")
    return True


VICTIM_REASONS = ("urgency.reason.violence", "urgency.reason.home_violence", "urgency.reason.family")
"""Urgency reasons an earlier reading of a carer's words as a victim's may have left on the case."""


def _note_carer_hurts(dialog: Dialog) -> None:
    """Put the carer on the 受付票 as the one who hurt or fears hurting and the elder as the one at risk,
    in place of an earlier reading of his words as a victim's (「ゆすってしまった」 read as being shaken)."""
    told = who_hurts(dialog.user_input.text)
    elders = [person for person in told.hurt if person in ELDERS] or ["parent"]
    form = dialog.data.setdefault("intake", {})
    stored = form.setdefault("violence", {"by": [], "hurt": []})
    by = [person for person in stored.get("by", []) if person not in ELDERS]
    hurt = [person for person in stored.get("hurt", []) if person != "self"]
    stored["by"] = ["self", *(person for person in by if person != "self")]
    stored["hurt"] = [*elders, *(person for person in hurt if person not in elders)]
    victim = {catalog.text(key) for key in VICTIM_REASONS}
    urgency = dialog.data.get("urgency", {})
    if urgency.get("reasons"):
        urgency["reasons"] = [reason for reason in urgency["reasons"] if reason not in victim]


def answer_carer_fears_telling(dialog: Dialog) -> bool:
    """After the carer's reply, the fear of telling the care manager or the centre (「ケアマネには言えない。
    虐待って言われるから」): asking for help protects both; 地域包括支援センター is there to help go on
    caring, not to blame; the line open tonight. True when answered."""
    if not recently(dialog, "carer_at", AFTER_CRISIS_WITHIN):
        return False
    if not fragments.holds_word_of(dialog.user_input.text, "carer_fears_telling"):
        return False
    dialog.say("crisis.carer_fears_telling")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


PARTNER_NEAR_MAX = 20
"""The longest message (characters) read as only saying the partner is near now (「やば かれしおきた」)."""

PARTNER_AWAY_WITHIN = timedelta(hours=6)
"""How long after the partner was near a message saying he slept is a return to this conversation."""


def answer_partner_near(dialog: Dialog) -> bool:
    """A short message saying the partner who may read the phone is near now (「やば かれしおきた」): the
    shortest reply, one line (close it now, how to delete the talk). Back after he slept or left
    (「さっきのつづき。かれしねた」): welcome back, go on. True when answered."""
    text = dialog.user_input.text
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    afraid = fragments.holds_word_of(plain, "afraid_now")  # 「夫が帰ってきた、怖い」: safety first
    if len(plain) <= PARTNER_NEAR_MAX and fragments.holds_word_of(plain, "partner_woke") and not afraid:
        mark_now(dialog, "partner_near_at")
        dialog.say("privacy.partner_near_now")
        return True
    if recently(dialog, "partner_near_at", PARTNER_AWAY_WITHIN) and fragments.holds_word_of(
        plain, "partner_away"
    ):
        dialog.data["crisis"].pop("partner_near_at", None)
        dialog.say("privacy.partner_away_back")
        return True
    return False


def note_apart(dialog: Dialog) -> None:
    """Remember a family member who says she lives far from the home (「わたしは名古屋におって、実家は遠い
    んだわ」), so the replies to violence there say she can call 110 from afar."""
    if fragments.holds_word_of(dialog.user_input.text, "lives_far_away"):
        dialog.data.setdefault("crisis", {})["apart"] = True


def answer_from_afar(dialog: Dialog) -> bool:
    """A family member far away asking what she can do about violence at the home (「遠くに住んどる私に
    できることってあるの？」「親に電話して説得したほうがええの？」「名古屋から110番してもええの？」) soon
    after a reply to it: 110 from afar with the home's address (the police there go), the family to
    another room or outside, the 保健所 / 精神保健福祉センター for the one who is violent, and, asked
    about talking him round, safety first. Not a means at hand, not the question about dying. True when
    answered."""
    text = dialog.user_input.text
    stored = dialog.data.get("crisis", {})
    if not stored.get("apart") or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    if last_situations(dialog)[0] not in FROM_AFAR_SITUATIONS:
        return False
    persuade = fragments.holds_word_of(text, "persuade")
    if not (persuade or fragments.holds_word_of(text, "asks_from_afar")):
        return False
    keep_typed(dialog)
    window = home_violence_messages(dialog.now)[-1].text  # the lines open now, then 保健所 and the centre
    said = catalog.text("crisis.from_afar.answer", window=window)
    if persuade:
        said = f"{catalog.text('crisis.from_afar.persuade')}\n{said}"
    mark_now(dialog, "shown_at")
    dialog.send(Text(said.strip()))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def writes_as_supporter(dialog: Dialog, understanding: Understanding) -> bool:
    """Whether the writer writes as a supporter of a client (「私は支援者の立場です」「居宅介護支援事業所の
    ケアマネジャーでございます」「民生委員です」): chosen or read so on the form, a supporter's role named of
    herself, or a supporter's words (「利用者様」「事業所経由」)."""
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    if asker == "supporter":
        return True
    roles = {
        e.value for e in understanding.entities if e.kind in ("writer", "relation") and e.about == "self"
    }
    return bool(roles & SUPPORTER_ROLES) or fragments.holds_word_of(dialog.user_input.text, "supporter_self")


def answer_supporter_report(dialog: Dialog, understanding: Understanding) -> bool:
    """A supporter writing of a client's abuse (「利用者様の年金を…使い込んでいる様子」「経済的虐待の通報先は
    地域包括支援センターでよろしいでしょうか」): a supporter's answer, the 市町村 and 地域包括支援センター
    as where to report (高齢者虐待防止法) and 110 if the client is in danger now; never the replies for
    the one hurt (「あなたは悪くありません」, the DV lines). Urgent on the case. A supporter's own thoughts of
    dying (「私自身もう死にたい」) are not answered here. True when answered."""
    if not writes_as_supporter(dialog, understanding):
        return False
    text = dialog.user_input.text
    kinds = set(understanding.crisis_kinds)
    report = fragments.holds_word_of(text, "abuse_report") or fragments.elder_money_held(text)
    if kinds - VIOLENCE_KINDS:
        return False
    if not report and not understanding.learned_only("crisis"):
        return False  # 「隣の家の小学生の子の腕にあざがあります」: a child hurt, the crisis reply as ever
    keep_typed(dialog)
    reasons = (catalog.text("urgency.reason.client_abuse"),)
    record(dialog, "urgent", reasons)
    dialog.effects.append(RaiseUrgency("urgent", reasons))
    key = "crisis.supporter_report" if report else "crisis.supporter_seen"
    if report and recently(dialog, "supporter_told_at", REPEAT_WITHIN):
        # 「通報先は地域包括支援センターでよろしいでしょうか」 after the answer: yes, briefly, not it again
        key = "crisis.supporter_report.again"
    mark_now(dialog, "supporter_told_at")
    dialog.send(Text(catalog.text(key, window_line=elder_window_line()).strip()))
    dialog.send(offer_to(dialog, "urgent.offer"))
    return True
