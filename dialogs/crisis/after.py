"""The hours after a crisis reply: taking it back, pleas, a means still at hand, pills, the body, asking
about the lines."""

from __future__ import annotations

from dialogs import catalog, fragments
from dialogs.content import (
    current_content,
)
from dialogs.crisis.lines import (
    chat_line_first,
    child_guidance_text,
    direct_question,
    first_line_with_about,
    heard_in,
    lines_open_now,
    lines_text,
    named_lines,
    offer_to,
    one_line_now,
    phone_and_chat,
    still_there_messages,
    text_of_line,
    written_line_first,
)
from dialogs.crisis.memory import last_situations, mark_now, memory_of, person_offered, recently, record
from dialogs.crisis.reading import PILL_WORDS, STOCKED, asks_to_call, is_child, means_word, overdose_taken
from dialogs.crisis.respond import (
    answer_crisis,
    harm_told,
    means_lately,
    pills_kept_lately,
    raise_with_words,
    say_acknowledged,
)
from dialogs.crisis.situations import (
    AFTER_CRISIS_WITHIN,
    CALL_YES,
    MEANS_ASKED_WITHIN,
    PLACE_AFTER_WISH_WITHIN,
    QUESTION_FRESH,
    REPEAT_WITHIN,
    VIOLENCE_KINDS,
    WITHOUT_LINES,
    WORDLESS_WITHIN,
)
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows.common import MenuStates
from dialogs.flows.draft import keep_typed, tick_for_the_writer, untick_read_from_text
from dialogs.messages import Choice, Text
from dialogs.summary import REASON_CHARS
from dialogs.violence import (
    only_denies,
)


def _forget_overdose(dialog: Dialog) -> None:
    """Leave the overdose reading when the person says the pills were not taken (「飲んでないです。
    ためてるだけです」): later turns are not answered as pills swallowed."""
    stored = dialog.data.get("crisis", {})
    for key in ("situations", "answered"):
        kept = [situation for situation in stored.get(key, []) if situation != "overdose"]
        stored[key] = kept or ["suicidal"]


