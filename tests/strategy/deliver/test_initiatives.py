"""Writing initiatives: a dependency that closes a ring is refused by name, and the pilot wave
stays within its caps — from a form, a dependency picker or a whole table edit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.cycles import DependencyCycle, find_cycle
from strategy.deliver.initiatives import (
    add_dependency,
    apply_pilot,
    create_initiative,
    refuse_cycles,
    save_initiative_table,
    update_initiative,
)
from strategy.edits import TableEdits
from strategy.errors import InvalidInput
from strategy.store.records import list_records, update_record
from tests.factories import ACTOR, make_workspace
from tests.factories_roadmap import initiative, store_initiative


@pytest.fixture
def chain(engine):
    """Three initiatives, each waiting for the one before: Record → Alerts → Win-back."""
    ws = make_workspace(engine, pilot_max_initiatives=2, pilot_max_effort=20)
    record = store_initiative(engine, ws.id, title="Single record")
    alerts = store_initiative(engine, ws.id, title="Lapse alerts", depends_on_ids=[record["id"]])
    win_back = store_initiative(engine, ws.id, title="Win-back", depends_on_ids=[alerts["id"]])
    return ws, record, alerts, win_back


def stored(engine, ws_id) -> dict[str, dict]:
    return {i["title"]: i for i in list_records(engine, "initiative", ws_id)}


def test_adding_a_dependency_stores_it(chain, engine):
    ws, record, _, win_back = chain
    add_dependency(engine, ws.id, win_back["id"], record["id"], expected_version=win_back["version"], actor=ACTOR)
    assert stored(engine, ws.id)["Win-back"]["depends_on_ids"] == sorted([record["id"], win_back["depends_on_ids"][0]])


def test_a_dependency_that_closes_a_ring_is_refused_naming_all_and_nothing_is_written(chain, engine):
    ws, record, _, win_back = chain
    with pytest.raises(DependencyCycle) as caught:
        add_dependency(engine, ws.id, record["id"], win_back["id"], expected_version=record["version"], actor=ACTOR)
    message = str(caught.value)
    assert "dependency cycle" in message and all(
        f"'{t}'" in message for t in ("Single record", "Lapse alerts", "Win-back")
    )
    assert stored(engine, ws.id)["Single record"]["depends_on_ids"] == []


def test_a_table_edit_that_makes_a_ring_is_refused_before_anything_is_written(chain, engine):
    ws, record, _alerts, win_back = chain
    edits = TableEdits(
        edited={
            record["id"]: (record["version"], {"depends_on_ids": [win_back["id"]], "title": "Single member record"}),
        }
    )
    with pytest.raises(DependencyCycle):
        save_initiative_table(engine, ws.id, edits, actor=ACTOR)
    assert "Single record" in stored(engine, ws.id)


def test_deleting_a_row_drops_dependencies_on_it_before_the_ring_check(chain, engine):
    ws, _record, alerts, _ = chain
    edits = TableEdits(deleted={alerts["id"]: alerts["version"]})
    assert save_initiative_table(engine, ws.id, edits, actor=ACTOR) == 1
    assert stored(engine, ws.id)["Win-back"]["depends_on_ids"] == []


# The workspace's pilot holds at most 2 initiatives and 20 person-weeks; each stored one is 8.
PILOT_CHANGES = [
    pytest.param(
        ("Single record", "Lapse alerts"), {"title": "Third", "wave": 1, "effort": 2}, "3 initiatives", id="too many"
    ),
    pytest.param(
        ("Single record",), {"title": "Big", "wave": 1, "effort": 15}, "23 person-weeks", id="too much effort"
    ),
]


@pytest.mark.parametrize(("in_pilot", "data", "message"), PILOT_CHANGES)
def test_a_new_initiative_that_overfills_the_pilot_is_refused(chain, engine, in_pilot, data, message):
    ws = chain[0]
    for title in in_pilot:
        item = stored(engine, ws.id)[title]
        update_initiative(engine, ws.id, item["id"], {"wave": 1}, expected_version=item["version"], actor=ACTOR)
    with pytest.raises(InvalidInput) as caught:
        create_initiative(engine, ws.id, data, actor=ACTOR)
    (error,) = caught.value.errors
    assert error.path == "wave" and f"wave 1 holds {message}" in error.message and "pilot" in error.message
    assert data["title"] not in stored(engine, ws.id)


def test_a_pilot_already_over_its_caps_may_still_shrink(chain, engine):
    ws = chain[0]
    for item in chain[1:]:  # the record store itself does not check the caps (an import may not either)
        update_record(
            engine, "initiative", ws.id, item["id"], {"wave": 1}, expected_version=item["version"], actor=ACTOR
        )
    current = stored(engine, ws.id)["Win-back"]
    update_initiative(engine, ws.id, current["id"], {"wave": 2}, expected_version=current["version"], actor=ACTOR)
    assert stored(engine, ws.id)["Win-back"]["wave"] == 2


def test_applying_the_pilot_proposal_moves_other_wave_one_work_to_wave_two(chain, engine):
    ws, record, alerts, win_back = chain
    update_initiative(engine, ws.id, win_back["id"], {"wave": 1}, expected_version=win_back["version"], actor=ACTOR)
    assert apply_pilot(engine, ws.id, [record["id"], alerts["id"]], actor=ACTOR) == 3
    waves = {title: i["wave"] for title, i in stored(engine, ws.id).items()}
    assert waves == {"Single record": 1, "Lapse alerts": 1, "Win-back": 2}


def test_a_ring_already_stored_never_blocks_the_edits_around_or_undoing_it(chain, engine):
    ws, record, alerts, win_back = chain
    update_record(  # a ring that arrived behind the service's back, e.g. from an import
        engine, "initiative", ws.id, record["id"], {"depends_on_ids": [win_back["id"]]}, expected_version=1, actor=ACTOR
    )
    other = store_initiative(engine, ws.id, title="Training")
    add_dependency(engine, ws.id, other["id"], alerts["id"], expected_version=other["version"], actor=ACTOR)
    current = stored(engine, ws.id)["Single record"]
    update_initiative(
        engine, ws.id, current["id"], {"depends_on_ids": []}, expected_version=current["version"], actor=ACTOR
    )
    assert stored(engine, ws.id)["Single record"]["depends_on_ids"] == []


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_new_dependency_is_refused_exactly_when_it_closes_a_ring(data):
    size = data.draw(st.integers(2, 10))
    # Acyclic to start with: each initiative waits only for lower numbers.
    before = [
        initiative(
            n, depends_on_ids=data.draw(st.lists(st.integers(1, n - 1), unique=True, max_size=3)) if n > 1 else []
        )
        for n in range(1, size + 1)
    ]
    waiting, first = data.draw(st.integers(1, size)), data.draw(st.integers(1, size))
    after = [
        {**i, "depends_on_ids": sorted({*i["depends_on_ids"], first})} if i["id"] == waiting else i for i in before
    ]
    closes_a_ring = find_cycle({i["id"]: i["depends_on_ids"] for i in after}) is not None
    try:
        refuse_cycles(before, after)
        refused = False
    except DependencyCycle as caught:
        refused = True
        ring = caught.cycle
        assert all(
            nxt in next(i for i in after if i["id"] == here)["depends_on_ids"]
            for here, nxt in zip(ring, ring[1:] + ring[:1], strict=True)
        )
    assert refused == closes_a_ring
