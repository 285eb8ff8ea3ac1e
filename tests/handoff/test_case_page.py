"""The case page's reading of a case: the consented conversation with the bot, and the summary in Japanese."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.simulator import Simulator
from bot.store.case_tables import Case
from bot.store.db import sync_url
from dialogs import catalog
from dialogs.summary import label_for
from handoff.web import summary_items
from tests.handoff.helpers import add_account, dashboard_client, hand_off, login

TYPED = "家賃が3か月たまっていて <b>どうしたら</b> いいか"


def hand_off_sharing(sim: Simulator, user: str, *, conversation: bool) -> dict[str, Any]:
    """A person types something, asks for a person and consents with or without the conversation."""
    before = {c["code"] for c in sim.cases()}
    sim.follow(user)
    sim.send(user, TYPED)
    sim.choose(user, catalog.text("menu.human"))
    sim.choose(user, catalog.text("consent.share_conversation" if conversation else "consent.share_summary"))
    new = [c for c in sim.cases() if c["code"] not in before]
    assert len(new) == 1, new
    return new[0]


def case_page(sim: Simulator, database_url: str, code: str) -> str:
    """The case page as a supervisor sees it."""
    password = add_account(database_url, "boss", role="supervisor")
    with dashboard_client(sim) as client:
        login(client, "boss", password)
        response = client.get(f"/csw/cases/{code}")
    assert response.status_code == 200
    return response.text


def test_consented_conversation_is_on_the_case_page(sim: Simulator, database_url: str) -> None:
    case = hand_off_sharing(sim, "u1", conversation=True)
    page = case_page(sim, database_url, case["code"])
    history = page[page.index('id="bot-conversation"') :]
    assert 'id="summary-only"' not in page
    assert "家賃が3か月たまっていて &lt;b&gt;どうしたら&lt;/b&gt; いいか" in history, "typed text, inert"
    assert "<b>どうしたら</b>" not in page
    welcome_first_line = catalog.text("welcome").splitlines()[1]
    assert welcome_first_line in history, "the bot's own messages are shown"
    tapped = history.index(catalog.text("menu.human") + "</div>")
    assert history.index(welcome_first_line) < history.index("家賃が3か月") < tapped, "oldest first"
    assert "（ボタンを選択）" in history, "a tapped button shows as its label"
    assert sim.user_id("u1") not in page


def test_summary_only_consent_shows_a_note_and_no_conversation(sim: Simulator, database_url: str) -> None:
    case = hand_off_sharing(sim, "u1", conversation=False)
    page = case_page(sim, database_url, case["code"])
    assert 'id="summary-only"' in page
    assert "受付票（要約）だけの共有に同意しました" in page
    assert catalog.text("welcome").splitlines()[1] not in page
    assert catalog.text("menu.prompt") not in page


def test_summary_labels_reuse_the_dialogs_wording() -> None:
    assert label_for("concerns", "economic") == "経済的困窮"
    assert label_for("concerns", "family_relations") == "家族関係"
    assert label_for("asker", "family") == catalog.text("asker.family")
    assert label_for("age_band", "40_64") == catalog.text("opt.age_band.40_64")
    assert label_for("duration", "3y_10y") == catalog.text("opt.duration.3y_10y")
    assert label_for("hopes", "connect") == catalog.text("opt.hopes.connect")
    assert label_for("contact", "line") == catalog.text("opt.contact.line")
    assert label_for("distress", "hard") == catalog.text("opt.asker_distress.hard")
    assert label_for("unanswered", "contact_times") == catalog.text("question.contact_times")
    assert label_for("relation", "叔母") == "叔母", "typed words come back unchanged"
    assert label_for("no_such_key", "economic") == "economic"


SUMMARY = {
    "asker": "family",
    "relation": "parent",
    "age_band": "40_64",
    "duration": "over_10y",
    "concerns": ["economic", "withdrawal", "family_relations"],
    "urgency": "normal",
    "urgency_reasons": [],
    "hopes": ["listen", "connect"],
    "contact": "line",
    "contact_times": "weekday_afternoon",
    "considerations": "電話は苦手です",
    "district": None,
    "own_words": {"concerns": "economic な話ではなく"},
    "unanswered": ["district"],
    "asker_wellbeing": {"distress": "very_hard", "situation": None},
}


def test_summary_items_are_in_japanese() -> None:
    items = dict(summary_items(SUMMARY))
    assert items["concerns"] == "経済的困窮、ひきこもり状態、家族関係"
    assert items["asker"] == "家族"
    assert items["relation"] == "親"
    assert items["age_band"] == "40〜64歳"
    assert items["hopes"] == "話を聞いてほしい、窓口・担当者につないで"
    assert items["contact"] == "このLINEで"
    assert items["considerations"] == "電話は苦手です"
    assert items["unanswered"] == "地区"
    assert items["own_words"] == [("concerns", "economic な話ではなく")], "the person's words stay verbatim"
    assert items["asker_wellbeing"] == [("distress", "とてもしんどい")]
    assert "district" not in items and "urgency_reasons" not in items


def test_case_page_summary_shows_labels_not_ids(sim: Simulator, database_url: str) -> None:
    case = hand_off(sim, "u1")
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.execute(update(Case).where(Case.code == case["code"]).values(summary=SUMMARY))
    engine.dispose()
    page = case_page(sim, database_url, case["code"])
    structured = page[
        page.index('class="structured"') : page.index("</dl>", page.index('class="structured"'))
    ]
    for label in (
        "経済的困窮",
        "ひきこもり状態",
        "40〜64歳",
        "10年以上",
        "このLINEで",
        "平日の午後",
        "とてもしんどい",
    ):
        assert label in structured, label
    for raw in ("economic,", ">economic", "40_64", "over_10y", "weekday_afternoon", "very_hard", ">family"):
        assert raw not in structured, raw


def test_the_crisis_replies_the_bot_sent_are_in_the_shared_conversation(
    sim: Simulator, database_url: str
) -> None:
    sim.follow("u1")
    sim.send("u1", "もう死にたい")
    sim.choose("u1", catalog.text("crisis.human"))
    sim.choose("u1", catalog.text("consent.share_conversation"))
    sim.send("u1", "やっぱりもう消えたい、薬をためてる")
    [case] = sim.cases()
    page = case_page(sim, database_url, case["code"])
    history = page[page.index('id="bot-conversation"') :]
    typed = history.index("もう死にたい")
    hotline = history.index("0120-279-338", typed)  # the welcome names the line too outside office hours
    assert hotline < history.index("（ボタンを選択）"), "the hotlines given, in order"
    reply = history[history.rindex("<li", 0, hotline) : hotline]
    assert 'class="msg bot crisis-reply"' in reply, "marked as the bot's answer to danger"
    assert "119" in history[typed:hotline], "whether 119 was given shows too"
    crisis_replies = re.findall(r'<li class="msg bot crisis-reply">.*?</li>', history, re.S)
    given = [reply for reply in crisis_replies if "0120-279-338" in reply]
    assert len(given) == 1, "only the consented range: not the reply after the hand-off"
    welcome = catalog.text("welcome")
    assert '<details class="bot-reply">' in history and welcome not in history, "ordinary replies are folded"


def test_the_persons_typed_answers_read_under_japanese_labels_once(sim: Simulator, database_url: str) -> None:
    """Try-out: 「hopes」「contact_times」「considerations」 named her words, and one hope showed twice."""
    before = {c["code"] for c in sim.cases()}
    sim.follow("u1")
    sim.choose("u1", catalog.text("menu.intake"))
    for typed in (
        "じぶんのこと",
        "34",
        "会社辞めてから2年くらい",
        "お金がなくて、カードの支払いも滞ってる",
    ):
        sim.send("u1", typed)
    sim.choose("u1", catalog.text("nav.done"))
    sim.send("u1", "まずは話を聞いてほしいです")
    sim.choose("u1", catalog.text("nav.done"))
    for typed in ("にしかわ", "LINEがいい", "夕方以降だとうれしい", "電話は苦手です", "特にないです"):
        sim.send("u1", typed)
    sim.choose("u1", catalog.text("consent.share_summary"))
    (case,) = [c for c in sim.cases() if c["code"] not in before]
    page = case_page(sim, database_url, case["code"])
    for raw in (">hopes<", ">contact_times<", ">considerations<"):
        assert raw not in page, raw
    assert "配慮してほしいこと" in page and "電話は苦手です" in page
    assert "まずは話を聞いてほしい\nまずは話を聞いてほしいです" not in page
