"""Capabilities: lenses, gaps, the ratings a form saves, and a gap turned into an initiative."""

from __future__ import annotations

import pytest

from strategy.define.capabilities import (
    LENSES,
    gap_summary,
    gaps,
    initiative_from_gap,
    initiatives_by_capability,
    rating_edits,
    unrated,
)
from strategy.store.records import apply_table_edits, create_record, get_record, list_records
from tests.factories import ACTOR, make_workspace

CORE = ["culture", "people", "process", "technology"]
GARTNER = [
    "vision",
    "strategy",
    "customer experience",
    "organisational collaboration",
    "processes",
    "information",
    "technology",
    "metrics",
]


def rating(capability_id: int, dimension: str, current: int, target: int, lens: str = "core") -> dict:
    return {
        "id": capability_id,
        "version": 1,
        "lens": lens,
        "dimension": dimension,
        "current": current,
        "target": target,
        "notes": "",
    }


@pytest.mark.parametrize(("lens", "dimensions"), [("core", CORE), ("gartner", GARTNER)])
def test_each_lens_has_its_dimensions_with_guidance(lens, dimensions):
    assert list(LENSES[lens].dimensions) == dimensions
    assert all(question.endswith("?") for question in LENSES[lens].dimensions.values())


def test_gaps_come_largest_first_within_the_chosen_lens():
    rated = [
        rating(1, "culture", 2, 3),
        rating(2, "people", 1, 4),
        rating(3, "process", 3, 3),
        rating(4, "vision", 1, 5, "gartner"),
    ]
    found = gaps(rated, "core")
    assert [(g.dimension, g.size) for g in found] == [("people", 3), ("culture", 1), ("process", 0)]
    assert unrated(rated, "core") == ["technology"]


def test_a_ratings_form_edits_rated_dimensions_at_their_version_and_adds_new_ones():
    submitted = {
        "culture": {},
        "people": {"current": 3, "notes": "champions named"},
        "process": {"current": 2, "target": 5, "notes": ""},
    }
    edits = rating_edits("core", {"culture": (1, 4), "people": (2, 7)}, submitted)
    assert edits.edited == {2: (7, {"current": 3, "notes": "champions named"})}
    assert edits.added == [{"lens": "core", "dimension": "process", "current": 2, "target": 5, "notes": ""}]
    assert not edits.deleted


def test_ratings_saved_from_a_form_are_stored_per_lens(engine):
    ws = make_workspace(engine)
    submitted = {d: {"current": 2, "target": 4, "notes": ""} for d in CORE}
    apply_table_edits(engine, "capability", ws.id, rating_edits("core", {}, submitted), actor=ACTOR)
    stored = list_records(engine, "capability", ws.id)
    assert sorted(c["dimension"] for c in stored) == sorted(CORE)
    rated = {c["dimension"]: (c["id"], c["version"]) for c in stored}
    apply_table_edits(engine, "capability", ws.id, rating_edits("core", rated, {"people": {"target": 5}}), actor=ACTOR)
    people = next(c for c in list_records(engine, "capability", ws.id) if c["dimension"] == "people")
    assert (people["target"], people["version"]) == (5, 2)


def test_a_gap_becomes_a_proposed_initiative_linked_to_its_capability(engine):
    ws = make_workspace(engine)
    capability = create_record(
        engine,
        "capability",
        ws.id,
        {"lens": "core", "dimension": "people", "current": 2, "target": 4, "notes": "No champions"},
        actor=ACTOR,
    )
    gap = gaps([capability], "core")[0]
    initiative = create_record(engine, "initiative", ws.id, initiative_from_gap(gap, "core"), actor=ACTOR)
    stored = get_record(engine, "initiative", ws.id, initiative["id"])
    assert stored["capability_id"] == capability["id"] and stored["status"] == "proposed"
    assert stored["title"] == "Close the people gap (2 → 4)"
    assert "No champions" in stored["description"]
    assert [i["id"] for i in initiatives_by_capability([stored])[capability["id"]]] == [initiative["id"]]


def test_nothing_rated_is_not_no_gaps():
    """The form's presets (2 today, 4 target) are nobody's rating: with none saved there is no verdict."""
    summary = gap_summary([], "core")
    assert (summary.rated, summary.unrated, summary.open) == (0, tuple(CORE), ())
    assert summary.message.startswith("Not rated yet") and "No gaps" not in summary.message


def test_no_gaps_among_some_rated_names_the_dimensions_still_unrated():
    summary = gap_summary([rating(1, "culture", 4, 4), rating(2, "people", 3, 3)], "core")
    assert summary.open == () and summary.unrated == ("process", "technology")
    assert summary.message == "No gaps among the 2 rated dimensions; not rated yet: process, technology."


def test_every_dimension_rated_at_its_target_has_no_gaps():
    rated = [rating(i, d, 3, 3) for i, d in enumerate(CORE, 1)]
    assert gap_summary(rated, "core").message == "No gaps: every dimension is at its target."


def test_open_gaps_are_listed_largest_first_and_need_no_message():
    summary = gap_summary([rating(1, "culture", 2, 3), rating(2, "people", 1, 5), rating(3, "process", 4, 4)], "core")
    assert [g.dimension for g in summary.open] == ["people", "culture"] and summary.message is None
