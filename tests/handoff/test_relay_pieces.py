"""Danger told in pieces to a CSW who holds the case: the person gets 119, the case goes to the top."""

from __future__ import annotations

from bot.simulator import Simulator
from dialogs import catalog as dialog_catalog
from tests.handoff.helpers import case_row, csw_with_case


def test_pills_in_pieces_to_the_csw_get_119_and_raise_the_case(sim: Simulator, database_url: str) -> None:
    with csw_with_case(sim, database_url, "u1", claimed=True) as (client, code):
        sim.send("u1", "しにたい")
        before = len(sim.received("u1"))
        sim.send("u1", "くすり")
        assert len(sim.received("u1")) == before, "a piece alone stays between the person and the CSW"

        sim.send("u1", "のんだ")
        replies = "\n".join(message.text for message in sim.received("u1")[before:])
        assert dialog_catalog.text("crisis.first.overdose").split("\n")[0] in replies
        stored = case_row(database_url, code)
        assert stored.alert and stored.urgency == "crisis"
        assert any("のんだ" in reason for reason in stored.urgency_reasons)
        thread = client.get(f"/csw/cases/{code}/thread").text
        assert "くすり" in thread and "のんだ" in thread and "危機の言葉" in thread
