"""Answers about services and common questions, built from the municipality content.

Not a flow of its own: the menu answers from here, and the intake answers a question typed
between its own questions (a detour) before asking again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from dialogs import catalog, fragments
from dialogs.content import (
    FAQ_INTENTS,
    SERVICE_IDS,
    FaqIntent,
    Hotline,
    QuestionId,
    ServiceId,
    Window,
    current_content,
)
from dialogs.dialog import Dialog
from dialogs.flows import draft
from dialogs.flows.reply_due import open_handoff
from dialogs.intake_form import AGE_BANDS
from dialogs.messages import Choice
from dialogs.office_hours import WEEKDAYS, format_jp, format_time, is_open, next_opening, to_tokyo
from dialogs.understanding import classify

GATHERING_FAQS: dict[str, str] = {"faq.ibasho": "ibasho", "faq.family_group": "family_groups"}
"""FAQ intents whose answer lists the content's gatherings (居場所, 家族会)."""

GENERAL_FAQS = ("faq.what_is",)
"""FAQs so general (「どんなところですか」) that any other topic in the same message comes first."""

ABOUT_A_GATHERING = ("faq.how_to_reach", "faq.hours", "faq.family_alone")
"""FAQs that, asked with a gathering named (「家族会はいつどこで」「一人で行っても」), are about it."""


def service_choices() -> tuple[Choice, ...]:
    """One button per service, then back to the menu."""
    return (
        *(Choice(catalog.text(f"label.service.{s}"), f"service:{s}") for s in SERVICE_IDS),
        Choice(catalog.text("menu.back"), "menu"),
    )


def faq_choices() -> tuple[Choice, ...]:
    """One button per common question, then back to the menu."""
    return (
        *(Choice(catalog.text(f"label.{intent}"), f"faq:{intent}") for intent in FAQ_INTENTS),
        Choice(catalog.text("menu.back"), "menu"),
    )


def _after_choices(more: Choice) -> tuple[Choice, ...]:
    """The gentle ways forward after an answer: more of the same, prepare a consultation, or the menu."""
    return (
        more,
        Choice(catalog.text("menu.human"), "human"),
        Choice(catalog.text("menu.intake"), "intake"),
        Choice(catalog.text("menu.back"), "menu"),
    )


def _say_after(dialog: Dialog, key: str, more: Choice, **fields: object) -> None:
    """Close an answer with the ways forward; once a consultation is sent (and no CSW holds it yet),
    with the word that it has reached the person in charge, not an offer to prepare one."""
    if open_handoff(dialog) is None:
        dialog.say(key, _after_choices(more), **fields)
    else:
        dialog.say(f"{key}_sent", (more, Choice(catalog.text("menu.back"), "menu")), **fields)


def service_text(service_id: ServiceId) -> str:
    """What one service is, for whom, what it costs and how to reach it."""
    content = current_content()
    service = content.service(service_id)
    window = content.window(service.how_to_reach.window)
    return catalog.text(
        "service.answer",
        name=service.name,
        summary=service.summary,
        who=service.who,
        cost=service.cost,
        how_to_reach=service.how_to_reach.text,
        window_name=window.name,
        window_phone=window.phone,
        window_hours=window.hours_text,
        family_alone=catalog.text(f"service.family_alone.{'yes' if service.family_alone else 'no'}"),
    )


def _hotline_text(line: Hotline) -> str:
    """One line open tonight as the person reads it: name, number or address, hours, free."""
    notes = catalog.text("crisis.hotline_free") if line.free else ""
    reach = line.number or line.url
    return catalog.text(
        f"crisis.line.{line.channel}", name=line.name, reach=reach, hours=line.hours_text, notes=notes
    )


