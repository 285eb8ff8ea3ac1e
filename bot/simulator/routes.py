"""The simulator's face in the app: a LINE-like chat page and the small API behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.simulator import driver
from bot.simulator.fake_line import FakeLine
from bot.store.case_tables import Case
from bot.store.tables import InboxEvent, OutboxMessage
from bot.store.types import InboxStatus, OutboxStatus

CHAT_PAGE = Path(__file__).with_name("chat.html")


class UserAction(BaseModel):
    """What a simulated user does: type text, tap a choice (postback data), or follow."""

    user: str = Field(min_length=1, max_length=40)
    text: str | None = Field(default=None, max_length=5000)
    data: str | None = Field(default=None, max_length=300)


def case_view(case: Case) -> dict[str, Any]:
    """A handoff case as the simulator shows it (no LINE ids)."""
    return {
        "code": case.code,
        "status": case.status,
        "urgency": case.urgency,
        "summary": case.summary,
        "summary_text": case.summary_text,
        "consent": {
            "scope": case.consent_scope,
            "at": case.consented_at.isoformat(),
            "version": case.consent_version,
        },
    }


def mount_simulator(app: FastAPI, fake: FakeLine, api_path: str) -> None:
    """Mount the fake LINE API and the simulator's chat page and API on `app`."""
    app.state.fake_line = fake
    app.mount(api_path, fake.app())

    async def post_events(request: Request, events: list[dict[str, Any]]) -> None:
        """Sign and post events to this server's own webhook, as LINE would."""
        runtime: Runtime = request.app.state.runtime
        body = driver.webhook_body(events)
        headers = {"x-line-signature": driver.sign(runtime.settings.channel_secret, body)}
        async with httpx.AsyncClient(base_url=str(request.base_url)) as client:
            response = await client.post("/line/webhook", content=body, headers=headers)
        if response.status_code != 200:
            raise HTTPException(502, "webhook refused the event")

    @app.get("/simulator", response_class=HTMLResponse, include_in_schema=False)
    async def chat_page() -> HTMLResponse:
        """The browser chat that looks and behaves like a LINE one-to-one chat."""
        return HTMLResponse(CHAT_PAGE.read_text(encoding="utf-8"))

    @app.post("/simulator/api/send", include_in_schema=False)
    async def send(action: UserAction, request: Request) -> dict[str, str]:
        """The simulated user types text, taps a choice, or (with neither) adds the account."""
        user_id = driver.simulated_user_id(action.user)
        if action.data is not None:
            event = driver.postback_event(fake, user_id, action.data)
        elif action.text:
            event = driver.text_event(fake, user_id, action.text)
        else:
            event = driver.follow_event(fake, user_id)
        await post_events(request, [event])
        return {"status": "sent"}

    @app.get("/simulator/api/messages", include_in_schema=False)
    async def messages(user: str, after: int = 0) -> dict[str, Any]:
        """Messages delivered to a simulated user, from index `after` on."""
        received = fake.received(driver.simulated_user_id(user))
        return {
            "next": len(received),
            "messages": [
                {"text": d.text, "choices": [{"label": lb, "data": dt} for lb, dt in d.choices]}
                for d in received[after:]
            ],
        }

    @app.get("/simulator/api/idle", include_in_schema=False)
    async def idle(request: Request) -> dict[str, int]:
        """How many events and outgoing messages are still waiting (0 and 0 when all is done)."""
        runtime: Runtime = request.app.state.runtime
        async with runtime.sessions() as session:
            inbox = await session.scalar(
                select(func.count()).select_from(InboxEvent).where(InboxEvent.status == InboxStatus.PENDING)
            )
            outbox = await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)))
            )
        return {"inbox_pending": int(inbox or 0), "outbox_pending": int(outbox or 0)}

    @app.get("/simulator/api/cases", include_in_schema=False)
    async def cases(request: Request) -> list[dict[str, Any]]:
        """Every handoff case, oldest first."""
        runtime: Runtime = request.app.state.runtime
        async with runtime.sessions() as session:
            rows = (await session.scalars(select(Case).order_by(Case.id))).all()
        return [case_view(case) for case in rows]
