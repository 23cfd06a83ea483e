"""Change control: nothing is approved without an impact assessment, whichever path writes it —
the committee's buttons, the table editor, or an imported file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from strategy.errors import InvalidInput
from strategy.store.interchange import import_document, parse_document
from strategy.store.records import create_record, update_record
from strategy.sustain.change_control import decide
from tests.conftest import SAMPLE
from tests.factories import ACTOR, make_workspace

TODAY = date(2026, 11, 23)
UNASSESSED = {"title": "Add a pronoun field", "raised_on": TODAY, "impact_assessment": "  "}


def paths(caught: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return {error.path for error in caught.value.errors}


def test_the_committee_cannot_approve_an_unassessed_change(engine):
    ws = make_workspace(engine)
    request = create_record(engine, "change_request", ws.id, UNASSESSED, actor=ACTOR)
    with pytest.raises(InvalidInput) as caught:
        decide(engine, ws.id, request["id"], "approved", "", expected_version=1, actor=ACTOR, today=TODAY)
    assert paths(caught) == {"impact_assessment"}
    wished = decide(engine, ws.id, request["id"], "wish_list", "", expected_version=1, actor=ACTOR, today=TODAY)
    assert (wished["status"], wished["decided_on"]) == ("wish_list", TODAY)


@pytest.mark.parametrize("status", ["approved", "implemented"])
def test_the_table_editor_cannot_approve_an_unassessed_change(engine, status):
    ws = make_workspace(engine)
    request = create_record(engine, "change_request", ws.id, UNASSESSED, actor=ACTOR)
    with pytest.raises(InvalidInput) as caught:
        update_record(
            engine, "change_request", ws.id, request["id"], {"status": status}, expected_version=1, actor=ACTOR
        )
    assert paths(caught) == {"impact_assessment"}


def test_a_core_system_change_is_approved_only_with_a_note_on_the_risk(engine):
    ws = make_workspace(engine)
    core = UNASSESSED | {"impact_assessment": "Ledger totals change", "affects_core_system": True}
    with pytest.raises(InvalidInput) as caught:
        create_record(engine, "change_request", ws.id, core | {"status": "approved"}, actor=ACTOR)
    assert paths(caught) == {"decision_note"}
    approved = core | {"status": "approved", "decision_note": "Finance tests the reconciliation first"}
    assert create_record(engine, "change_request", ws.id, approved, actor=ACTOR)["status"] == "approved"


def test_an_import_cannot_carry_an_unassessed_approval(engine):
    document = json.loads(SAMPLE.read_text())
    approved = next(n for n, c in enumerate(document["change_requests"]) if c["status"] == "approved")
    document["change_requests"][approved]["impact_assessment"] = ""
    with pytest.raises(InvalidInput) as caught:
        import_document(engine, parse_document(json.dumps(document)), actor=ACTOR)
    assert paths(caught) == {f"change_requests[{approved}].impact_assessment"}