def closed_now_text(service_id: ServiceId, now: datetime) -> str | None:
    """When the service's window is closed at `now`: that it is closed, when it opens, and the lines for
    anything open now (「保健所って夜もやってますか」 at 2 a.m.); None while it is open."""
    content = current_content()
    window = content.window(content.service(service_id).how_to_reach.window)
    hours = current_content().window_hours(window)
    if is_open(now, hours):
        return None
    closed = catalog.text(
        "service.closed_now", window_name=window.name, opens=format_jp(next_opening(now, hours))
    )
    tonight = [
        line
        for line in content.hotlines
        if "anything" in line.kinds and line.hours_known and line.is_open_at(now)
    ]
    if not tonight:
        return closed
    lines = "\n".join(_hotline_text(line) for line in tonight)
    return "\n".join([closed, catalog.text("service.open_now", lines=lines)])


def faq_text(intent: FaqIntent, district_id: str | None) -> str:
    """The content's answer to a common question, with the gatherings listed where it asks for them."""
    content = current_content()
    text = content.faq_answer(intent, district_id=district_id)
    section = GATHERING_FAQS.get(intent)
    if section:
        gatherings = content.ibasho if section == "ibasho" else content.family_groups
        lines = [
            catalog.text("gathering.line", name=g.name, when=g.when, where=g.where, cost=g.cost)
            for g in gatherings
        ]
        text = "\n".join([text, *lines])
    return text


def district_of(dialog: Dialog) -> str | None:
    """The district the person chose in the intake, if any (for the nearest window)."""
    choice = dialog.data.get("intake", {}).get("answers", {}).get("district", {}).get("choice")
    return str(choice) if choice else None


def send_service(dialog: Dialog, service_id: ServiceId) -> None:
    """Answer about one service (and, asked in words while its window is closed, what is open now) and
    offer a gentle way forward."""
    dialog.send_content(service_text(service_id))
    _tell_if_closed(dialog, service_id)
    next_step = current_content().service(service_id).next_step
    _say_after(dialog, "answer.after", Choice(catalog.text("service.more"), "services"), next_step=next_step)


def send_faq(dialog: Dialog, intent: FaqIntent) -> None:
    """Answer one common question and offer a gentle way forward."""
    dialog.send_content(faq_text(intent, district_of(dialog)))
    _say_after(dialog, "answer.after_faq", Choice(catalog.text("faq.more"), "faqs"))


def question_text(dialog: Dialog, question_id: QuestionId) -> str:
    """The content's answer to a question, for the person's district and the hour it is asked (after the
    window's hours today, when the question asks whether one can still come today)."""
    content = current_content()
    answer = content.question_answer(question_id, district_id=district_of(dialog), now=dialog.now)
    question = content.questions[question_id]
    if question_id == TEXT_WAYS:
        window = (
            content.window(question.window)
            if question.window
            else content.window_for_district(district_of(dialog))
        )
        return "\n".join([answer, *text_ways_lines(dialog, window)])
    if question_id == CARE_SERVICES and young_carer(dialog):
        kodomo = content.window(content.questions[YOUNG_CARER].window or content.municipality.front_window)
        young = catalog.text(
            "care_services.young",
            window_name=kodomo.name,
            window_phone=kodomo.phone,
            window_hours=kodomo.hours_text,
        )
        return "\n".join([answer, young])
    if not question.tells_today:
        return answer
    window = (
        content.window(question.window)
        if question.window
        else content.window_for_district(district_of(dialog))
    )
    said_as = "call_now" if question_id == CALL_NOW else "visit_today"
    return "\n".join([today_at_window(window, dialog.now, said_as=said_as), answer])


CALL_NOW = "ask.call_now"
"""The question whether a call goes through now (「いま電話したらつながりますか」): opens with whether the
window is open now, by its hours (「はい、いま開いています」), not with coming to the window."""

CARE_SERVICES = "ask.care_services"
"""The question on care services and their cost (「ばあちゃんの介護サービスとかって使えるの？」): from a
young carer, it ends with a word for him and the children's window."""

