"""Table-driven turns: (state, data, input) -> (next state, message keys, effects)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest

from dialogs import catalog
from dialogs.effects import DeleteUserData, HandOff, RaiseUrgency
from dialogs.engine import MACHINE, UserInput, handle
from dialogs.flows import INITIAL_STATE
from tests.dialogs.chat import WEEKDAY_MORNING, check_limits


def form(**answers: Any) -> dict[str, Any]:
    return {"intake": {"answers": answers, "skipped": [], "page": 0, "resume": None}}


def text(value: str) -> UserInput:
    return UserInput("text", text=value)


def tap(data: str) -> UserInput:
    return UserInput("choice", data=data)


FAMILY = {"asker": {"choice": "family"}}
CASES: list[tuple[str, str, dict[str, Any], UserInput, str, list[str], list[type]]] = [
    # id, state, data, input, next state, message openings (catalog keys), effect types
    ("follow welcomes", INITIAL_STATE, {}, UserInput("follow"), "menu.main", ["welcome", "menu.prompt"], []),
    (
        "first text welcomes",
        INITIAL_STATE,
        {},
        text("こんにちは"),
        "menu.main",
        ["welcome", "menu.prompt"],
        [],
    ),
    (
        "media on menu",
        "menu.main",
        {},
        UserInput("unsupported"),
        "menu.main",
        ["unsupported_media", "menu.prompt"],
        [],
    ),
    ("services list", "menu.main", {}, tap("services"), "menu.main", ["services.prompt"], []),
    ("start intake", "menu.main", {}, tap("intake"), "intake.ask_asker", ["intake.intro", "q.asker"], []),
    (
        "self skips relation",
        "intake.ask_asker",
        form(),
        tap("answer:asker.self"),
        "intake.ask_age_band",
        ["q.age_band.self"],
        [],
    ),
    (
        "family gets relation",
        "intake.ask_asker",
        form(),
        tap("answer:asker.family"),
        "intake.ask_relation",
        ["q.relation.family"],
        [],
    ),
    (
        "typed asker",
        "intake.ask_asker",
        form(),
        text("息子のことで相談したいです"),
        "intake.ask_age_band",
        ["draft.noted", "q.age_band.other"],
        [],
    ),
    (
        "unclear typed asker",
        "intake.ask_asker",
        form(),
        text("うーん"),
        "intake.ask_asker",
        ["intake.choose_hint", "q.asker"],
        [],
    ),
    (
        "stale button ignored",
        "intake.ask_age_band",
        form(**FAMILY),
        tap("answer:asker.self"),
        "intake.ask_age_band",
        ["fallback", "q.age_band.other"],
        [],
    ),
    (
        "typed age",
        "intake.ask_age_band",
        form(**FAMILY),
        text("45歳です"),
        "intake.ask_duration",
        ["q.duration.other"],
        [],
    ),
    (
        "skip by button",
        "intake.ask_age_band",
        form(**FAMILY),
        tap("skip:age_band"),
        "intake.ask_duration",
        ["q.duration.other"],
        [],
    ),
    (
        "skip typed",
        "intake.ask_age_band",
        form(**FAMILY),
        text("答えたくない"),
        "intake.ask_duration",
        ["q.duration.other"],
        [],
    ),
    (
        "back to relation",
        "intake.ask_age_band",
        form(**FAMILY),
        text("戻る"),
        "intake.ask_relation",
        ["q.relation.family"],
        [],
    ),
    (
        "back skips relation for self",
        "intake.ask_age_band",
        form(asker={"choice": "self"}),
        tap("back"),
        "intake.ask_asker",
        ["q.asker"],
        [],
    ),
    ("back from first question", "intake.ask_asker", form(), tap("back"), "menu.main", ["menu.again"], []),
    (
        "later keeps the form",
        "intake.ask_hopes",
        form(**FAMILY),
        text("あとで"),
        "menu.main",
        ["intake.paused"],
        [],
    ),
    (
        "stop asks before a form with answers is dropped",
        "intake.ask_hopes",
        form(**FAMILY),
        tap("stop"),
        "menu.confirm_stop",
        ["stop.confirm"],
        [],
    ),
    (
        "stop drops an empty form",
        "intake.ask_hopes",
        form(),
        tap("stop"),
        "menu.main",
        ["intake.stopped"],
        [],
    ),
    (
        "discard after stop drops the form",
        "menu.confirm_stop",
        form(**FAMILY),
        tap("discard"),
        "menu.main",
        ["intake.stopped"],
        [],
    ),
    (
        "restart",
        "intake.ask_hopes",
        form(**FAMILY),
        text("最初から"),
        "intake.ask_asker",
        ["intake.intro", "q.asker"],
        [],
    ),
    (
        "toggle stays",
        "intake.ask_hopes",
        form(**FAMILY),
        tap("toggle:hopes.visit"),
        "intake.ask_hopes",
        ["q.hopes"],
        [],
    ),
    (
        "done moves on",
        "intake.ask_hopes",
        form(**FAMILY),
        tap("done:hopes"),
        "intake.ask_district",
        ["q.district"],
        [],
    ),
    (
        "free text answer",
        "intake.ask_considerations",
        form(**FAMILY),
        text("電話は苦手です"),
        "intake.ask_asker_distress",
        ["q.asker_distress"],
        [],
    ),
    (
        "self skips wellbeing",
        "intake.ask_considerations",
        form(asker={"choice": "self"}),
        tap("skip:considerations"),
        "intake.ask_own_words",
        ["q.own_words"],
        [],
    ),
    (
        "last question to review",
        "intake.ask_own_words",
        form(**FAMILY),
        tap("answer:own_words.none"),
        "consent.review",
        ["consent.preview", "consent.ask"],
        [],
    ),
    (
        "consent yes",
        "consent.review",
        form(**FAMILY),
        tap("share:summary"),
        "menu.main",
        ["consent.sent"],
        [HandOff],
    ),
    (
        "consent typed yes",
        "consent.review",
        form(**FAMILY),
        text("はい"),
        "menu.main",
        ["consent.sent"],
        [HandOff],
    ),
    ("consent no", "consent.review", form(**FAMILY), tap("no"), "menu.main", ["consent.declined"], []),
    (
        "human from menu",
        "menu.main",
        {},
        text("担当者と話したい"),
        "consent.review",
        ["consent.preview", "consent.ask"],
        [],
    ),
    (
        "delete asks first",
        "intake.ask_hopes",
        form(**FAMILY),
        text("データを消して"),
        "menu.confirm_delete",
        ["delete.confirm"],
        [],
    ),
    (
        "delete confirmed",
        "menu.confirm_delete",
        form(**FAMILY),
        tap("yes"),
        INITIAL_STATE,
        ["delete.done", "delete.talk_history"],
        [DeleteUserData],
    ),
    (
        "delete declined",
        "menu.confirm_delete",
        form(**FAMILY),
        text("いいえ"),
        "menu.main",
        ["delete.kept"],
        [],
    ),
    (
        "help re-asks",
        "intake.ask_contact",
        form(**FAMILY),
        text("使い方"),
        "intake.ask_contact",
        ["help", "q.contact"],
        [],
    ),
    (
        "crisis keeps the state",
        "intake.ask_contact",
        form(**FAMILY),
        text("もう死にたい"),
        "intake.ask_contact",
        ["crisis.first.suicidal", "crisis.phones", "crisis.offer"],
        [RaiseUrgency],
    ),
    (
        "urgent on a choice question",
        "intake.ask_contact",
        form(**FAMILY),
        text("今夜泊まるところがない"),
        "intake.ask_contact",
        ["urgent.tonight", "urgent.offer"],
        [RaiseUrgency],
    ),
    (
        "urgent words still answer",
        "intake.ask_considerations",
        form(**FAMILY),
        text("電気が止められた"),
        "intake.ask_asker_distress",
        ["urgent.info", "q.asker_distress"],
        [RaiseUrgency],
    ),
    (
        "continue after crisis",
        "intake.ask_contact",
        form(**FAMILY),
        tap("resume"),
        "intake.ask_contact",
        ["q.contact"],
        [],
    ),
]


def recognises(key: str, message: str) -> bool:
    template = catalog.text(key)
    head = template.split("{")[0].splitlines()[0] if template.split("{")[0].strip() else ""
    return message.startswith(head[:15]) if head else True


@pytest.mark.parametrize(
    ("state", "data", "user_input", "next_state", "keys", "effects"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_turn(state, data, user_input, next_state, keys, effects) -> None:
    turn = handle(state, data, user_input, now=WEEKDAY_MORNING)
    check_limits(turn.messages)
    assert turn.state == next_state
    assert len(turn.messages) == len(keys), [m.text[:20] for m in turn.messages]
    for key, message in zip(keys, turn.messages, strict=True):
        assert recognises(key, message.text), (key, message.text[:40])
    assert [type(e) for e in turn.effects] == effects


def test_input_data_is_not_mutated() -> None:
    data = form(**FAMILY)
    handle("intake.ask_age_band", data, tap("answer:age_band.40_64"), now=WEEKDAY_MORNING)
    assert data == form(**FAMILY)


def test_unknown_state_restarts() -> None:
    turn = handle("gone.away", {}, UserInput("follow"), now=WEEKDAY_MORNING)
    assert turn.state == "menu.main"


def test_long_pause_offers_to_continue_or_start_over() -> None:
    data = {**form(**FAMILY), "last_at": (WEEKDAY_MORNING - timedelta(minutes=31)).isoformat()}
    turn = handle("intake.ask_hopes", data, text("こんにちは"), now=WEEKDAY_MORNING)
    assert turn.state == "menu.resume"
    assert [c.data for c in turn.messages[-1].choices] == ["resume", "restart", "menu"]
    resumed = handle(turn.state, turn.data, tap("resume"), now=WEEKDAY_MORNING)
    assert resumed.state == "intake.ask_hopes"


def test_short_pause_continues() -> None:
    data = {**form(**FAMILY), "last_at": (WEEKDAY_MORNING - timedelta(minutes=29)).isoformat()}
    turn = handle("intake.ask_hopes", data, tap("done:hopes"), now=WEEKDAY_MORNING)
    assert turn.state == "intake.ask_district"


def test_paused_form_resumes_from_menu() -> None:
    paused = handle("intake.ask_hopes", form(**FAMILY), text("あとで"), now=WEEKDAY_MORNING)
    assert "resume" in [c.data for c in paused.messages[-1].choices]
    resumed = handle(paused.state, paused.data, tap("resume"), now=WEEKDAY_MORNING)
    assert resumed.state == "intake.ask_hopes"


def test_long_text_is_an_answer_not_a_command() -> None:
    words = "息子には、やめるように言っても聞いてもらえず、もう何年もこのままです"
    turn = handle("intake.ask_own_words", form(**FAMILY), text(words), now=WEEKDAY_MORNING)
    assert turn.state == "consent.review"
    assert turn.data["intake"]["answers"]["own_words"] == {"words": words}


def test_every_destination_is_a_state() -> None:
    for event in MACHINE.events.values():
        for transitions in event.transitions.values():
            for transition in transitions:
                assert transition.dest is None or transition.dest in MACHINE.states


def test_a_turn_is_fast() -> None:
    start = time.perf_counter()
    for _ in range(50):
        handle("intake.ask_hopes", form(**FAMILY), tap("toggle:hopes.visit"), now=WEEKDAY_MORNING)
    assert (time.perf_counter() - start) / 50 < 0.005
