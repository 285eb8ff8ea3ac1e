"""The lines to give: which are open now, in what order, and the texts that list them."""

from __future__ import annotations

from datetime import datetime

from dialogs import catalog, fragments
from dialogs.content import (
    URGENT_SITUATIONS,
    Hotline,
    current_content,
)
from dialogs.crisis.memory import CrisisMemory, last_situations, memory_of
from dialogs.crisis.situations import (
    LATER_TOO,
    LINES_FOR,
    LINES_TOO,
    PARTNER_ONLY_KINDS,
    SITUATIONS,
    UNNAMED_URGENT_SITUATIONS,
    URGENT_KIND_SITUATIONS,
    WITHOUT_LINES,
    Situation,
)
from dialogs.dialog import Dialog
from dialogs.messages import Choice, Text
from dialogs.office_hours import is_open
from dialogs.understanding.model import Understanding
from dialogs.understanding.normalize import normalize_with_spans


def lines_open_now(situations: tuple[Situation, ...], now: datetime) -> tuple[list[Hotline], list[Hotline]]:
    """(phone lines, chat and LINE lines) for the situations, open at `now`, best fitting first."""
    lines = [
        line
        for line in current_content().hotlines
        if line.hours_known and line.is_open_at(now) and "emergency" not in line.kinds
    ]
    if situations and situations[0] == "family":  # a parent's violence: no partner's line
        lines = [line for line in lines if not set(line.kinds) <= PARTNER_ONLY_KINDS]
    fitting: list[Hotline] = []
    for situation in situations:
        kinds = (
            LINES_FOR.get(situation, situation),
            *((LINES_TOO[situation],) if situation in LINES_TOO else ()),
        )
        for kind in kinds:
            fitting += [line for line in lines if kind in line.kinds and line not in fitting]
    fitting += [line for line in lines if "anything" in line.kinds and line not in fitting]
    return (
        [line for line in fitting if line.channel == "phone"],
        [line for line in fitting if line.channel != "phone"],
    )


def _later_lines(situation: Situation, now: datetime) -> list[Hotline]:
    """The situation's own phone lines, closed now but with known hours, when none of them is open."""
    kind = LINES_FOR.get(situation, situation)
    own = [
        line
        for line in current_content().hotlines
        if kind in line.kinds and line.channel == "phone" and line.hours_known
    ]
    if situation in LATER_TOO:
        return [line for line in own if not line.is_open_at(now)]
    if any(line.is_open_at(now) for line in own):
        return []
    return own


def text_of_line(line: Hotline) -> str:
    """One line as the person reads it: name, number or address, hours, free."""
    notes = catalog.text("crisis.hotline_free") if line.free else ""
    return catalog.text(
        f"crisis.line.{line.channel}",
        name=line.name,
        reach=line.number or line.url,
        hours=line.hours_text,
        notes=notes,
    )


def offer_text(key: str, *, with_person: bool = False, sent: bool = False) -> Text:
    """The closing message: tell a person (unless one is already reading, or the case was sent: then
    what becomes of this message), or carry on."""
    if with_person:
        return Text(catalog.text("crisis.offer_with_person"))
    if sent:  # carry on, or the menu (whose 「担当者と話したい」 still reaches a person): no second hand-off
        return Text(
            catalog.text("crisis.offer_sent" if key == "crisis.offer" else "crisis.again_offer_sent"),
            (Choice(catalog.text("crisis.continue"), "resume"), Choice(catalog.text("nav.menu"), "menu")),
        )
    return Text(
        catalog.text(key),
        (
            Choice(catalog.text("crisis.human"), "human"),
            Choice(catalog.text("crisis.continue"), "resume"),
        ),
    )


def heard_text(*, reached: bool, child: bool = False) -> str:
    """The words that open a brief reply: that they reached a person only when a case was sent or a
    person is reading (`reached`); otherwise that this automatic reply read them, not yet a person."""
    who = ".child" if child else ""
    return catalog.text(f"crisis.heard{who}.{'sent' if reached else 'bot'}")


