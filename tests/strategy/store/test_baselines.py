"""Baselines: a named snapshot compares with a later one, or with now, as a diff by section in words;
a record's history reads as sentences."""

from __future__ import annotations

import pytest

from strategy.errors import InvalidInput
from strategy.store.baselines import baseline_document, list_baselines, save_baseline
from strategy.store.history import record_history
from strategy.store.records import delete_record, list_records, update_record
from strategy.sustain.baseline_diff import WORKSPACE, compare_documents
from tests.factories import ACTOR, make_need, make_objective, make_workspace


def test_the_sample_baseline_shows_what_moved_since_the_board_approved_it(sample, engine):
    [baseline] = list_baselines(engine, sample.id)
    diff = compare_documents(
        baseline_document(engine, sample.id, baseline.id), baseline_document(engine, sample.id, None)
    )
    by_section = {d.section: d for d in diff}
    assert baseline.name == "Board approved, March"
    assert by_section[WORKSPACE].changed == ["Discount rate changed from 8 % to 10 %"]
    assert by_section["Needs"].added == ["Legacy member database out of support"]
    assert by_section["Initiatives"].changed == ["Initiative 'Next-trip recommendations': Wave changed from 2 to 3"]


def test_two_saved_baselines_compare_by_section_with_added_removed_and_changed(engine):
    ws_id = make_workspace(engine).id or 0
    kept, gone = make_need(engine, ws_id), make_need(engine, ws_id, title="Leads go cold")
    objective = make_objective(engine, ws_id, target=40, need_ids=[kept["id"]])
    first = save_baseline(engine, ws_id, "Board approved, March", actor=ACTOR)
    update_record(engine, "objective", ws_id, objective["id"], {"target": 45}, expected_version=1, actor=ACTOR)
    delete_record(engine, "need", ws_id, gone["id"], expected_version=1, actor=ACTOR)
    make_need(engine, ws_id, title="Quotes are wrong")
    second = save_baseline(engine, ws_id, "  After the pilot  ", actor=ACTOR)

    diff = compare_documents(baseline_document(engine, ws_id, first.id), baseline_document(engine, ws_id, second.id))

    assert [d.section for d in diff] == ["Needs", "Objectives"]
    needs, objectives = diff
    assert (needs.added, needs.removed, needs.changed) == (["Quotes are wrong"], ["Leads go cold"], [])
    assert objectives.changed == [f"Objective '{objective['title']}': Target changed from 40 to 45"]
    assert [b.name for b in list_baselines(engine, ws_id)] == ["After the pilot", "Board approved, March"]


def test_a_baseline_compared_with_itself_shows_nothing_moved(engine):
    ws_id = make_workspace(engine).id or 0
    make_need(engine, ws_id)
    saved = save_baseline(engine, ws_id, "Now", actor=ACTOR)
    assert compare_documents(baseline_document(engine, ws_id, saved.id), baseline_document(engine, ws_id, None)) == []


def test_a_baseline_without_a_name_is_refused(engine):
    ws_id = make_workspace(engine).id or 0
    with pytest.raises(InvalidInput, match="Name: a baseline needs a name"):
        save_baseline(engine, ws_id, "   ", actor=ACTOR)


def test_a_records_history_reads_as_sentences_newest_first(engine):
    ws_id = make_workspace(engine).id or 0
    objective = make_objective(engine, ws_id, target=40)
    update_record(engine, "objective", ws_id, objective["id"], {"target": 45}, expected_version=1, actor="bea")
    newest, oldest = record_history(engine, "objective", objective["id"])
    assert (newest.actor, newest.lines) == ("bea", ["Target changed from 40 to 45"])
    assert (oldest.actor, oldest.lines) == (ACTOR, ["Created"])
    assert list_records(engine, "objective", ws_id)[0]["target"] == 45


def test_a_new_record_given_a_deleted_records_id_does_not_show_its_history(engine):
    ws_id = make_workspace(engine).id or 0
    old = make_need(engine, ws_id, title="Leads go cold")
    update_record(engine, "need", ws_id, old["id"], {"reach": 5}, expected_version=1, actor="bea")
    delete_record(engine, "need", ws_id, old["id"], expected_version=2, actor="bea")
    new = make_need(engine, ws_id, title="Quotes are wrong")
    assert new["id"] == old["id"]  # SQLite hands out the largest id again once its row is gone
    assert [(e.actor, e.lines) for e in record_history(engine, "need", new["id"])] == [(ACTOR, ["Created"])]
