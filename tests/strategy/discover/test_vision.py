"""Vision: which priorities no objective serves, which needs no priority covers, ordering, and the chart."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy.charts.vision import coverage_chart
from strategy.discover.reorder import move_record
from strategy.discover.vision import (
    moved_positions,
    next_position,
    ordered,
    priority_coverage,
    uncovered_needs,
    unserved_priorities,
)
from strategy.errors import InvalidInput
from strategy.store.records import list_records
from tests.factories import ACTOR, make_workspace
from tests.factories_discover import make_priority, need_row

KEEP = {"id": 1, "version": 1, "title": "Keep members", "position": 2}
KNOW = {"id": 2, "version": 1, "title": "Know members", "position": 1}
GROW = {"id": 3, "version": 1, "title": "Grow wallet", "position": 3}
PRIORITIES = [KEEP, KNOW, GROW]


def test_priorities_come_in_their_stated_order():
    assert [p["title"] for p in ordered(PRIORITIES)] == ["Know members", "Keep members", "Grow wallet"]
    assert next_position(PRIORITIES) == 4 and next_position([]) == 1


def test_unserved_priorities_are_those_no_objective_names():
    objectives = [{"title": "Renewal to 78 %", "priority_id": KEEP["id"]}, {"title": "Loose", "priority_id": None}]
    assert [p["title"] for p in unserved_priorities(PRIORITIES, objectives)] == ["Know members", "Grow wallet"]


def test_uncovered_needs_point_at_no_priority_of_this_vision_highest_score_first():
    needs = [
        need_row(title="Covered", priority_id=KEEP["id"]),
        need_row(title="Minor", severity=1, reach=1),
        need_row(title="Pressing", severity=5, reach=5),
        need_row(title="Dangling", priority_id=99),
    ]
    assert [n["title"] for n in uncovered_needs(needs, PRIORITIES)] == ["Pressing", "Dangling", "Minor"]


def test_priority_coverage_lists_needs_and_objectives_per_priority():
    needs = [need_row(title="A", priority_id=KEEP["id"], severity=1), need_row(title="B", priority_id=KEEP["id"])]
    covers = priority_coverage(PRIORITIES, needs, [{"title": "O", "priority_id": GROW["id"]}])
    summary = [(c.priority["title"], [n["title"] for n in c.needs], c.served) for c in covers]
    assert summary == [("Know members", [], False), ("Keep members", ["B", "A"], False), ("Grow wallet", [], True)]


MOVES = [
    # record id, step, expected ids top to bottom
    (KEEP["id"], -1, [1, 2, 3]),
    (KEEP["id"], 1, [2, 3, 1]),
    (KNOW["id"], -1, [2, 1, 3]),  # already first: stays
    (GROW["id"], 5, [2, 1, 3]),  # already last: stays
]


@pytest.mark.parametrize(("record_id", "step", "expected"), MOVES)
def test_moving_a_priority(record_id, step, expected):
    positions = moved_positions(PRIORITIES, record_id, step)
    assert sorted(positions, key=positions.__getitem__) == expected


@given(st.lists(st.integers(0, 4), min_size=1, max_size=8), st.data())
def test_moving_always_gives_positions_one_to_n_and_moves_only_that_row(positions, data):
    rows = [{"id": n, "position": p} for n, p in enumerate(positions)]
    record_id = data.draw(st.sampled_from([r["id"] for r in rows]))
    step = data.draw(st.sampled_from([-1, 1]))
    before = [r["id"] for r in ordered(rows)]
    moved = moved_positions(rows, record_id, step)
    after = sorted(moved, key=moved.__getitem__)
    assert sorted(moved.values()) == list(range(1, len(rows) + 1))
    assert [i for i in after if i != record_id] == [i for i in before if i != record_id]
    assert abs(after.index(record_id) - before.index(record_id)) <= 1


def test_moving_an_unknown_record_is_refused():
    with pytest.raises(InvalidInput):
        moved_positions(PRIORITIES, 42, 1)


def test_move_record_saves_the_new_order_and_tidies_gaps(engine):
    ws = make_workspace(engine)
    first = make_priority(engine, ws.id, "First", 1)
    make_priority(engine, ws.id, "Second", 5)
    third = make_priority(engine, ws.id, "Third", 9)
    move_record(engine, "priority", ws.id, list_records(engine, "priority", ws.id), third["id"], -1, actor=ACTOR)
    stored = ordered(list_records(engine, "priority", ws.id))
    assert [(p["title"], p["position"]) for p in stored] == [("First", 1), ("Third", 2), ("Second", 3)]
    assert stored[0]["version"] == first["version"]  # unchanged rows are not rewritten


def test_coverage_chart_marks_an_unserved_priority_in_red():
    covers = priority_coverage(PRIORITIES, [need_row(priority_id=GROW["id"])], [{"priority_id": KEEP["id"]}])
    spec = json.loads(coverage_chart(covers).to_json())
    needs_bar, objectives_bar = spec["data"]
    labels = dict(zip(objectives_bar["y"], objectives_bar["x"], strict=True))
    assert labels["2. Keep members"] == 1
    red = [label for label in labels if "color" in label]
    assert len(red) == 2 and any("Grow wallet" in label for label in red)
    assert dict(zip(needs_bar["y"], needs_bar["x"], strict=True))[next(x for x in red if "Grow" in x)] == 1
