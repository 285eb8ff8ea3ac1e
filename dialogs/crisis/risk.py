"""Signs short of crisis: one gentle, direct question about dying, and what the answer to it gets."""

from __future__ import annotations

from typing import cast

from dialogs import catalog, fragments
from dialogs.content import (
    QuestionId,
)
from dialogs.crisis.lines import crisis_messages, lines_open_now, offer_to, text_of_line
from dialogs.crisis.memory import mark_now, memory_of, recently, record
from dialogs.crisis.reading import RELATIVE_WORD, relative_name
from dialogs.crisis.respond import answer_crisis
from dialogs.crisis.situations import AFTER_CRISIS_WITHIN, QUESTION_FRESH, REPEAT_WITHIN, RISK_ASKED_WITHIN
from dialogs.dialog import Dialog
from dialogs.effects import RaiseUrgency
from dialogs.flows import answers
from dialogs.flows.common import menu_choices
from dialogs.flows.draft import keep_typed, tick_for_the_writer
from dialogs.messages import Choice, Text
from dialogs.summary import REASON_CHARS
from dialogs.understanding.entities import FIRST_PERSON
from dialogs.understanding.model import Understanding


def ask_about_risk(dialog: Dialog) -> bool:
    """Ask one gentle, direct question when the message shows signs short of crisis; False if not asked.
    Signs in someone else the writer tells of (「母親は相談にいく気力がない」 from a teacher) are not the
    writer's: they are answered about that person (family may consult alone, a visit), never with the
    question about dying put to the writer."""
    understanding = dialog.understanding
    if understanding is None or not understanding.possible_risk or understanding.crisis != "none":
        return False
    if _signs_in_someone_else(understanding, dialog.user_input.text):
        keep_typed(dialog)
        who = relative_name(dialog.user_input.text)
        dialog.say("risk.someone_else_worn_out", who=who)
        return True
    if recently(dialog, "risk_asked_at", RISK_ASKED_WITHIN) or recently(dialog, "shown_at", REPEAT_WITHIN):
        return False
    mark_now(dialog, "risk_asked_at")
    told = next((topic for topic in ANSWERED_BESIDE_RISK if topic in understanding.intents), None)
    if told is not None:  # 「赤ちゃん産んでから毎日涙が出る」: where to turn, then the gentle question
        dialog.send_content(answers.question_text(dialog, cast(QuestionId, told)))
        dialog.data[answers.ANSWERED] = {"topic": told, "at": dialog.now.isoformat()}
    dialog.say("risk.ask", _risk_choices())
    return True


def _signs_in_someone_else(understanding: Understanding, text: str) -> bool:
    """Whether the signs short of crisis are told of a relative named (「母親は…気力がない」「父親はもう限界
    みたいで」) and the writer does not speak of themself (not 「私ももう限界」)."""
    about = dict(understanding.concern_about).get("mental_health")
    if about != "other" or RELATIVE_WORD.search(text) is None:
        return False
    return not any(word in text for word in FIRST_PERSON)


ANSWERED_BESIDE_RISK = ("ask.postpartum",)
"""Topics whose answer comes before the gentle question about dying when both are read in one message:
a mother worn out after a birth (「赤ちゃんが泣き止まなくて私も泣いてばかり」) hears of the 保健センター and
産後ケア as well as being asked, gently, how she is."""


def answer_risk(dialog: Dialog, *, typed_yes: bool = False) -> bool:
    """Answer the person's reply to the risk question; True when they said the thoughts are there: the
    answer acknowledged, the lines open now, and whether they are safe now, with a person offered."""
    mark_now(dialog, "risk_answered_at")
    if dialog.value() != "yes" and not typed_yes:
        dialog.say("risk.thanks")
        return False
    reasons = (catalog.text("summary.quote", words=catalog.text("risk.yes")),)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    memory = memory_of(dialog.data)
    if memory.is_repeat("child_dying", dialog.now):  # a child asked in her words: her lines, her words
        answer_crisis(dialog, ("child_dying",), already_sent=True)
        phones, chats = lines_open_now(("child_dying",), dialog.now)
        reach = (phones[:1] + chats[:1]) if not memory.no_phone else (chats + phones)[:2]
        told = "\n".join(text_of_line(line) for line in reach) or catalog.text("crisis.again_emergency")
        dialog.say("crisis.child_yes", line=told)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    if memory.is_repeat("suicidal", dialog.now) or memory.asked_lately(dialog.now):  # the direct question
        answer_crisis(dialog, ("suicidal",), already_sent=True)  # remembered; the reply is its own
        phones, chats = lines_open_now(("suicidal",), dialog.now)
        reach = (phones + chats)[:1]
        line = text_of_line(reach[0]) if reach else catalog.text("crisis.again_emergency")
        dialog.say("crisis.method_yes", line=line)
        dialog.send(offer_to(dialog, "crisis.again_offer"))
        return True
    answer_crisis(dialog, ("suicidal",), already_sent=True)  # remembered; the answer is acknowledged
    memory = memory_of(dialog.data)
    lines = crisis_messages(dialog.now, ("suicidal",), no_phone=memory.no_phone)[1]
    offer = offer_to(dialog, "crisis.offer")
    safe_now = Text(f"{catalog.text('risk.safe_now')}\n{offer.text}", offer.choices)
    dialog.send(Text(catalog.text("risk.yes_answered")), lines, safe_now)
    return True


