"""The crisis reply itself: pure and fast, so the webhook's fast path can send it before the database."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from dialogs import catalog, fragments
from dialogs.crisis.lines import (
    again_messages,
    child_guidance_text,
    copes,
    coping_messages,
    crisis_messages,
    direct_question,
    lines_again,
    method_messages,
    offer_text,
    still_there_messages,
)
from dialogs.crisis.memory import CrisisMemory
from dialogs.crisis.reading import (
    PILL_WORDS,
    as_told,
    asks_to_call,
    feared_in_words,
    means_word,
    names_a_friend,
    names_method,
    relative_name,
    situations_of,
    told_of_relative,
)
from dialogs.crisis.situations import CALL_YES, HARMED, QUESTION_FRESH, VIOLENCE_KINDS, Situation
from dialogs.messages import Text
from dialogs.understanding.classifier import classify
from dialogs.understanding.entities import SUPPORTER_ROLES
from dialogs.understanding.model import Understanding

WITH_A_CHILD = re.compile(r"(子|子ども|子供|こども|娘|息子|赤ちゃん|赤ん坊)と\s?(一緒|いっしょ)")
"""A wish to die together with one's child (「この子と一緒に消えたい」), answered by the baby's replies."""


def reply_for(
    understanding: Understanding | None,
    situations: tuple[Situation, ...],
    memory: CrisisMemory,
    now: datetime,
    *,
    with_person: bool = False,
    text: str = "",
    young: bool = False,
) -> tuple[tuple[Text, ...], CrisisMemory]:
    """The crisis reply that fits what the conversation knows, and the memory after it.

    A new or more acute situation gets its whole block; the same one again within `REPEAT_WITHIN` the
    brief reply, except that a way of dying named then (「練炭とか楽なのかなって」 after 「冗談です」)
    gets the direct question, once in that time. A way of dying named in the first message
    (「ロープ買ってきた」「屋上にいる」) gets the whole block with the direct question last. Asking
    whether to call (「救急車呼んだほうがいいですか」) after pills, cutting or someone unseen or missing is
    answered with a plain yes first, every time. Thoughts of dying told after pills or cutting
    (「消えたいなーってのは毎日ある」) get the direct question too. A time named with thoughts of dying
    (「今日で終わりにしたい」) is more acute: the whole block and the question again. Thoughts of dying
    beside violence get the question too; still at the place named (「まだ屋上にいる」) gets go inside.
    Thoughts of dying again (「なんかもう全部終わりにしたい」) while the direct question was never asked,
    or not answered and not asked in the last `QUESTION_FRESH`, get the brief reply and the question.
    Cutting told as a way to cope (「別に死にたいわけじゃない。やると落ち着くだけ」), or more words after
    the bleeding stopped, is heard without first aid again. After a case was sent, the reply says the
    message reached it; after 「電話は無理」, chat and LINE lines come first. A child thinking of dying
    (`child_dying`) is asked the direct question at once, in a child's words; someone who may be a child,
    age unknown (`young`), is asked too and told the children's lines beside the others."""
    messages, after = _reply_for(
        understanding, situations, memory, now, with_person=with_person, text=text, young=young
    )
    apart = memory.apart or fragments.holds_word_of(text, "lives_far_away")
    if apart and situations[0] in FROM_AFAR_SITUATIONS and messages:
        # 「わたしは離れて住んどるで」: she can call 110 herself from afar, with the home's address
        opening = Text(f"{messages[0].text}\n{catalog.text('crisis.from_afar')}".strip(), messages[0].choices)
        messages = (opening, *messages[1:])
    return messages, after


FROM_AFAR_SITUATIONS: tuple[Situation, ...] = ("home_violence", "at_home", "family", "grown_child")
"""Replies to violence at home after which a family member living far away is told she can call 110."""


