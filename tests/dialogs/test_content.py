"""Municipality content: the shipped default loads, reads well, and broken files fail with clear messages."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from dialogs.content import (
    DEFAULT_PATH,
    FAQ_INTENTS,
    SERVICE_IDS,
    URGENT_SITUATIONS,
    Content,
    ContentError,
    current_content,
    load_content,
)
from dialogs.office_hours import TOKYO

REPO_ROOT = Path(__file__).resolve().parents[2]
NG_PATH = REPO_ROOT / "tests" / "fixtures" / "ng-expressions.txt"
CONTENT_FILES = sorted(DEFAULT_PATH.parent.glob("*.yaml"))
LINE_TEXT_LIMIT = 5000
OPEN = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
CLOSED = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)


def ng_expressions() -> list[str]:
    """The NG list (copied into tests/fixtures), one expression a line, skipping comments and blanks."""
    if not NG_PATH.is_file():
        pytest.fail(f"NG expression list not found at {NG_PATH} (expected tests/fixtures/ng-expressions.txt)")
    lines = NG_PATH.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def strings_in(node: object) -> Iterator[str]:
    """Every string in a loaded YAML tree, keys included."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def rendered_texts(content: Content) -> Iterator[str]:
    """Every text the content renders for users, for each district and in and out of office hours."""
    for intent in FAQ_INTENTS:
        for district_id in [None, *(d.id for d in content.districts)]:
            yield content.faq_answer(intent, district_id=district_id)
    for now in (OPEN, CLOSED):
        yield content.reply_promise_text(now)
        for situation in URGENT_SITUATIONS:
            yield content.urgent_guidance(situation, now)
    for hotline in content.hotlines:
        yield hotline.hours_text


def all_user_strings(path: Path) -> list[str]:
    """Raw YAML strings of a content file plus every text it renders."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [*strings_in(raw), *rendered_texts(load_content(path))]


def test_default_loads_and_is_marked_placeholder() -> None:
    """The shipped default is complete, and says it is a placeholder to be replaced."""
    content = load_content()
    assert content == current_content()
    assert content.placeholder is True
    assert tuple(content.services) == SERVICE_IDS
    assert tuple(content.faq) == FAQ_INTENTS
    assert 4 <= len(content.districts) <= 6
    assert len(content.ibasho) >= 2 and len(content.family_groups) >= 2


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.name)
def test_no_ng_expression_anywhere(path: Path) -> None:
    """No string a user may see contains an expression from the shared NG list."""
    expressions = ng_expressions()
    found = [(ng, text) for text in all_user_strings(path) for ng in expressions if ng in text]
    assert found == []


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.name)
def test_every_string_fits_a_line_message(path: Path) -> None:
    """Every string fits LINE's 5000 UTF-16 code unit limit for a text message."""
    too_long = [
        text[:40] for text in all_user_strings(path) if len(text.encode("utf-16-le")) // 2 > LINE_TEXT_LIMIT
    ]
    assert too_long == []


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.name)
def test_rendered_texts_leave_no_placeholder(path: Path) -> None:
    """Rendering fills every placeholder."""
    assert [text for text in rendered_texts(load_content(path)) if "{" in text or "}" in text] == []


def test_lookups() -> None:
    """Services, windows and districts are found by id; unknown districts fall back to the shared team."""
    content = current_content()
    assert content.service("housing_benefit").name == "住居確保給付金"
    assert content.window("kurashi").name == content.window_for_district(None).name
    assert content.district("kitayama") is not None
    assert content.district("nowhere") is None
    assert content.district(None) is None
    assert content.team_for_district("kitayama").id == "csw_kitayama"
    assert content.team_for_district("nowhere").id == content.shared_team
    assert content.team_for_district(None).id == "csw_shared"
    assert content.window_for_district("kitayama").id == "kurashi_kita"
    with pytest.raises(KeyError, match="unknown window 'nowhere'"):
        content.window("nowhere")


