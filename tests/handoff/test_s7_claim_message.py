"""Try-out 7, A13: when a CSW takes a case, the person is told that someone is reading now, at any hour,
in the language they wrote in.

At 02:05 a hit child was told 「いまは受付時間外なので、相談員が読むのは…8:30から」 and, a second later,
got the CSW's question; the notice was also in ordinary kanji although she wrote in hiragana only.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.simulator import Simulator
from bot.store.case_tables import Case
from dialogs import catalog as dialog_catalog
from dialogs.content import current_content
from handoff import catalog, relay
from tests.handoff.helpers import add_account, claim, dashboard_client, login


def shared_case() -> Case:
    return Case(team=current_content().shared_team)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({}, "relay.claimed"),
        ({"intake": {"language": []}}, "relay.claimed"),
        ({"intake": {"language": ["easy"]}}, "relay.claimed.easy"),
        ({"intake": {"language": ["easy", "en"]}}, "relay.claimed.en"),
    ],
)
def test_the_claim_notice_says_someone_reads_now_in_the_persons_language(
    data: dict[str, Any], key: str
) -> None:
    told = relay.claimed_notice(shared_case(), data)
    assert told == catalog.text(key, team="")
    assert "受付時間外" not in told and "8:30" not in told


def test_no_claim_notice_speaks_of_office_hours() -> None:
    for key, text in catalog.entries().items():
        if key.startswith("relay.claimed"):
            assert "受付時間" not in text and "{opens}" not in text, key


def test_a_child_writing_in_hiragana_is_told_in_hiragana_that_a_person_reads_now(
    sim: Simulator, database_url: str
) -> None:
    password = add_account(database_url, "sato", team="csw_chuo")
    sim.follow("kou16")
    sim.send("kou16", "こわい。 だれか に はなしたい。 たすけて ほしい")
    sim.send("kou16", "たんとうしゃに つたえたい")
    sim.choose("kou16", dialog_catalog.text("consent.share_conversation"))
    code = sim.cases()[-1]["code"]
    with dashboard_client(sim) as client:
        login(client, "sato", password)
        claim(client, code)
        sim.wait_idle()
    told = sim.received("kou16")[-1].text
    assert told == catalog.text("relay.claimed.easy", team="")