YOUNG_CARER = "ask.young_carer"
"""The young carer's answer, whose window (the children's) is the one named to a young carer."""


def young_carer(dialog: Dialog) -> bool:
    """Whether the writer is a young person caring for a relative: told as a young carer earlier, or under
    18 by their own age (the form's asker, or an age said of themself)."""
    if dialog.data.get("young_carer_told"):
        return True
    answers = dialog.data.get("intake", {}).get("answers", {})
    if answers.get("asker_age_band", {}).get("choice") == "under_18":
        return True
    own = answers.get("asker", {}).get("choice") in (None, "self")
    return own and answers.get("age_band", {}).get("choice") == "under_18"


TEXT_WAYS = "ask.text_ways"
"""The question on consulting in writing (「メールかFAXでも大丈夫ですか」): its answer lists the ways the
content gives."""
FAX_WORDS = ("fax", "ファックス", "ファクス")


def text_ways_lines(dialog: Dialog, window: Window) -> list[str]:
    """The written ways to reach `window` that the content gives (mail, FAX), a word that FAX is not
    known when it was asked of a window without one, and the chat and LINE lines for anything."""
    lines = []
    if window.email:
        lines.append(catalog.text("text_ways.email", email=window.email, window_name=window.name))
    if window.fax:
        lines.append(catalog.text("text_ways.fax", fax=window.fax, window_name=window.name))
    typed = unicodedata.normalize("NFKC", dialog.user_input.text).lower()
    if not window.fax and any(word in typed for word in FAX_WORDS):
        lines.append(catalog.text("text_ways.no_fax"))
    chats = chat_lines_text()
    return [*lines, chats] if chats else lines


def chat_lines_text(now: datetime | None = None) -> str:
    """The chat and LINE lines for anything, as a short list (only those known open at `now`, when
    given); '' when there are none."""
    chats = [
        line
        for line in current_content().hotlines
        if line.channel != "phone"
        and "anything" in line.kinds
        and (now is None or (line.hours_known and line.is_open_at(now)))
    ]
    if not chats:
        return ""
    return catalog.text("text_ways.lines", lines="\n".join(_hotline_text(line) for line in chats))


def child_lines_text(now: datetime) -> str:
    """The children's lines where a person answers at `now` (子供SOSダイヤル, a chat for children), one a
    line; '' when none is open."""
    lines = [
        line
        for line in current_content().hotlines
        if "child_talk" in line.kinds and line.hours_known and line.is_open_at(now)
    ]
    return "\n".join(_hotline_text(line) for line in lines)


def writes_only(data: dict[str, Any]) -> bool:
    """Whether the person asked for answers in writing, or said they cannot phone (配慮 on the 受付票)."""
    told = str(data.get("intake", {}).get("answers", {}).get("considerations", {}).get("words", ""))
    no_phone = bool(data.get("crisis", {}).get("no_phone"))
    return no_phone or fragments.cannot_phone(told) or fragments.holds_word_of(told, "writes_only")


def today_at_window(window: Window, now: datetime, *, said_as: str = "visit_today") -> str:
    """Whether one can still come to the window today: open until when, opening later today, or closed
    today (a closed day, or its hours over) with when it next opens; `said_as` names the catalog keys
    (`call_now`: whether a call goes through now)."""
    hours = current_content().window_hours(window)
    local = to_tokyo(now)
    closed_day = hours.is_closed_day(local.date())
    today = [] if closed_day else [w for w in hours.weekly if WEEKDAYS[local.weekday()] in w.days]
    opens = format_jp(next_opening(now, hours))
    if not today:
        return catalog.text(f"{said_as}.closed_day", window_name=window.name, opens=opens)
    ahead = sorted((w for w in today if local.time() < w.end), key=lambda w: w.start)
    if not ahead:
        end = format_time(max(w.end for w in today))
        return catalog.text(f"{said_as}.over", window_name=window.name, end=end, opens=opens)
    span = ahead[0]
    if local.time() < span.start:
        return catalog.text(
            f"{said_as}.later",
            window_name=window.name,
            start=format_time(span.start),
            end=format_time(span.end),
        )
    return catalog.text(f"{said_as}.open", window_name=window.name, end=format_time(span.end))