def test_faq_uses_the_districts_window() -> None:
    """An FAQ answer names the window of the person's district, or the front window."""
    content = current_content()
    assert "0000-00-0002" in content.faq_answer("faq.how_to_reach", district_id="kitayama")
    assert "0000-00-0001" in content.faq_answer("faq.how_to_reach")
    assert "月〜金 8:30〜17:00" in content.faq_answer("faq.hours")


def test_urgent_guidance_depends_on_office_hours() -> None:
    """During hours the window is named; after hours the night desk and a 24h line are."""
    content = current_content()
    during = content.urgent_guidance("no_place_tonight", OPEN)
    after = content.urgent_guidance("no_place_tonight", CLOSED)
    assert "0000-00-0001" in during
    assert "0000-00-0000" in after and "0120-279-338" in after


def test_reply_promise() -> None:
    """The promise names a time: office time counted during hours, the next opening after hours."""
    content = current_content()
    assert "11月25日(水) 9:30ごろまでに" in content.reply_promise_text(OPEN)
    # s13 (try-out 16): after hours too, the promise names the reply time every later reply repeats
    assert "11月24日(火) 8:30以降で" in content.reply_promise_text(CLOSED)
    assert "11月24日(火) 16:30ごろまでに" in content.reply_promise_text(CLOSED)


ALWAYS = ["police", "ambulance", "child_abuse", "yorisoi", "dv_plus", "child_sos", "anata_no_ibasho"]
VARIES = ["kokoro_unified", "inochi_sos", "dv_navi", "kokoro_hot_chat", "ikidurabit"]


@pytest.mark.parametrize(
    ("day", "hour", "minute", "expected"),
    [
        (24, 3, 0, ALWAYS),
        (24, 12, 0, [*ALWAYS, "inochi", "hokenjo_kokoro", "seishin_center", "kodomo_katei"]),
        (23, 12, 0, [*ALWAYS, "inochi"]),  # 勤労感謝の日: the health centres are closed
        (24, 17, 0, [*ALWAYS, "inochi", "inochi_free", "childline", "hokenjo_kokoro"]),
        (24, 21, 30, [*ALWAYS, "inochi"]),
        (24, 22, 0, ALWAYS),
    ],
)
def test_lines_open_at(day: int, hour: int, minute: int, expected: list[str]) -> None:
    """Lines known to be open at a time; lines whose hours vary are never counted as open."""
    content = current_content()
    now = datetime(2026, 11, day, hour, minute, tzinfo=TOKYO)
    known = [h for h in content.hotlines if h.hours_known]
    assert sorted(h.id for h in known if h.is_open_at(now)) == sorted(expected)
    assert sorted(h.id for h in known if h.is_open_at(now.astimezone(UTC))) == sorted(expected)
    assert sorted(h.id for h in content.hotlines if not h.hours_known) == sorted(VARIES)


def test_childline_is_closed_over_the_new_year() -> None:
    childline = next(h for h in current_content().hotlines if h.id == "childline")
    assert childline.is_open_at(datetime(2026, 12, 28, 17, 0, tzinfo=TOKYO))
    assert not childline.is_open_at(datetime(2026, 12, 31, 17, 0, tzinfo=TOKYO))


def test_hotline_facts() -> None:
    """Numbers and hours as given in the project's domain notes."""
    content = current_content()
    numbers = {h.id: (h.number, h.hours_text, h.free) for h in content.hotlines}
    assert numbers["yorisoi"] == ("0120-279-338", "24時間", True)
    assert numbers["child_abuse"] == ("189", "24時間", True)
    assert numbers["inochi"] == ("0570-783-556", "毎日 10:00〜22:00", False)
    assert numbers["inochi_free"] == ("0120-783-556", "毎日 16:00〜21:00", True)
    assert numbers["dv_plus"][:2] == ("0120-279-889", "24時間")
    assert "要確認" in numbers["kokoro_unified"][1] and "要確認" in numbers["inochi_sos"][1]


