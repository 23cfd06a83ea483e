"""Slack and the critical path of a schedule: how far each task may slip before it delays work that
waits for it (a dependency or its wave gate) or the programme's end."""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from strategy.deliver.schedule import Placement, Schedule, Task, depends_on_bits


def slack_days(tasks: Sequence[Task], planned: Schedule) -> dict[int, int]:
    """Total float: how many days each task could slip before it delays work that waits for it (a
    dependency or a wave gate) or the end of the whole programme; negative where a pin breaks a
    dependency. Pinned work does not move, so nothing it waits for gains slack from it.

    One backward pass in start order: a wave gate is not an edge a pair (quadratic with big waves)
    but, per later wave, the earliest latest start among the work gated after this task."""
    placements = planned.placements
    if not placements:
        return {}
    finish = max(p.finish for p in placements.values())
    graph = {t.id: [d for d in t.depends_on if d in placements] for t in tasks}
    waits, bit = depends_on_bits(graph)
    position = {tid: n for n, tid in enumerate(planned.placed_order or placements)}
    waiting_on: dict[int, list[Task]] = defaultdict(list)
    for task in tasks:
        for dep in graph[task.id]:
            waiting_on[dep].append(task)
    gated: dict[int, list[tuple[date, int]]] = defaultdict(list)  # by wave: unpinned work's late starts
    late_finish: dict[int, date] = {}
    # Unpinned work starts after all it waits for has finished, so latest starts come first.
    for task in sorted(tasks, key=lambda t: placements[t.id].start, reverse=True):
        late = [finish, *(_late_start(s, placements, late_finish) for s in waiting_on[task.id])]
        for wave, starts in gated.items():
            if task.wave is not None and wave > task.wave:
                gate = (day for day, s in starts if position[s] > position[task.id] and not waits[task.id] & bit[s])
                late += [next(gate, finish)]
        late_finish[task.id] = min(late)
        if task.wave is not None and task.pinned is None:
            insort(gated[task.wave], (late_finish[task.id] - task.duration, task.id))
    return {t.id: (late_finish[t.id] - placements[t.id].finish).days for t in tasks}


def _late_start(task: Task, placements: Mapping[int, Placement], late_finish: Mapping[int, date]) -> date:
    if task.pinned is not None or task.id not in late_finish:
        return placements[task.id].start
    return late_finish[task.id] - task.duration


def critical_path(tasks: Sequence[Task], planned: Schedule) -> list[int]:
    """The tasks with no slack, in start order: any delay to one delays the programme's end."""
    slack = slack_days(tasks, planned)
    return sorted((tid for tid, days in slack.items() if days <= 0), key=lambda tid: planned.placements[tid].start)
