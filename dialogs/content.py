"""Municipality content: the YAML a municipality edits (windows, services, FAQ, hotlines, hours).

`load_content(path)` reads one file (the shipped `content/default.yaml` when `path` is None) and
returns a frozen `Content`, or raises `ContentError` whose lines each name the file, the line and the
field, e.g. ``content.yaml: line 212: districts[2].team: unknown team 'x'``.

The process uses one file at a time: the app and the CLI call `use_content(path)` at startup (the path
from `TSUNAGU_CONTENT_PATH`), and everything else reads it through `current_content()`.

Texts in `faq` and `temporary_living_info.situations` may use these placeholders (see `_fields`):
`{municipality_name}`, `{council_name}`, `{window_name}`, `{window_phone}`, `{window_hours}`,
`{window_address}` (the district's window for FAQ, `temporary_living_info.window` for urgent texts),
`{reply_hours}` (`office_hours.weekly` as text, e.g. 月〜金 8:30〜17:00), `{desk_name}`, `{desk_phone}`
and `{hotlines[<id>]}` (that hotline's number). `office_hours.reply_promise` uses `{reply_by}` and `{opens}`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar, get_args

import jpholiday
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    ValidationError,
    field_validator,
    model_validator,
)

from dialogs.office_hours import (
    OfficeHours,
    TimeWindow,
    format_jp,
    format_jp_onward,
    format_window,
    is_open,
    next_opening,
    reply_by,
    to_tokyo,
)

DEFAULT_PATH = Path(__file__).with_name("content") / "default.yaml"

ServiceId = Literal[
    "self_reliance",
    "housing_benefit",
    "temporary_living",
    "employment_prep",
    "household_budget",
    "child_learning",
    "withdrawal_support",
    "health_center",
    "elderly_center",
    "hello_work",
    "public_assistance",
]
FaqIntent = Literal[
    "faq.what_is",
    "faq.who_can_use",
    "faq.cost",
    "faq.hours",
    "faq.how_to_reach",
    "faq.family_alone",
    "faq.confidentiality",
    "faq.outreach",
    "faq.ibasho",
    "faq.family_group",
]
QuestionId = Literal[
    "ask.own_home",
    "ask.apply_for_someone",
    "ask.which_benefit",
    "ask.ignore_payment_demand",
    "ask.legal_cost",
    "ask.income_limit",
    "ask.what_to_bring",
    "ask.weekend",
    "ask.deadline",
    "ask.approach_relative",
    "ask.visit_today",
    "ask.student",
    "ask.without_phone",
    "ask.debt_options",
    "ask.debt_reduce",
    "ask.visa",
    "ask.childcare",
    "ask.without_going_out",
    "ask.gambling",
    "ask.young_carer",
    "ask.line_on_wifi",
    "ask.no_address",
    "ask.emergency_without_voice",
    "ask.sign_language",
    "ask.loan_shark",
    "ask.welfare_fear",
    "ask.from_afar",
    "ask.scholarship",
    "ask.see_doctor",
    "ask.food_support",
    "ask.text_ways",
    "ask.family_inquiry",
    "ask.emergency_loan",
    "ask.care_services",
    "ask.eviction",
    "ask.outside_city",
    "ask.call_now",
    "ask.after_prison",
    "ask.short_stay",
    "ask.postpartum",
    "ask.pregnancy",
    "ask.guardianship",
    "ask.disability_pension",
]
"""Questions on a service's rules (生活保護, 住居確保給付金), on a court's payment demand (what happens
if it is ignored, what a lawyer costs), on applying (the income limit, what to bring, at the weekend, in
time for a deadline, still today, as a student, without the phone, with a visa), on the ways out of debt,
on how a family member might bring up a doctor, on leaving a child for a while (一時保育), on consulting
without going out, on where to turn about gambling and on reaching 110/119 without a voice and on a
sign-language interpreter, on a loan shark (闇金) and the police, on being pushed toward 生活保護, on a
family member consulting from afar, on a scholarship after leaving school, on whether to see a doctor, on
a food bank and on the ways to consult in writing (メール・FAX・チャット), on life after leaving prison
(自立相談支援, 一時生活支援, 生活保護, 保護観察所), on how soon a short stay for an elderly parent can be had
(ショートステイ), on the weeks after a birth (保健センター, 産後ケア, #8000), on 扶養照会 (whether relatives
are asked when applying for 生活保護), on 社協's own loans (緊急小口資金), on 介護保険 services and their
cost, on an eviction letter's date, on consulting from outside the city, on whether a call goes through
now, on 成年後見 and 日常生活自立支援事業, on 障害年金 and on where to consult about a pregnancy
(保健センター's 妊娠相談, 妊娠SOS), answered as dated content with a source."""
UrgentSituation = Literal["no_place_tonight", "losing_home", "no_food", "utilities_cut"]
MenuTrigger = Literal["services", "faqs", "intake", "human", "delete", "help", "menu", "stop", "hotlines"]
"""What a rich-menu button may ask of the dialog: the same events as its quick-reply buttons."""
SERVICE_IDS: tuple[ServiceId, ...] = get_args(ServiceId)
FAQ_INTENTS: tuple[FaqIntent, ...] = get_args(FaqIntent)
QUESTION_IDS: tuple[QuestionId, ...] = get_args(QuestionId)
URGENT_SITUATIONS: tuple[UrgentSituation, ...] = get_args(UrgentSituation)
Loc = tuple[int | str, ...]


class _Identified(Protocol):
    """Anything listed with an `id`."""

    @property
    def id(self) -> str:
        """The entry's id, unique within its list."""


_Item = TypeVar("_Item", bound=_Identified)


class ContentError(Exception):
    """The content file is unreadable or invalid; each line of the message names the file and field."""


class _Model(BaseModel):
    """Base for content models: immutable, and unknown keys (typos) are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Municipality(_Model):
    """Who publishes this content, which window answers general questions, and which edition it is."""

    name: str
    council_name: str
    front_window: str
    version: str
    updated_at: date


class Ages(_Model):
    """The ages a window serves, as bounds for routing and as text for people."""

    min_age: int | None = Field(default=None, ge=0)
    max_age: int | None = Field(default=None, ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Ages:
        """Refuse a lower bound above the upper bound."""
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age {self.min_age} is above max_age {self.max_age}")
        return self


class Window(_Model):
    """A consultation window (相談窓口)."""

    id: str
    name: str
    phone: str
    email: str | None = None
    fax: str | None = None
    """The window's FAX number, when it takes consultations by FAX (shown to someone asking for text ways)."""
    address: str
    hours_text: str
    hours: list[TimeWindow] = Field(min_length=1)
    ages: Ages
    handles: list[str] = Field(min_length=1)
    family_alone: bool
    languages: list[str] = Field(min_length=1)
    considerations: list[str] = []


class Team(_Model):
    """A CSW team that picks up handed-off cases."""

    id: str
    name: str


class District(_Model):
    """A district, the CSW team serving it and its nearest window."""

    id: str
    name: str
    team: str
    window: str


class Reach(_Model):
    """How to reach a service: the window that takes it and a short text."""

    window: str
    text: str


class Service(_Model):
    """A support service described in plain words."""

    name: str
    summary: str
    who: str
    cost: str
    how_to_reach: Reach
    family_alone: bool
    next_step: str
    for_concerns: list[str] = []
    """The concerns (ids as in DOMAIN.md) this service is the first place for, asked what to do."""
    source: str = ""
    verified_at: date | None = None


class Question(_Model):
    """A question about a service's rules, answered briefly, with where the facts come from.

    The answer's placeholders are filled from `window` (the person's district window when absent); a
    `situation` adds that urgent situation's guidance for the hour the question is asked, and
    `tells_today` puts that window's hours today first.
    """

    answer: str
    window: str | None = None
    situation: UrgentSituation | None = None
    tells_today: bool = False
    """Whether the answer opens with the window's hours today (asked 「今日中に窓口へ伺えますか」)."""
    source: str = Field(min_length=1)
    verified_at: date


class Gathering(_Model):
    """A 居場所 or 家族会: when and where it meets, and the window to ask about it."""

    id: str
    name: str
    when: str
    where: str
    cost: str
    who: str
    contact_window: str


class HotlineHours(_Model):
    """Exactly one of: `always`, a list of `windows` (Asia/Tokyo), or `varies` with a `note` to show."""

    always: bool = False
    windows: list[TimeWindow] = []
    varies: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> HotlineHours:
        """Refuse hours that are none or several of always / windows / varies, and varies without a note."""
        if [self.always, bool(self.windows), self.varies].count(True) != 1:
            raise ValueError("give exactly one of: always: true, windows: [...], varies: true")
        if self.varies and not self.note:
            raise ValueError("varies: true needs a note saying where to check the hours")
        if self.note and not self.varies:
            raise ValueError("note is shown only with varies: true; remove it or use varies")
        return self


HotlineChannel = Literal["phone", "chat", "line"]
"""How a line is reached: a phone call, a web chat, or LINE (for people who cannot phone)."""

HotlineKind = Literal[
    "emergency",
    "suicidal",
    "relative_suicidal",
    "violence",
    "home_violence",
    "child",
    "child_talk",
    "parent",
    "anything",
]
"""Situations a line is for: danger now (110/119), thoughts of dying, a relative's thoughts of dying
(lines that also hear the family), violence from a partner, violence
from a grown child or another relative at home (家庭内暴力), a child being hurt (or any child's
worry), a child's own worry of any kind (child_talk: not 189), a parent afraid of hurting their child
(子育ての相談), or anything at all. The crisis reply
picks lines by these."""


class Hotline(_Model):
    """A crisis line (phone, chat or LINE), as dated configuration: numbers and hours change."""

    id: str
    name: str
    number: str = ""
    url: str = ""
    channel: HotlineChannel = "phone"
    kinds: list[HotlineKind] = []
    hours: HotlineHours
    year_end_closed: bool = False
    holidays_closed: bool = False
    free: bool
    purpose: str
    about: str = ""
    """What the line is, for someone who asks or fears the police (who answers, whether a name is needed)."""
    shelter: str = ""
    """What the line can do about a safe place tonight, for someone leaving violence (empty: nothing said)."""
    minorities: str = ""
    """The line's own service for sexual minorities (LGBTQ), said after words of it (「ゲイってばれて」);
    empty: none known."""
    verified_at: date
    source: str

    @model_validator(mode="after")
    def _reachable(self) -> Hotline:
        """Refuse a phone line without a number and a chat or LINE line without a url."""
        if self.channel == "phone" and not self.number:
            raise ValueError("a phone line needs a number")
        if self.channel != "phone" and not self.url:
            raise ValueError(f"a {self.channel} line needs a url")
        return self

    @property
    def hours_known(self) -> bool:
        """False when the hours vary (e.g. by prefecture): the caller should say 時間は要確認."""
        return not self.hours.varies

    @property
    def hours_text(self) -> str:
        """The hours for display: '24時間', '毎日 10:00〜22:00', or the note when they vary."""
        if self.hours.always:
            return "24時間"
        if self.hours.note is not None:
            return self.hours.note
        return "、".join(format_window(w) for w in self.hours.windows)

    def is_open_at(self, now: datetime) -> bool:
        """Whether the line is known to be open at `now` (False when the hours vary)."""
        local = to_tokyo(now)
        year_end = (local.month, local.day) >= (12, 29) or (local.month, local.day) <= (1, 3)
        holiday = self.holidays_closed and jpholiday.is_holiday(local.date())
        if (self.year_end_closed and year_end) or holiday:
            return False
        return self.hours.always or any(w.covers(local) for w in self.hours.windows)


class AfterHoursDesk(_Model):
    """The municipality's night and holiday desk (宿直), which can reach staff after hours."""

    name: str
    phone: str


class UrgentGuide(_Model):
    """What to say for one urgent-but-not-life situation, during and outside office hours."""

    label: str
    during_hours: str
    after_hours: str


class TemporaryLivingInfo(_Model):
    """一時生活支援 for tonight: the window to contact, the after-hours desk, a text per situation."""

    window: str
    after_hours_desk: AfterHoursDesk
    situations: dict[str, UrgentGuide]


class ReplyPromise(_Model):
    """When staff will answer: `{reply_by}` / `{opens}` are filled with formatted times.

    `priority_*` are said to a person whose message is urgent or suggests danger; `tonight` is
    added outside office hours to say what to do until then (it may use the `faq` placeholders).
    """

    during_hours: str
    after_hours: str
    priority_during_hours: str
    priority_after_hours: str
    tonight: str


Urgency = Literal["crisis", "urgent", "normal"]


class ContentOfficeHours(OfficeHours):
    """Office hours plus the wording of the reply promise and how much office time a reply may take.

    `reply_within_minutes` is the usual promise; `crisis_reply_within_minutes` and
    `urgent_reply_within_minutes` the promises for crisis and urgent messages (office time,
    counted from the next opening when closed).
    """

    reply_within_minutes: PositiveInt
    crisis_reply_within_minutes: PositiveInt = 30
    urgent_reply_within_minutes: PositiveInt = 30
    reply_promise: ReplyPromise

    def reply_within(self, urgency: str) -> timedelta:
        """How much office time a reply to a message of this urgency may take."""
        minutes = {"crisis": self.crisis_reply_within_minutes, "urgent": self.urgent_reply_within_minutes}
        return timedelta(minutes=minutes.get(urgency, self.reply_within_minutes))


class RichMenuButton(_Model):
    """One button of a rich menu: its label, and exactly one of a dialog event, a text to send, a link."""

    label: str = Field(min_length=1, max_length=20)
    event: MenuTrigger | None = None
    text: str | None = Field(default=None, min_length=1, max_length=300)
    uri: str | None = Field(default=None, pattern=r"^(https://|tel:)", max_length=1000)

    @model_validator(mode="after")
    def _one_action(self) -> RichMenuButton:
        """Refuse a button with no action or several."""
        if [self.event, self.text, self.uri].count(None) != 2:
            raise ValueError("give exactly one of: event, text, uri")
        return self


class RichMenu(_Model):
    """A rich menu: the chat-bar text and a grid of buttons (`columns` per row, rows as needed)."""

    chat_bar_text: str = Field(min_length=1, max_length=14)
    columns: int = Field(ge=1, le=4)
    buttons: list[RichMenuButton] = Field(min_length=1, max_length=12)


class Sender(_Model):
    """The name (and optional square PNG icon) LINE shows on a CSW's messages instead of the bot's."""

    name: str = Field(min_length=1, max_length=20)
    icon_url: str | None = Field(default=None, pattern=r"^https://", max_length=2000)

    @field_validator("name")
    @classmethod
    def _allowed_name(cls, name: str) -> str:
        """LINE refuses sender names containing certain words such as LINE."""
        if "line" in name.lower():
            raise ValueError("LINE does not accept a sender name containing 'LINE'")
        return name


class LineFeatures(_Model):
    """What the LINE channel shows: the rich menus (with the bot, with a person) and the CSW's sender."""

    csw_sender: Sender
    rich_menu: RichMenu
    rich_menu_with_person: RichMenu


class Content(_Model):
    """One municipality's content file."""

    placeholder: bool
    municipality: Municipality
    windows: list[Window] = Field(min_length=1)
    teams: list[Team] = Field(min_length=1)
    shared_team: str
    districts: list[District]
    services: dict[str, Service]
    faq: dict[str, str]
    questions: dict[str, Question]
    ibasho: list[Gathering]
    family_groups: list[Gathering]
    hotlines: list[Hotline] = Field(min_length=1)
    temporary_living_info: TemporaryLivingInfo
    office_hours: ContentOfficeHours
    line: LineFeatures | None = None

    @model_validator(mode="after")
    def _cross_check(self) -> Content:
        """Refuse duplicate ids, undefined windows or teams, missing ids and broken templates."""
        problems = _cross_problems(self)
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def service(self, service_id: ServiceId) -> Service:
        """The service with this id (KeyError if absent, which validation rules out for `ServiceId`)."""
        return self.services[service_id]

    def window(self, window_id: str) -> Window:
        """The window with this id; KeyError when there is none."""
        return _by_id(self.windows, window_id, "window")

    def team(self, team_id: str) -> Team:
        """The CSW team with this id; KeyError when there is none."""
        return _by_id(self.teams, team_id, "team")

    def district(self, district_id: str | None) -> District | None:
        """The district with this id, or None when it is None or unknown (district ids come from users)."""
        return next((d for d in self.districts if d.id == district_id), None)

    def team_for_district(self, district_id: str | None) -> Team:
        """The CSW team serving the district; the shared team when the district is None or unknown."""
        district = self.district(district_id)
        return self.team(district.team if district else self.shared_team)

    def window_for_district(self, district_id: str | None) -> Window:
        """The district's window; the front window when the district is None or unknown."""
        district = self.district(district_id)
        return self.window(district.window if district else self.municipality.front_window)

    def faq_answer(self, intent: FaqIntent, *, district_id: str | None = None) -> str:
        """The FAQ answer, placeholders filled from the district's window (the front window if none)."""
        return self.faq[intent].format_map(_fields(self, self.window_for_district(district_id)))

    def window_hours(self, window: Window) -> OfficeHours:
        """A window's opening hours, closed on holidays, the year end and the municipality's closed days."""
        return OfficeHours(weekly=window.hours, extra_closed_days=self.office_hours.extra_closed_days)

    def question_answer(self, question_id: QuestionId, *, district_id: str | None, now: datetime) -> str:
        """The answer to a question, placeholders filled from its window, with its situation's guidance."""
        question = self.questions[question_id]
        window = self.window(question.window) if question.window else self.window_for_district(district_id)
        answer = question.answer.format_map(_fields(self, window))
        if question.situation is None:
            return answer
        return "\n".join([answer, self.urgent_guidance(question.situation, now)])

    def urgent_guidance(self, situation: UrgentSituation, now: datetime) -> str:
        """What to do now in an urgent-but-not-life situation, by whether the office is open."""
        guide = self.temporary_living_info.situations[situation]
        text = guide.during_hours if is_open(now, self.office_hours) else guide.after_hours
        return text.format_map(_fields(self, self.window(self.temporary_living_info.window)))

    def reply_due(self, now: datetime, urgency: str = "normal") -> datetime:
        """When staff will have answered a hand-off of this urgency made at `now` (the queue's due time)."""
        hours = self.office_hours
        return reply_by(now, hours, within=hours.reply_within(urgency))

    def reply_hours_text(self) -> str:
        """The days and hours staff read and answer messages (「月〜金 8:30〜17:00」)."""
        return "、".join(format_window(w) for w in self.office_hours.weekly)

    def reply_promise_text(self, now: datetime, urgency: str = "normal") -> str:
        """When a person writing at `now` will hear from staff, in the municipality's words.

        The time is `reply_due(now, urgency)`, the same the CSW queue shows; outside office hours
        the `tonight` text follows, saying what to do until then.
        """
        hours = self.office_hours
        promises = hours.reply_promise
        priority = urgency in ("crisis", "urgent")
        if is_open(now, hours):
            promise = promises.priority_during_hours if priority else promises.during_hours
        else:
            promise = promises.priority_after_hours if priority else promises.after_hours
        text = promise.format(
            reply_by=format_jp(self.reply_due(now, urgency)),
            opens=format_jp_onward(next_opening(now, hours)),
        )
        if is_open(now, hours):
            return text
        tonight = promises.tonight.format_map(_fields(self, self.window(self.temporary_living_info.window)))
        return f"{text}\n{tonight}"

    def meanwhile_text(self, now: datetime) -> str:
        """What a person waiting for staff can do at `now` outside office hours (the `tonight` text:
        a line open now, the night desk, 110/119); '' while the office is open."""
        if is_open(now, self.office_hours):
            return ""
        window = self.window(self.temporary_living_info.window)
        return self.office_hours.reply_promise.tonight.format_map(_fields(self, window))


def _by_id(items: Sequence[_Item], item_id: str, kind: str) -> _Item:
    """The item whose `id` is `item_id`; KeyError naming the kind when there is none."""
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"unknown {kind} {item_id!r}")


