"""The shape of a strategy health check: a rule from the rule book, judged from the records."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from models.workspace import WorkspaceBase

Records = Mapping[str, Sequence[Mapping[str, Any]]]
Status = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class HealthInput:
    """What every check may read: the workspace's settings, its records and today's date."""

    workspace: WorkspaceBase
    records: Records
    today: date


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