def test_hotlines_refuse_naive_datetime() -> None:
    """A naive datetime is a programming error."""
    with pytest.raises(ValueError, match="naive"):
        current_content().hotlines[0].is_open_at(datetime(2026, 11, 24, 12, 0))


# --- broken files -------------------------------------------------------------------------------------

Data = dict[str, Any]


def default_data() -> Data:
    """A fresh copy of the default content as plain data."""
    return copy.deepcopy(yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8")))


def by_id(items: list[Data], item_id: str) -> Data:
    """The list entry with this id."""
    return next(item for item in items if item["id"] == item_id)


def drop_window_phone(data: Data) -> None:
    """Delete a required field."""
    del data["windows"][0]["phone"]


def district_team(data: Data) -> None:
    """Point a district at a team that does not exist."""
    data["districts"][2]["team"] = "x"


def district_window(data: Data) -> None:
    """Point a district at a window that does not exist."""
    data["districts"][1]["window"] = "nowhere"


def service_window(data: Data) -> None:
    """Point a service at a window that does not exist."""
    data["services"]["housing_benefit"]["how_to_reach"]["window"] = "nowhere"


def shared_team(data: Data) -> None:
    """Name a shared team that does not exist."""
    data["shared_team"] = "nobody"


def duplicate_window(data: Data) -> None:
    """Give two windows the same id."""
    data["windows"][1]["id"] = data["windows"][0]["id"]


def duplicate_hotline(data: Data) -> None:
    """Give two hotlines the same id."""
    data["hotlines"][1]["id"] = "police"


def invalid_time(data: Data) -> None:
    """An hour that does not exist."""
    data["office_hours"]["weekly"][0]["start"] = "25:00"


def unquoted_time(data: Data) -> None:
    """What YAML makes of an unquoted 17:00."""
    data["office_hours"]["weekly"][0]["end"] = 1020


def reversed_window(data: Data) -> None:
    """A hotline window that ends before it starts."""
    by_id(data["hotlines"], "inochi")["hours"]["windows"][0] = {"start": "22:00", "end": "10:00"}


def hotline_without_date(data: Data) -> None:
    """A hotline with no verified_at."""
    del data["hotlines"][0]["verified_at"]


def hotline_without_hours_kind(data: Data) -> None:
    """Hours that say neither always, windows nor varies."""
    data["hotlines"][0]["hours"] = {"always": False}


def hotline_varies_without_note(data: Data) -> None:
    """Varying hours with nothing to tell the user."""
    del by_id(data["hotlines"], "kokoro_unified")["hours"]["note"]


def missing_service(data: Data) -> None:
    """Leave out one of the fixed services."""
    del data["services"]["housing_benefit"]


def unknown_service(data: Data) -> None:
    """Add a service outside the fixed list."""
    data["services"]["karaoke"] = data["services"]["hello_work"]


def missing_faq(data: Data) -> None:
    """Leave out one of the fixed FAQ intents."""
    del data["faq"]["faq.cost"]


def faq_typo_placeholder(data: Data) -> None:
    """Misspell a placeholder."""
    data["faq"]["faq.cost"] = "{windw_name}へどうぞ"


def urgent_unknown_hotline(data: Data) -> None:
    """Refer to a hotline id that does not exist."""
    data["temporary_living_info"]["situations"]["no_food"]["after_hours"] = "{hotlines[nope]}"


def reply_promise_brace(data: Data) -> None:
    """Leave a brace unclosed."""
    data["office_hours"]["reply_promise"]["after_hours"] = "{opens に"


def missing_situation(data: Data) -> None:
    """Leave out one of the fixed urgent situations."""
    del data["temporary_living_info"]["situations"]["utilities_cut"]


def typo_key(data: Data) -> None:
    """Misspell a field name."""
    data["windows"][0]["phnoe"] = data["windows"][0].pop("phone")


def ages_reversed(data: Data) -> None:
    """An age range whose lower bound is above its upper bound."""
    data["windows"][0]["ages"].update(min_age=70, max_age=10)


def note_without_varies(data: Data) -> None:
    """A note on hours that are always open, where it would never be shown."""
    data["hotlines"][0]["hours"]["note"] = "夜は混みます"


def gathering_window(data: Data) -> None:
    """Point a family group at a window that does not exist."""
    data["family_groups"][1]["contact_window"] = "nowhere"


BROKEN: list[tuple[Callable[[Data], None], str]] = [
    (drop_window_phone, "windows[0].phone: Field required"),
    (district_team, "districts[2].team: unknown team 'x'"),
    (district_window, "districts[1].window: unknown window 'nowhere'"),
    (service_window, "services.housing_benefit.how_to_reach.window: unknown window 'nowhere'"),
    (shared_team, "shared_team: unknown team 'nobody'"),
    (duplicate_window, "windows[1].id: duplicate id 'kurashi'"),
    (duplicate_hotline, "hotlines[1].id: duplicate id 'police'"),
    (invalid_time, "office_hours.weekly[0].start: invalid time '25:00'"),
    (unquoted_time, "office_hours.weekly[0].end: time was read as the number 1020: write it in quotes"),
    (reversed_window, "hotlines[5].hours.windows[0]: start 22:00 must be before end 10:00"),
    (hotline_without_date, "hotlines[0].verified_at: Field required"),
    (hotline_without_hours_kind, "hotlines[0].hours: give exactly one of"),
    (hotline_varies_without_note, "hotlines[7].hours: varies: true needs a note"),
    (missing_service, "services: missing service 'housing_benefit'"),
    (unknown_service, "services.karaoke: unknown id (expected one of: self_reliance,"),
    (missing_faq, "faq: missing answer for 'faq.cost'"),
    (faq_typo_placeholder, "faq['faq.cost']: unknown placeholder or hotline id 'windw_name'"),
    (urgent_unknown_hotline, "situations.no_food.after_hours: unknown placeholder or hotline id 'nope'"),
    (reply_promise_brace, "office_hours.reply_promise.after_hours: broken placeholder"),
    (missing_situation, "temporary_living_info.situations: missing situation 'utilities_cut'"),
    (typo_key, "windows[0].phnoe: Extra inputs are not permitted"),
    (gathering_window, "family_groups[1].contact_window: unknown window 'nowhere'"),
    (ages_reversed, "windows[0].ages: min_age 70 is above max_age 10"),
    (note_without_varies, "hotlines[0].hours: note is shown only with varies: true"),
]


@pytest.mark.parametrize(
    ("breaker", "message"),
    [pytest.param(breaker, message, id=breaker.__name__) for breaker, message in BROKEN],
)
def test_broken_content_names_file_and_field(
    tmp_path: Path, breaker: Callable[[Data], None], message: str
) -> None:
    """Each broken file fails with a line naming the file, the field path and the problem."""
    data = default_data()
    breaker(data)
    path = tmp_path / "content.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(path)
    lines = str(caught.value).splitlines()
    assert any(line.startswith("content.yaml: ") and message in line for line in lines), lines
    assert all(line.startswith("content.yaml: ") for line in lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("placeholder: true\nplaceholder: false\n", "content.yaml: line 2: duplicate key 'placeholder'"),
        ("placeholder: [\n", "content.yaml: line "),
        ("- just\n- a list\n", "content.yaml: expected a mapping"),
    ],
)
def test_unreadable_yaml(tmp_path: Path, text: str, message: str) -> None:
    """Duplicate keys, broken YAML and a non-mapping file are refused with the file name."""
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(message)):
        load_content(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a ContentError naming it."""
    with pytest.raises(ContentError, match=re.escape("absent.yaml: cannot read")):
        load_content(tmp_path / "absent.yaml")