def _fields(content: Content, window: Window) -> dict[str, Any]:
    """Values for `TEMPLATE_FIELDS`, taking the window-specific ones from `window`."""
    desk = content.temporary_living_info.after_hours_desk
    return {
        "municipality_name": content.municipality.name,
        "council_name": content.municipality.council_name,
        "window_name": window.name,
        "window_phone": window.phone,
        "window_hours": window.hours_text,
        "window_address": window.address,
        "reply_hours": content.reply_hours_text(),
        "desk_name": desk.name,
        "desk_phone": desk.phone,
        "hotlines": {h.id: h.number or h.url for h in content.hotlines},
    }


def _path(loc: Sequence[int | str]) -> str:
    """A field path such as districts[2].team or faq['faq.cost']."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}" if out else part
        else:
            out += f"[{part!r}]"
    return out


def _cross_problems(content: Content) -> list[str]:
    """Problems spanning fields: duplicate ids, dangling references, missing ids, then broken templates."""
    problems = _duplicate_problems(content) + _reference_problems(content) + _key_problems(content)
    return problems or _template_problems(content)


def _duplicate_problems(content: Content) -> list[str]:
    """An id used twice within one list."""
    lists: dict[str, Sequence[_Identified]] = {
        "windows": content.windows,
        "teams": content.teams,
        "districts": content.districts,
        "ibasho": content.ibasho,
        "family_groups": content.family_groups,
        "hotlines": content.hotlines,
    }
    problems = []
    for section, items in lists.items():
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                problems.append(f"{section}[{i}].id: duplicate id {item.id!r}")
            seen.add(item.id)
    return problems


def _reference_problems(content: Content) -> list[str]:
    """A window or team id that no window or team defines."""
    windows = {w.id for w in content.windows}
    teams = {t.id for t in content.teams}
    refs: list[tuple[Loc, str, set[str], str]] = [
        (("municipality", "front_window"), content.municipality.front_window, windows, "window"),
        (("shared_team",), content.shared_team, teams, "team"),
        (("temporary_living_info", "window"), content.temporary_living_info.window, windows, "window"),
    ]
    for i, district in enumerate(content.districts):
        refs.append((("districts", i, "team"), district.team, teams, "team"))
        refs.append((("districts", i, "window"), district.window, windows, "window"))
    for service_id, service in content.services.items():
        refs.append(
            (
                ("services", service_id, "how_to_reach", "window"),
                service.how_to_reach.window,
                windows,
                "window",
            )
        )
    for question_id, question in content.questions.items():
        if question.window:
            refs.append((("questions", question_id, "window"), question.window, windows, "window"))
    for section, gatherings in (("ibasho", content.ibasho), ("family_groups", content.family_groups)):
        for i, gathering in enumerate(gatherings):
            refs.append(((section, i, "contact_window"), gathering.contact_window, windows, "window"))
    return [
        f"{_path(loc)}: unknown {kind} {value!r}" for loc, value, known, kind in refs if value not in known
    ]


def _key_problems(content: Content) -> list[str]:
    """A fixed id (service, FAQ intent, urgent situation) missing, or an id outside the fixed list."""
    keyed: list[tuple[Loc, Mapping[str, object], Sequence[str], str]] = [
        (("services",), content.services, SERVICE_IDS, "service"),
        (("faq",), content.faq, FAQ_INTENTS, "answer for"),
        (("questions",), content.questions, QUESTION_IDS, "question"),
        (
            ("temporary_living_info", "situations"),
            content.temporary_living_info.situations,
            URGENT_SITUATIONS,
            "situation",
        ),
    ]
    problems = []
    for loc, mapping, expected, kind in keyed:
        problems += [f"{_path(loc)}: missing {kind} {key!r}" for key in expected if key not in mapping]
        problems += [
            f"{_path((*loc, key))}: unknown id (expected one of: {', '.join(expected)})"
            for key in mapping
            if key not in expected
        ]
    return problems


def _template_problems(content: Content) -> list[str]:
    """Render every template once with sample values; report unknown placeholders and broken braces."""
    fields = _fields(content, content.window(content.municipality.front_window))
    templates: list[tuple[Loc, str, Mapping[str, Any]]] = [
        (("faq", intent), text, fields) for intent, text in content.faq.items()
    ]
    templates += [(("questions", key, "answer"), q.answer, fields) for key, q in content.questions.items()]
    for situation, guide in content.temporary_living_info.situations.items():
        templates.append(
            (("temporary_living_info", "situations", situation, "during_hours"), guide.during_hours, fields)
        )
        templates.append(
            (("temporary_living_info", "situations", situation, "after_hours"), guide.after_hours, fields)
        )
    promise = content.office_hours.reply_promise
    times = {"reply_by": "", "opens": ""}
    for name in ("during_hours", "after_hours", "priority_during_hours", "priority_after_hours"):
        templates.append((("office_hours", "reply_promise", name), getattr(promise, name), times))
    templates.append((("office_hours", "reply_promise", "tonight"), promise.tonight, fields))
    problems = []
    for loc, text, values in templates:
        try:
            text.format_map(values)
        except KeyError as missing:
            problems.append(f"{_path(loc)}: unknown placeholder or hotline id {missing.args[0]!r}")
        except (ValueError, IndexError, AttributeError) as broken:
            problems.append(
                f"{_path(loc)}: broken placeholder ({broken}); write a literal brace as {{{{ or }}}}"
            )
    return problems


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping key given twice (plain PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """Build a mapping, raising a marked error on a repeated key."""
    seen: set[object] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


_PATH_PART = re.compile(r"\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\.?([^.\[:\s]+)")


def _loc_of(path: str) -> Loc:
    """The field path of a problem line written by `_path` (e.g. faq['faq.cost'].x), back as a loc."""
    loc: list[int | str] = []
    for index, quoted, name in _PATH_PART.findall(path):
        loc.append(int(index) if index else quoted or name)
    return tuple(loc)


def _line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the deepest YAML node that `loc` reaches (the field, or its nearest parent)."""
    node, line = root, None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _describe(source: str, error: ValidationError, root: yaml.Node | None) -> str:
    """One line per problem: 'file: line N: field.path: message' (without pydantic's prefix)."""
    lines = []
    for item in error.errors():
        cause = item.get("ctx", {}).get("error")
        message = str(cause) if isinstance(cause, Exception) else item["msg"]
        where = _path(item["loc"])
        for text in message.splitlines():
            problem = f"{where}: {text}" if where else text
            field, _, _ = problem.partition(": ")
            number = _line_of(root, _loc_of(field) if field != problem else ())
            lines.append(f"{source}: line {number}: {problem}" if number else f"{source}: {problem}")
    return "\n".join(lines)


