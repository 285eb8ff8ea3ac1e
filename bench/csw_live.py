"""How soon an open dashboard page shows what happened elsewhere, measured in headless Chromium.

PYTHONPATH=. python bench/csw_live.py [ROUNDS]   # JSON: seconds until the page shows it, p50/max

Three things are timed with the dashboard's default polling interval (TSUNAGU_CSW_POLL_SECONDS):
a crisis message reaching the crisis banner of a CSW's open case page, an ordinary message reaching
its thread, and a colleague's claim reaching a second tab. Each clock starts before the webhook is
posted (or the claim is made), so the figures include the worker's turn as well as the polling.
Needs Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from typing import Any

import httpx

from bot.migrate import upgrade
from bot.simulator import Simulator
from tests.handoff.helpers import add_account, csrf_in, hand_off, login

CRISIS = "息子と一緒に死んでしまおうかと思うときがあります"


def figures(samples: list[float]) -> dict[str, float]:
    """p50 and max of the samples, in seconds."""
    return {"p50_s": round(statistics.median(samples), 2), "max_s": round(max(samples), 2), "n": len(samples)}


def open_page(browser: Any, sim: Simulator, login_id: str, password: str) -> Any:
    """A logged-in page in its own context."""
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{sim.base_url}/csw/login")
    page.fill("input[name=login]", login_id)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{sim.base_url}/csw")
    return page


def main(rounds: int) -> None:
    """Run the rounds and print the figures."""
    from playwright.sync_api import sync_playwright

    os.environ["TSUNAGU_CSW_COOKIE_SECURE"] = "false"
    crisis: list[float] = []
    message: list[float] = []
    claim: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        database_url = f"sqlite:///{tmp}/live.db"
        upgrade(database_url)
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        with Simulator(database_url) as sim:
            password = add_account(database_url, "sato", team="csw_shared")
            colleague_password = add_account(database_url, "suzuki", team="csw_shared")
            page = open_page(browser, sim, "sato", password)
            other = open_page(browser, sim, "suzuki", colleague_password)
            for n in range(rounds):
                user = f"person{n}"
                code = hand_off(sim, user)["code"]
                page.goto(f"{sim.base_url}/csw/cases/{code}")
                other.goto(f"{sim.base_url}/csw/cases/{code}")
                other.wait_for_selector("#claim")
                with httpx.Client(base_url=sim.base_url) as client:
                    login(client, "sato", password)
                    token = csrf_in(client.get(f"/csw/cases/{code}").text)
                    start = time.monotonic()
                    client.post(f"/csw/cases/{code}/claim", data={"csrf": token})
                other.wait_for_selector("#case-status:has-text('担当決定')")
                claim.append(time.monotonic() - start)

                words = f"聞いてほしいことがあります（{n}）"
                start = time.monotonic()
                sim.send(user, words)
                page.wait_for_selector(f"#thread .msg.user:has-text('{words}')")
                message.append(time.monotonic() - start)

                start = time.monotonic()
                sim.send(user, CRISIS)
                page.wait_for_selector(f"#crisis-alerts [data-case='{code}']")
                crisis.append(time.monotonic() - start)
                page.click("#acknowledge")
                page.wait_for_selector("#alert", state="detached")
        browser.close()
    print(
        json.dumps(
            {
                "crisis_banner": figures(crisis),
                "new_message": figures(message),
                "colleague_claim": figures(claim),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
