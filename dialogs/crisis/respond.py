"""Answering a crisis inside a dialog: the reply, the urgency recorded on the case, a question asked beside
it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import cast

from dialogs import catalog, fragments
from dialogs.content import (
    FaqIntent,
    QuestionId,
    ServiceId,
    current_content,
)
from dialogs.crisis.fast import reply_for
from dialogs.crisis.lines import lines_text, offer_to, written_line_first
from dialogs.crisis.memory import memory_of, recently, record
from dialogs.crisis.reading import (
    RELATIVE_WORD,
    age_unknown,
    names_a_friend,
    own_harm_beside_relative,
    relative_name,
)
from dialogs.crisis.situations import (
    AFTER_CRISIS_WITHIN,
    CHILD_HURTS,
    HARMED,
    REPEAT_WITHIN,
    YOUNG_TOO,
    Situation,
)
from dialogs.dialog import MAX_MESSAGES, Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows import answers
from dialogs.flows.draft import keep_typed, untick_read_from_text, writes_as_themself
from dialogs.messages import Text
from dialogs.summary import REASON_CHARS
from dialogs.understanding.model import Understanding


def answer_crisis(
    dialog: Dialog,
    situations: tuple[Situation, ...],
    *,
    already_sent: bool,
    understanding: Understanding | None = None,
    told: str | None = None,
) -> None:
    """Send the whole fitted block, the direct question after a way of dying is named, or the brief reply
    to the same situation again (nothing when the fast path already sent it), and remember what was
    answered and who is hurt. `understanding` is the reading that called for it (this message's, or
    the message read with the short ones before it); `told`, the words as read with the relative named
    just before (「お母さんが」 + 「死にたいって言ってた」), when not the message as typed."""
    with_person = bool(dialog.data.get("with_person"))
    reading = understanding or dialog.understanding
    memory = memory_of(dialog.data)
    text = told or dialog.user_input.text
    young = situations[0] in YOUNG_TOO and maybe_young(dialog, reading, situations[0])
    young = young or (situations[0] == "relative_suicidal" and writes_as_child(dialog))
    if situations[0] == "child" and memory.is_repeat("child_dying", dialog.now):
        memory = replace(memory, answered=(*memory.answered, "child"))  # her lines were given: brief
    messages, after = reply_for(
        reading, situations, memory, dialog.now, with_person=with_person, text=text, young=young
    )
    stored = dialog.data.setdefault("crisis", {})
    stored.update(
        shown_at=dialog.now.isoformat(),
        situations=list(situations),
        answered=list(after.answered),
        brief=after.brief,
    )
    if situations[0] == "relative_suicidal":
        stored["relative"] = relative_name(text)
        if names_a_friend(text):
            stored["relative_friend"] = True
            _note_friend_asks(dialog)
    if after.hurt is not None:
        stored["hurt"] = after.hurt
    if situations[0] == "family":
        untick_read_from_text(dialog.data, "childcare_education")  # a grown-up hit by a parent
    if after.asked_at is not None:
        stored["method_asked_at"] = after.asked_at.isoformat()
    if after.no_phone:
        stored["no_phone"] = True
    if after.method_named:
        stored["method_named"] = True
    if fragments.holds_word_of(text, "lives_far_away"):
        stored["apart"] = True
    if situations[0] == "self_harm" and reading is not None and own_harm_beside_relative(reading, text):
        writes_as_themself(dialog)  # 「うちシングルで…子ども寝とる。…また腕切ってもうた」: 相談者 本人
    if not already_sent:
        dialog.send(*messages)


def _note_friend_asks(dialog: Dialog) -> None:
    """On the 受付票, one writing of a friend at risk asks as a friend (関係者・友人), unless who is asking
    was chosen or said outright: the friend is the one the form is about, not the writer."""
    answers = dialog.data.setdefault("intake", {}).setdefault("answers", {})
    asker = answers.get("asker", {})
    if asker.get("choice") and not asker.get("guess"):
        return
    answers["asker"] = {"choice": "supporter", "from_text": True}
    if not answers.get("relation", {}).get("choice"):
        answers["relation"] = {"choice": "friend", "from_text": True}


def relative_heard(dialog: Dialog) -> str:
    """The respectful name of the relative the kept words last name (娘 → 娘さん), else 「ご家族」."""
    heard = [str(item.get("words", "")) for item in dialog.data.get("intake", {}).get("heard", [])]
    for words in reversed(heard):
        if RELATIVE_WORD.search(words):
            return relative_name(words)
    return catalog.text("crisis.relative.family")


def writes_as_child(dialog: Dialog) -> bool:
    """Whether the writer is a child: hurt as a child at home, or under 18 by their own answer."""
    age = dialog.data.get("intake", {}).get("answers", {}).get("age_band", {}).get("choice")
    asker = dialog.data.get("intake", {}).get("answers", {}).get("asker", {}).get("choice")
    return memory_of(dialog.data).hurt in CHILD_HURTS or (age == "under_18" and asker in (None, "self"))


TOLD_WITH: dict[str, str] = {"eviction": "no_shelter"}
"""An urgent kind already covered by another's guidance: someone told tonight's options for a bed who
then says they were put out (「アパート追い出されて」) is in the same situation, not a new one."""


def told_lately(dialog: Dialog, situations: list[str]) -> bool:
    """Whether every urgent situation named was told in full within `REPEAT_WITHIN`; marks them told now."""
    told = dialog.data.setdefault("crisis", {}).setdefault("urgent_told", {})

    def lately(situation: str) -> bool:
        stamp = told.get(situation)
        return isinstance(stamp, str) and dialog.now - datetime.fromisoformat(stamp) < REPEAT_WITHIN

    repeat = all(lately(situation) or lately(TOLD_WITH.get(situation, "")) for situation in situations)
    if not repeat:
        told.update(dict.fromkeys(situations, dialog.now.isoformat()))
    return repeat


def answer_child_no_place(dialog: Dialog, key: str = "urgent.child_no_place") -> None:
    """A child with nowhere to go (189: a safe place, 一時保護) or nothing to eat tonight (189 and
    tonight's food): 子供SOS and a chat line, not rent support or a food bank's office hours."""
    dialog.send(Text(catalog.text(key)), Text(lines_text(("child",), dialog.now)))


def put_out_lately(dialog: Dialog) -> bool:
    """Whether the writer told, within `REPEAT_WITHIN`, of being put out of home by a parent."""
    return recently(dialog, "put_out_at", REPEAT_WITHIN)


def maybe_young(dialog: Dialog, understanding: Understanding | None, situation: Situation) -> bool:
    """Whether the writer, age unknown, may be a child: hurt by a parent (「父に殴られた」), or put out of
    home by one lately (「親に家追い出された」, then 「なんか死んだほうが楽かも」)."""
    if not age_unknown(understanding, dialog.data):
        return False
    return situation == "family" or put_out_lately(dialog)


TOLD_BESIDE_DANGER = ("ask.after_prison",)
"""Turning points told, not asked, beside an urgent need whose answer the need's reply leaves out: a man a
week out of prison with nowhere to sleep (「出所したばかりで住むところもお金もない」) hears of 生活保護 and
保護観察所 too, not only tonight's bed."""


def answer_asked_too(dialog: Dialog) -> None:
    """A question asked in the same message as danger (「息子がまた暴れて…こういうときの相談先は保健所
    でしょうか」), or a turning point told beside it (`TOLD_BESIDE_DANGER`): answered briefly after the
    safety content, before the closing offer, never left out."""
    told = [
        topic
        for topic in TOLD_BESIDE_DANGER
        if dialog.understanding and topic in dialog.understanding.intents
    ]
    sentences = answers.SENTENCE.findall(dialog.user_input.text)
    if not told and not any(
        sentence.strip().rstrip("。!！ 　").endswith(answers.QUESTION_ENDS) for sentence in sentences
    ):
        return  # 「元夫が家に来て殴られました」 names a visit but asks nothing
    topics = told or answers.topics_asked(dialog)
    briefs = [brief_answer(dialog, topic) for topic in topics]
    if not briefs:
        return
    if told:  # its follow-ups (「家族とは縁切れてます」「4年いました」) are heard as after its own answer
        dialog.data[answers.ANSWERED] = {"topic": told[-1], "at": dialog.now.isoformat()}
    key = "crisis.told_too" if told else "crisis.asked_too"
    text = catalog.text(key, answer="\n".join(briefs))
    if not dialog.messages:
        dialog.send(Text(text))
    elif len(dialog.messages) < MAX_MESSAGES:
        dialog.messages.insert(len(dialog.messages) - 1, Text(text))
    else:  # at LINE's limit: the answer closes the message before the offer
        before = dialog.messages[-2]
        dialog.messages[-2] = Text(f"{before.text}\n\n{text}", before.choices)


def brief_answer(dialog: Dialog, topic: str) -> str:
    """A short answer to one service, question or FAQ asked beside danger: what a service is and its
    window; a question's or a FAQ's answer from the content."""
    if topic.startswith("service."):
        content = current_content()
        service = content.service(cast(ServiceId, topic.removeprefix("service.")))
        window = content.window(service.how_to_reach.window)
        return catalog.text(
            "crisis.asked_service",
            name=service.name,
            summary=service.summary,
            window_name=window.name,
            window_phone=window.phone,
            window_hours=window.hours_text,
        )
    if topic.startswith("ask."):
        return answers.question_text(dialog, cast(QuestionId, topic))
    return answers.faq_text(cast(FaqIntent, topic), None)


def raise_with_words(dialog: Dialog) -> None:
    """Raise the case to crisis with the person's own words (cut if long) as the reason."""
    whole = dialog.user_input.text.strip()
    words = whole if len(whole) <= REASON_CHARS else catalog.text("summary.cut", words=whole[:REASON_CHARS])
    reasons = (catalog.text("summary.quote", words=words),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))


