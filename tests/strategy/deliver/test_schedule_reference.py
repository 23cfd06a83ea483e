"""The scheduler and its slack against a straightforward reference (every wave gate an explicit edge,
every candidate day found by scanning every placement): same placements, issues, load and slack on
random plans with waves, pins, release dates, tight capacity and dependencies across waves."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.deliver.schedule import (
    EPSILON,
    UNWAVED,
    WEEK,
    Task,
    quarter_of,
    quarter_start,
    schedule,
    spread,
)
from strategy.deliver.slack import slack_days
from tests.factories_roadmap import PLAN_START, task


def reference_schedule(tasks: list[Task], capacity: float) -> tuple[dict[int, tuple[date, date]], dict[int, list[int]]]:
    """Placements and, for each task, everything it waited for (dependencies and wave gates)."""
    by_id = {t.id: t for t in tasks}
    graph = {t.id: [d for d in t.depends_on if d in by_id] for t in tasks}
    waiting_on = defaultdict(set)
    for tid, deps in graph.items():
        for dep in deps:
            waiting_on[dep].add(tid)

    def waiters(tid: int) -> set[int]:
        seen: set[int] = set()
        todo = list(waiting_on[tid])
        while todo:
            nxt = todo.pop()
            if nxt not in seen:
                seen.add(nxt)
                todo.extend(waiting_on[nxt])
        return seen

    placed: dict[int, tuple[date, date]] = {}
    load: dict[int, float] = defaultdict(float)

    def place(t: Task, start: date) -> None:
        placed[t.id] = (start, start + t.duration)
        for q, amount in spread(start, start + t.duration, t.effort).items():
            load[q] += amount

    def fits(t: Task, start: date) -> bool:
        added = spread(start, start + t.duration, t.effort)
        return all(load.get(q, 0.0) + amount <= capacity + EPSILON for q, amount in added.items())

    def candidates(earliest: date):  # type: ignore[no-untyped-def]
        clear = quarter_start(quarter_of(max([earliest, *(f for _, f in placed.values())])) + 1)
        ends = {f for _, f in placed.values()}
        day = earliest
        while day <= clear:
            yield day
            day = min([day + WEEK, quarter_start(quarter_of(day) + 1), *(e for e in ends if e > day)])

    ordered = sorted(tasks, key=lambda t: UNWAVED if t.wave is None else t.wave)
    for t in ordered:
        if t.pinned is not None:
            place(t, t.pinned)
    waits_for = {t.id: list(graph[t.id]) for t in tasks}
    waiting = [t for t in ordered if t.id not in placed]
    while waiting:
        t = next(w for w in waiting if all(d in placed for d in graph[w.id]))
        waiting.remove(t)
        if t.wave is not None:
            excluded = waiters(t.id)
            gate = [o for o in placed if by_id[o].wave is not None and by_id[o].wave < t.wave and o not in excluded]
            waits_for[t.id] += gate
        earliest = max([t.release, *(placed[d][1] for d in waits_for[t.id])])
        place(t, next((day for day in candidates(earliest) if fits(t, day)), earliest))
    return placed, waits_for


def reference_slack(
    tasks: list[Task], placed: dict[int, tuple[date, date]], waits_for: dict[int, list[int]]
) -> dict[int, int]:
    """Total float by the textbook backward pass over every edge, wave gates included."""
    finish = max(f for _, f in placed.values())
    by_id = {t.id: t for t in tasks}
    late_finish: dict[int, date] = {}
    for t in sorted(tasks, key=lambda t: placed[t.id][0], reverse=True):
        successors = [by_id[s] for s, deps in waits_for.items() if t.id in deps]
        late = [
            placed[s.id][0] if s.pinned is not None or s.id not in late_finish else late_finish[s.id] - s.duration
            for s in successors
        ]
        late_finish[t.id] = min([finish, *late])
    return {t.id: (late_finish[t.id] - placed[t.id][1]).days for t in tasks}


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[Task], float]:
    """Up to 25 tasks in up to 4 waves; dependencies on any earlier id (so some wait for a later
    wave), a few pins, releases spread over a year, and a capacity that often binds."""
    count = draw(st.integers(1, 25))
    tasks = []
    for tid in range(1, count + 1):
        pinned = draw(st.one_of(st.none(), st.none(), st.none(), st.integers(0, 300)))
        tasks.append(
            task(
                tid,
                weeks=draw(st.integers(1, 20)),
                effort=draw(st.floats(0, 40, allow_nan=False)),
                release=PLAN_START + timedelta(days=draw(st.integers(0, 200))),
                depends_on=tuple(draw(st.lists(st.integers(1, tid - 1), unique=True, max_size=3))) if tid > 1 else (),
                wave=draw(st.one_of(st.none(), st.integers(1, 4))),
                pinned=None if pinned is None else PLAN_START + timedelta(days=pinned),
            )
        )
    return draw(st.permutations(tasks)), draw(st.sampled_from([15.0, 40.0, 10_000.0]))


@settings(max_examples=250, deadline=None)
@given(plans())
def test_the_scheduler_and_its_slack_match_the_reference(plan):
    tasks, capacity = plan
    planned = schedule(tasks, capacity)
    expected, waits_for = reference_schedule(tasks, capacity)
    assert {tid: (p.start, p.finish) for tid, p in planned.placements.items()} == expected
    assert slack_days(tasks, planned) == reference_slack(tasks, expected, waits_for)
