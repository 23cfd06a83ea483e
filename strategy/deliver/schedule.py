"""The scheduler: dependencies, earliest starts, waves, hand-pinned starts and capacity per quarter.

Pure: tasks in, placements out. An initiative's effort (person-weeks) is spread evenly over its
duration, so a calendar quarter's load is the share of each initiative's effort that falls inside it.
Pinned starts are placed first and never moved. The rest are placed wave by wave, in the priority
order given within a wave, each at the first slot (weekly, or a quarter start, or when other work
ends) after its dependencies and the previous wave have ended and not before its release date,
where no quarter goes over capacity.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Literal

from models.labels import DATE_TEXT
from strategy.cycles import DependencyCycle, find_cycle

WEEK = timedelta(days=7)
EPSILON = 1e-9  # person-weeks: sums that are equal on paper must not count as over capacity
UNWAVED = 10_000  # work in no wave is placed after every wave, wherever capacity allows
IssueKind = Literal["pin_breaks_dependency", "pin_over_capacity", "over_capacity", "wave_order"]


@dataclass(frozen=True)
class Task:
    """One initiative as the scheduler sees it; `release` is the first day it may start."""

    id: int
    title: str
    duration_weeks: int
    effort: float  # person-weeks
    release: date
    depends_on: tuple[int, ...] = ()
    pinned: date | None = None
    wave: int | None = None

    @property
    def duration(self) -> timedelta:
        return WEEK * self.duration_weeks


@dataclass(frozen=True)
class Placement:
    """Where a task landed: `finish` is the day after its last day, when dependents may start."""

    start: date
    finish: date

    @property
    def end(self) -> date:
        """The last day of the work, as a person reads an end date (stored as scheduled_end)."""
        return self.finish - timedelta(days=1)


@dataclass(frozen=True)
class Issue:
    """Something the schedule could not honour, in words for the person who can fix it."""

    task_id: int
    kind: IssueKind
    message: str


@dataclass(frozen=True)
class Schedule:
    """Placements by task id, the problems found, the load of each touched quarter, and the order the
    tasks were placed in (a task waits for the earlier waves' work placed before it: its wave gate)."""

    placements: dict[int, Placement]
    issues: tuple[Issue, ...] = ()
    load: dict[int, float] = field(default_factory=dict)  # quarter number -> person-weeks
    capacity: float = 0.0
    placed_order: tuple[int, ...] = ()


def quarter_of(day: date) -> int:
    """A calendar quarter as one number (year x 4 + quarter - 1), so quarters sort and subtract."""
    return day.year * 4 + (day.month - 1) // 3


@cache  # a plan touches a few dozen quarters; the scheduler asks for their starts tens of thousands of times
def quarter_start(quarter: int) -> date:
    return date(quarter // 4, quarter % 4 * 3 + 1, 1)


def quarter_label(quarter: int) -> str:
    return f"Q{quarter % 4 + 1} {quarter // 4}"


def spread(start: date, finish: date, effort: float) -> dict[int, float]:
    """The effort of work running [start, finish) that falls in each quarter, pro rata to its days."""
    days = (finish - start).days
    shares: dict[int, float] = {}
    for quarter in range(quarter_of(start), quarter_of(finish - timedelta(days=1)) + 1):
        overlap = (min(finish, quarter_start(quarter + 1)) - max(start, quarter_start(quarter))).days
        shares[quarter] = effort * overlap / days
    return shares


class _Plan:
    """The placements and quarter loads built up while scheduling, and the days placed work ends."""

    def __init__(self, capacity: float):
        self.capacity = capacity
        self.placements: dict[int, Placement] = {}
        self.load: dict[int, float] = defaultdict(float)
        self.ends: list[date] = []  # distinct finish days, sorted: candidates need "the next end after"

    def place(self, task: Task, start: date) -> None:
        finish = start + task.duration
        self.placements[task.id] = Placement(start, finish)
        at = bisect_left(self.ends, finish)
        if at == len(self.ends) or self.ends[at] != finish:
            self.ends.insert(at, finish)
        for quarter, amount in spread(start, finish, task.effort).items():
            self.load[quarter] += amount

    def fits(self, task: Task, start: date) -> bool:
        added = spread(start, start + task.duration, task.effort)
        return all(self.load.get(q, 0.0) + amount <= self.capacity + EPSILON for q, amount in added.items())

    def candidates(self, earliest: date) -> Iterator[date]:
        """Days worth trying, in order: weekly from `earliest`, quarter starts and the days other
        work ends — up to the first quarter after everything placed has finished."""
        clear = quarter_start(quarter_of(max([earliest, *self.ends[-1:]])) + 1)
        day = earliest
        while day <= clear:
            yield day
            after = bisect_right(self.ends, day)
            day = min([day + WEEK, quarter_start(quarter_of(day) + 1), *self.ends[after : after + 1]])

    def first_fit(self, task: Task, earliest: date) -> date | None:
        """The first candidate where no quarter goes over capacity; None if it never fits, even alone."""
        return next((day for day in self.candidates(earliest) if self.fits(task, day)), None)


def depends_on_bits(graph: Mapping[int, list[int]]) -> tuple[dict[int, int], dict[int, int]]:
    """Each task's bit, and the bits of every task it waits for, directly or through others (one
    pass in dependency order; the graph has no cycle)."""
    bit = {tid: 1 << n for n, tid in enumerate(graph)}
    found: dict[int, int] = {}
    for root in graph:
        todo = [root]
        while todo:
            tid = todo[-1]
            pending = [d for d in graph[tid] if d not in found]
            if tid in found or pending:
                todo.pop() if tid in found else todo.extend(pending)
                continue
            below = 0
            for dep in graph[tid]:
                below |= found[dep] | bit[dep]
            found[tid] = below
            todo.pop()
    return found, bit


def _ready_order(tasks: Sequence[Task], graph: Mapping[int, list[int]], placed: Iterable[int]) -> Iterator[Task]:
    """Unplaced tasks in the order given, each as soon as everything it waits for is placed (the
    earliest in that order among those ready)."""
    done = set(placed)
    position = {t.id: n for n, t in enumerate(tasks)}
    blocked = {t.id: sum(d not in done for d in graph[t.id]) for t in tasks}
    dependents: dict[int, list[int]] = defaultdict(list)
    for t in tasks:
        for dep in graph[t.id]:
            dependents[dep].append(t.id)
    ready = [position[t.id] for t in tasks if t.id not in done and not blocked[t.id]]
    heapq.heapify(ready)
    while ready:
        task = tasks[heapq.heappop(ready)]
        done.add(task.id)
        yield task
        for waiting in (w for w in dependents[task.id] if w not in done):
            blocked[waiting] -= 1
            if not blocked[waiting]:
                heapq.heappush(ready, position[waiting])


def _gate_end(
    task: Task, placed_by_wave: Mapping[int, list[tuple[date, int]]], waits: Mapping[int, int], bit: int
) -> date:
    """When the earlier waves' placed work ends (a wave begins once the one before has ended), leaving
    out work that itself waits for this task: per wave, the latest finish not waiting for it."""
    ends = [date.min]
    for wave, placed in placed_by_wave.items():
        if task.wave is not None and wave < task.wave:
            ends += [next((end for end, tid in reversed(placed) if not waits[tid] & bit), date.min)]
    return max(ends)


def schedule(tasks: Sequence[Task], capacity: float) -> Schedule:
    """Place every task; raise DependencyCycle naming the initiatives if any wait for each other."""
    by_id = {t.id: t for t in tasks}
    graph = {t.id: [d for d in t.depends_on if d in by_id] for t in tasks}
    cycle = find_cycle(graph)
    if cycle:
        raise DependencyCycle(cycle, {t.id: t.title for t in tasks})
    ordered = sorted(tasks, key=lambda t: UNWAVED if t.wave is None else t.wave)
    (waits, bit), plan, issues = depends_on_bits(graph), _Plan(capacity), []
    by_wave: dict[int, list[tuple[date, int]]] = defaultdict(list)  # placed work, by finish

    def place(task: Task, start: date) -> None:
        plan.place(task, start)
        if task.wave is not None:
            insort(by_wave[task.wave], (plan.placements[task.id].finish, task.id))

    for task in ordered:
        if task.pinned is not None:
            place(task, task.pinned)
    for task in _ready_order(ordered, graph, plan.placements):
        earliest = max([task.release, *(plan.placements[d].finish for d in graph[task.id])])
        earliest = max(earliest, _gate_end(task, by_wave, waits, bit[task.id]))
        start = plan.first_fit(task, earliest)
        if start is None:
            issues.append(_too_big(task, capacity))
        place(task, earliest if start is None else start)
    issues += _pin_issues(tasks, graph, plan) + _wave_order_issues(tasks, graph)
    return Schedule(plan.placements, tuple(issues), dict(plan.load), capacity, tuple(plan.placements))


def _too_big(task: Task, capacity: float) -> Issue:
    return Issue(
        task.id,
        "over_capacity",
        f"'{task.title}' needs more than the {capacity:g} person-weeks a quarter holds, even on its own "
        f"({task.effort:g} person-weeks in {task.duration_weeks} weeks): lengthen it, split it or raise capacity",
    )


def _pin_issues(tasks: Sequence[Task], graph: Mapping[int, list[int]], plan: _Plan) -> list[Issue]:
    """A pinned start before a dependency ends, or pins that overfill a quarter."""
    titles = {t.id: t.title for t in tasks}
    found: list[Issue] = []
    for task in (t for t in tasks if t.pinned is not None):
        placed = plan.placements[task.id]
        for dep in (d for d in graph[task.id] if plan.placements[d].finish > placed.start):
            found.append(
                Issue(
                    task.id,
                    "pin_breaks_dependency",
                    f"'{task.title}' is pinned to start on {placed.start:{DATE_TEXT}}, before '{titles[dep]}' "
                    f"ends on {plan.placements[dep].end:{DATE_TEXT}}: move the pin or drop the dependency",
                )
            )
        crowded = [
            q for q in spread(placed.start, placed.finish, task.effort) if plan.load[q] > plan.capacity + EPSILON
        ]
        if crowded:
            found.append(
                Issue(
                    task.id,
                    "pin_over_capacity",
                    f"'{task.title}' is pinned into {', '.join(quarter_label(q) for q in crowded)}, "
                    f"which then holds more than {plan.capacity:g} person-weeks",
                )
            )
    return found


def _wave_order_issues(tasks: Sequence[Task], graph: Mapping[int, list[int]]) -> list[Issue]:
    """Work that waits for work in a later wave: its wave cannot end before the later one starts."""
    by_id = {t.id: t for t in tasks}
    return [
        Issue(
            task.id,
            "wave_order",
            f"'{task.title}' (wave {task.wave}) waits for '{by_id[dep].title}' (wave {by_id[dep].wave}): "
            "move one of them so no wave waits for a later one",
        )
        for task in tasks
        for dep in graph[task.id]
        if task.wave is not None and (by_id[dep].wave or 0) > task.wave
    ]