def answer_risk_in_words(dialog: Dialog) -> bool:
    """Take a typed answer to a question about dying as its answer; False if not one.

    A typed 'no' (「死にたいとかじゃない」) to the gentle question or to the direct one asked after a way
    of dying was named is thanked; a bare 「はい」「うん」「ある」 soon after either is a yes, and gets
    what the button 「そういう気持ちがある」 gets.
    """
    understanding = dialog.understanding
    if understanding is None:
        return False
    asked = [
        key for key in ("risk_asked_at", "method_asked_at") if recently(dialog, key, AFTER_CRISIS_WITHIN)
    ]
    if not asked or recently(dialog, "risk_answered_at", AFTER_CRISIS_WITHIN):
        return False
    fresh = any(recently(dialog, key, QUESTION_FRESH) for key in asked)
    if fresh and fragments.says_yes(dialog.user_input.text):
        mark_now(dialog, "risk_answered_at")
        keep_typed(dialog)
        answer_risk(dialog, typed_yes=True)
        return True
    if fresh and fragments.is_word_of(dialog.user_input.text, "unsure_answer"):
        mark_now(dialog, "risk_answered_at")
        keep_typed(dialog)
        _answer_unsure(dialog)
        return True
    denied = any(evidence.label == "negated:crisis" for evidence in understanding.evidence)
    text = dialog.user_input.text
    not_there = understanding.crisis == "none" and (  # 「ないない、そこまでじゃない」「ないです」
        fragments.holds_word_of(text, "not_that_far") or (fresh and fragments.is_word_of(text, "no_alone"))
    )
    if not denied and not not_there and "cmd.no" not in understanding.intents:
        return False
    if not denied and dialog.state.startswith("intake."):
        return (
            False  # 「いえ、「家から出にくい」は違います」 at the question of concerns: that answer, not this
        )
    mark_now(dialog, "risk_answered_at")
    dialog.say("risk.thanks_in_words", menu_choices(dialog.data))
    return True


def _risk_choices() -> tuple[Choice, ...]:
    """The buttons that answer the gentle question about dying."""
    return (
        Choice(catalog.text("risk.yes"), "risk:yes"),
        Choice(catalog.text("risk.no"), "risk:no"),
        Choice(catalog.text("risk.listen"), "human"),
    )


def stay_with_open_question(dialog: Dialog) -> bool:
    """Words that do not answer the gentle question about dying, asked within `QUESTION_FRESH` and not
    answered: a bare filler (「なんか」「😢」) is told there is no hurry and the buttons stay; words of
    being worn out (「全部いやになった」) get the question once more, gently, once — only words the rules
    read as a sign of danger (possible_risk): tiredness or a worry told (「夜中に何回も起こされる」) is heard
    as what it tells. Never a question or a request (those are answered as asked). True when answered."""
    understanding = dialog.understanding
    if understanding is None or understanding.intents or understanding.crisis != "none":
        return False
    if not recently(dialog, "risk_asked_at", QUESTION_FRESH):
        return False
    if recently(dialog, "risk_answered_at", QUESTION_FRESH) or recently(
        dialog, "risk_reasked_at", QUESTION_FRESH
    ):
        return False
    worn_out = (
        understanding.possible_risk
    )  # a new sign of danger, not tiredness told (「夜中に何回も起こされる」)
    if understanding.concerns and not worn_out:
        return False  # another worry told (「お金もなくて」): heard as such
    keep_typed(dialog)
    if worn_out:
        mark_now(dialog, "risk_reasked_at")
        dialog.say("risk.ask_again", _risk_choices())
    else:
        dialog.say("risk.stay_open", _risk_choices())
    return True


def _answer_unsure(dialog: Dialog) -> None:
    """Stay with 「わかんない」 as the answer to a question about dying: that not knowing is fine,
    tonight's lines, and a person offered. Not knowing is no 'no': the 受付票 goes to the top of the
    queue with the answer in the person's words, and メンタルヘルス is recorded."""
    words = catalog.text("urgency.unsure_answer", words=dialog.user_input.text.strip()[:REASON_CHARS])
    reasons = (catalog.text("urgency.crisis_reason.suicidal"), words)
    record(dialog, "crisis", reasons)
    dialog.effects.append(RaiseUrgency("crisis", reasons))
    tick_for_the_writer(dialog.data, "mental_health")
    lines = crisis_messages(dialog.now, ("suicidal",), no_phone=memory_of(dialog.data).no_phone)[1]
    dialog.send(Text(catalog.text("risk.unsure")), lines, offer_to(dialog, "crisis.offer"))


def answer_risk_at_length(dialog: Dialog) -> bool:
    """A longer typed answer to a question about dying that opens with a yes (「正直に答えると、そういう
    気持ちは、あると思います。ただ、いますぐ何かをしようとしているわけではありません…」, or a bare
    「うん。たまに。方法調べたりはしてないよ」 that does not go on to deny it), even one the reading takes
    for danger again: the answer, as the button 「そういう気持ちがある」 is. True when answered."""
    understanding = dialog.understanding
    if understanding is None or dialog.data.get("with_person"):  # a CSW reads the answer
        return False
    text = dialog.user_input.text
    denied = any(evidence.label == "negated:crisis" for evidence in understanding.evidence)
    bare_yes = fragments.opens_with_yes(text) and not denied and not fragments.takes_back(text)
    if not fragments.answers_yes_at_length(text) and not bare_yes:
        return False
    asked = any(recently(dialog, key, AFTER_CRISIS_WITHIN) for key in ("risk_asked_at", "method_asked_at"))
    if not asked or recently(dialog, "risk_answered_at", AFTER_CRISIS_WITHIN):
        return False
    mark_now(dialog, "risk_answered_at")
    keep_typed(dialog)
    answer_risk(dialog, typed_yes=True)
    return True
