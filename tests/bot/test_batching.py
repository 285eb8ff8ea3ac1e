"""Group commit: concurrent submissions share writes, and one bad item fails alone."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.batching import GroupCommit


class Recorder:
    """A writer that records each batch and refuses negative numbers."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    async def write(self, items: Sequence[int]) -> list[int]:
        """Double every item, after a pause that lets others queue up."""
        self.batches.append(list(items))
        await asyncio.sleep(0.01)
        if any(item < 0 for item in items):
            raise ValueError("negative")
        return [item * 2 for item in items]


async def test_concurrent_submissions_share_a_batch_and_get_their_own_results() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.write, max_batch=100)
    results = await asyncio.gather(*(commit.submit(n) for n in range(10)))
    assert results == [n * 2 for n in range(10)]
    assert len(recorder.batches) <= 2  # the first alone, then everything that queued behind it


async def test_batches_are_capped() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.write, max_batch=3)
    await asyncio.gather(*(commit.submit(n) for n in range(10)))
    assert max(len(batch) for batch in recorder.batches) == 3
    assert sorted(n for batch in recorder.batches for n in batch) == list(range(10))


async def test_a_failing_item_fails_alone() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.write, max_batch=100)
    outcomes = await asyncio.gather(*(commit.submit(n) for n in (1, 2, -3, 4)), return_exceptions=True)
    assert outcomes[:2] == [2, 4]
    assert isinstance(outcomes[2], ValueError)
    assert outcomes[3] == 8


async def test_a_cancelled_submitter_does_not_stop_the_others() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.write, max_batch=100)
    first = asyncio.create_task(commit.submit(1))
    second = asyncio.create_task(commit.submit(2))
    await asyncio.sleep(0)
    first.cancel()
    assert await second == 4
    with pytest.raises(asyncio.CancelledError):
        await first
