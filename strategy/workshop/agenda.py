"""The workshop's agenda in the room: which step is on, and how its time box stands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

AMBER_SECONDS = 60


@dataclass(frozen=True)
class Countdown:
    """What the room sees: '04:12 left', amber in the last minute, 'over by 01:05' after (never blocking)."""

    text: str
    state: str  # "on_time" | "last_minute" | "over"
    seconds_left: int


def _clock(seconds: int) -> str:
    minutes, rest = divmod(abs(seconds), 60)
    return f"{minutes:02d}:{rest:02d}"


def countdown(minutes: int, started: datetime, now: datetime) -> Countdown:
    left = int(minutes * 60 - (now - started).total_seconds())
    if left < 0:
        return Countdown(f"over by {_clock(left)}", "over", left)
    return Countdown(f"{_clock(left)} left", "last_minute" if left <= AMBER_SECONDS else "on_time", left)


def ordered(steps: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The agenda in running order (position, then the order they were added)."""
    return sorted(steps, key=lambda step: (step["position"], step["id"]))


def clamp(index: int, steps: Sequence[Mapping[str, Any]]) -> int:
    """A step number the agenda has: arrows at either end stay put."""
    return max(0, min(index, len(steps) - 1)) if steps else 0
