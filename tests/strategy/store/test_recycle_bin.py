"""The recycle bin: a deleted record comes back with its links and what pointed at it, through the
normal checks, within the kept days; after that it is purged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session

from models.history import BinEntry
from models.settings import get_settings
from strategy.cycles import DependencyCycle
from strategy.deliver.initiatives import create_initiative, update_initiative, whole_set_rules
from strategy.errors import Conflict
from strategy.store.records import create_record, delete_record, get_record, list_records
from strategy.store.recycle_bin import list_bin, purge_bin, restore_from_bin
from tests.factories import ACTOR, make_need, make_objective, make_workspace


def _delete(engine, kind: str, record) -> None:  # type: ignore[no-untyped-def]
    delete_record(engine, kind, record["workspace_id"], record["id"], expected_version=record["version"], actor=ACTOR)


def _age_entry(engine, entry_id: int, days: int) -> None:  # type: ignore[no-untyped-def]
    """Pretend the entry was deleted `days` earlier than it was."""
    with Session(engine) as session, session.begin():
        entry = session.get(BinEntry, entry_id)
        assert entry is not None
        entry.deleted_at -= timedelta(days=days)
        session.add(entry)


@pytest.fixture
def ws_id(engine) -> int:  # type: ignore[no-untyped-def]
    return make_workspace(engine).id or 0


def test_a_deleted_need_is_restored_with_its_priority_and_the_objective_it_served(engine, ws_id):
    priority = create_record(engine, "priority", ws_id, {"title": "Win back lapsed customers"}, actor=ACTOR)
    need = make_need(engine, ws_id, priority_id=priority["id"])
    objective = make_objective(engine, ws_id, need_ids=[need["id"]])
    _delete(engine, "need", need | {"workspace_id": ws_id})
    assert get_record(engine, "objective", ws_id, objective["id"])["need_ids"] == []
    [entry] = list_bin(engine, ws_id)
    assert (entry.kind, entry.title, entry.deleted_by) == ("need", "Quotes take a week", ACTOR)

    restored = restore_from_bin(engine, ws_id, entry.id or 0, actor=ACTOR)

    assert restored["id"] == need["id"] and restored["priority_id"] == priority["id"]
    assert get_record(engine, "objective", ws_id, objective["id"])["need_ids"] == [need["id"]]
    assert list_bin(engine, ws_id) == []


def test_a_restore_is_refused_in_words_when_what_it_pointed_at_is_gone(engine, ws_id):
    priority = create_record(engine, "priority", ws_id, {"title": "Win back lapsed customers"}, actor=ACTOR)
    need = make_need(engine, ws_id, priority_id=priority["id"])
    _delete(engine, "need", need | {"workspace_id": ws_id})
    _delete(engine, "priority", get_record(engine, "priority", ws_id, priority["id"]) | {"workspace_id": ws_id})
    need_entry = next(e for e in list_bin(engine, ws_id) if e.kind == "need")
    with pytest.raises(Conflict, match=r"Need 'Quotes take a week' cannot be restored: .*not in this workspace"):
        restore_from_bin(engine, ws_id, need_entry.id or 0, actor=ACTOR)
    assert list_records(engine, "need", ws_id) == []  # nothing half restored
    assert len(list_bin(engine, ws_id)) == 2


def test_a_restore_is_refused_when_its_name_is_taken_meanwhile(engine, ws_id):
    data = {"lens": "core", "dimension": "Process"}
    first = create_record(engine, "capability", ws_id, data, actor=ACTOR)
    _delete(engine, "capability", first | {"workspace_id": ws_id})
    create_record(engine, "capability", ws_id, data, actor=ACTOR)
    [entry] = list_bin(engine, ws_id)
    with pytest.raises(Conflict, match="another Capability now has the same lens, dimension"):
        restore_from_bin(engine, ws_id, entry.id or 0, actor=ACTOR)


def test_a_record_deleted_longer_ago_than_the_kept_days_cannot_be_restored_and_is_purged(engine, ws_id):
    _delete(engine, "need", make_need(engine, ws_id) | {"workspace_id": ws_id})
    _delete(engine, "need", make_need(engine, ws_id, title="Leads go cold") | {"workspace_id": ws_id})
    _age_entry(engine, 1, get_settings().recycle_bin_days + 1)
    assert [e.title for e in list_bin(engine, ws_id)] == ["Leads go cold"]
    with pytest.raises(Conflict, match="more than 30 days ago"):
        restore_from_bin(engine, ws_id, 1, actor=ACTOR)
    assert purge_bin(engine) == 1
    assert purge_bin(engine, days=0) == 1
    assert list_bin(engine, ws_id) == []


def test_a_restore_that_would_close_a_dependency_ring_is_refused(engine, ws_id):
    def initiative(title: str, depends_on: list[int]) -> dict:  # type: ignore[type-arg]
        data = {"title": title, "effort": 5, "duration_weeks": 4, "wave": 2, "depends_on_ids": depends_on}
        return create_initiative(engine, ws_id, data, actor=ACTOR)

    c = initiative("Clean the data", [])
    a = initiative("Move to the cloud", [c["id"]])
    b = initiative("Retire the old system", [a["id"]])
    _delete(engine, "initiative", a | {"workspace_id": ws_id})  # b no longer waits for a
    b_now = get_record(engine, "initiative", ws_id, b["id"])
    update_initiative(engine, ws_id, c["id"], {"depends_on_ids": [b["id"]]}, expected_version=1, actor=ACTOR)
    [entry] = list_bin(engine, ws_id)
    with pytest.raises(DependencyCycle, match="dependency cycle"):
        restore_from_bin(engine, ws_id, entry.id or 0, actor=ACTOR, check=whole_set_rules)
    assert get_record(engine, "initiative", ws_id, b["id"]) == b_now  # nothing re-attached either
