"""What every turn runs first: read the message, in context and in pieces, and answer danger before
anything else."""

from __future__ import annotations

from dataclasses import dataclass, replace

from dialogs import catalog, fragments
from dialogs.crisis.after import (
    answer_after_crisis,
    answer_body_after_harm,
    answer_call_question,
    answer_cannot_phone,
    answer_drinking_after_wish,
    answer_fear_after_crisis,
    answer_goodnight_after_pills,
    answer_half_serious,
    answer_hiding_after_violence,
    answer_line_hours,
    answer_means_at_hand,
    answer_not_dying_but,
    answer_pills_named,
    answer_pills_reply,
    answer_place_after_wish,
    answer_plea,
    answer_staring_at_means,
    answer_still_there,
    answer_taken_back_after_means,
    answer_unread_after_harm,
    answer_who_is_told,
    answer_wordless_after_crisis,
    note_means,
    note_pills_kept,
)
from dialogs.crisis.children import (
    answer_about_189,
    answer_child_after,
    answer_child_exposed,
    answer_child_leaving,
    answer_child_worry_for_parent,
    answer_come_now,
    answer_minor_after_violence,
    answer_minor_told,
    answer_no_child_guidance,
    answer_phone_low,
    answer_police_worry,
)
from dialogs.crisis.corrections import answer_holder_corrected, answer_only_shouted
from dialogs.crisis.home import (
    answer_afraid_not_hit,
    answer_afraid_now,
    answer_afraid_to_tell,
    answer_bed_after_violence,
    answer_carer_fears_telling,
    answer_carer_hurt,
    answer_correction,
    answer_dv_first_sign,
    answer_elder_hurt,
    answer_elder_hurt_self,
    answer_elder_money,
    answer_from_afar,
    answer_leaving_plan,
    answer_partner_near,
    answer_past_told,
    answer_supporter_report,
    answer_tonight_without_police,
    answer_where_to_leave,
    asks_if_watched,
    note_apart,
    relative_at_home,
    remember_hurt,
    revise_after_correction,
    writes_as_supporter,
)
from dialogs.crisis.lines import offer_to
from dialogs.crisis.memory import last_situations, memory_of, note_relative_spoken, recently, record
from dialogs.crisis.reading import (
    ASKS_TO_CALL,
    HIDING_AT_HOME,
    PILL_WORDS,
    as_told,
    correction_of,
    danger_reasons,
    feared_in_words,
    in_context,
    leaving_on_a_date,
    names_a_friend,
    overdose_taken,
    put_out_tonight,
    relative_named_in,
    situations_of,
    story_of_pills,
    tells_no_child_guidance,
    told_of_relative,
    worries_after_death,
)
from dialogs.crisis.relatives import (
    alone_in_context,
    answer_denied_for_relative,
    answer_future_after_us,
    answer_it_was_me,
    answer_missing_not_urgent,
    answer_not_me,
    answer_relative_unreachable,
)
from dialogs.crisis.respond import answer_asked_too, answer_crisis, harm_told
from dialogs.crisis.risk import (
    answer_risk_at_length,
    answer_risk_in_words,
    ask_about_risk,
    stay_with_open_question,
)
from dialogs.crisis.situations import AFTER_CRISIS_WITHIN, CARER_TOLD, HARMED, WITHOUT_LINES, Situation
from dialogs.crisis.urgent import answer_cold, answer_urgent
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows import consent, followup
from dialogs.flows.common import MenuStates
from dialogs.flows.draft import untick_read_from_text
from dialogs.flows.intake import field_to_edit, takes_free_text
from dialogs.understanding.classifier import classify
from dialogs.understanding.model import CrisisKind, Evidence, Understanding