def answer_after_crisis(dialog: Dialog) -> bool:
    """Answer a short reply to a recent crisis reply; False when it is not one.

    A denial (「別に死ぬつもりちゃうで」): thanks, and 119 again if pills were taken.
    「別に」「もういい」 (also at the start: 「もういい。どうせ…」) and taking it back (「冗談です」
    「ちょっと疲れてるだけ」) on the menu: one warm line that leaves the door open, with 119 after
    pills (at a question they may be the answer: 配慮してほしいことは → 「別に」). 「けいさつはやだ」:
    a line that is not the police, and 110 only if life is in danger. 「じどうそうだんじょ」: what a
    児童相談所 does.
    """
    understanding = dialog.understanding
    if understanding is None or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    intents = set(understanding.intents)
    waved_off = "talk.dismiss" in intents or fragments.waves_off(dialog.user_input.text)
    situations = last_situations(dialog)
    if situations[0] == "relative_suicidal" and (
        "talk.dismiss" in intents or fragments.takes_back(dialog.user_input.text)
    ):  # 「息子のことです。私は大丈夫です」: her own word, not a denial to doubt
        keep_typed(dialog)
        who = dialog.data.get("crisis", {}).get("relative") or catalog.text("crisis.relative.family")
        dialog.say("crisis.relative_fine", who=who)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    text = dialog.user_input.text
    pills_question_open = recently(dialog, "pills_asked_at", QUESTION_FRESH)  # answer_pills_reply's
    if fragments.pills_kept(text) and not overdose_taken(text) and not pills_question_open:
        _forget_overdose(dialog)
        keep_typed(dialog)
        dialog.say("crisis.denied_pills_kept", line=written_line_first(situations, dialog.now))
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if situations[0] == "parent" and fragments.is_short(text) and only_denies(text):
        # 「叩いてないよ」 after 「さっき叩きそうになった」: she stopped herself; no label on her
        keep_typed(dialog)
        dialog.say("crisis.parent_not_hit", line=written_line_first(situations, dialog.now))
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if any(evidence.label == "negated:crisis" for evidence in understanding.evidence):
        keep_typed(dialog)
        pills = "overdose" in memory_of(dialog.data).answered
        dialog.say("crisis.denied_after_pills" if pills else "crisis.denied")
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if fragments.apologises(text) and not waved_off and not fragments.takes_back(text):
        # 「すみません取り乱して」: no need to say sorry, not the generic 受け取りました
        menu = Choice(catalog.text("nav.menu"), "menu")
        person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
        if fragments.holds_word_of(text, "awake_at_night"):  # 「さっきはすまんかったな。寝れんわ」
            keep_typed(dialog)
            dialog.say("crisis.no_apology.awake", (*person, menu), lines=phone_and_chat(dialog))
            return True
        dialog.say("crisis.no_apology", (*person, menu), line=written_line_first(situations, dialog.now))
        return True
    if "talk.child_guidance" in intents and situations[0] == "child":
        guidance = child_guidance_text(dialog.now, dialog.user_input.text)
        if guidance is None:
            return False
        keep_typed(dialog)
        dialog.send(Text(guidance), offer_to(dialog, "crisis.again_offer"))
        return True
    if "talk.child_guidance" in intents:
        told = [line for line in current_content().hotlines if "child" in line.kinds and line.about]
        line = told[0] if told else None
        key = "crisis.parent_189" if situations[0] == "parent" else "crisis.child_guidance"
    elif "talk.no_police" in intents:
        line = first_line_with_about(situations, dialog.now)
        key = "crisis.not_police_home_violence" if situations[0] == "home_violence" else "crisis.not_police"
    elif dialog.state in (MenuStates.START, MenuStates.MAIN) and (
        waved_off or fragments.takes_back(dialog.user_input.text)
    ):
        line_text = written_line_first(situations, dialog.now)
        if "overdose" in memory_of(dialog.data).answered:
            key = "crisis.taken_back_after_pills"  # 「冗談です」 after pills: 119 all the same
        elif waved_off:
            key = "crisis.door_open"
        else:
            key = "crisis.taken_back"
        keep_typed(dialog)
        menu = Choice(catalog.text("nav.menu"), "menu")
        person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
        dialog.say(key, (*person, menu), line=line_text)  # a case sent: no second hand-off offered
        return True
    else:
        return False
    if line is None:
        return False
    keep_typed(dialog)
    if key.startswith("crisis.not_police") and fragments.written_in_kana(text):
        key += ".kana"  # 「けいさつは かわいそうで」: in plain kana
    dialog.say(key, about=line.about, line=text_of_line(line))
    if memory_of(dialog.data).no_phone and line.channel == "phone":  # 「でんわ にがて」: a line to write to
        dialog.say("urgent.written_first", line=written_line_first(situations, dialog.now))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_half_serious(dialog: Dialog) -> bool:
    """Thoughts of dying said to be partly meant, soon after the reply to them (「いやまあネタだけど。半分
    くらい」「ちょっとは本気」「冗談だけど…」): no take-back. Half is enough to take seriously, the
    direct question with its buttons, and the lines to write to first (only those, if they cannot phone).
    A take-back taken back (「うそうそ」 then 「いや、うそじゃないかも　わからん」), or half said again, comes
    soon after the block: one line to reach now and the direct question, never the menu.
    True when answered."""
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or last_situations(dialog)[0] != "suicidal":
        return False
    text = dialog.user_input.text
    if not (fragments.half_serious(text) or fragments.undoes_take_back(text)):
        return False
    keep_typed(dialog)
    reasons = (catalog.text("urgency.half_serious"),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    no_phone = memory_of(dialog.data).no_phone
    question = direct_question(with_person=bool(dialog.data.get("with_person")))
    taken_back, said_before = (
        recently(dialog, key, REPEAT_WITHIN) for key in ("taken_back_at", "half_serious_at")
    )
    mark_now(dialog, "risk_asked_at")
    mark_now(dialog, "half_serious_at")
    line = written_line_first(("suicidal",), dialog.now)
    if said_before:  # said again: not the same words, the question still open with its buttons
        dialog.send(Text(catalog.text("crisis.take_back_undone.again", line=line).strip(), question.choices))
        return True
    if taken_back:  # 「うそうそ」 then 「いや、うそじゃないかも」: the block was just shown, so briefly
        dialog.send(Text(catalog.text("crisis.take_back_undone", line=line).strip()), question)
        return True
    chats = lines_open_now(("suicidal",), dialog.now)[1]
    if no_phone and chats:
        lines = catalog.text("crisis.chats_first", lines="\n".join(text_of_line(line) for line in chats))
    else:
        lines = lines_text(("suicidal",), dialog.now, no_phone=no_phone)
    dialog.send(Text(catalog.text("crisis.half_serious")), Text(lines), question)
    return True


def answer_drinking_after_wish(dialog: Dialog) -> bool:
    """Drink named soon after a reply to thoughts of dying (「ストロング5本目」「酒めっちゃ飲んでる」), with
    no pills: no overdose and no 119 for it, but gently said that drink makes the feelings heavier and
    harder to hold back tonight, with a line to reach now; the 受付票 carries it as a reason. Said again
    within `REPEAT_WITHIN`: a short line. True when answered."""
    text = dialog.user_input.text
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or last_situations(dialog)[0] != "suicidal":
        return False
    if not fragments.drinks_without_pills(text):
        return False
    keep_typed(dialog)
    line = written_line_first(("suicidal",), dialog.now)
    if recently(dialog, "drinking_at", REPEAT_WITHIN):
        dialog.say("crisis.drinking_after_wish.again", line=line)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    mark_now(dialog, "drinking_at")
    reasons = (catalog.text("urgency.reason.drinking_after_wish"),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    dialog.say("crisis.drinking_after_wish", line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_call_question(dialog: Dialog) -> bool:
    """Answer 「救急車呼んだほうがいいですか」「警察に連絡したほうがいいですか」 plainly: after pills,
    cutting or someone unseen, yes and what to do now; otherwise when to call 119 and when 110.
    False if not asked."""
    if not asks_to_call(dialog.understanding):
        return False
    answered = memory_of(dialog.data).answered if recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) else ()
    situation = next((s for s in CALL_YES if s in answered), "any")
    keep_typed(dialog)
    dialog.say(f"crisis.call_yes.{situation}")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_wordless_after_crisis(dialog: Dialog) -> bool:
    """A message without words (「😢」「。。。」) within `WORDLESS_WITHIN` of a reply to the writer's own
    thoughts of dying: still here, and a chat line open now (a person offered). True when answered."""
    text = dialog.user_input.text.strip()
    if not text or any(char.isalnum() for char in text):
        return False
    if not recently(dialog, "shown_at", WORDLESS_WITHIN) or last_situations(dialog)[0] != "suicidal":
        return False
    line = written_line_first(("suicidal",), dialog.now)
    keep_typed(dialog)
    dialog.say("crisis.here_wordless", line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


FEAR_AT_HOME: tuple[str, ...] = ("family", "at_home", "violence", "home_violence", "child")
"""Replies to violence at home after which fear alone (「こわか」) is fear of the one at home, now."""

FEAR_MAX_CHARS = 15
"""Fear said alone is short (「こわか」「怖い…」); longer words about fear say more, and are read as such."""

BESIDE_FEAR = frozenset("てでよねわなさぁぃっー〜…。、.,!！?？ 　")
"""What may stand beside a word of fear said alone (「怖くて」「こわいよ…」), and nothing else."""


def _fear_alone(text: str) -> bool:
    """Whether the words are fear and nothing else (「こわか」「怖いよ…」; not 「虫がでた。こわい」)."""
    if len(text) > FEAR_MAX_CHARS or not fragments.holds_word_of(text, "fear_alone"):
        return False
    rest = text
    for word in sorted(fragments.WORDS["fear_alone"], key=len, reverse=True):
        rest = rest.replace(word, "")
    return all(char in BESIDE_FEAR for char in rest)


def answer_fear_after_crisis(dialog: Dialog) -> bool:
    """Fear alone (「こわか」「こわい」「こわすぎ」「ふるえとる」) within `AFTER_CRISIS_WITHIN` of a crisis
    reply: after violence at home, how to stay safe now (a room that locks, outside, 110 if in danger) with a
    line, in kana for one who writes in kana; after a relative's words about dying or the writer's own,
    heard, with a line open now (a child in a child's words). True when answered."""
    text = dialog.user_input.text.strip()
    if not _fear_alone(text):
        return False
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or fragments.takes_back(text):
        return False
    understanding = dialog.understanding
    if understanding is not None and understanding.intents:
        return False
    situations = last_situations(dialog)
    keep_typed(dialog)
    memory = memory_of(dialog.data)
    if situations[0] in FEAR_AT_HOME:
        raise_with_words(dialog)
        line = one_line_now(dialog.now, situations, no_phone=memory.no_phone)
        kana = not any("\u4e00" <= char <= "\u9fff" for char in text)
        dialog.say("crisis.afraid_now.kana" if kana else "crisis.afraid_now", line=line)
    else:
        child = memory.child_writer or situations[0] in ("child_dying", "neglect")
        line = one_line_now(dialog.now, situations, no_phone=memory.no_phone)
        dialog.say("crisis.fear_heard.child" if child else "crisis.fear_heard", line=line)
    mark_now(dialog, "shown_at")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_hiding_after_violence(dialog: Dialog) -> bool:
    """In a room, locked or hiding (「いま部屋」「かぎしめた」「トイレにかくれてる」) within
    `AFTER_CRISIS_WITHIN` of a reply to violence at home: that it was right to, to keep the phone at hand
    and stay quiet there, 110 if the door is forced or danger comes near, and a line to write to. True
    when answered."""
    text = dialog.user_input.text.strip()
    if len(text) > FEAR_MAX_CHARS or not fragments.holds_word_of(text, "hidden_in_room"):
        return False
    if fragments.holds_word_of(text, "fear_alone"):
        return False  # 「こわくて部屋にこもってる」: the reply to fear at home says it (stay in the room)
    at_home = last_situations(dialog)[0] in FEAR_AT_HOME
    if not at_home or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    understanding = dialog.understanding
    if understanding is not None and understanding.intents:
        return False
    keep_typed(dialog)
    untick_read_from_text(dialog.data, "withdrawal")  # 「へやにこもっとる」 from one hiding: not withdrawal
    line = written_line_first(last_situations(dialog), dialog.now)
    if recently(dialog, "hiding_told_at", REPEAT_WITHIN):
        dialog.say("crisis.hiding_in_room.again", line=line)
    else:
        kana = not any("\u4e00" <= char <= "\u9fff" for char in text)
        dialog.say("crisis.hiding_in_room.kana" if kana else "crisis.hiding_in_room", line=line)
    mark_now(dialog, "hiding_told_at")
    mark_now(dialog, "shown_at")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_body_after_harm(dialog: Dialog) -> bool:
    """After a reply about pills taken or cutting, words about the body (「ねむい」「血とまらんかったら」)
    get 119 again, briefly: first aid for a wound, 119 and someone near for pills. Holding back from
    119 after pills (「救急とか大げさ」「親にバレたくない」「救急車って金かかる？」) is told why it matters
    now and that the ambulance is free. Bleeding that stopped
    (「とまった」) is thanked with what to watch for; help on its way (「救急車よんだ」) gets what to tell
    them; a bare 「はい」 names 119 once more (asking whether parents are told: `answer_who_is_told`).
    True when answered."""
    told = harm_told(dialog)
    text = dialog.user_input.text
    if "self_harm" in told and fragments.bleeding_stopped(text):
        keep_typed(dialog)
        mark_now(dialog, "bleeding_stopped_at")
        dialog.say("crisis.bleeding_stopped")
        _ask_once_after_harm(dialog)
        return True
    if (
        "self_harm" in told
        and fragments.says_not_called(text)
        and recently(dialog, "bleeding_stopped_at", AFTER_CRISIS_WITHIN)
    ):  # 「え 119とかしてないけど」 after 「血はとまった」: when to call, not thanks for calling
        keep_typed(dialog)
        dialog.say("crisis.not_called_after_stopped")
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    worried = bool(told) and fragments.worries_about_calling(text)
    harmed = next((situation for situation in told if fragments.tells_of_body(text, situation)), None)
    if worried or harmed is not None:
        raise_with_words(dialog)
        keep_typed(dialog)
        mark_now(dialog, "shown_at")
        dialog.messages.clear()  # danger first: no note that 「親にバレたくない」 was kept as a 配慮
        key = "crisis.body_after_pills" if harmed == "overdose" else "crisis.body_after_cutting"
        if worried:  # the same worry again takes turns between two wordings, never the last word for word
            stored = dialog.data.setdefault("crisis", {})
            times = stored.get("call_worries_told", 0)
            after = "pills" if "overdose" in told else "cutting"
            key = f"crisis.call_worries_after_{after}" + (".b" if times % 2 else "")
            stored["call_worries_told"] = times + 1
        dialog.say(key, heard=heard_in(dialog))
        if worried and dialog.understanding is not None and is_child(dialog.understanding, dialog.data):
            _say_child_line(dialog)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if told and fragments.is_short(text) and (fragments.help_coming(text) or fragments.acknowledges(text)):
        say_acknowledged(dialog, told[0], coming=fragments.help_coming(text))
        return True
    return False


def _ask_once_after_harm(dialog: Dialog) -> None:
    """Once the wound is cared for, the direct question about dying, gently, unless asked lately (then
    the offer of a person): cutting is a sign, and asking does not plant the idea."""
    if memory_of(dialog.data).asked_lately(dialog.now):
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return
    mark_now(dialog, "method_asked_at")
    dialog.send(direct_question(with_person=bool(dialog.data.get("with_person"))))


def answer_who_is_told(dialog: Dialog) -> bool:
    """Soon after a crisis reply, asking whether parents or school are told, or asking that they not be
    (「親に連絡いく？」「親には絶対言わないで」「担当者って学校とか親に連絡する？」): what this LINE and the
    staff do and do not tell, worded by what was told. While the body is still at risk (pills taken,
    or cutting whose bleeding has not stopped) 119 and first aid are kept, and come first; otherwise
    the content's confidentiality answer, limits included, never first aid again. While a CSW holds
    the case only the body at risk is answered. True when answered."""
    text = dialog.user_input.text
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or not fragments.asks_who_is_told(text):
        return False
    intents = dialog.understanding.intents if dialog.understanding else ()
    if any(intent.startswith("cmd.") or intent == "talk.addition" for intent in intents):
        return False  # 「担当の人に、今日のこと伝えてほしい。でも親には…」 asks to send: answered as asked
    told = harm_told(dialog)
    bleeding = "self_harm" in told and not recently(dialog, "bleeding_stopped_at", AFTER_CRISIS_WITHIN)
    at_risk = "overdose" in told or bleeding
    if not at_risk and (fragments.worries_about_calling(text) or dialog.data.get("with_person")):
        return False  # 「親にバレたくない」 after cutting: why 119 matters (answer_body_after_harm)
    keep_typed(dialog)
    if at_risk:
        dialog.messages.clear()  # danger first: no note that the worry was kept as a 配慮
        dialog.say(
            "crisis.family_told_after_pills" if "overdose" in told else "crisis.family_told_after_cutting"
        )
    else:
        dialog.say("crisis.who_is_told", answer=current_content().faq_answer("faq.confidentiality"))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def _say_child_line(dialog: Dialog) -> None:
    """A line for children open now, for a child holding back from 119 (「てか高1だし」)."""
    children = [
        line
        for line in current_content().hotlines
        if "child_talk" in line.kinds and line.hours_known and line.is_open_at(dialog.now)
    ]
    if children:
        dialog.say("crisis.child_line_too", line=text_of_line(children[0]))


def answer_still_there(dialog: Dialog) -> bool:
    """Still at the place named soon after the direct question about it (「まだベランダ。寒い」): go inside,
    someone near, 119/110 and one line, never the fallback; the case is raised. True when answered."""
    if not recently(dialog, "method_asked_at", AFTER_CRISIS_WITHIN):
        return False
    if not fragments.still_at_place(dialog.user_input.text):
        return False
    raise_with_words(dialog)
    keep_typed(dialog)
    mark_now(dialog, "shown_at")
    memory = memory_of(dialog.data)
    situations = last_situations(dialog)
    outside = fragments.outside_place(dialog.user_input.text)
    messages = still_there_messages(
        dialog.now, situations, no_phone=memory.no_phone, sent=memory.sent, outside=outside
    )
    dialog.send(*messages)
    return True


def answer_line_hours(dialog: Dialog) -> bool:
    """Whether a crisis line is open now, asked of a line named (「あなたのいばしょってとこ、今やってるの？」)
    or, soon after a crisis reply, of the chat or phone lines it gave (「チャットのほうがいい。でもこの時間
    やってるの？」): that line's hours from the content and the lines open now, not the city's hours."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or "faq.hours" not in understanding.intents:
        return False
    named = named_lines(text)
    if not named and not (
        recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) and fragments.names_a_channel(text)
    ):
        return False
    said = []
    for line in named:
        state = "varies" if not line.hours_known else "open" if line.is_open_at(dialog.now) else "closed"
        said.append(catalog.text(f"crisis.line_hours.{state}", name=line.name, hours=line.hours_text))
    phones, chats = lines_open_now(last_situations(dialog), dialog.now)
    chats_first = memory_of(dialog.data).no_phone or fragments.asks_for_text(text)
    reach = [line for line in named if line.hours_known and line.is_open_at(dialog.now)]
    reach += [line for line in (chats + phones if chats_first else phones + chats) if line not in reach]
    lines = "\n".join(text_of_line(line) for line in reach[:3]) or catalog.text("crisis.again_emergency")
    said.append(catalog.text("crisis.line_hours.now", lines=lines))
    keep_typed(dialog)
    dialog.say("crisis.line_hours.reply", answer="\n".join(said))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_unread_after_harm(dialog: Dialog) -> bool:
    """A short message nothing else reads, within `fragments.WITHIN` of a reply about pills or cutting
    (「20こ」 after pills told in a long message): 119 named once more, not the fallback."""
    told = harm_told(dialog)
    understanding = dialog.understanding
    if not told or understanding is None or understanding.intents or understanding.concerns:
        return False
    if not fragments.is_short(dialog.user_input.text) or not recently(dialog, "shown_at", fragments.WITHIN):
        return False
    say_acknowledged(dialog, told[0], coming=False)
    return True


def answer_plea(dialog: Dialog) -> bool:
    """A plea on the menu soon after a crisis reply (「おねがい だれか」): the words were received, one
    line to call now, and a person; not the fallback, and not a copy of the last reply. True when answered."""
    at_menu = dialog.state in (MenuStates.START, MenuStates.MAIN)
    if not at_menu or not fragments.pleads(dialog.user_input.text):
        return False
    if person_offered(dialog) and dialog.understanding and "cmd.yes" in dialog.understanding.intents:
        return False  # 「お願いします」 to the offer of a person: a yes, answered by the dialog
    if dialog.understanding is not None and "cmd.human" in dialog.understanding.intents:
        return False  # 「担当の方から折り返しをお願いできますか」 asks for the person in charge
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    situations = last_situations(dialog)
    no_phone = memory_of(dialog.data).no_phone  # 「でんわ にがて」 said before: a line to write to first
    line = one_line_now(dialog.now, situations, no_phone=no_phone)
    keep_typed(dialog)
    mark_now(dialog, "shown_at")
    child = situations[0] == "child"
    key = "crisis.plea.child" if child else "crisis.plea"
    dialog.say(key + (".written" if no_phone else ""), line=line, heard=heard_in(dialog, child=child))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_pills_named(dialog: Dialog) -> bool:
    """Pills named, not said to be taken, soon after a crisis reply (「しにたい」「べつに」「くすり」): ask
    plainly whether they were taken and how many, with 119 if they were. True when asked."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.intents or not fragments.is_short(text):
        return False
    if not any(word in text for word in PILL_WORDS) or overdose_taken(text):
        return False
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or recently(
        dialog, "pills_asked_at", REPEAT_WITHIN
    ):
        return False
    mark_now(dialog, "pills_asked_at")
    keep_typed(dialog)
    dialog.say("crisis.pills_ask")
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def answer_pills_reply(dialog: Dialog) -> bool:
    """A short answer soon after being asked whether pills were taken: not yet (「のんでない」「まだ」) is
    thanked, with pills kept out of reach and 119 if taken; anything else (「はい」「20こ」) is read as
    pills taken, and gets 119 first. True when answered."""
    understanding = dialog.understanding
    text = dialog.user_input.text
    if understanding is None or understanding.concerns or not fragments.is_short(text):
        return False
    if not recently(dialog, "pills_asked_at", QUESTION_FRESH) or recently(
        dialog, "pills_answered_at", QUESTION_FRESH
    ):
        return False
    if set(understanding.intents) - {"cmd.yes", "cmd.no"}:
        return False
    mark_now(dialog, "pills_answered_at")
    keep_typed(dialog)
    if "cmd.no" in understanding.intents or fragments.not_taken(text):
        dialog.say("crisis.pills_not_taken")
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    reasons = (catalog.text("summary.quote", words=text.strip()),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    answer_crisis(dialog, ("overdose",), already_sent=False)
    return True


def note_pills_kept(dialog: Dialog) -> None:
    """Remember when the person said pills are kept (「薬ためてあるから、いざとなったら」), so that a
    take-back, 「電話は無理」 or 「寝ます」 in the hours after still speaks of them."""
    text = dialog.user_input.text
    stocked = any(word in text for word in PILL_WORDS) and any(word in text for word in STOCKED)
    if (fragments.pills_kept(text) or stocked) and not overdose_taken(text):
        mark_now(dialog, "pills_kept_at")


def note_means(dialog: Dialog) -> None:
    """Remember a means of dying named in words read as a crisis (「ホームセンターで練炭買ってきたわ」),
    so that a take-back after it (「冗談だて」) still speaks of putting it out of reach."""
    text = dialog.user_input.text
    word = means_word(text)
    understanding = dialog.understanding
    if word is None or word in PILL_WORDS or overdose_taken(text) or understanding is None:
        return
    if understanding.crisis != "none" and set(understanding.crisis_kinds) - VIOLENCE_KINDS:
        # not 「弟が実家で親に包丁向けとる」: a weapon in someone else's hand is no means of her own
        mark_now(dialog, "means_named_at")
        dialog.data.setdefault("crisis", {})["means"] = word


def answer_means_at_hand(dialog: Dialog) -> bool:
    """A means of dying said to be still at hand after a crisis reply or a take-back (「練炭まだ車にあるけど
    な」「死にたいわけじゃにゃあ。でも練炭は捨てれんわ」「ロープまだとってある」): plainly that it is
    dangerous, to put it out of reach tonight or give it to someone to keep, the direct question again
    (unless asked in the last minutes, or dying was just denied), and a line to phone and one to write
    to, with 119/110. Raised as a crisis. True when answered."""
    text = dialog.user_input.text
    if dialog.data.get("with_person") or not fragments.holds_word_of(text, "means_kept"):
        return False
    if overdose_taken(text) or "overdose" in memory_of(dialog.data).answered:
        return False
    word = means_word(text)
    if word in PILL_WORDS and (fragments.pills_kept(text) or any(stem in text for stem in STOCKED)):
        return False  # 「薬ためてあるから」: the pills' own replies (`_lines_again`, `denied_pills_kept`)
    means = word or means_lately(dialog)
    if means is None:
        return False
    memory = memory_of(dialog.data)
    if not memory.recent(dialog.now):  # 「包丁は家にあるので」 with no crisis told: not a means at hand
        return False
    keep_typed(dialog)
    reasons = (catalog.text("summary.quote", words=text.strip()[:REASON_CHARS]),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    not_dying = fragments.holds_word_of(text, "not_dying_but") or fragments.holds_word_of(text, "wish_denied")
    key = "crisis.means_at_hand.not_dying" if not_dying else "crisis.means_at_hand"
    dialog.say(key, means=means)
    dialog.send(Text(catalog.text("crisis.means_lines", lines=phone_and_chat(dialog)).strip()))
    mark_now(dialog, "means_away_at")
    mark_now(dialog, "shown_at")
    asked = memory.asked_within(dialog.now, MEANS_ASKED_WITHIN)
    if memory.sent:
        dialog.send(offer_to(dialog, "crisis.again_offer"))
    if not_dying or asked:
        if not memory.sent:
            dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    mark_now(dialog, "method_asked_at")
    mark_now(dialog, "risk_asked_at")
    dialog.send(direct_question(with_person=False))
    return True


def answer_staring_at_means(dialog: Dialog) -> bool:
    """The writer keeps looking at a means or down from a high place (「包丁ずっと見てる」
    「ロープずっと見てる」; 「ベランダからずっと下見てる」 when read as no crisis), even as a first
    message: a sign of danger to self or others. Thanked for telling, asked to put the thing away (or
    to move away from the place, inside), a phone line and a line to write to with 119/110, and the
    direct question; raised as a crisis with the words, the means remembered. True when answered."""
    text = dialog.user_input.text
    kind = fragments.staring_at(text)
    if kind is None or dialog.data.get("with_person"):
        return False
    keep_typed(dialog)
    raise_with_words(dialog)
    tick_for_the_writer(dialog.data, "mental_health")
    word = means_word(text) if kind == "thing" else None
    if kind == "thing":
        thing = word or next(w for w in fragments.WORDS["staring_things"] if w.lower() in text.lower())
        dialog.say("crisis.staring.thing", thing=thing)
        if word is not None and word not in PILL_WORDS:
            mark_now(dialog, "means_named_at")
            dialog.data.setdefault("crisis", {})["means"] = word
    else:
        dialog.say("crisis.staring.place")
    dialog.send(Text(catalog.text("crisis.means_lines", lines=phone_and_chat(dialog)).strip()))
    for key in ("shown_at", "method_asked_at", "risk_asked_at", "means_away_at"):
        mark_now(dialog, key)
    dialog.send(direct_question(with_person=False))
    return True


def answer_taken_back_after_means(dialog: Dialog) -> bool:
    """Taking back words about dying on the menu (「冗談です」「ほんとに大丈夫なんで」) soon after a crisis
    reply. After pills were said to be kept, the take-back is met warmly but the pills are not dropped
    (hand them to someone or a pharmacy) and the door stays open; a take-back again within
    `REPEAT_WITHIN` gets a short reply that points to the lines already given, never the same words.
    False (and the take-back remembered) when `answer_after_crisis` answers it."""
    text = dialog.user_input.text
    understanding = dialog.understanding
    if understanding is None or dialog.state not in (MenuStates.START, MenuStates.MAIN):
        return False
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or last_situations(dialog)[0] != "suicidal":
        return False
    waved_off = "talk.dismiss" in understanding.intents or fragments.waves_off(text)
    if not (waved_off or fragments.takes_back(text)) or "overdose" in memory_of(dialog.data).answered:
        return False
    means = means_lately(dialog)
    line = chat_line_first(dialog)
    if pills_kept_lately(dialog) and not recently(dialog, "pills_away_at", AFTER_CRISIS_WITHIN):
        key = "crisis.taken_back_after_means"
        line = phone_and_chat(dialog)  # 「冗談です」 after pills kept: a phone line kept beside the chat
        mark_now(dialog, "pills_away_at")
    elif means and not recently(dialog, "means_away_at", AFTER_CRISIS_WITHIN):
        key = (
            "crisis.taken_back_after_means.other"  # 「冗談だて」 after 「練炭買ってきた」: a phone line kept
        )
        line = phone_and_chat(dialog)
        mark_now(dialog, "means_away_at")
    elif recently(dialog, "taken_back_at", REPEAT_WITHIN):
        key = "crisis.taken_back_again"
    else:
        mark_now(dialog, "taken_back_at")
        return False
    mark_now(dialog, "taken_back_at")
    keep_typed(dialog)
    menu = Choice(catalog.text("nav.menu"), "menu")
    person = () if memory_of(dialog.data).sent else (Choice(catalog.text("crisis.human"), "human"),)
    dialog.say(key, (*person, menu), line=line, means=means or "")
    return True


def answer_cannot_phone(dialog: Dialog) -> bool:
    """「電話は無理。声でない」 soon after a crisis reply: the lines one can write to, and that this LINE
    takes words too; after pills kept, keep them out of reach and ask someone near to call 119. Never
    an order to phone, and never the menu. True when answered."""
    text = dialog.user_input.text
    if not fragments.cannot_phone(text) or not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return False
    situations = last_situations(dialog)
    if situations[0] in WITHOUT_LINES:
        return False
    _phones, chats = lines_open_now(situations, dialog.now)
    if not chats:
        return False
    said = catalog.text("crisis.cannot_phone", lines="\n".join(text_of_line(line) for line in chats))
    if pills_kept_lately(dialog):
        said += "\n" + catalog.text("crisis.cannot_phone_pills")
        mark_now(dialog, "pills_away_at")
    keep_typed(dialog)
    dialog.send(Text(said.strip()), offer_to(dialog, "crisis.again_offer"))
    return True


def answer_goodnight_after_pills(dialog: Dialog) -> bool:
    """「寝ます」 in the hours after pills were said to be kept (not taken): thanks, the pills out of reach
    before sleeping, a line to write to in the night, then good night. True when answered."""
    understanding = dialog.understanding
    if understanding is None or "talk.goodnight" not in understanding.intents:
        return False
    if not pills_kept_lately(dialog):
        return False
    keep_typed(dialog)
    dialog.say(
        "crisis.goodnight_after_pills",
        (Choice(catalog.text("nav.menu"), "menu"),),
        line=chat_line_first(dialog),
    )
    return True


def answer_not_dying_but(dialog: Dialog) -> bool:
    """「いや、死にはしないけど」 soon after a reply to thoughts of dying: a partial retraction, thanked and
    stayed with (how cornered they feel), with one line to write to; not a 'no' to a question that was
    never asked. True when answered."""
    if not fragments.holds_word_of(dialog.user_input.text, "not_dying_but"):
        return False
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN) or last_situations(dialog)[0] != "suicidal":
        return False
    keep_typed(dialog)
    dialog.say("crisis.not_dying_but", line=chat_line_first(dialog))
    dialog.send(offer_to(dialog, "crisis.again_offer"))
    return True


def _wished_with_child(dialog: Dialog, before: list[str]) -> bool:
    """Whether the wish to die was told with one's child (「この子と一緒に消えたい」), in the short
    messages just before or among the person's last words kept for the 受付票."""
    heard = dialog.data.get("intake", {}).get("heard") or []
    words = [*before, *(str(item.get("words", "")) for item in heard[-4:] if isinstance(item, dict))]
    return any(fragments.with_the_child(said) for said in words)


def answer_place_after_wish(dialog: Dialog, before: list[str], *, already_sent: bool = False) -> bool:
    """A dangerous place typed soon after a reply to thoughts of dying (「死にたい」 → 「ベランダにいる」
    「いま屋上」「駅のホームにいる」), before the direct question was asked about it: away from the edge
    (inside from a balcony or window; to a safe spot or to people from a bridge, platform or roof),
    110/119 if about to act, one line to reach now, and the direct question; after a wish to die with
    one's child (「この子と一緒に消えたい」) the child's safety too. The case is raised. A place alone,
    with no wish before it, stays ordinary. True when answered."""
    text = dialog.user_input.text
    if dialog.data.get("with_person") or recently(dialog, "method_asked_at", AFTER_CRISIS_WITHIN):
        return False  # the CSW answers; or the question was asked: 「まだ…」 gets answer_still_there
    if not recently(dialog, "shown_at", PLACE_AFTER_WISH_WITHIN) or "suicidal" not in last_situations(dialog):
        return False
    outside = fragments.outside_place(text)
    if not (fragments.still_at_place(text) or outside) or fragments.holds_word_of(text, "left_place"):
        return False
    raise_with_words(dialog)
    keep_typed(dialog)
    mark_now(dialog, "shown_at")
    mark_now(dialog, "method_asked_at")
    dialog.data["crisis"]["method_named"] = True  # 「まだ屋上にいる」 next gets answer_still_there
    memory = memory_of(dialog.data)
    situations = last_situations(dialog)
    key = "crisis.place_after_wish_outside" if outside else "crisis.place_after_wish"
    place = catalog.text(key, line=one_line_now(dialog.now, situations, no_phone=memory.no_phone))
    if _wished_with_child(dialog, before):
        place = "\n".join((place.rstrip("\n"), catalog.text("crisis.place_baby_safe").rstrip("\n")))
    if already_sent:  # the fast path asked already (「駅のホームにいる」 read as crisis): the place only
        dialog.send(Text(place))
    else:
        dialog.send(Text(place), direct_question(with_person=False))
    return True
