"""Session 10, the 受付票 tells who is who (intake12): a neighbour writing of an elderly neighbour, a
carer's own age beside her father's, a relative's job loss, the confirm screen naming every worry, the
role never asked again once said, a tap on a ticked option taking it off, and 「それでいい」「べつに」.
Each test types the tester's words, with a few variants of our own."""

from __future__ import annotations

import pytest

from dialogs import catalog
from dialogs.summary import build_summary, person_preview, summary_text
from tests.dialogs.chat import Chat, intake_answers, said, started


def sheet_of(*messages: str) -> Chat:
    """A conversation that typed `messages` and asked for a person (the consent screen is shown)."""
    chat = started(*messages, "担当の人に伝えたい")
    assert chat.state == "consent.review"
    return chat


# ---------------------------------------------------------------- 1a. a neighbour writes


@pytest.mark.parametrize(
    "messages",
    [
        ("近所の者です", "隣のおばあちゃん、80歳くらいで最近見かけない"),
        ("隣のおばあちゃん、80歳くらいで最近見かけない",),
        (
            "近所に住んでいる者ですが",
            "となりのおじいさん、85歳で一人暮らしなんですが、ここ3日ほど姿を見ません",
        ),
        ("近所の方、85歳でひとり暮らしなんですが、ここ1週間顔を見てないんです",),
    ],
)
def test_a_neighbour_writing_of_an_elderly_neighbour_unseen_is_a_supporter_and_urgent(
    messages: tuple[str, ...],
) -> None:
    chat = sheet_of(*messages)
    summary = build_summary(chat.data)
    assert summary["asker"] == "supporter"
    assert summary["relation"] == "other_supporter"
    assert summary["age_band"] == "65_plus"
    assert summary["urgency"] == "crisis"
    assert "相談者：本人" not in summary_text(chat.data)


def test_neighbours_to_keep_it_from_do_not_make_a_mother_a_supporter() -> None:
    summary = build_summary(sheet_of("近所の人に知られたくないです。息子が10年ひきこもっています").data)
    assert summary["asker"] == "family" and summary["relation"] == "parent"


# ---------------------------------------------------------------- 1b. a carer's own age


@pytest.mark.parametrize(
    "messages",
    [
        ("42歳です。78歳の父の介護をしています",),
        ("42です。父(78)の介護をしています",),
        ("42歳です", "78歳の父の介護をしています"),
        ("今年で42になります。母が80歳で認知症です",),
    ],
)
def test_a_carers_own_age_is_hers_and_her_parents_is_the_persons(messages: tuple[str, ...]) -> None:
    summary = build_summary(sheet_of(*messages).data)
    assert summary["asker"] == "family" and summary["relation"] == "child"
    assert summary["age_band"] == "65_plus"
    assert (summary["asker_wellbeing"] or {}).get("age_band") == "40_64"


# ---------------------------------------------------------------- 1c. a relative's job loss


@pytest.mark.parametrize(
    "messages",
    [
        ("眠れません", "兄が失業して"),
        ("眠れません", "息子が仕事をクビになって"),
        ("しんどいです", "弟が会社クビになってしもて"),
        ("息子が仕事をクビになって",),
    ],
)
def test_a_relatives_job_loss_is_the_persons_not_the_writers(messages: tuple[str, ...]) -> None:
    chat = sheet_of(*messages)
    summary = build_summary(chat.data)
    assert summary["asker"] == "family"
    assert "job_search" in summary["concerns"]
    assert "job_search" not in (summary["asker_wellbeing"] or {}).get("concerns", [])


# ---------------------------------------------------------------- 2. the confirm screen names every worry


