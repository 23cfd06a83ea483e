"""The shape of a strategy health check: a rule from the rule book, judged from the records."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from models.settings import Settings, get_settings
from models.workspace import WorkspaceBase

Records = Mapping[str, Sequence[Mapping[str, Any]]]
Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class HealthInput:
    """What every check may read: the workspace's settings, its records, today's date, and the
    bounds the rule book documents (WORKBENCH_HEALTH_… settings)."""

    workspace: WorkspaceBase
    records: Records
    today: date
    settings: Settings = field(default_factory=get_settings)


@dataclass(frozen=True)
class HealthResult:
    status: Status
    evidence: str


@dataclass(frozen=True)
class Check:
    """One rule: its id in docs/METHOD.md, a title, the page that fixes it, and its judgement."""

    rule_id: str
    title: str
    fix_page: str
    judge: Callable[[HealthInput], HealthResult]


def quoted(names: Sequence[str], most: int = 3) -> str:
    """Names for evidence: the first few in quotes, then how many more."""
    shown = ", ".join(f"'{name}'" for name in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