def _reply_for(
    understanding: Understanding | None,
    situations: tuple[Situation, ...],
    memory: CrisisMemory,
    now: datetime,
    *,
    with_person: bool = False,
    text: str = "",
    young: bool = False,
) -> tuple[tuple[Text, ...], CrisisMemory]:
    """`reply_for` before the words for a family member far away."""
    minority = fragments.holds_word_of(text, "sexual_minority")
    memory = replace(memory, no_phone=memory.no_phone or fragments.cannot_phone(text))
    no_phone, sent = memory.no_phone, memory.sent and not with_person
    asked = asks_to_call(understanding) and situations[0] in CALL_YES
    if asked and memory.is_repeat(situations[0], now):
        yes = Text(catalog.text(f"crisis.call_yes.{situations[0]}"))
        offer = offer_text("crisis.again_offer", with_person=with_person, sent=sent)
        return (yes, offer), memory.after(situations, now)
    timed = situations[0] == "suicidal" and fragments.names_a_time(text)
    dying_too = "suicidal" in situations[1:] and not memory.asked_lately(now)
    if timed or not memory.is_repeat(situations[0], now):
        # pills kept and affairs put in order count as a way named (「睡眠薬を飲まずにためてあります」
        # 「身辺整理はだいたい済んだ」): preparation is asked about directly
        prepared = fragments.holds_word_of(text, "affairs_in_order")
        named = names_method(understanding) or fragments.pills_kept(text) or prepared
        method = situations[0] == "suicidal" and named and not memory.asked_lately(now)
        after_harm = (
            situations[0] == "suicidal" and memory.recent(now) and bool(set(HARMED) & set(memory.answered))
        )
        ask = timed or method or dying_too or (after_harm and not memory.asked_lately(now))
        together = situations[0] == "suicidal" and fragments.holds_word_of(text, "dying_together")
        together = together and not WITH_A_CHILD.search(
            text
        )  # 「この子と一緒に消えたい」: the baby's own reply
        ask = ask or together or (situations[0] == "child_dying" or (young and situations[0] == "suicidal"))
        who = relative_name(text) if situations[0] in ("relative_suicidal", "relative_self_harm") else ""
        friend = situations[0] == "relative_suicidal" and (names_a_friend(text) or memory.friend)
        messages = crisis_messages(
            now,
            situations,
            with_person=with_person,
            ask=ask,
            who=who,
            asked=asked,
            sent=sent,
            no_phone=no_phone,
            pills_kept=fragments.pills_kept(text),
            means_kept=means_at_hand(text) if situations[0] == "suicidal" else "",
            looking_down=situations[0] == "suicidal" and fragments.staring_at(text) == "place",
            friend=friend,
            young=young,
            minority=minority,
        )
        if together:  # 「母と一緒に消えてしまいたい」: the carer's own exhaustion, and rest for her first
            opening = Text(f"{messages[0].text}\n{catalog.text('crisis.dying_together')}".strip())
            messages = (opening, *messages[1:])
        return messages, memory.after(situations, now, asked=ask, method=method)
    if memory.asked_lately(now) and memory.method_named and fragments.still_at_place(text):
        outside = fragments.outside_place(text)
        messages = still_there_messages(now, situations, no_phone=no_phone, sent=sent, outside=outside)
        return messages, memory.after(situations, now)
    method = names_method(understanding)
    again = method and (not memory.method_named or fragments.says_misread(text))
    if (method or dying_too) and (not memory.asked_lately(now) or again):
        first = "crisis.method" if method else "crisis.dying_too"
        # asked again after `QUESTION_FRESH`, or for the first way of dying named; not for a correction
        ask = not memory.asked_within(now, QUESTION_FRESH) or (method and not memory.method_named)
        messages = method_messages(
            now, situations, with_person=with_person, no_phone=no_phone, first=first, ask=ask, sent=sent
        )
        if method:  # the lines were given minutes ago: one kept, and the kept pills spoken of
            messages = lines_again(messages, situations, now, no_phone=no_phone, text=text)
        return messages, memory.after(situations, now, asked=ask, method=method)
    if situations[0] == "self_harm" and copes(understanding, memory, now, text):
        messages = coping_messages(now, with_person=with_person, no_phone=no_phone, sent=sent, memory=memory)
        return messages, memory.after(situations, now, brief=True)
    pills = understanding is not None and "overdose" in understanding.crisis_kinds
    if situations[0] in ("suicidal", "child_dying") and not memory.question_settled(now):  # never asked
        brief, offer = again_messages(
            now,
            situations,
            with_person=with_person,
            pills=pills,
            turn=memory.brief,
            sent=sent,
            no_phone=no_phone,
        )
        kept = (Text(offer.text),) if sent or with_person else ()  # what becomes of it, without buttons
        question = direct_question(with_person=with_person, child=situations[0] == "child_dying")
        messages = (brief, *kept, question)
        return messages, memory.after(situations, now, asked=True, brief=True)
    if (
        situations[0] == "child"
        and understanding is not None
        and "talk.child_guidance" in understanding.intents
    ):
        guidance = child_guidance_text(
            now, text
        )  # 「じどうそうだんじょって いったら いえに くるの？」: her question
        if guidance is not None:
            offer = offer_text("crisis.again_offer", with_person=with_person, sent=sent)
            return (Text(guidance), offer), memory.after(situations, now, brief=True)
    messages = again_messages(
        now,
        situations,
        with_person=with_person,
        pills=pills,
        turn=memory.brief,
        sent=sent,
        no_phone=no_phone,
        friend=memory.friend or names_a_friend(text),
        minority=minority,
    )
    return messages, memory.after(situations, now, brief=True)