def heard_in(dialog: Dialog, *, child: bool = False) -> str:
    """`heard_text` for the conversation: a case sent, or a person reading it now."""
    reached = memory_of(dialog.data).sent or bool(dialog.data.get("with_person"))
    return heard_text(reached=reached, child=child)


def offer_to(dialog: Dialog, key: str) -> Text:
    """The closing message fitted to the conversation: a CSW reading, a case sent, or neither."""
    return offer_text(key, with_person=bool(dialog.data.get("with_person")), sent=memory_of(dialog.data).sent)


def hotline_list(now: datetime) -> Text:
    """Every line open at `now`, asked for from the rich menu (no urgency is raised)."""
    phones, chats = lines_open_now(SITUATIONS, now)
    lines = "\n".join(text_of_line(line) for line in [*phones, *chats])
    return Text(catalog.text("hotlines.on_request", lines=lines))


def crisis_messages(
    now: datetime,
    situations: tuple[Situation, ...] = ("suicidal",),
    *,
    with_person: bool = False,
    ask: bool = False,
    who: str = "",
    asked: bool = False,
    sent: bool = False,
    no_phone: bool = False,
    pills_kept: bool = False,
    means_kept: str = "",
    looking_down: bool = False,
    friend: bool = False,
    young: bool = False,
    minority: bool = False,
) -> tuple[Text, ...]:
    """The first crisis reply: safety now, the fitting lines open at `now`, and the offer of a person
    (after a case was sent, that this message reached it); with `ask` (a way of dying named, or
    thoughts of dying beside violence), the direct question last, with buttons to answer it.

    `who` names the relative whose words about dying the family tells of (`friend`: a friend, partner
    or colleague, whose reply says what a friend can do); `asked` (whether to call 119
    or 110) opens the reply with a plain yes and what to do. Someone unseen or missing gets no lines,
    only 110/119. Someone who cannot phone (`no_phone`) reads the chat and LINE lines first; someone
    who keeps pills (`pills_kept`) is told they can be handed to someone or to a pharmacy, one who has
    another means at hand (`means_kept`, 「練炭買ってある」) to put it out of reach tonight, one who keeps
    looking down from a high place or at the tracks (`looking_down`) to move away from it. Someone whose
    age is not known and who may be a child (`young`: hurt by a parent, put out of home), or a child told
    of a parent's words about dying, is told the children's lines too (the latter in a child's words);
    words of being a sexual minority (`minority`) name a line's service for it."""
    first_key = f"crisis.call_yes.{situations[0]}" if asked else f"crisis.first.{situations[0]}"
    if friend and f"{first_key}.friend" in catalog.entries():  # what a friend can do, not a family
        first_key += ".friend"
    elif young and f"{first_key}.child" in catalog.entries():  # 「お母さんが死にたいって」 from a child of 14
        first_key += ".child"
    first = Text(catalog.text(first_key, who=who or catalog.text("crisis.relative.family")))
    offer = offer_text("crisis.offer", with_person=with_person, sent=sent)
    if situations[0] in WITHOUT_LINES:
        return (first, offer)
    lines = lines_text(situations, now, no_phone=no_phone)
    later = _later_lines(situations[0], now)
    if later:
        lines += "\n" + catalog.text("crisis.later", lines="\n".join(text_of_line(line) for line in later))
    if pills_kept:
        lines += "\n" + catalog.text("crisis.pills_kept_away")
    elif means_kept:
        lines += "\n" + catalog.text("crisis.means_kept_away", means=means_kept)
    if looking_down:
        lines += "\n" + catalog.text("crisis.place_away")
    if young:
        lines += young_lines_text(now, lines)
    if minority:
        lines += minority_lines_text(now)
    if ask:
        question = direct_question(with_person=with_person, child=situations[0] == "child_dying")
        return (first, Text(lines), Text(offer.text), question)
    return (first, Text(lines), offer)