def send_question(dialog: Dialog, question_id: QuestionId) -> None:
    """Answer a question about a service's rules (持ち家, who applies, which benefit) with a way forward."""
    dialog.send_content(question_text(dialog, question_id))
    _say_after(dialog, "answer.after_faq", Choice(catalog.text("service.more"), "services"))


def _tells_when_reachable(dialog: Dialog) -> bool:
    """Whether the message says when or how the person can be reached (「連絡は平日の夜なら電話でも
    大丈夫です」) rather than asking when the office is open."""
    understanding, text = dialog.understanding, dialog.user_input.text.strip()
    reach = ("contact", "contact_also", "contact_times")
    said = understanding is not None and any(e.kind in reach for e in understanding.entities)
    return said and not text.endswith(("?", "？", "か"))


def first_topic(dialog: Dialog) -> str | None:
    """The first question, service or FAQ the typed text asks about (the most specific first)."""
    intents = dialog.understanding.intents if dialog.understanding else ()
    return _first_of(intents, tells_when_reachable=_tells_when_reachable(dialog))


def _first_of(intents: Sequence[str], *, tells_when_reachable: bool) -> str | None:
    """The most specific question, service or FAQ among a reading's intents."""
    questions = [i for i in intents if i.startswith("ask.")]
    services = [i for i in intents if i.startswith("service.")]
    gathering = any(i in GATHERING_FAQS for i in intents)
    faqs = sorted(
        (i for i in intents if i.startswith("faq.") and not (i == "faq.hours" and tells_when_reachable)),
        key=lambda faq: faq in GENERAL_FAQS or (gathering and faq in ABOUT_A_GATHERING),
    )
    topics = questions + services + faqs
    return topics[0] if topics else None


SENTENCE = re.compile(r"[^。!?！？\n]+[。!?！？]*")
QUESTION_ENDS = ("?", "？", "か", "かな", "ください", "下さい", "教えて", "知りたい", "知りたいです")
"""How a sentence ends when it asks something (「…でしょうか」「…を教えてください」)."""


def topics_asked(dialog: Dialog) -> list[str]:
    """The topics typed text asks about: one per question when it asks two or more (「申請にはどのような
    書類が必要でしょうか。また、本日中に窓口へ伺うことは可能でしょうか。」), else its first topic."""
    first = _in_context(dialog, first_topic(dialog))
    asked = [
        sentence
        for sentence in SENTENCE.findall(dialog.user_input.text)
        if sentence.strip().rstrip("。!！ 　").endswith(QUESTION_ENDS)
    ]
    if first is None or len(asked) < 2:
        return [first] if first else []
    topics: list[str] = []
    for sentence in asked:
        topic = _first_of(classify(sentence).intents, tells_when_reachable=False)
        if topic is not None and topic not in topics:
            topics.append(topic)
    return topics or [first]


WELFARE_TOPICS = frozenset(
    {
        "service.public_assistance",
        "ask.own_home",
        "ask.apply_for_someone",
        "ask.which_benefit",
        "ask.welfare_fear",
        "ask.no_address",
        "ask.family_inquiry",
    }
)
"""Answers about 生活保護: right after one, a fear that the parents will be contacted (「親に連絡いくって
聞いたんですけど本当ですか」) asks about the 扶養照会, not about the council's own confidentiality."""


