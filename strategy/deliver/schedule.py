"""The scheduler: dependencies, earliest starts, waves, hand-pinned starts and capacity per quarter.

Pure: tasks in, placements out. An initiative's effort (person-weeks) is spread evenly over its
duration, so a calendar quarter's load is the share of each initiative's effort that falls inside it.
Pinned starts are placed first and never moved. The rest are placed wave by wave, in the priority
order given within a wave, each at the first slot (weekly, or a quarter start, or when other work
ends) after its dependencies and the previous wave have ended and not before its release date,
where no quarter goes over capacity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
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
    """Placements by task id, the problems found, the load of each touched quarter, and what each
    task ended up waiting for (its dependencies and the earlier waves)."""

    placements: dict[int, Placement]
    issues: tuple[Issue, ...] = ()
    load: dict[int, float] = field(default_factory=dict)  # quarter number -> person-weeks
    capacity: float = 0.0
    waits_for: dict[int, tuple[int, ...]] = field(default_factory=dict)


def quarter_of(day: date) -> int:
    """A calendar quarter as one number (year x 4 + quarter - 1), so quarters sort and subtract."""
    return day.year * 4 + (day.month - 1) // 3


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
    """The placements and quarter loads built up while scheduling."""

    def __init__(self, capacity: float):
        self.capacity = capacity
        self.placements: dict[int, Placement] = {}
        self.load: dict[int, float] = defaultdict(float)

    def place(self, task: Task, start: date) -> None:
        self.placements[task.id] = Placement(start, start + task.duration)
        for quarter, amount in spread(start, start + task.duration, task.effort).items():
            self.load[quarter] += amount

    def fits(self, task: Task, start: date) -> bool:
        added = spread(start, start + task.duration, task.effort)
        return all(self.load.get(q, 0.0) + amount <= self.capacity + EPSILON for q, amount in added.items())

    def candidates(self, earliest: date) -> Iterator[date]:
        """Days worth trying, in order: weekly from `earliest`, quarter starts and the days other
        work ends — up to the first quarter after everything placed has finished."""
        last = max([earliest, *(p.finish for p in self.placements.values())])
        clear = quarter_start(quarter_of(last) + 1)
        ends = {p.finish for p in self.placements.values()}
        day = earliest
        while day <= clear:
            yield day
            later = [day + WEEK, quarter_start(quarter_of(day) + 1), *(e for e in ends if e > day)]
            day = min(later)

    def first_fit(self, task: Task, earliest: date) -> date | None:
        """The first candidate where no quarter goes over capacity; None if it never fits, even alone."""
        return next((day for day in self.candidates(earliest) if self.fits(task, day)), None)


def _waiters(graph: Mapping[int, list[int]]) -> dict[int, set[int]]:
    """For each task, every task that waits for it, directly or through others."""
    waiting_on: dict[int, set[int]] = defaultdict(set)
    for task, deps in graph.items():
        for dep in deps:
            waiting_on[dep].add(task)
    found: dict[int, set[int]] = {}
    for task in graph:
        seen: set[int] = set()
        todo = list(waiting_on[task])
        while todo:
            nxt = todo.pop()
            if nxt not in seen:
                seen.add(nxt)
                todo.extend(waiting_on[nxt])
        found[task] = seen
    return found


def _ready_order(tasks: Sequence[Task], graph: Mapping[int, list[int]], placed: Iterable[int]) -> Iterator[Task]:
    """Unplaced tasks in the order given, each as soon as everything it waits for is placed."""
    done = set(placed)
    waiting = [t for t in tasks if t.id not in done]
    while waiting:
        task = next(t for t in waiting if all(d in done for d in graph[t.id]))
        waiting.remove(task)
        done.add(task.id)
        yield task


def _wave_gate(task: Task, placed: Iterable[Task], waiters: set[int]) -> list[int]:
    """Placed work of earlier waves this task starts after (a wave begins once the one before has
    ended), leaving out work that itself waits for this task."""
    if task.wave is None:
        return []
    return [o.id for o in placed if o.wave is not None and o.wave < task.wave and o.id not in waiters]


def schedule(tasks: Sequence[Task], capacity: float) -> Schedule:
    """Place every task; raise DependencyCycle naming the initiatives if any wait for each other."""
    by_id = {t.id: t for t in tasks}
    graph = {t.id: [d for d in t.depends_on if d in by_id] for t in tasks}
    cycle = find_cycle(graph)
    if cycle:
        raise DependencyCycle(cycle, {t.id: t.title for t in tasks})
    ordered = sorted(tasks, key=lambda t: UNWAVED if t.wave is None else t.wave)
    waiters, plan, issues = _waiters(graph), _Plan(capacity), []
    waits_for = {t.id: list(graph[t.id]) for t in tasks}
    for task in ordered:
        if task.pinned is not None:
            plan.place(task, task.pinned)
    for task in _ready_order(ordered, graph, plan.placements):
        waits_for[task.id] += _wave_gate(task, (by_id[i] for i in plan.placements), waiters[task.id])
        earliest = max([task.release, *(plan.placements[d].finish for d in waits_for[task.id])])
        start = plan.first_fit(task, earliest)
        if start is None:
            issues.append(_too_big(task, capacity))
        plan.place(task, earliest if start is None else start)
    issues += _pin_issues(tasks, graph, plan) + _wave_order_issues(tasks, graph)
    return Schedule(
        plan.placements, tuple(issues), dict(plan.load), capacity, {k: tuple(v) for k, v in waits_for.items()}
    )


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


def slack_days(tasks: Sequence[Task], planned: Schedule) -> dict[int, int]:
    """Total float: how many days each task could slip before it delays work that waits for it (a
    dependency or a wave gate) or the end of the whole programme; negative where a pin breaks a
    dependency. Pinned work does not move, so nothing it waits for gains slack from it."""
    placements = planned.placements
    if not placements:
        return {}
    finish = max(p.finish for p in placements.values())
    graph = {t.id: [d for d in planned.waits_for.get(t.id, t.depends_on) if d in placements] for t in tasks}
    waiting_on: dict[int, list[Task]] = defaultdict(list)
    for task in tasks:
        for dep in graph[task.id]:
            waiting_on[dep].append(task)
    late_finish: dict[int, date] = {}
    # Unpinned work starts after all it waits for has finished, so latest starts come first.
    for task in sorted(tasks, key=lambda t: placements[t.id].start, reverse=True):
        late_starts = [_late_start(s, placements, late_finish) for s in waiting_on[task.id]]
        late_finish[task.id] = min([finish, *late_starts])
    return {t.id: (late_finish[t.id] - placements[t.id].finish).days for t in tasks}


def _late_start(task: Task, placements: Mapping[int, Placement], late_finish: Mapping[int, date]) -> date:
    if task.pinned is not None or task.id not in late_finish:
        return placements[task.id].start
    return late_finish[task.id] - task.duration


def critical_path(tasks: Sequence[Task], planned: Schedule) -> list[int]:
    """The tasks with no slack, in start order: any delay to one delays the programme's end."""
    slack = slack_days(tasks, planned)
    return sorted((tid for tid, days in slack.items() if days <= 0), key=lambda tid: planned.placements[tid].start)
