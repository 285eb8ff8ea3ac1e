"""Take the README's dashboard screenshots: the queue and a case page at 1366×768 and 768 wide, and a
crisis case's shared conversation (the hotlines the bot gave) at 768 wide.

Run: `.venv/bin/python -m tests.handoff.screenshots docs/` (needs /usr/bin/chromium). It starts the
simulator on a temporary SQLite database, hands off a few cases through the real consent flow, and
fills one 受付票 the way a mother's intake would, so the pages show what a CSW meets.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from bot.migrate import upgrade
from bot.simulator import Simulator
from bot.store.case_tables import Case
from bot.store.db import sync_url
from tests.handoff.helpers import add_account, hand_off, wait_for

CHROMIUM = "/usr/bin/chromium"
MOTHER = {
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
    "considerations": "電話は苦手です。息子には内緒で相談しています",
    "district": None,
    "own_words": {"own_words": "息子が15年部屋から出てきません。年金だけでは暮らしが苦しくなってきました。"},
    "unanswered": ["district"],
    "asker_wellbeing": {"distress": "very_hard", "situation": None},
}


def set_summary(database_url: str, code: str, summary: dict[str, object]) -> None:
    """Give a case a fuller 受付票 than the quick consent path writes."""
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session, session.begin():
        session.execute(update(Case).where(Case.code == code).values(summary=summary))
    engine.dispose()


def main(out: Path) -> None:
    """Hand off cases, open the dashboard in Chromium and save the five screenshots into `out`."""
    from playwright.sync_api import sync_playwright

    os.environ["TSUNAGU_CSW_COOKIE_SECURE"] = "false"
    with tempfile.TemporaryDirectory() as tmp:
        database_url = f"sqlite:///{tmp}/screens.db"
        upgrade(database_url)
        with Simulator(database_url) as sim:
            password = add_account(database_url, "sato", team="csw_shared")
            calm = hand_off(sim, "mother")
            set_summary(database_url, calm["code"], MOTHER)
            alone = hand_off(sim, "alone", crisis=True, conversation=True)
            hand_off(sim, "quiet")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
                )
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.on("dialog", lambda dialog: dialog.accept())
                page.goto(f"{sim.base_url}/csw/login")
                page.fill("input[name=login]", "sato")
                page.fill("input[name=password]", password)
                page.click("button[type=submit]")
                page.goto(f"{sim.base_url}/csw/cases/{calm['code']}")
                page.click("#claim")
                page.wait_for_selector("#reply-form:not([hidden])")
                sim.send("mother", "よろしくお願いします。夜はあまり眠れていません")
                page.wait_for_selector("#thread .msg.user")
                page.fill("#reply-text", "はじめまして。相談員の佐藤です。読ませていただきました。")
                page.click("#send-reply")
                wait_for(lambda: page.locator("#thread .msg.csw").count() == 1)
                page.fill("#note-text", "電話は苦手とのこと。LINEで続ける")
                page.click("#save-note")
                page.wait_for_selector("#thread .msg.note")
                page.evaluate("document.getElementById('flash').hidden = true; window.scrollTo(0, 0)")
                page.screenshot(path=str(out / "csw-case-1366.png"))
                page.set_viewport_size({"width": 768, "height": 1024})
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(out / "csw-case-768.png"), full_page=True)
                page.goto(f"{sim.base_url}/csw/cases/{alone['code']}")
                page.locator("#bot-conversation").screenshot(path=str(out / "csw-conversation-768.png"))
                page.goto(f"{sim.base_url}/csw")
                page.wait_for_selector("#queue-rows [data-case]")
                page.screenshot(path=str(out / "csw-queue-768.png"))
                page.set_viewport_size({"width": 1366, "height": 768})
                page.screenshot(path=str(out / "csw-queue-1366.png"))
                browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