def young_lines_text(now: datetime, told: str = "") -> str:
    """The children's phone lines open now not already in `told`, for a writer whose age is not known
    (「18歳未満のときは…」), opening with a line end; '' when none is left."""
    phones, _ = lines_open_now(("child",), now)
    left = [line for line in phones if "child" in line.kinds and line.number not in told]
    if not left:
        return ""
    return (
        "\n" + catalog.text("crisis.young_too", lines="\n".join(text_of_line(line) for line in left)).strip()
    )


def minority_lines_text(now: datetime) -> str:
    """What lines open now offer sexual minorities (「ゲイってばれて…」), opening with a line end; ''
    when the content names none."""
    said = [
        catalog.text("crisis.minority_line", name=line.name, service=line.minorities).strip()
        for line in current_content().hotlines
        if line.minorities and line.hours_known and line.is_open_at(now)
    ]
    return "".join(f"\n{text}" for text in said)


def lines_text(situations: tuple[Situation, ...], now: datetime, *, no_phone: bool = False) -> str:
    """The fitting phone lines open now, then the chat and LINE ones (those first for `no_phone`)."""
    phones, chats = lines_open_now(situations, now)
    phone_text = catalog.text("crisis.phones", lines="\n".join(text_of_line(line) for line in phones))
    if not chats:
        return phone_text
    if no_phone:
        chat_text = catalog.text("crisis.chats_first", lines="\n".join(text_of_line(line) for line in chats))
        return "\n".join((chat_text, phone_text))
    return "\n".join(
        (phone_text, catalog.text("crisis.chats", lines="\n".join(text_of_line(line) for line in chats)))
    )


def direct_question(*, with_person: bool, child: bool = False) -> Text:
    """The direct question about dying, with buttons to answer it (and to be heard by a person); to a
    child (`child`), in a child's words, with whether the place is safe."""
    choices: tuple[Choice, ...] = (
        Choice(catalog.text("risk.yes"), "risk:yes"),
        Choice(catalog.text("risk.no"), "risk:no"),
    )
    if not with_person:
        choices = (*choices, Choice(catalog.text("risk.listen"), "human"))
    return Text(catalog.text("crisis.child_ask" if child else "crisis.method_ask"), choices)


def dv_messages(now: datetime) -> tuple[Text, ...]:
    """Signs of violence from a partner short of crisis: not your fault, 110 if in danger, the DV lines."""
    return (Text(catalog.text("dv.signs")), Text(lines_text(("violence",), now)))