def _in_context(dialog: Dialog, topic: str | None) -> str | None:
    """The topic asked, read with the answer just given: the confidentiality question about relatives
    being told, right after an answer on 生活保護, is the question on the 扶養照会."""
    if topic != "faq.confidentiality":
        return topic
    answered = dialog.data.get(ANSWERED) or {}
    if answered.get("topic") not in WELFARE_TOPICS:
        return topic
    if dialog.now - datetime.fromisoformat(str(answered["at"])) > FOLLOW_UP_WITHIN:
        return topic
    entities = dialog.understanding.entities if dialog.understanding else ()
    relatives = any(entity.kind == "relation" for entity in entities)
    return "ask.family_inquiry" if relatives else topic


ANSWERED = "answered"
"""Where the conversation keeps the last topic answered in words, and when."""

FOLLOW_UP_WITHIN = timedelta(minutes=30)
"""A follow-up typed later than this after its answer is read on its own."""

FOLLOW_UPS: dict[str, tuple[tuple[str, str], ...]] = {
    "ask.without_phone": (("cannot_take_calls", "answer.without_phone_again"),),
    "ask.loan_shark": (
        ("police_named", "answer.loan_shark_police"),
        ("loan_shark_threats", "answer.loan_shark_again"),
    ),
    "ask.family_inquiry": (("family_reasons", "answer.family_inquiry_reason"),),
    "ask.after_prison": (
        ("family_cut_off", "answer.after_prison_family"),
        ("prison_stay", "answer.after_prison_stay"),
    ),
}
"""Answers whose short follow-up (a word list) is met with a reply of its own, the first list that holds
a word deciding: 「でれない」 right after hearing that the phone is not needed gets a brief reply; after
the 闇金 answer, a threat told (「家族にバラすぞって」) is heard briefly and 「警察いったら怒られますか」
hears that answer's core again, briefly; after the answer for leaving prison, no family to turn to
(「家族とは縁切れてます」) and the time inside (「4年いました」) are heard and kept. A reply that is a
question id sends the content's answer; one with a `<key>_more` form in the catalog alternates with it,
and from the third on a `<key>_brief` form is used where there is one, so no long text comes twice."""

ASKED = re.compile(r"[?？]|ほんま|本当|ほんと")
"""Marks of the topic's question asked again, not a follow-up (「闇金って返さんでもええってほんま？」)."""

FOLLOW_UP_MAX_CHARS = 12
"""A longer message is more than a follow-up to the last answer."""

FOLLOW_UP_LONGER: dict[str, int] = {"ask.loan_shark": 40, "ask.after_prison": 30, "ask.family_inquiry": 60}
"""Answers whose follow-ups run longer (「毎日電話くる　職場にも電話するって言われた」,
「家族とは縁切れてます」)."""


def told_time_inside(dialog: Dialog) -> bool:
    """Whether the message tells the time spent in prison (「4年いました」 right after the answer for leaving
    it, 「刑務所に4年いて、先週出所しました」 in one): a time served, not how long a withdrawal has lasted."""
    if dialog.user_input.kind != "text" or not fragments.holds_word_of(dialog.user_input.text, "prison_stay"):
        return False
    if dialog.understanding is not None and "ask.after_prison" in dialog.understanding.intents:
        return True
    answered = dialog.data.get(ANSWERED) or {}
    return answered.get("topic") == "ask.after_prison" and (
        dialog.now - datetime.fromisoformat(str(answered["at"])) <= FOLLOW_UP_WITHIN
    )