def load_content(path: Path | None = None) -> Content:
    """Load and check a content file (the shipped default when `path` is None); ContentError if invalid."""
    source = path or DEFAULT_PATH
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{source.name}: cannot read {source}: {error.strerror}") from error
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 -- a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise ContentError(f"{source.name}: {where}{getattr(error, 'problem', None) or error}") from error
    if not isinstance(data, dict):
        raise ContentError(f"{source.name}: expected a mapping of sections at the top level")
    try:
        return Content.model_validate(data)
    except ValidationError as error:
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
        raise ContentError(_describe(source.name, error, tree)) from error


TO_CONFIRM = "要確認"
"""The mark on a value written from general knowledge that the municipality must check before going live."""


def _named(node: yaml.Node) -> str:
    """The name (or id) of a list item that is a mapping, after a space; empty when it has none."""
    if isinstance(node, yaml.MappingNode):
        fields = {str(key.value): value for key, value in node.value}
        for field in ("name", "id"):
            if isinstance(fields.get(field), yaml.ScalarNode):
                return f" {fields[field].value}"
    return ""


def entries_to_confirm(path: Path) -> list[tuple[int, str]]:
    """Each entry of a content file whose text carries the 要確認 mark, as (line, entry), in file order.

    The entry is the top two levels of its place (`questions.ask.childcare`), or the list item with its name
    (`hotlines[4] DV相談＋（プラス）`), once each.
    """
    tree = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    found: dict[str, int] = {}

    def walk(node: yaml.Node, place: tuple[str, ...], line: int) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                inside = (*place, str(key.value))
                at = key.start_mark.line + 1 if len(inside) <= 2 and "[" not in inside[0] else line
                walk(value, inside, at)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                inside = (*place[:-1], f"{place[-1] if place else ''}[{index}]{_named(item)}")
                walk(item, inside, item.start_mark.line + 1 if len(inside) == 1 else line)
        elif isinstance(node, yaml.ScalarNode) and TO_CONFIRM in str(node.value):
            found.setdefault(place[0] if "[" in place[0] else ".".join(place[:2]), line)

    if tree is not None:
        walk(tree, (), 1)
    return sorted(((line, entry) for entry, line in found.items()))


_in_use: list[tuple[Path | None, Content]] = []


def use_content(path: Path | None) -> Content:
    """Load and check `path` (the shipped default when None) and make it the content in use.

    The file already in use is not read again (the CLI checks it before the app starts). Raises
    ContentError, leaving the content in use unchanged, when the file is unreadable or invalid.
    """
    if _in_use and _in_use[0][0] == path:
        return _in_use[0][1]
    content = _shipped_default() if path is None else load_content(path)
    _in_use[:] = [(path, content)]
    return content


def current_content() -> Content:
    """The content in use: the file given to `use_content`, or the shipped default until then."""
    if not _in_use:
        _in_use.append((None, _shipped_default()))
    return _in_use[0][1]


@cache
def _shipped_default() -> Content:
    """The shipped default content, loaded once."""
    return load_content()