def again_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    with_person: bool = False,
    pills: bool = False,
    turn: int = 0,
    sent: bool = False,
    no_phone: bool = False,
    friend: bool = False,
    minority: bool = False,
) -> tuple[Text, ...]:
    """The brief reply to a second trigger: heard, one fitting line open now, and a person.

    A child hurt at home hears two children's lines (189 and 子供SOS), in her own short words; words of
    being a sexual minority (`minority`) name a line's service for it.

    About pills (`pills`, or pills already taken) it names 119 first, every time. Brief replies in a
    row (`turn`, counted from 0) take turns between two wordings and two lines, so the same cry again
    never gets the last reply word for word. Someone who cannot phone (`no_phone`) is given a chat or
    LINE line.
    """
    phones, chats = lines_open_now(situations, now)
    fitting = sorted(phones + chats, key=lambda line: "anything" in line.kinds)  # DV相談＋ before よりそい
    if no_phone and chats:
        fitting = chats + phones
    variant = ".b" if turn % 2 else ""
    first = fitting[1:2] if variant and len(fitting) > 1 else fitting[:1]
    if situations[0] == "child" and len(fitting) > 1 and not no_phone:
        first = fitting[:2]
    line = "\n".join(text_of_line(one) for one in first) if first else catalog.text("crisis.again_emergency")
    key = "crisis.again_overdose" if pills or situations[0] == "overdose" else "crisis.again"
    if situations[0] == "overdose":
        key = "crisis.again_overdose_taken"  # 「20錠くらい？」 after pills taken: 119 now, not "if"
    if key == "crisis.again" and situations[0] == "self_harm":
        key = "crisis.again_self_harm"  # 「血が止まらない」 again: how to stop the bleeding, and 119
    if situations[0] in (
        "at_home",
        "home_violence",
        "parent",
        "grown_child",
        "relative_suicidal",
        "relative_self_harm",
        "unseen",
        "neglect",
        "missing",
        "family",
        "child",
        "child_dying",
    ):  # a child unfed: never 110
        key = f"crisis.again_{situations[0]}"
    if friend and situations[0] == "relative_suicidal":
        key = "crisis.again_friend_suicidal"  # a friend: not 「ご家族のことが」
    child = situations[0] in ("child", "child_dying", "neglect")
    text = catalog.text(key + variant, line=line, heard=heard_text(reached=with_person or sent, child=child))
    if minority:
        text = text.rstrip("\n") + minority_lines_text(now)
    if with_person or sent:
        return (Text(text), offer_text("crisis.offer", with_person=with_person, sent=sent))
    return (Text(text), offer_text("crisis.again_offer" + variant))


def method_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    with_person: bool = False,
    no_phone: bool = False,
    first: str = "crisis.method",
    ask: bool = True,
    sent: bool = False,
) -> tuple[Text, ...]:
    """A way of dying named after the first reply (often after a denial), or thoughts of dying told beside
    violence already answered (`first`: "crisis.dying_too"): safety now with 119 and 110, the lines
    open now, and one gentle, direct question with buttons to answer it (without `ask`, when it was
    asked minutes ago: the offer of a person instead)."""
    last = (
        direct_question(with_person=with_person)
        if ask
        else offer_text("crisis.again_offer", with_person=with_person, sent=sent)
    )
    return (Text(catalog.text(first)), Text(lines_text(situations, now, no_phone=no_phone)), last)


def still_there_messages(
    now: datetime,
    situations: tuple[Situation, ...],
    *,
    no_phone: bool = False,
    sent: bool = False,
    outside: bool = False,
) -> tuple[Text, ...]:
    """Still at the place named after the question (「まだベランダ。寒い」): go inside, away from the edge,
    someone near, 119/110, and one line to reach now (a chat line for someone who cannot phone). A place
    outside (`outside`: 「まだ橋の上」) gets away from the edge to a safe spot or to people instead."""
    key = "crisis.still_at_place_outside" if outside else "crisis.still_at_place"
    line = one_line_now(now, situations, no_phone=no_phone)
    return (Text(catalog.text(key, line=line)), offer_text("crisis.again_offer", sent=sent))


COPING_RULES = ("#cutting_calms",)
"""Lexicon rules that tell of cutting to cope (「やると落ち着く」「切ったら楽になる」)."""


def copes(understanding: Understanding | None, memory: CrisisMemory, now: datetime, text: str) -> bool:
    """Whether more words after cutting was answered tell of cutting to cope (「別に死にたいわけじゃない。
    やると落ち着くだけ」) or come after the bleeding stopped, and nothing of a wound bleeding now."""
    if fragments.tells_of_body(text, "self_harm"):
        return False
    found = [e.rule for e in understanding.evidence if e.label == "crisis"] if understanding else []
    coping = any(rule in name for name in found for rule in COPING_RULES)
    return coping or memory.bleeding_stopped(now)


