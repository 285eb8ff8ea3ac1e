"""LINE-native touches in the conversation, made beside the message flow and never blocking it.

- The loading animation (typing dots) when a person's turn has waited `LOADING_AFTER_S` without an
  answer, and while a CSW types a reply. LINE shows it in one-to-one chats only, for 5-60 s in steps
  of 5, and hides it as soon as a message arrives.
- 既読 by the message's `markAsReadToken` when a CSW opens a case they hold: it marks every message up
  to that one as read, so 既読 means a person read them.
- The per-person rich menu while a CSW holds the conversation, and the default menu again on close.
- The month's push quota and consumption from LINE, cached for `QUOTA_CACHE_S`.

Every call is best effort: a failure is logged (without ids or text) and the conversation goes on.
Group and room sources never get any of these: callers pass user ids of one-to-one chats only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Iterable, Sequence
from dataclasses import dataclass, field

import aiohttp
from linebot.v3.messaging import (
    AsyncMessagingApi,
    MarkMessagesAsReadByTokenRequest,
    ShowLoadingAnimationRequest,
)
from linebot.v3.messaging.exceptions import ApiException

from bot.rich_menu import is_menu_of
from handoff.line_calls import LineAction, PushQuota

log = logging.getLogger(__name__)

LOADING_AFTER_S = 1.0
"""A turn not answered after this long shows the typing dots."""
TURN_LOADING_S = 20
CSW_TYPING_LOADING_S = 20
SWEEP_INTERVAL_S = 0.25
QUOTA_CACHE_S = 300.0
MENU_CACHE_S = 300.0
CALL_TIMEOUT_S = 5.0
CALL_ERRORS = (ApiException, aiohttp.ClientError, TimeoutError, OSError, ValueError)


@dataclass
class LineNative:
    """Makes the LINE-native calls for one process, with the outbox's API client."""

    api: AsyncMessagingApi
    quota_from_line: bool = True
    """False with the local simulator: the dashboard then counts pushes itself."""
    waiting: dict[str, tuple[str, float]] = field(default_factory=dict)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    quota_cache: tuple[float, PushQuota] | None = None
    person_menu_cache: tuple[float, str | None] | None = None

    # ------------------------------------------------------------ loading animation for turns

    def turn_started(self, conversation_key: str, user_id: str) -> None:
        """A one-to-one event arrived: show the dots if it is not answered within LOADING_AFTER_S."""
        self.waiting.setdefault(conversation_key, (user_id, time.monotonic()))

    def turns_done(self, conversation_keys: Iterable[str]) -> None:
        """These conversations' turns are answered (their messages are in the outbox)."""
        for key in conversation_keys:
            self.waiting.pop(key, None)

    async def run(self) -> None:
        """Show the dots for each turn that has waited long enough, once per turn."""
        while True:
            await asyncio.sleep(SWEEP_INTERVAL_S)
            due = time.monotonic() - LOADING_AFTER_S
            for key, (user_id, since) in list(self.waiting.items()):
                if since <= due:
                    del self.waiting[key]
                    await self.show_loading(user_id, TURN_LOADING_S)

    async def show_loading(self, user_id: str, seconds: int) -> None:
        """Show the typing dots to one user for `seconds` (5-60, a multiple of 5)."""
        request = ShowLoadingAnimationRequest(chatId=user_id, loadingSeconds=seconds)
        await self._call("loading", self.api.show_loading_animation(request))

    # ------------------------------------------------------------ dashboard actions

    def perform_later(self, actions: Sequence[LineAction]) -> None:
        """Make the calls a committed dashboard action asked for, in the background."""
        if not actions:
            return
        task = asyncio.create_task(self.perform(actions))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def perform(self, actions: Sequence[LineAction]) -> None:
        """Make each call in order."""
        for action in actions:
            if action.kind == "mark_read":
                request = MarkMessagesAsReadByTokenRequest(markAsReadToken=action.target)
                await self._call("mark_read", self.api.mark_messages_as_read_by_token(request))
            elif action.kind == "typing":
                await self.show_loading(action.target, CSW_TYPING_LOADING_S)
            elif action.kind == "person_menu":
                menu = await self.person_menu()
                if menu is not None:
                    await self._call("person_menu", self.api.link_rich_menu_id_to_user(action.target, menu))
            elif action.kind == "default_menu":
                await self._call("default_menu", self.api.unlink_rich_menu_id_from_user(action.target))

    async def person_menu(self) -> str | None:
        """The id of the menu `tsunagu line setup` made for conversations a person holds (cached)."""
        now = time.monotonic()
        if self.person_menu_cache and now - self.person_menu_cache[0] < MENU_CACHE_S:
            return self.person_menu_cache[1]
        found: str | None = None
        with contextlib.suppress(*CALL_ERRORS):
            async with asyncio.timeout(CALL_TIMEOUT_S):
                menus = (await self.api.get_rich_menu_list()).richmenus
            found = next((m.rich_menu_id for m in menus if is_menu_of(m.name, "person")), None)
        self.person_menu_cache = (now, found)
        return found

    # ------------------------------------------------------------ quota

    async def push_quota(self) -> PushQuota | None:
        """This month's quota and consumption from LINE (cached), or None when LINE does not answer."""
        if not self.quota_from_line:
            return None
        now = time.monotonic()
        if self.quota_cache and now - self.quota_cache[0] < QUOTA_CACHE_S:
            return self.quota_cache[1]
        try:
            async with asyncio.timeout(CALL_TIMEOUT_S):
                quota = await self.api.get_message_quota()
                used = (await self.api.get_message_quota_consumption()).total_usage
        except CALL_ERRORS as error:
            log.warning("LINE quota unavailable", extra={"error": type(error).__name__})
            return None
        limit = quota.value if quota.type == "limited" else None
        self.quota_cache = (now, PushQuota(used=used, limit=limit))
        return self.quota_cache[1]

    async def _call(self, what: str, call: Awaitable[object]) -> None:
        """Await one API call within CALL_TIMEOUT_S; log a failure by kind and error type only."""
        try:
            async with asyncio.timeout(CALL_TIMEOUT_S):
                await call
        except CALL_ERRORS as error:
            log.warning("LINE call failed", extra={"call": what, "error": type(error).__name__})
