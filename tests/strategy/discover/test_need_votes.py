"""Workshop votes in the needs ranking: the room's favourite gains 5 points, others in proportion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategy.discover.needs import MAX_VOTE_POINTS, rank_needs, vote_points


def need(need_id: int, title: str, severity: int = 3, reach: int = 3) -> dict:
    return {"id": need_id, "title": title, "severity": severity, "reach": reach, "annual_value": None}


def test_the_rooms_favourite_gains_five_points_and_others_in_proportion():
    assert (vote_points(6, 6), vote_points(3, 6), vote_points(0, 6), vote_points(0, 0)) == (5.0, 2.5, 0.0, 0.0)


def test_votes_move_a_need_up_the_ranking():
    needs = [need(1, "Quotes take a week", severity=4), need(2, "Members lapse")]
    assert [r.need["id"] for r in rank_needs(needs)] == [1, 2]
    ranked = rank_needs(needs, {2: 5, 1: 1})
    assert [(r.need["id"], r.score) for r in ranked] == [(2, 14.0), (1, 13.0)]


@given(
    severity=st.integers(1, 5),
    reach=st.integers(1, 5),
    votes=st.dictionaries(st.integers(1, 4), st.integers(0, 30), max_size=4),
)
def test_votes_only_ever_add_at_most_five_points(severity, reach, votes):
    needs = [need(n, f"Need {n}", severity, reach) for n in range(1, 5)]
    plain = {r.need["id"]: r.score for r in rank_needs(needs)}
    for ranked in rank_needs(needs, votes):
        assert plain[ranked.need["id"]] <= ranked.score <= plain[ranked.need["id"]] + MAX_VOTE_POINTS