def coping_messages(
    now: datetime, *, with_person: bool, no_phone: bool, sent: bool, memory: CrisisMemory
) -> tuple[Text, ...]:
    """Cutting to cope, without wanting to die: heard without a lecture, the wound named only while it
    may still bleed, a line to write or talk to (chat first), and a person; no first aid again."""
    phones, chats = lines_open_now(("self_harm",), now)
    reach = (chats + phones)[:1] if no_phone or not phones else (chats[:1] or phones[:1])
    line = text_of_line(reach[0]) if reach else catalog.text("crisis.again_emergency")
    key = "crisis.coping_self_harm" if memory.bleeding_stopped(now) else "crisis.coping_self_harm.unsure"
    return (
        Text(catalog.text(key, line=line)),
        offer_text("crisis.again_offer", with_person=with_person, sent=sent),
    )


def child_guidance_text(now: datetime, text: str = "") -> str | None:
    """For a child asking what a 児童相談所 does (and fearing the family will find out): what it is, that
    she may say that fear first, and the line open now; asked whether it sends her home or to a 施設
    (「じそうにいったら家にもどされる？それともしせつ？」「じそう いきたくない」), what 一時保護 is for,
    honestly. None when the content has no such line."""
    phones, chats = lines_open_now(("child",), now)
    told = [line for line in [*phones, *chats] if line.about]
    if not told:
        return None
    key = "crisis.child_guidance_where" if fragments.holds_word_of(text, "child_guidance_where") else ""
    return catalog.text(key or "crisis.child_guidance_fear", about=told[0].about, line=text_of_line(told[0]))


def urgent_guidance_text(understanding: Understanding, now: datetime) -> str:
    """What to do for each urgent situation the reading names (tonight's needs if none is named).

    No bed tonight comes first and whole; every other need named with it gets one line between them
    (the home: `urgent.home_too`, else `urgent.also`), so the office hours are told once."""
    content = current_content()
    named = {URGENT_KIND_SITUATIONS.get(kind) for kind in understanding.crisis_kinds}
    if "no_place_tonight" in named and "housing" in understanding.concerns:
        named.add("losing_home")  # a home about to be lost: tonight's bed and how to keep a home
    situations = [s for s in URGENT_SITUATIONS if s in named] or list(UNNAMED_URGENT_SITUATIONS)
    if "no_place_tonight" not in situations or len(situations) == 1:
        return "\n".join(content.urgent_guidance(situation, now) for situation in situations)
    others = [s for s in situations if s != "no_place_tonight"]
    hours = "during" if is_open(now, content.office_hours) else "after"
    window = content.window(content.temporary_living_info.window)
    if others == ["losing_home"]:
        also = catalog.text(f"urgent.home_too.{hours}", window_name=window.name)
    else:
        topics = catalog.text("summary.separator").join(catalog.text(f"urgent.topic.{s}") for s in others)
        also = catalog.text(f"urgent.also.{hours}", topics=topics, window_name=window.name)
    return "\n".join((content.urgent_guidance("no_place_tonight", now), also.strip()))


def first_line_with_about(situations: tuple[Situation, ...], now: datetime) -> Hotline | None:
    """The best fitting line open now that says what it is (for someone who fears the police)."""
    phones, chats = lines_open_now(situations, now)
    told = [line for line in [*phones, *chats] if line.about]
    return min(told, key=lambda line: "anything" in line.kinds, default=None)  # DV相談＋ before よりそい


def _first_open_line(situations: tuple[Situation, ...], now: datetime, *, no_phone: bool) -> Hotline | None:
    """The best fitting line open at `now`, one to write to first for someone who cannot phone."""
    phones, chats = lines_open_now(situations, now)
    return next(iter(chats + phones if no_phone else phones + chats), None)


def one_line_now(now: datetime, situations: tuple[Situation, ...], *, no_phone: bool) -> str:
    """One line to reach now (a chat line first for someone who cannot phone), or 119/110 if none is open."""
    line = _first_open_line(situations, now, no_phone=no_phone)
    return text_of_line(line) if line else catalog.text("crisis.again_emergency")


def written_line_first(situations: tuple[Situation, ...], now: datetime) -> str:
    """One line open at `now` for these situations, a chat line before a phone line (110/119 if none)."""
    return one_line_now(now, situations, no_phone=True)