def answer_follow_up(dialog: Dialog) -> bool:
    """Answer a short follow-up to the last answer (「電話でないとまずい？」 then 「でれない」) briefly,
    keeping the words for the person in charge; False when the message is none."""
    answered = dialog.data.get(ANSWERED) or {}
    topic = str(answered.get("topic"))
    follow_ups = FOLLOW_UPS.get(topic)
    text = dialog.user_input.text.strip()
    if follow_ups is None or not 0 < len(text) <= FOLLOW_UP_LONGER.get(topic, FOLLOW_UP_MAX_CHARS):
        return False
    if dialog.now - datetime.fromisoformat(str(answered["at"])) > FOLLOW_UP_WITHIN:
        return False
    intents = dialog.understanding.intents if dialog.understanding else ()
    if topic in intents and ASKED.search(text):
        return False  # 「闇金って返さんでもええってほんま？」: the question asked again, answered in full
    key = next((key for words, key in follow_ups if fragments.holds_word_of(text, words)), None)
    if key is None:
        return False
    draft.keep_typed(dialog)
    if key.startswith("ask."):
        send_question(dialog, cast(QuestionId, key))
        return True
    count = int(answered.get("follow_ups", 0))
    answered["follow_ups"] = count + 1
    if count >= 2 and f"{key}_brief" in catalog.entries():
        key = f"{key}_brief"
    elif count % 2 and f"{key}_more" in catalog.entries():
        key = f"{key}_more"
    _say_after(dialog, key, Choice(catalog.text("faq.more"), "faqs"))
    return True


QUESTION_CONSIDERATIONS: dict[str, str] = {
    "ask.without_going_out": "consideration.cannot_go_out",
    "ask.sign_language": "consideration.sign_language",
    "ask.emergency_without_voice": "consideration.no_phone",
    "ask.visa": "consideration.visa",
    "ask.family_inquiry": "consideration.family_inquiry",
}
"""Questions that tell a consideration for the person in charge (「人いるとこむり」 → 外出が難しい), with
the catalog's words for the 受付票."""


def _note_considerations(dialog: Dialog, topics: Sequence[str]) -> None:
    """Keep the consideration each question asked tells, for the 受付票."""
    for topic in topics:
        if topic in QUESTION_CONSIDERATIONS:
            draft.note_consideration(dialog, catalog.text(QUESTION_CONSIDERATIONS[topic]))


STAFF_QUESTION_MAX_CHARS = 80
"""A longer message that names the staff tells a story; it is not a question about them."""


def asks_about_staff(dialog: Dialog) -> bool:
    """Whether typed text asks what the staff are like or fears them (「相談員ってどんな人ですか。怒られたり
    しない？」): it names them (`staff_named`) and asks or fears (`asks_about_staff`)."""
    text = dialog.user_input.text if dialog.user_input.kind == "text" else ""
    return (
        0 < len(text.strip()) <= STAFF_QUESTION_MAX_CHARS
        and fragments.holds_word_of(text, "staff_named")
        and fragments.holds_word_of(text, "asks_about_staff")
    )


WANTS_IT_WITHIN = timedelta(minutes=30)
"""How soon after an answer 「それを頼みたい」 still asks for what it told of."""

WANTS_IT_MAX_CHARS = 40
"""A longer message tells more than that it wants what was just told of."""

HOPE_OF_TOPIC = {"faq.outreach": "visit"}
"""The hope a wish for what an answer told of is (「ソレヲ タノミタイ」 after the home-visit answer: 訪問)."""


def wants_what_was_answered(dialog: Dialog) -> bool:
    """Take 「それを頼みたい」 just after an answer that told of something to ask for (the home visit) as that
    hope on the draft, and say so with the way to a person; False when the words ask for nothing told."""
    answered = dialog.data.get(ANSWERED) or {}
    hope = HOPE_OF_TOPIC.get(str(answered.get("topic")))
    text = dialog.user_input.text if dialog.user_input.kind == "text" else ""
    if hope is None or not text.strip() or len(text.strip()) > WANTS_IT_MAX_CHARS:
        return False
    at = answered.get("at")
    if not isinstance(at, str) or dialog.now - datetime.fromisoformat(at) > WANTS_IT_WITHIN:
        return False
    if dialog.understanding is not None and dialog.understanding.crisis != "none":
        return False
    if not fragments.holds_word_of(text, "wants_that"):
        return False
    form = dialog.data.setdefault("intake", draft.empty_form())
    choices = form.setdefault("answers", {}).setdefault("hopes", {"choices": []}).setdefault("choices", [])
    if hope not in choices:
        choices.append(hope)
    dialog.data.pop(ANSWERED, None)
    dialog.say(
        "answer.wants_it",
        (Choice(catalog.text("menu.human"), "human"), Choice(catalog.text("menu.back"), "menu")),
        hope=catalog.text(f"opt.hopes.{hope}"),
    )
    return True


