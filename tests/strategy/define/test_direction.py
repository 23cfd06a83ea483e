"""Direction: lead in one value discipline at threshold, CRM's fit with the lead, and the continuum
position placed from the evidence answers."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.define import DirectionBase
from strategy.define.direction import (
    QUESTIONS,
    answer_key,
    continuum_from_answers,
    continuum_placed,
    continuum_position,
    crm_fit,
    discipline_warnings,
    stage_of,
    suggested_lead,
)
from tests.conftest import SAMPLE


def direction(lead: str | None = "customer_intimacy", **scores: float) -> dict:
    """Customer intimacy aiming at 4.5, the others held at par, unless told otherwise."""
    base = DirectionBase(
        lead_discipline=lead,
        customer_intimacy_target=4.5,
        operational_excellence_target=3.0,
        product_leadership_target=3.0,
    ).model_dump()
    return base | scores


BALANCED = (direction(), [])
NO_LEAD = (direction(lead=None), ["No discipline chosen to lead"])
TWO_LEADERS = (direction(operational_excellence_target=4.5), ["Operational excellence aims as high as the lead"])
OTHER_BELOW_THRESHOLD = (
    direction(product_leadership_target=2.0),
    ["Product leadership targets 2, below the threshold"],
)
TIMID_LEAD = (direction(customer_intimacy_target=3.5), ["leads with a target of only 3.5"])
LEAD_NOT_HIGHEST = (
    direction(lead="product_leadership", product_leadership_target=3.5),
    ["Product leadership leads with a target of only 3.5", "Customer intimacy aims as high as the lead"],
)


@pytest.mark.parametrize(
    ("scores", "warnings"), [BALANCED, NO_LEAD, TWO_LEADERS, OTHER_BELOW_THRESHOLD, TIMID_LEAD, LEAD_NOT_HIGHEST]
)
def test_lead_in_one_and_hold_the_others_at_threshold(scores, warnings):
    found = discipline_warnings(scores)
    assert len(found) == len(warnings)
    assert all(any(expected in message for message in found) for expected in warnings)


def test_the_suggested_lead_is_the_single_highest_target():
    assert suggested_lead(direction()) == "customer_intimacy"
    assert suggested_lead(direction(operational_excellence_target=4.5)) is None


FIT = [
    ("customer_intimacy", "strong", 0),
    ("operational_excellence", "strong", 0),
    ("product_leadership", "weak", 4),
    (None, "unknown", 0),
]


@pytest.mark.parametrize(("lead", "strength", "implications"), FIT)
def test_crm_fits_intimacy_and_excellence_strongly_and_product_leadership_weakly(lead, strength, implications):
    fit = crm_fit(lead)
    assert (fit.strength, len(fit.implications)) == (strength, implications)


def test_product_leadership_says_what_it_means_for_the_programme():
    assert any("lean" in line for line in crm_fit("product_leadership").implications)


def answers(process: int, strategy: int, *, target: bool = False) -> dict[str, int]:
    chosen = {"process": process, "strategy": strategy}
    return {answer_key(q.key, target=target): chosen[q.stage] for q in QUESTIONS}


POSITIONS = [
    (answers(0, 0), 0.0, "Technology"),
    (answers(1, 0), 0.5, "Process"),
    (answers(2, 0), 1.0, "Process"),
    (answers(2, 1), 1.5, "Strategy"),
    (answers(2, 2), 2.0, "Strategy"),
    ({}, 0.0, "Technology"),
    ({"unrelated": 2}, 0.0, "Technology"),
]


@pytest.mark.parametrize(("given_answers", "position", "stage"), POSITIONS)
def test_the_evidence_places_crm_on_the_continuum(given_answers, position, stage):
    assert continuum_position(given_answers) == position
    assert stage_of(position) == stage


def test_today_and_the_target_are_answered_separately():
    both = answers(0, 0) | answers(2, 2, target=True)
    placed = continuum_from_answers(both)
    assert (placed["continuum_current"], placed["continuum_target"]) == (0.0, 2.0)
    assert placed["answers"] == both


ANSWER_VALUES = st.dictionaries(st.sampled_from([q.key for q in QUESTIONS]), st.integers(-3, 5))


@given(given_answers=ANSWER_VALUES, question=st.sampled_from([q.key for q in QUESTIONS]))
def test_the_position_stays_on_the_bar_and_more_evidence_never_moves_it_back(given_answers, question):
    position = continuum_position(given_answers)
    assert 0.0 <= position <= 2.0
    stronger = given_answers | {question: min(max(given_answers.get(question, 0), 0), 2) + 1}
    assert continuum_position(stronger) >= position


def test_the_sample_stores_the_positions_its_answers_give():
    stored = json.loads(SAMPLE.read_text())["direction"]
    placed = continuum_from_answers(stored["answers"])
    assert (stored["continuum_current"], stored["continuum_target"]) == (
        placed["continuum_current"],
        placed["continuum_target"],
    )
    assert discipline_warnings(stored) == []


def test_the_continuum_is_placed_only_once_its_questions_are_answered():
    assert not continuum_placed(DirectionBase().model_dump())  # the defaults (target 1.0) are nobody's answer
    assert not continuum_placed(None)
    all_no = continuum_from_answers(dict.fromkeys((answer_key(q.key, target=t) for q in QUESTIONS for t in (0, 1)), 0))
    assert continuum_placed(DirectionBase().model_dump() | all_no)  # answered "No" throughout is an answer
