"""Group commit: work submitted by concurrent tasks is written in one transaction per batch.

With one SQLite connection (or a busy PostgreSQL), a transaction per request makes every request
wait for every other's commit. A `GroupCommit` runs one writer task at a time: each batch holds what
was submitted while the previous batch was being written. If a batch of several items fails, each
item is retried on its own, so one bad item cannot fail the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(Generic[Item, Result]):
    """Batches concurrent submissions into calls of `write(items) -> results` (same order)."""

    def __init__(
        self, write: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]], max_batch: int
    ) -> None:
        self.write = write
        self.max_batch = max_batch
        self.waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self.writer: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        """Queue `item` for the next batch and wait for its result (or its error)."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self.waiting.append((item, future))
        if self.writer is None or self.writer.done():
            self.writer = asyncio.create_task(self.drain())
        return await future

    async def drain(self) -> None:
        """Write batches until nothing is waiting."""
        while self.waiting:
            batch, self.waiting = self.waiting[: self.max_batch], self.waiting[self.max_batch :]
            await self.write_batch(batch)

    async def write_batch(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        """Write one batch; on failure, write its items one by one so only the bad one fails."""
        try:
            results = await self.write([item for item, _ in batch])
        except Exception as exc:
            if len(batch) > 1:
                for entry in batch:
                    await self.write_batch([entry])
                return
            resolve(batch[0][1], exc)
            return
        for (_, future), result in zip(batch, results, strict=True):
            resolve(future, result)


def resolve(future: asyncio.Future[Result], outcome: Result | BaseException) -> None:
    """Give a waiting submitter its result or error, unless it stopped waiting."""
    if future.done():
        return
    if isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
