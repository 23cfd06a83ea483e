"""Writing initiatives: the record services plus the two rules that need every initiative at once —
no dependency cycle, and a pilot wave (wave 1) that stays within the workspace's caps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine

from models.workspace import WorkspaceBase
from strategy.cycles import DependencyCycle
from strategy.deliver.prioritise import pilot_breaches, wave_load
from strategy.edits import TableEdits
from strategy.errors import FieldError, InvalidInput
from strategy.store.records import Record, apply_table_edits, create_record, list_records, update_record

KIND = "initiative"
PILOT_WAVE = 1


def _waits(initiatives: Sequence[Mapping[str, Any]]) -> dict[int, list[int]]:
    return {i["id"]: list(i.get("depends_on_ids") or []) for i in initiatives}


def _path(graph: Mapping[int, list[int]], start: int, goal: int) -> list[int] | None:
    """A chain of waits from start to goal, if there is one (breadth first: the shortest)."""
    came_from: dict[int, int | None] = {start: None}
    queue = [start]
    while queue:
        here = queue.pop(0)
        if here == goal:
            path = [here]
            while (before := came_from[path[-1]]) is not None:
                path.append(before)
            return path[::-1]
        for nxt in graph.get(here, []):
            if nxt not in came_from:
                came_from[nxt] = here
                queue.append(nxt)
    return None


def refuse_cycles(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> None:
    """Raise DependencyCycle if a dependency added by this change closes a ring, naming every
    initiative in it. Only new dependencies are judged, so a ring that is already stored (from an
    import) never blocks the edits that undo it."""
    old, new = _waits(before), _waits(after)
    titles = {i["id"]: str(i.get("title", "")) for i in after}
    for waiting, deps in new.items():
        for first in (d for d in deps if d not in old.get(waiting, [])):
            back = _path(new, first, waiting)
            if back is not None:
                raise DependencyCycle([waiting, *back[:-1]], titles)


def refuse_pilot_overload(
    workspace: WorkspaceBase, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]
) -> None:
    """Refuse a change that grows wave 1 beyond the pilot caps (a wave already over them may shrink)."""
    old, new = wave_load(before, PILOT_WAVE), wave_load(after, PILOT_WAVE)
    breaches = pilot_breaches(new, workspace.pilot_max_initiatives, workspace.pilot_max_effort)
    if breaches and (new.count > old.count or new.effort > old.effort + 1e-9):
        raise InvalidInput(
            [
                FieldError(
                    "wave",
                    "wave 1 is the pilot and starts small: "
                    + "; ".join(breaches)
                    + " — put this initiative in a later wave or raise the pilot caps on the roadmap",
                )
            ]
        )


def _check(workspace: WorkspaceBase, before: list[Record], after: list[Record]) -> None:
    """The whole-set rules, judged inside the writing transaction on what it is about to commit, so
    two people saving at once cannot each pass a check that their sum breaks."""
    refuse_cycles(before, after)
    refuse_pilot_overload(workspace, before, after)


# For writers outside this module that change initiatives (undo, restore from the recycle bin).
whole_set_rules = _check


def create_initiative(engine: Engine, workspace_id: int, data: Mapping[str, Any], *, actor: str) -> Record:
    return create_record(engine, KIND, workspace_id, data, actor=actor, check=_check)


def update_initiative(
    engine: Engine,
    workspace_id: int,
    initiative_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int,
    actor: str,
) -> Record:
    return update_record(
        engine, KIND, workspace_id, initiative_id, changes, expected_version=expected_version, actor=actor, check=_check
    )


def add_dependency(
    engine: Engine, workspace_id: int, initiative_id: int, depends_on_id: int, *, expected_version: int, actor: str
) -> Record:
    """Make one initiative wait for another; a dependency that closes a ring is refused by name."""
    current = {i["id"]: i for i in list_records(engine, KIND, workspace_id)}
    if initiative_id not in current or depends_on_id not in current:
        raise InvalidInput([FieldError("depends_on_ids", "pick two initiatives of this workspace")])
    waits_for = sorted({*current[initiative_id]["depends_on_ids"], depends_on_id})
    return update_initiative(
        engine,
        workspace_id,
        initiative_id,
        {"depends_on_ids": waits_for},
        expected_version=expected_version,
        actor=actor,
    )


def save_initiative_table(engine: Engine, workspace_id: int, edits: TableEdits, *, actor: str) -> int:
    """A whole table edit, all or nothing, refused before anything is written if it makes a cycle
    or overfills the pilot."""
    return apply_table_edits(engine, KIND, workspace_id, edits, actor=actor, check=_check)


def pilot_edits(initiatives: Sequence[Record], proposal: Sequence[int]) -> TableEdits:
    """Put the proposed initiatives in wave 1 and move whatever else is there to wave 2."""
    chosen = set(proposal)
    edits = TableEdits()
    for i in initiatives:
        if i["id"] in chosen and i["wave"] != PILOT_WAVE:
            edits.edited[i["id"]] = (i["version"], {"wave": PILOT_WAVE})
        elif i["id"] not in chosen and i["wave"] == PILOT_WAVE:
            edits.edited[i["id"]] = (i["version"], {"wave": PILOT_WAVE + 1})
    return edits


def apply_pilot(engine: Engine, workspace_id: int, proposal: Sequence[int], *, actor: str) -> int:
    """Make the proposed pilot the first wave, in one transaction."""
    edits = pilot_edits(list_records(engine, KIND, workspace_id), proposal)
    return save_initiative_table(engine, workspace_id, edits, actor=actor) if edits else 0