def home_violence_messages(now: datetime) -> tuple[Text, ...]:
    """Shouting or banging from a grown child or another relative at home, short of being hit: not
    your fault, 110 if in danger, the 保健所 / 精神保健福祉センター and the lines open now."""
    lines = [lines_text(("home_violence",), now)]
    later = _later_lines("home_violence", now)
    if later:
        lines.append(catalog.text("crisis.later", lines="\n".join(text_of_line(line) for line in later)))
    return (Text(catalog.text("dv.home_signs")), Text("\n".join(lines)))


def elder_window_line() -> str:
    content = current_content()
    window = content.window(content.service("elderly_center").how_to_reach.window)
    return catalog.text(
        "crisis.elder_window_line", name=window.name, phone=window.phone, hours=window.hours_text
    ).strip()


NAME_PART_CHARS = 4
"""The shortest part of a line's name that names it (「いばしょ」 for あなたのいばしょ)."""


def named_lines(text: str) -> list[Hotline]:
    """The crisis lines the words name, by their name or a distinctive part of it (「いばしょ」「よりそい」;
    not 「チャット」, which names a way to reach a line)."""
    written = normalize_with_spans(text).text
    named = []
    for line in current_content().hotlines:
        name = normalize_with_spans(line.name.split("（")[0]).text
        parts = {name[:end] for end in range(NAME_PART_CHARS, len(name) + 1)}
        parts |= {name[start:] for start in range(len(name) - NAME_PART_CHARS + 1)}
        distinct = [part for part in parts if not part.endswith("の") and not fragments.names_a_channel(part)]
        if any(part in written for part in distinct):
            named.append(line)
    return named


def phone_and_chat(dialog: Dialog) -> str:
    """One phone line and one line to write to, open now for the last crisis reply's situations (only
    the one to write to when the person said they cannot phone)."""
    phones, chats = lines_open_now(last_situations(dialog), dialog.now)
    reach = chats[:1] if memory_of(dialog.data).no_phone and chats else phones[:1] + chats[:1]
    if not reach:
        return catalog.text("crisis.again_emergency")
    return "\n".join(text_of_line(line) for line in reach)


def lines_again(
    messages: tuple[Text, ...], situations: tuple[Situation, ...], now: datetime, *, no_phone: bool, text: str
) -> tuple[Text, ...]:
    """A way of dying named after the lines were given in full (「薬ためてあるから、いざとなったら」 after
    「もう全部おわりにしたい」): the block of lines becomes one line with a word that the ones given still
    answer, and pills said to be kept get how to put them out of reach."""
    reach = _first_open_line(situations, now, no_phone=no_phone)
    if reach is None or len(messages) < 2:
        return messages
    said = catalog.text("crisis.lines_again", line=text_of_line(reach))
    if fragments.pills_kept(text):
        said += "\n" + catalog.text("crisis.pills_kept_away")
    return (messages[0], Text(said.strip()), *messages[2:])


def chat_line_first(dialog: Dialog) -> str:
    """One line open now for the last crisis reply's situations, one to write to before one to phone."""
    return written_line_first(last_situations(dialog), dialog.now)


def dv_line_texts() -> list[str]:
    """The lines for violence from a partner (DV相談＋, DV相談ナビ), as `answer_where_to_leave` gives them."""
    hotlines = current_content().hotlines
    return [
        text_of_line(line) for line in hotlines if "violence" in line.kinds and "anything" not in line.kinds
    ]


def safe_line(now: datetime) -> str:
    """The line for violence from a partner open at `now` (DV相談＋ before a line for anything), as the
    person reads it; empty when none is open."""
    phones, chats = lines_open_now(("violence",), now)
    lines = [line for line in (*phones, *chats) if "anything" not in line.kinds] or [*phones, *chats]
    return text_of_line(lines[0]) if lines else ""