def supporter_writes(understanding: Understanding, text: str, memory: CrisisMemory) -> bool:
    """Whether a supporter writes of a client, and what was read is someone hurting someone or was read
    by the learned layer alone (「利用者様の年金を…使い込んでいる様子」「事業所経由でお願いいたします」): the
    turn gives a supporter's answer, never the lines for the one hurt. A supporter's own wish to die,
    read by a rule, is still answered at once."""
    roles = {
        e.value for e in understanding.entities if e.kind in ("writer", "relation") and e.about == "self"
    }
    supporter = memory.supporter or bool(roles & SUPPORTER_ROLES)
    supporter = supporter or fragments.holds_word_of(text, "supporter_self")
    if not supporter or understanding.learned_only("crisis"):
        return supporter
    report = fragments.holds_word_of(text, "abuse_report") or fragments.elder_money_held(text)
    return report and set(understanding.crisis_kinds) <= VIOLENCE_KINDS


def means_at_hand(text: str) -> str:
    """The means of dying (not pills: they have their own sentence) said to be at hand in `text`
    (「練炭買ってある」「ロープ用意してある」), else empty."""
    word = means_word(text)
    if word is None or word in PILL_WORDS or not fragments.holds_word_of(text, "means_kept"):
        return ""
    return word


def crisis_answer(
    text: str, now: datetime, memory: CrisisMemory | None = None
) -> tuple[tuple[Text, ...], CrisisMemory] | None:
    """The messages to send at once when `text` suggests danger to life, and the memory after; None otherwise.

    Pure (no I/O) and quick, for the webhook's fast path. `memory` is what the conversation knows, if
    anything: the same situation again within `REPEAT_WITHIN` gets the brief reply; a new or more
    acute one (pills taken after pills kept, a child hit after 「たすけて」) its whole fitted block.
    While a CSW holds the case (`memory.held`), the reply says the 相談員 sees the message.
    """
    memory = memory or CrisisMemory()
    understanding = as_told(feared_in_words(classify(text), text, None, memory.hurt), text)
    if understanding.crisis != "crisis":
        return None  # 「息子が壁を殴って穴を」 read as crisis by the model alone: the turn answers (保健所)
    if supporter_writes(understanding, text, memory):
        return None  # 「ケアマネジャーでございます…年金を使い込んで」: the turn answers a supporter
    if memory.asked_lately(now) and fragments.answers_yes_at_length(text):
        return None  # a yes to the direct question: the turn answers it (`answer_risk_at_length`)
    told = told_of_relative(text, memory.relative_lately(now))  # 「死にたいって言ってた」, 「お母さんが」
    situations = situations_of(understanding, None, told, memory.hurt)
    young = memory.child_writer and situations[0] == "relative_suicidal"
    return reply_for(understanding, situations, memory, now, with_person=memory.held, text=told, young=young)


def crisis_reply(text: str, now: datetime, *, memory: CrisisMemory | None = None) -> tuple[Text, ...] | None:
    """The messages to send at once when `text` suggests danger to life; None otherwise.

    When the bot sends these, it must pass `crisis_already_sent=True` to `dialogs.engine.handle` for
    the same text.
    """
    answer = crisis_answer(text, now, memory)
    return answer[0] if answer else None
