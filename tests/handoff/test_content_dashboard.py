"""The dashboard shows the content file in use: the second city's districts, teams and reply times."""

from __future__ import annotations

import pytest

from bot.simulator import Simulator
from dialogs.content import load_content
from tests.conftest import SECOND_CITY
from tests.handoff.helpers import add_account, dashboard_client, hand_off, login


def test_the_dashboard_lists_the_second_citys_districts_and_teams(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filters offer all 13 districts, cases land with its shared team, and its team ids make accounts."""
    monkeypatch.setenv("TSUNAGU_CSW_COOKIE_SECURE", "false")
    city = load_content(SECOND_CITY)
    with Simulator(database_url, TSUNAGU_CONTENT_PATH=str(SECOND_CITY)) as sim:
        hand_off(sim, "u1")
        add_account(database_url, "honmachi", team="team_honmachi")  # a team only ほしみ市 has
        password = add_account(database_url, "boss", role="supervisor")
        with dashboard_client(sim) as client:
            login(client, "boss", password)
            page = client.get("/csw").text
    assert len(city.districts) == 13
    assert all(district.name in page for district in city.districts)
    assert "ほしみ市全域ささえあいチーム" in page
    assert "つなぐ市" not in page and "中央地区" not in page