@pytest.mark.parametrize(
    ("messages", "named"),
    [
        (
            ("息子が10年ひきこもっていて、誰とも話していません",),
            ["家から出にくいこと"],
        ),
        (("兄が失業して、借金もあります",), ["仕事のこと", "借金や支払いのこと"]),
        (("近所の者です", "隣のおばあちゃん、80歳くらいで最近見かけない"), ["話せる人がいないこと"]),
    ],
)
def test_the_confirm_screen_names_each_worry_that_is_sent(
    messages: tuple[str, ...], named: list[str]
) -> None:
    chat = sheet_of(*messages)
    shown = person_preview(chat.data)
    summary = build_summary(chat.data)
    sent = [*summary["concerns"], *((summary["asker_wellbeing"] or {}).get("concerns") or [])]
    assert all(name in shown for name in named), shown
    for concern in sent:
        assert catalog.text(f"person.concern.{concern}") in shown, (concern, shown)
    assert "くわしくは" not in shown


# ---------------------------------------------------------------- 3. the role is never asked again


@pytest.mark.parametrize(
    ("first", "asker"),
    [
        ("母です", "family"),
        ("息子が10年ひきこもっています", "family"),
        ("本人でございます", "self"),
        ("本人です。仕事がなくて困っています", "self"),
    ],
)
def test_the_role_said_in_words_is_not_asked_again(first: str, asker: str) -> None:
    chat = started(first)
    assert intake_answers(chat)["asker"]["choice"] == asker
    chat.tap("相談の準備")
    assert chat.state != "intake.ask_asker"
    assert "立場に近いもの" not in said(chat)
    assert "duration" not in intake_answers(chat) or first != "本人でございます"


@pytest.mark.parametrize("typed", ["本人でございます", "本人です", "ほんにんです"])
def test_i_am_the_person_politely_is_the_role_not_the_length(typed: str) -> None:
    chat = started(typed)
    answers = intake_answers(chat)
    assert answers["asker"]["choice"] == "self"
    assert "duration" not in answers


# ---------------------------------------------------------------- 4. a tap toggles


def at_concerns(first: str = "お金がなくて困っています") -> Chat:
    chat = started(first)
    chat.tap("相談の準備をする")
    while chat.state != "intake.ask_concerns":
        chat.tap("答えたくない")
    return chat


@pytest.mark.parametrize("first", ["お金がなくて困っています", "お金がない", "金欠でやばい"])
def test_tapping_a_ticked_option_unticks_it(first: str) -> None:
    chat = at_concerns(first)
    assert "economic" in intake_answers(chat)["concerns"]["choices"]
    chat.tap("お金")
    assert "economic" not in intake_answers(chat)["concerns"]["choices"]
    assert "印を外しました" in said(chat)
    chat.tap("お金")
    assert "economic" in intake_answers(chat)["concerns"]["choices"]


@pytest.mark.parametrize("typed", ["お金・生活費", "お金・生活費。", "✓ お金・生活費"])
def test_typing_the_label_of_a_ticked_option_unticks_it(typed: str) -> None:
    chat = at_concerns()
    chat.send(typed)
    assert "economic" not in intake_answers(chat)["concerns"]["choices"]
    assert "印を外しました" in said(chat)


# ---------------------------------------------------------------- 5. short answers


@pytest.mark.parametrize("typed", ["それでいい", "それで大丈夫です", "うん、それで", "それでええよ"])
def test_agreeing_at_the_confirm_screen_sends(typed: str) -> None:
    chat = sheet_of("息子が10年ひきこもっています")
    chat.send(typed)
    assert "handoff" in chat.data
    assert "書き加えました" not in said(chat)


@pytest.mark.parametrize("typed", ["べつに", "とくにない", "別にないです", "特に"])
def test_nothing_else_at_the_last_question_is_nothing(typed: str) -> None:
    chat = started("息子が10年ひきこもっています")
    chat.tap("相談の準備をする")
    while chat.state != "intake.ask_own_words":
        chat.tap("答えたくない")
    chat.send(typed)
    assert chat.state != "intake.ask_own_words"
    assert intake_answers(chat).get("own_words", {}).get("choice") == "none"