def answer_typed(dialog: Dialog) -> bool:
    """Answer each question, service or FAQ typed text asks about, with a way forward; False when none."""
    if asks_about_staff(dialog):
        dialog.say("answer.about_staff", _after_choices(Choice(catalog.text("faq.more"), "faqs")))
        return True
    topics = topics_asked(dialog)
    if not topics:
        return False
    _note_considerations(dialog, topics)
    dialog.data[ANSWERED] = {"topic": topics[-1], "at": dialog.now.isoformat()}
    _say_phone_is_fine(dialog, topics)
    for earlier in topics[:-1]:
        _send_answer(dialog, earlier)
    topic = topics[-1]
    if topic.startswith("ask."):
        send_question(dialog, cast(QuestionId, topic))
    elif topic.startswith("service."):
        send_service(dialog, cast(ServiceId, topic.removeprefix("service.")))
    else:
        send_faq(dialog, cast(FaqIntent, topic))
    return True


def answer_detour(dialog: Dialog) -> bool:
    """Answer the questions, services or FAQs asked between intake questions, without choices; False when
    none."""
    about_staff = asks_about_staff(dialog)
    if about_staff:
        dialog.say("answer.about_staff")
    topics = topics_asked(dialog)
    _note_considerations(dialog, topics)
    _say_phone_is_fine(dialog, topics)
    for topic in topics:
        _send_answer(dialog, topic)
    return bool(topics) or about_staff


PHONE_ASKED_RULE = "#phone_consult_asked"
"""The rule that reads a polite question whether one may consult by phone
(「電話での相談はできますでしょうか」)."""


def _say_phone_is_fine(dialog: Dialog, topics: list[str]) -> None:
    """Open the answer on how to reach the window with a plain yes when the person asked whether they
    may consult by phone (「電話での相談はできますでしょうか」「でんわで はなせますか」): the number and
    hours follow."""
    evidence = dialog.understanding.evidence if dialog.understanding is not None else ()
    if "faq.how_to_reach" in topics and any(e.rule.endswith(PHONE_ASKED_RULE) for e in evidence):
        dialog.say("answer.phone_yes")


def _send_answer(dialog: Dialog, topic: str) -> None:
    """Send the answer to one question, service or FAQ, with no choices."""
    if topic.startswith("ask."):
        dialog.send_content(question_text(dialog, cast(QuestionId, topic)))
    elif topic.startswith("service."):
        service_id = cast(ServiceId, topic.removeprefix("service."))
        dialog.send_content(service_text(service_id))
        _tell_if_closed(dialog, service_id)
    else:
        dialog.send_content(faq_text(cast(FaqIntent, topic), district_of(dialog)))


def _tell_if_closed(dialog: Dialog, service_id: ServiceId) -> None:
    """After a service asked about in words, say plainly if its window is closed now and what is open."""
    if dialog.user_input.kind != "text":
        return
    closed = closed_now_text(service_id, dialog.now)
    if closed is not None:
        dialog.send_content(closed)


def _ages_of_band(band: str) -> tuple[int, int]:
    """The youngest and the oldest age of an age band (「65_plus」: 65 and over)."""
    bounds = [bound for bound, _ in AGE_BANDS]
    index = [name for _, name in AGE_BANDS].index(band)
    return (bounds[index - 1] if index else 0), bounds[index] - 1