def harm_told(dialog: Dialog) -> list[Situation]:
    """Pills taken or cutting answered in the hours just past, most urgent first."""
    if not recently(dialog, "shown_at", AFTER_CRISIS_WITHIN):
        return []
    answered = memory_of(dialog.data).answered
    return [situation for situation in HARMED if situation in answered]


def say_acknowledged(dialog: Dialog, harmed: Situation, *, coming: bool) -> None:
    """Help on its way: what to tell them; otherwise 119 named once more for the signs to watch."""
    keep_typed(dialog)
    kind = "pills" if harmed == "overdose" else "cutting"
    if coming:
        dialog.say(f"crisis.help_coming.{kind}")
    else:  # a line to write to first: 「電話は無理やわ、声出えへん」 cannot phone
        line = written_line_first((harmed,), dialog.now)
        dialog.say(f"crisis.acknowledged.{kind}", line=line)
    dialog.send(offer_to(dialog, "crisis.again_offer"))


def means_lately(dialog: Dialog) -> str | None:
    """The means (not pills) named within `AFTER_CRISIS_WITHIN`, or None."""
    if not recently(dialog, "means_named_at", AFTER_CRISIS_WITHIN):
        return None
    means = dialog.data.get("crisis", {}).get("means")
    return means if isinstance(means, str) else None


def pills_kept_lately(dialog: Dialog) -> bool:
    """Whether pills were said to be kept (not taken) within `AFTER_CRISIS_WITHIN`."""
    taken = "overdose" in memory_of(dialog.data).answered
    return not taken and recently(dialog, "pills_kept_at", AFTER_CRISIS_WITHIN)


def partner_lines_given(dialog: Dialog) -> bool:
    """Whether the DV lines were given lately to someone known to be hurt or controlled by a partner: this
    LINE or the phone told as seen then (「彼がLINEチェックする」) is answered with how to hide this talk,
    not the same lines again."""
    if memory_of(dialog.data).hurt != "partner":
        return False
    told = dialog.data.get("crisis", {}).get("urgent_told", {}).get("violence")
    lately = isinstance(told, str) and dialog.now - datetime.fromisoformat(told) < REPEAT_WITHIN
    signs = recently(dialog, "dv_signs_at", REPEAT_WITHIN)
    return lately or signs or recently(dialog, "shown_at", REPEAT_WITHIN)
