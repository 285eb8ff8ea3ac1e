"""While a CSW holds the conversation, the dialog decides what goes to the case and what it answers."""

from __future__ import annotations

from dialogs import catalog
from dialogs.effects import DeleteUserData, RaiseUrgency, RelayToCase
from dialogs.engine import Turn, UserInput, handle
from dialogs.flows.common import MenuStates
from tests.dialogs.chat import WEEKDAY_MORNING

MAIN = MenuStates.MAIN.value


def turn(state: str, user_input: UserInput, *, with_person: bool = True) -> Turn:
    """One turn at a weekday morning."""
    return handle(state, {}, user_input, now=WEEKDAY_MORNING, with_person=with_person)


def test_typed_words_go_to_the_case_and_the_bot_stays_quiet() -> None:
    result = turn(MAIN, UserInput("text", text="家族のことを相談したいです"))
    assert result.messages == ()
    assert result.effects == (RelayToCase("家族のことを相談したいです", "none", bot_answers=False),)
    assert result.state == MAIN


def test_facts_for_the_form_are_not_echoed_while_a_person_reads() -> None:
    """「息子は35歳です」 during a CSW chat: the bot said 「…と受け取りました」 between the two people."""
    result = turn(MAIN, UserInput("text", text="息子は35歳で、中央地区に住んでいます"))
    assert result.messages == ()


def test_crisis_words_reach_the_case_and_get_resources_at_once() -> None:
    result = turn(MAIN, UserInput("text", text="もう死にたい"))
    relayed = [e for e in result.effects if isinstance(e, RelayToCase)]
    assert relayed == [RelayToCase("もう死にたい", "crisis", bot_answers=True)]
    assert any(isinstance(e, RaiseUrgency) and e.level == "crisis" for e in result.effects)
    assert result.messages, "emergency resources are sent"


def test_the_words_to_delete_still_reach_the_dialog() -> None:
    result = turn(MAIN, UserInput("text", text="データを消して"))
    assert result.effects == (RelayToCase("データを消して", "none", bot_answers=True),)
    assert result.state == MenuStates.CONFIRM_DELETE.value
    confirmed = turn(result.state, UserInput("choice", data="yes"))
    assert confirmed.effects == (DeleteUserData(),)


def test_a_tapped_button_is_told_a_person_is_here() -> None:
    result = turn(MAIN, UserInput("choice", data="menu"))
    assert [m.text for m in result.messages] == [catalog.text("relay.still_connected")]
    assert result.effects == ()


def test_without_a_person_nothing_is_relayed() -> None:
    result = turn(MAIN, UserInput("text", text="家族のことを相談したいです"), with_person=False)
    assert not any(isinstance(e, RelayToCase) for e in result.effects)
    assert result.messages


def test_stickers_and_follows_are_the_dialogs_even_with_a_person() -> None:
    assert not any(
        isinstance(e, (RelayToCase, DeleteUserData)) for e in turn(MAIN, UserInput("unsupported")).effects
    )
