"""The feedback inbox and unused capability: submitted by anyone, triaged into change requests,
the wish list or a reasoned decline; unused capability becomes an initiative in one step."""

from __future__ import annotations

from datetime import date

import pytest

from strategy.errors import InvalidInput
from strategy.store.records import get_record, list_records
from strategy.sustain.feedback import feedback_counts, submit_feedback, triage
from strategy.sustain.unused import bring_into_play
from tests.conftest import ACTOR

TODAY = date(2026, 12, 1)


def new_item(engine, ws_id, text="Show the member's preferred store on the call screen"):
    return submit_feedback(
        engine,
        ws_id,
        text=text,
        department="Contact centre",
        category="feature",
        submitted_by="Priya",
        today=TODAY,
        actor=ACTOR,
    )


def test_accepting_a_suggestion_raises_a_change_request_linked_to_it(engine, sample):
    item = new_item(engine, sample.id)
    accepted = triage(engine, sample.id, item, "accept", actor=ACTOR, today=TODAY)
    request = get_record(engine, "change_request", sample.id, accepted["change_request_id"])
    assert accepted["status"] == "accepted" and request["status"] == "submitted"
    assert request["title"] == "Show the member's preferred store on the call screen"
    assert request["requested_by"] == "Priya" and request["raised_on"] == TODAY


def test_a_decline_needs_a_reason_and_the_wish_list_keeps_the_item(engine, sample):
    item = new_item(engine, sample.id)
    with pytest.raises(InvalidInput, match="say why"):
        triage(engine, sample.id, item, "decline", actor=ACTOR, today=TODAY)
    declined = triage(engine, sample.id, item, "decline", reason="Already on the till", actor=ACTOR, today=TODAY)
    assert (declined["status"], declined["decline_reason"]) == ("declined", "Already on the till")
    other = triage(engine, sample.id, new_item(engine, sample.id, "Dark mode"), "wish_list", actor=ACTOR, today=TODAY)
    assert other["status"] == "wish_list"


def test_counts_by_department_and_status(engine, sample):
    counts = feedback_counts(list_records(engine, "feedback", sample.id))
    assert counts["Contact centre"] == {"new": 2} and counts["Stores"] == {"accepted": 1, "wish_list": 1}
    assert counts["Marketing"] == {"declined": 1}


def test_an_unused_capability_becomes_an_initiative_or_a_change_request_in_one_step(engine, sample):
    first, second = list_records(engine, "unused_capability", sample.id)
    linked = bring_into_play(engine, sample.id, first, "initiative", actor=ACTOR, today=TODAY)
    initiative = get_record(engine, "initiative", sample.id, linked["initiative_id"])
    assert initiative["title"] == "Next-best-action panel" and initiative["status"] == "proposed"
    requested = bring_into_play(engine, sample.id, second, "change_request", actor=ACTOR, today=TODAY)
    assert get_record(engine, "change_request", sample.id, requested["change_request_id"])["title"] == (
        "Use Web-shop browsing history"
    )
