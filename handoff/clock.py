"""The clock cases are promised and shown on: real time, or the simulator's set clock.

With `TSUNAGU_SIMULATOR_CLOCK` (a tester trying a Saturday night) the conversation runs at another time
than the machine's. Cases are still stored in real time, so waiting times and every comparison with
other stored rows stay right; what the CSW reads is shifted to the conversation's clock (受付, 返事の約束,
the thread's times), and the promised reply time is worked out on it, so the dashboard shows the
promise the person was told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

_shift: Callable[[datetime], datetime] | None = None


def use_clock(shift: Callable[[datetime], datetime] | None) -> None:
    """Run this process's cases on `shift(real now)` (the simulator's `conversation_now`), or on real
    time when None."""
    global _shift
    _shift = shift


def offset(now: datetime) -> timedelta:
    """How far the conversation's clock is ahead of real time at `now` (zero without a set clock)."""
    return _shift(now) - now if _shift is not None else timedelta(0)


def shown(moment: datetime) -> datetime:
    """A stored (real) time as the conversation's clock reads it."""
    return moment + offset(moment)


def stored(moment: datetime) -> datetime:
    """A time on the conversation's clock (the dialog's own stamps) as the real time it is stored in."""
    return moment - offset(moment)
