"""The scheduler: a worked critical-path example, dependencies, release dates, pins, waves, capacity
per quarter and cycles — with property tests over random dependency graphs."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.cycles import DependencyCycle, find_cycle
from strategy.deliver.schedule import quarter_of, schedule, spread
from strategy.deliver.slack import critical_path, slack_days
from tests.factories_roadmap import PLAN_START, task

WEEK = timedelta(days=7)
PLENTY = 10_000.0  # capacity that never binds

# The textbook network: A (3 weeks) then B (2) and C (4) side by side, then D (1) after both; E (2)
# runs on its own. A-C-D is the longest chain (8 weeks); B can slip 2 weeks, E 6 weeks.
A, B, C, D, E = 1, 2, 3, 4, 5
WORKED = [
    task(A, weeks=3),
    task(B, weeks=2, depends_on=(A,)),
    task(C, weeks=4, depends_on=(A,)),
    task(D, weeks=1, depends_on=(B, C)),
    task(E, weeks=2),
]


def test_worked_example_critical_path_and_slack():
    planned = schedule(WORKED, PLENTY)
    starts = {tid: (p.start - PLAN_START).days // 7 for tid, p in planned.placements.items()}
    assert starts == {A: 0, B: 3, C: 3, D: 7, E: 0}
    assert critical_path(WORKED, planned) == [A, C, D]
    assert slack_days(WORKED, planned) == {A: 0, B: 14, C: 0, D: 0, E: 42}
    assert planned.placements[D].end == PLAN_START + 8 * WEEK - timedelta(days=1)  # the last day, not the next


RELEASE = date(2026, 3, 2)
PIN = date(2026, 1, 12)
SCENARIOS = [
    pytest.param([task(1, release=RELEASE)], {1: RELEASE}, id="not before its earliest start"),
    pytest.param(
        [task(1, weeks=6), task(2, depends_on=(1,), release=PLAN_START)],
        {1: PLAN_START, 2: PLAN_START + 6 * WEEK},
        id="after its dependency ends",
    ),
    pytest.param(
        [task(1, weeks=10), task(2, pinned=PIN), task(3, depends_on=(2,))],
        {1: PLAN_START, 2: PIN, 3: PIN + 4 * WEEK},
        id="a pin is kept and planned around",
    ),
    pytest.param(
        [task(1, weeks=4, wave=2), task(2, weeks=8, wave=1), task(3, weeks=2, wave=1)],
        {2: PLAN_START, 3: PLAN_START, 1: PLAN_START + 8 * WEEK},
        id="a wave starts once the previous wave has ended",
    ),
    pytest.param(
        [task(1, weeks=4), task(2, weeks=4, wave=1)],
        {2: PLAN_START, 1: PLAN_START},
        id="work in no wave fits wherever capacity allows",
    ),
]


@pytest.mark.parametrize(("tasks", "starts"), SCENARIOS)
def test_where_work_lands(tasks, starts):
    planned = schedule(tasks, PLENTY)
    assert {tid: p.start for tid, p in planned.placements.items()} == starts
    assert planned.issues == ()


def test_capacity_pushes_work_into_a_quarter_with_room():
    # Two 6-week jobs of 30 person-weeks; Q1 holds 40, so after the first only 10 are free there.
    # The second starts on the first Monday from which at most 10 of its 30 fall in Q1 (14 of 42 days).
    tasks = [task(1, weeks=6, effort=30), task(2, weeks=6, effort=30)]
    planned = schedule(tasks, 40)
    assert planned.placements[2].start == date(2026, 3, 23)
    assert planned.load[quarter_of(date(2026, 1, 1))] == pytest.approx(30 + 30 * 9 / 42)


def test_a_pin_before_its_dependency_ends_is_kept_and_named():
    tasks = [task(1, weeks=8, title="Data clean-up"), task(2, pinned=PIN, depends_on=(1,), title="Go live")]
    planned = schedule(tasks, PLENTY)
    assert planned.placements[2].start == PIN
    (issue,) = planned.issues
    assert issue.kind == "pin_breaks_dependency"
    assert "'Go live' is pinned to start on 12 Jan 2026, before 'Data clean-up' ends on 01 Mar 2026" in issue.message
    assert slack_days(tasks, planned)[1] < 0 and 1 in critical_path(tasks, planned)


def test_work_too_big_for_any_quarter_is_placed_and_flagged():
    # 150 person-weeks in two weeks: even split across a quarter boundary, 75 a side is over 60.
    planned = schedule([task(1, weeks=2, effort=150, title="Big bang")], 60)
    (issue,) = planned.issues
    assert issue.kind == "over_capacity" and "'Big bang' needs more than the 60 person-weeks" in issue.message


def test_waiting_for_a_later_wave_is_flagged_not_deadlocked():
    tasks = [task(1, wave=1, depends_on=(2,), title="Pilot"), task(2, wave=2, title="Platform")]
    planned = schedule(tasks, PLENTY)
    assert planned.placements[1].start == planned.placements[2].finish
    assert [i.kind for i in planned.issues] == ["wave_order"]
    assert "'Pilot' (wave 1) waits for 'Platform' (wave 2)" in planned.issues[0].message


def test_a_cycle_is_refused_naming_every_initiative_in_it():
    tasks = [
        task(1, title="Single record", depends_on=(3,)),
        task(2, title="Lapse alerts", depends_on=(1,)),
        task(3, title="Win-back", depends_on=(2,)),
        task(4, title="Training"),
    ]
    with pytest.raises(DependencyCycle) as caught:
        schedule(tasks, PLENTY)
    message = str(caught.value.errors[0])
    assert message.startswith("Depends on: dependency cycle: ")
    assert all(f"'{name}'" in message for name in ("Single record", "Lapse alerts", "Win-back"))
    assert "Training" not in message


# --- properties over random dependency graphs --------------------------------------------------

CAPACITY = 30.0


@st.composite
def dags(draw: st.DrawFn) -> list:
    """Up to 12 tasks; each may wait for any earlier one (so no cycles), listed in a random order."""
    count = draw(st.integers(1, 12))
    tasks = []
    for tid in range(1, count + 1):
        tasks.append(
            task(
                tid,
                weeks=draw(st.integers(1, 30)),
                effort=draw(st.floats(0, CAPACITY, allow_nan=False)),
                release=PLAN_START + timedelta(days=draw(st.integers(0, 400))),
                depends_on=tuple(draw(st.lists(st.integers(1, tid - 1), unique=True, max_size=3))) if tid > 1 else (),
                wave=draw(st.one_of(st.none(), st.integers(1, 3))),
            )
        )
    return draw(st.permutations(tasks))


def recomputed_load(tasks, planned) -> dict[int, float]:
    load: dict[int, float] = defaultdict(float)
    for t in tasks:
        for quarter, amount in spread(
            planned.placements[t.id].start, planned.placements[t.id].finish, t.effort
        ).items():
            load[quarter] += amount
    return load


@settings(max_examples=150, deadline=None)
@given(dags())
def test_no_initiative_starts_before_its_dependencies_or_release_and_no_quarter_is_over(tasks):
    planned = schedule(tasks, CAPACITY)
    by_id = {t.id: t for t in tasks}
    for t in tasks:
        placed = planned.placements[t.id]
        assert placed.start >= t.release
        assert all(placed.start >= planned.placements[d].finish for d in t.depends_on)
        assert placed.finish - placed.start == t.duration
    assert all(load <= CAPACITY + 1e-6 for load in recomputed_load(tasks, planned).values())
    assert planned.issues == () or {i.kind for i in planned.issues} == {"wave_order"}
    last = max(tasks, key=lambda t: planned.placements[t.id].finish)
    assert last.id in critical_path(tasks, planned)
    assert all(days >= 0 for days in slack_days(tasks, planned).values())
    assert set(by_id) == set(planned.placements)


@st.composite
def graphs_with_a_ring(draw: st.DrawFn) -> tuple[dict[int, list[int]], list[int]]:
    """A random acyclic graph plus a planted ring through some of its nodes."""
    size = draw(st.integers(2, 12))
    graph = {n: draw(st.lists(st.integers(0, n - 1), unique=True, max_size=3)) if n else [] for n in range(size)}
    ring = draw(st.lists(st.integers(0, size - 1), unique=True, min_size=2, max_size=size))
    for here, there in zip(ring, ring[1:] + ring[:1], strict=True):
        graph[here] = sorted({*graph[here], there})
    return graph, ring


@settings(max_examples=150, deadline=None)
@given(graphs_with_a_ring())
def test_a_planted_cycle_is_always_found_and_is_a_real_ring(case):
    graph, _ = case
    ring = find_cycle(graph)
    assert ring is not None and len(set(ring)) == len(ring)
    assert all(nxt in graph[here] for here, nxt in zip(ring, ring[1:] + ring[:1], strict=True))
    with pytest.raises(DependencyCycle) as caught:
        schedule([task(n + 1, depends_on=tuple(d + 1 for d in deps)) for n, deps in graph.items()], PLENTY)
    assert all(f"'T{tid}'" in str(caught.value) for tid in caught.value.cycle)


@settings(max_examples=100, deadline=None)
@given(dags())
def test_acyclic_graphs_have_no_cycle(tasks):
    assert find_cycle({t.id: list(t.depends_on) for t in tasks}) is None


@given(
    st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    st.integers(1, 400),
    st.floats(0, 1000, allow_nan=False),
)
def test_spread_shares_all_the_effort_between_the_quarters_it_touches(start, days, effort):
    shares = spread(start, start + timedelta(days=days), effort)
    assert sum(shares.values()) == pytest.approx(effort, abs=1e-6)
    assert min(shares) == quarter_of(start) and max(shares) == quarter_of(start + timedelta(days=days - 1))