def _set_aside_after_reply(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Soon after a reply about someone unseen or missing, danger that only the learned layer read
    (「警察に電話したほうがいいでしょうか」「中で倒れていて救急車で運ばれました」) is about that person, not
    the writer; after pills or cutting, holding back from 119 (「119とかまじむり」) is that worry, not a
    new crisis. Either is set aside, so the question gets its plain yes, the news no block, and the
    worry why 119 matters now."""
    recent = recently(dialog, "shown_at", AFTER_CRISIS_WITHIN)
    unseen = recent and bool(WITHOUT_LINES & set(memory_of(dialog.data).answered))
    worry = bool(harm_told(dialog)) and fragments.worries_about_calling(dialog.user_input.text)
    if not (unseen or worry) or understanding.crisis == "none":
        return understanding
    if not understanding.learned_only(understanding.crisis):
        return understanding
    return replace(understanding, crisis="none", crisis_kinds=())


def _feared_at_home(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Violence at home the rules read short of crisis (「壁を蹴る音が日に日に強く…いずれ妻に手を上げる
    のでは」), from a parent or a sister or brother of the one at home, that the learned layer alone
    called crisis or that is feared: signs of violence at home (urgent, the 保健所 and 110 if in danger),
    never the question about dying."""
    told = dialog.data.get("intake", {}).get("answers", {}).get("relation", {}).get("choice")
    return feared_in_words(understanding, dialog.user_input.text, told, memory_of(dialog.data).hurt)


def interrupt(dialog: Dialog, *, already_sent: bool) -> bool:
    """Answer a crisis or urgent need in typed text; True when the turn is fully handled.

    Crisis: resources fitted to the situation (unless `already_sent`), `RaiseUrgency("crisis")`,
    state unchanged. Urgent: 一時生活支援 guidance or the DV lines (one short line for the same
    situation again) and `RaiseUrgency("urgent")`; the text still answers a question that takes
    free text (returns False), otherwise the state is unchanged and the person is offered a human.
    A sign of possible risk: one gentle question, state unchanged; a typed 'no' to it, thanks.
    A short message that says nothing alone is read with the short ones just before it
    (「くすり」「のんだ」); after pills or cutting, words about the body get 119 again. While a CSW holds
    the conversation only these are answered: the rest of what follows a crisis reply is the CSW's.
    """
    if dialog.understanding is None:
        return False
    before = fragments.recent(dialog.data, dialog.now)
    fragments.keep(dialog.data, dialog.user_input.text, dialog.now)
    spoken_of = memory_of(dialog.data).relative_lately(dialog.now)
    told = told_of_relative(dialog.user_input.text, spoken_of)  # 「死にたいって言ってた」 of the mother named
    note_relative_spoken(dialog, relative_named_in(dialog.user_input.text))
    known_hurt = memory_of(dialog.data).hurt
    correction = correction_of(dialog.user_input.text)
    if correction is None:
        remember_hurt(dialog)
    else:
        revise_after_correction(dialog, correction)
    if fragments.cannot_phone(dialog.user_input.text):
        dialog.data.setdefault("crisis", {})["no_phone"] = True
    note_pills_kept(dialog)
    note_means(dialog)
    note_apart(dialog)
    as_written = dialog.understanding
    if asks_if_watched(dialog):
        return False  # 「LINEなら大丈夫？スマホみられてるかも」: how to hide and delete this talk, as asked
    understanding = dialog.understanding = _set_aside_after_reply(
        dialog, in_context(dialog.understanding, dialog.user_input.text, known_hurt)
    )
    understanding = as_told(_feared_at_home(dialog, understanding), dialog.user_input.text)
    understanding = dialog.understanding = alone_in_context(dialog, understanding)
    if (
        set(understanding.crisis_kinds) == {"no_shelter"}
        and dialog.data.get("crisis", {}).get("bed_found_at") == dialog.now.isoformat()
    ):  # 「友達が泊めてくれる」「ネカフェ代もらった」: a bed found, no new need
        understanding = dialog.understanding = replace(understanding, crisis="none", crisis_kinds=())
    if any(evidence.rule == HIDING_AT_HOME for evidence in understanding.evidence):
        untick_read_from_text(dialog.data, "withdrawal")  # hiding from someone at home, not withdrawal
    worry = as_written.crisis == "none" and worries_after_death(as_written, dialog.user_input.text)
    if worry:  # 「私が死んだら息子はどうなるんでしょう」 beside violence at home: a worry, not danger now
        understanding = dialog.understanding = as_written
    if writes_as_supporter(dialog, understanding) and understanding.learned_only(understanding.crisis):
        # 「ご本人への連絡は避けていただき、事業所経由で」: a supporter's arrangements, no rule read danger
        understanding = dialog.understanding = replace(understanding, crisis="none", crisis_kinds=())
    if answer_supporter_report(dialog, understanding):  # 「経済的虐待の通報先は…」: a supporter, not a victim
        return True
    if answer_it_was_me(dialog):  # 「子どもちゃう。切ったんはうちの腕や」: her own harm, the reading revised
        return True
    if answer_holder_corrected(
        dialog
    ):  # 「ちがうちがう、包丁持っとるのは弟だって」: she is the one threatened
        return True
    if answer_only_shouted(dialog):  # 「ちがう、怒鳴られるだけ」: the correction taken as she put it
        return True
    if understanding.crisis == "none" and answer_from_afar(dialog):  # 「遠くに住んどる私にできること」
        return True
    if answer_risk_at_length(dialog) or answer_elder_hurt(dialog, understanding):
        return True
    if answer_elder_hurt_self(dialog, understanding):
        return True
    if answer_carer_hurt(dialog, understanding) or answer_carer_fears_telling(dialog):
        return True
    answer_elder_money(dialog)
    if answer_means_at_hand(dialog):  # 「練炭まだ車にあるけどな」 after a take-back: out of reach tonight
        return True
    if understanding.crisis == "none" and answer_staring_at_means(dialog):  # 「包丁ずっと見てる」
        return True
    if answer_leaving_plan(dialog) or answer_place_after_wish(dialog, before, already_sent=already_sent):
        return True
    understanding = dialog.understanding = _prepared_after_farewell(dialog, understanding)
    read_alone = understanding.crisis != "none" or worry
    pieces = PiecesReading() if read_alone else _read_in_pieces(dialog, before)
    understanding = dialog.understanding = put_out_tonight(
        leaving_on_a_date(pieces.urgent or understanding, dialog.user_input.text), dialog.user_input.text
    )
    near = fragments.danger_near(dialog.user_input.text)
    if understanding.crisis != "none" and near and answer_child_after(dialog):
        return (
            True  # 「ドアをドンドンたたかれてる」 soon after a child's reply: how to stay safe now, in kana
        )
    if understanding.crisis != "crisis" and answer_minor_after_violence(dialog):
        return True  # 「わたし高2で17だけど…」 after violence at home: a child's lines, not the DV signs
    if answer_child_worry_for_parent(dialog):  # 「16さい。かあちゃん大丈夫かな」 after being hit with her
        return True
    if understanding.crisis == "none" and answer_minor_told(dialog):
        return True  # 「16です　高1」 after a night without a bed or thoughts of dying: the children's lines
    if understanding.crisis != "crisis" and answer_tonight_without_police(dialog):
        return True  # 「けーさつはむり。今日どこいけばいい？」: where to go tonight first, 110 for danger now
    if understanding.crisis == "none":
        if consent.answer_in_words(dialog) is not None or followup.asks_what_was_sent(dialog):
            return False  # 「送る。やりとりも」「何が送られたの？」 after pills: answered as asked
        if answer_cold(dialog):  # 「寒い。エンジン切ったら凍える。ガスもたない」: the cold, not dying
            return True
        if answer_police_worry(dialog):  # 「けいさつよばれたらかあさんおこる」: the worry first, then 189
            return True
        if answer_afraid_now(dialog):
            return True  # 「まごが おきてきました。こわい」 after violence was told: safe now, 110, at once
        if answer_partner_near(dialog):
            return True  # 「やば かれしおきた」: one line; 「さっきのつづき。かれしねた」: go on
        if answer_afraid_to_tell(dialog):
            return True  # 「こわくて なにもいえません」: no details needed, a line to write to
        if answer_fear_after_crisis(dialog):
            return True  # 「こわか」 soon after 「物なげよる」: how to stay safe now, not the draft line
        if answer_hiding_after_violence(dialog):
            return True  # 「かぎしめた」 after 「物なげよる」: right to, the phone at hand, 110 if near
        joined = pieces.crisis
        if answer_not_me(dialog) or answer_relative_unreachable(dialog):
            return True
        if answer_call_question(dialog) or answer_correction(dialog) or answer_past_told(dialog):
            return True
        if joined is not None and _answer_joined(dialog, *joined, new=True):
            return True
        if dialog.data.get("with_person"):  # the CSW answers the rest; the body after harm still gets 119
            return (
                answer_who_is_told(dialog)
                or answer_body_after_harm(dialog)
                or (joined is not None and _answer_joined(dialog, *joined, new=False))
            )
        if answer_come_now(dialog) or answer_child_leaving(dialog):
            return True
        if answer_missing_not_urgent(dialog):  # 「急ぎではないんです。もう半年になります」 after 110
            return True
        if answer_half_serious(dialog):  # 「ネタだけど。半分くらい。電話とか無理だし」 before 「電話は無理」
            return True
        if answer_drinking_after_wish(dialog):  # 「ストロング5本目」 after 「もう死にたい」: drink, not pills
            return True
        if (
            answer_cannot_phone(dialog)
            or answer_not_dying_but(dialog)
            or answer_goodnight_after_pills(dialog)
        ):
            return True
        if answer_taken_back_after_means(dialog):
            return True
        if answer_where_to_leave(dialog):
            return True
        if answer_afraid_not_hit(dialog):
            return True
        first_sign = answer_dv_first_sign(dialog)
        if first_sign is not None:
            return first_sign
        if answer_who_is_told(dialog):
            return True
        if answer_line_hours(dialog) or answer_body_after_harm(dialog) or answer_still_there(dialog):
            return True
        first_message = dialog.state == MenuStates.START  # welcomed first (dialogs.flows.menu)
        if not first_message and tells_no_child_guidance(dialog):
            answer_no_child_guidance(dialog)
            return True
        if answer_child_exposed(dialog):
            return True
        if answer_denied_for_relative(dialog) or answer_after_crisis(dialog) or answer_about_189(dialog):
            return True
        if answer_future_after_us(dialog):
            return True
        if joined is not None and _answer_joined(dialog, *joined, new=False):
            return True
        if answer_pills_reply(dialog) or answer_pills_named(dialog):
            return True
        if answer_phone_low(dialog):
            return True
        if answer_plea(dialog) or answer_child_after(dialog) or answer_risk_in_words(dialog):
            return True
        if stay_with_open_question(dialog) or answer_wordless_after_crisis(dialog):
            return True
        return answer_unread_after_harm(dialog) or ask_about_risk(dialog)
    bed_only = set(understanding.crisis_kinds) <= {"no_shelter"} and understanding.crisis == "urgent"
    if bed_only and answer_cold(dialog, only_after=True):
        return True  # 「札幌で今夜どこ行けばいい」 after the cold night: where he is, not our desk
    level = understanding.crisis
    text = dialog.user_input.text
    situations = situations_of(understanding, dialog.data, told, memory_of(dialog.data).hurt)
    lead = _lead_reasons(dialog, understanding, situations[0])
    reasons = danger_reasons(understanding, level, text, lead)
    record(dialog, level, reasons)
    dialog.effects.append(RaiseUrgency(level, reasons))
    if situations[0] == "missing":  # taken off again if she says it is not urgent (answer_missing_not_urgent)
        dialog.data.setdefault("crisis", {})["missing_reasons"] = list(reasons)
    if level == "crisis":
        answer_crisis(dialog, situations, already_sent=already_sent, told=told)
        answer_asked_too(dialog)
        return True
    if not answer_bed_after_violence(dialog, understanding):
        answer_urgent(dialog, understanding)
    if takes_free_text(dialog.state):
        return False
    dialog.send(offer_to(dialog, "urgent.offer"))
    answer_asked_too(dialog)
    return True


def _prepared_after_farewell(dialog: Dialog, understanding: Understanding) -> Understanding:
    """Affairs put in order (「身辺整理はだいたい済んだ」) within `AFTER_CRISIS_WITHIN` of a reply to the
    writer's own farewell or thoughts of dying (「最後に娘の顔だけ見ておこうかな」), or of the gentle question
    about dying asked after a sign of possible risk: a preparation signal,
    read as thoughts of dying (crisis lines, the direct question, an urgent notice); alone it stays a
    sign of possible risk, asked about gently."""
    if understanding.crisis != "none" or not fragments.holds_word_of(
        dialog.user_input.text, "affairs_in_order"
    ):
        return understanding
    asked = recently(dialog, "risk_asked_at", AFTER_CRISIS_WITHIN)
    shown = recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and last_situations(dialog)[0] == "suicidal"
    if not asked and not shown:
        return understanding
    return replace(understanding, crisis="crisis", crisis_kinds=("suicidal",))


def _lead_reasons(dialog: Dialog, understanding: Understanding, situation: Situation) -> tuple[str, ...]:
    """What the CSW should read first about this reading, when the words alone do not say it: a child
    given no food, someone unseen, a parent afraid of hitting a grown child, shouting from a grown child
    at home (not a partner)."""
    if understanding.crisis == "crisis":
        if situation == "relative_suicidal" and names_a_friend(dialog.user_input.text):
            return ("friend_suicidal",)  # the friend is at risk, not the one writing
        if situation == "relative_suicidal":
            return ("relative_suicidal",)  # 「母が死にたいって」: the relative is at risk, not the writer
        if situation == "suicidal" and fragments.holds_word_of(dialog.user_input.text, "affairs_in_order"):
            return ("preparing",)  # read as a crisis only after a farewell-like line
        return (situation,) if situation in ("neglect", "unseen", "missing", "grown_child", "family") else ()
    home = "violence" in understanding.crisis_kinds and relative_at_home(dialog, understanding)
    return ("home_violence",) if home else ()


@dataclass(frozen=True)
class PiecesReading:
    """What a short message says read with the short ones just before it: an urgent need told only
    together (「たいきょ」「あした」), else the danger to life they tell together with the words read."""

    urgent: Understanding | None = None
    crisis: tuple[Understanding, str] | None = None


def _read_in_pieces(dialog: Dialog, before: list[str]) -> PiecesReading:
    """Read a short message that says nothing alone with the short ones just before it, each join once.

    The nearest messages are tried first, then one more at a time. The first join that tells of an
    urgent need the earlier pieces alone did not tell is the urgent reading (and ends the pass).
    Otherwise, so that a crisis already answered further back (「しにたい」) does not hide what the last
    pieces say, the first join that tells of a situation not answered lately is the crisis reading
    (「くすり」「しにたい」「のんだ」 → pills taken), else the nearest crisis join.
    """
    understanding = dialog.understanding
    text = dialog.user_input.text.strip()
    if understanding is None or understanding.intents or not before or not fragments.is_short(text):
        return PiecesReading()
    if field_to_edit(dialog):  # 「連絡方法を変えたい」 asks for a change, whatever came before it
        return PiecesReading()
    if any(not evidence.rule.startswith("model:") for evidence in understanding.evidence):
        return PiecesReading()  # 「壁を殴ります」 after 「手首切った」 says what it says alone
    memory = memory_of(dialog.data)
    fresh: tuple[Understanding, str] | None = None
    nearest: tuple[Understanding, str] | None = None
    for count in range(1, len(before) + 1):
        earlier = " ".join(before[-count:])
        joined = f"{earlier} {text}"
        told = classify(joined)
        if told.crisis == "urgent" and classify(earlier).crisis == "none":
            return PiecesReading(urgent=told)
        if story_of_pills(told, joined):  # 「推理ドラマで」「毒を何錠」「飲ませたか考えてる」: the plot
            return PiecesReading()
        reading = _pills_in_context(told, joined, dialog)
        if reading.crisis != "crisis" or fresh is not None:
            continue
        of_relative = told_of_relative(joined, memory.relative_lately(dialog.now))  # 「…って言ってた」
        situation = situations_of(reading, dialog.data, of_relative, memory.hurt)[0]
        if not memory.is_repeat(situation, dialog.now):
            fresh = (reading, joined)
        elif nearest is None:
            nearest = (reading, joined)
    return PiecesReading(crisis=fresh or nearest)


def _pills_in_context(reading: Understanding, joined: str, dialog: Dialog) -> Understanding:
    """Pieces that name pills and say they were swallowed, soon after a crisis reply or beside words
    about dying (「くすり」「しにたい」「のんだ」), are an overdose."""
    if "overdose" in reading.crisis_kinds:
        return reading
    if reading.crisis != "crisis" and not recently(dialog, "shown_at", fragments.WITHIN):
        return reading
    if not any(word in joined for word in PILL_WORDS) or not overdose_taken(joined):
        return reading
    sign = Evidence("crisis", joined, "context:pills_in_pieces")
    kinds: tuple[CrisisKind, ...] = ("overdose", *reading.crisis_kinds)
    return replace(reading, crisis="crisis", crisis_kinds=kinds, evidence=(*reading.evidence, sign))


def _answer_joined(dialog: Dialog, reading: Understanding, joined: str, *, new: bool) -> bool:
    """Answer the danger the recent pieces tell together; True when answered.

    `new`: only a situation not answered lately (pills taken, after 「しにたい」 was answered) gets its
    whole block. Otherwise only more about pills taken or cutting (「20こ」) gets the brief reply with
    119 again; more pieces after thoughts of dying were answered are read alone (「べつに」).
    """
    hurt = memory_of(dialog.data).hurt
    asked_before = tuple(intent for intent in reading.intents if intent != ASKS_TO_CALL)
    reading = replace(reading, intents=asked_before)  # a question in the pieces before was answered there
    joined = told_of_relative(joined, memory_of(dialog.data).relative_lately(dialog.now))
    situations = situations_of(reading, dialog.data, joined, hurt)
    repeat = memory_of(dialog.data).is_repeat(situations[0], dialog.now)
    if new == repeat or (repeat and situations[0] not in HARMED):
        return False
    if situations[0] in CARER_TOLD and recently(dialog, "carer_at", AFTER_CRISIS_WITHIN):
        return False  # 「すみません取り乱して」 after the carer's reply: the pieces are his, already answered
    named = danger_reasons(replace(reading, evidence=()), "crisis", joined)  # what it is about, no words
    reasons = (
        *named,
        catalog.text("summary.quote", words=dialog.user_input.text.strip()),
    )  # this message only
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    answer_crisis(dialog, situations, already_sent=False, understanding=reading)
    return True