def _serves(window: Window, band: str | None) -> bool:
    """Whether a window takes people of the age band (any window does when the age is not known)."""
    if band is None:
        return True
    youngest, oldest = _ages_of_band(band)
    ages = window.ages
    return not (
        (ages.min_age is not None and oldest < ages.min_age)
        or (ages.max_age is not None and youngest > ages.max_age)
    )


def _window_for_age(band: str | None) -> Window | None:
    """The window set apart for the age band (地域包括 for 65 and over, 子ども家庭支援センター under 18)."""
    if band is None:
        return None
    youngest, oldest = _ages_of_band(band)
    for window in current_content().windows:
        ages = window.ages
        bounded = ages.min_age is not None or ages.max_age is not None
        if bounded and (ages.min_age or 0) <= youngest and (ages.max_age is None or oldest <= ages.max_age):
            return window
    return None


def _story_concerns(dialog: Dialog) -> list[str]:
    """The worries told so far and in this message: violence at home first, then the relative's (or
    neighbour's) before the writer's own; violence by a partner is left to the DV lines the crisis reply
    gave."""
    stored: dict[str, Any] = dialog.data.get("intake", {})
    told = stored.get("answers", {}).get("concerns", {})
    now = dialog.understanding.concerns if dialog.understanding else ()
    concerns = [*told.get("choices", []), *(c for c in now if c not in told.get("choices", []))]
    if "partner" in stored.get("violence", {}).get("by", []):
        concerns = [c for c in concerns if c != "violence"]
    whose = told.get("about", {})
    return sorted(concerns, key=lambda concern: (concern != "violence", whose.get(concern) != "other"))


def _window_line(key: str, window: Window, **fields: object) -> str:
    """One line naming a window with its phone and hours."""
    return catalog.text(
        key, window_name=window.name, window_phone=window.phone, window_hours=window.hours_text, **fields
    )


def windows_for_story(dialog: Dialog) -> list[str]:
    """One line per window that is the first place for what the person has told: the window set apart for
    the age of the one they write about, alone (it takes the whole story), else one per worry
    (`for_concerns` in the content), leaving out windows that do not take that age, then the window set
    apart for the writer's own age (a mother of 70 and her son of 45 → ひだまり, then 地域包括); with a
    story that names no worry yet, the front desk (「娘が高校を中退してから家にいます」)."""
    form_answers = dialog.data.get("intake", {}).get("answers", {})
    band = form_answers.get("age_band", {}).get("choice")
    for_age = _window_for_age(band)
    if for_age is not None:
        return [_window_line("guidance.age_window_line", for_age, ages=for_age.ages.text)]
    lines = _concern_lines(_story_concerns(dialog), band)
    writers = _window_for_age(form_answers.get("asker_age_band", {}).get("choice"))
    writes_for_a_relative = form_answers.get("asker", {}).get("choice") == "family" and bool(lines)
    if writers is not None and writes_for_a_relative and not any(writers.name in line for line in lines):
        lines.append(_window_line("guidance.age_window_line", writers, ages=writers.ages.text))
    if not lines and draft.has_anything(dialog.data):  # told something, no worry named: the front desk
        front = current_content().window_for_district(district_of(dialog))
        lines.append(_window_line("guidance.front_window_line", front, handles=front.handles[0]))
    return lines


def _concern_lines(concerns: Sequence[str], band: str | None) -> list[str]:
    """One line per service that is the first place for a concern and takes people of the age band."""
    content = current_content()
    lines: list[str] = []
    named: set[str] = set()
    for concern in concerns:
        service_id = next(
            (
                s
                for s in SERVICE_IDS
                if concern in content.service(s).for_concerns
                and _serves(content.window(content.service(s).how_to_reach.window), band)
            ),
            None,
        )
        if service_id is None or service_id in named:
            continue
        named.add(service_id)
        service = content.service(service_id)
        window = content.window(service.how_to_reach.window)
        worry = catalog.text(f"person.concern.{concern}")
        lines.append(_window_line("guidance.window_line", window, worry=worry, name=service.name))
    return lines
