"""Live participation: codes, joining, contributions, the dot-vote allowance, the board and triage."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import SQLModel

from models.base import utcnow
from models.engine import make_engine
from strategy.errors import InvalidInput, NotFound
from strategy.store.records import get_record, list_records
from strategy.workshop.board import closed_vote_totals, news_since, session_log, session_version
from strategy.workshop.codes import JOIN_ALPHABET, new_code, normalise_code
from strategy.workshop.participation import AllowanceSpent, RateLimited, ballot, submit, vote
from strategy.workshop.sessions import close_session, join, open_session, resume
from strategy.workshop.triage import RAISED_IN_WORKSHOP, decide, pending
from tests.factories import ACTOR, make_need, make_workspace

IDEA = {"kind": "pain", "title": "Quotes take a week", "department": "Sales", "size": 4}


def opened(engine, allowance=3, minutes=60):
    ws = make_workspace(engine)
    needs = [make_need(engine, ws.id, title=f"Need {n}")["id"] for n in range(3)]
    return ws, needs, open_session(engine, ws.id, actor=ACTOR, minutes=minutes, allowance=allowance)


def test_codes_are_six_unambiguous_characters():
    codes = {new_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(JOIN_ALPHABET) for c in codes)
    assert not set("0O1IL5S2Z8B") & set(JOIN_ALPHABET)
    assert normalise_code(" ab-c d ") == "ABCD"


def test_a_wrong_or_closed_code_is_refused(engine):
    _ws, _needs, live = opened(engine)
    with pytest.raises(NotFound, match="not open"):
        join(engine, "XXXXXX", "Ana")
    close_session(engine, live.id, actor=ACTOR)
    with pytest.raises(NotFound, match="not open"):
        join(engine, live.code, "Ana")


def test_a_session_closes_by_itself_after_its_time(engine):
    _ws, _needs, live = opened(engine, minutes=5)
    with pytest.raises(NotFound):
        join(engine, live.code, "Ana", now=utcnow() + timedelta(minutes=6))


@pytest.mark.parametrize("name", ["", "   ", "x" * 500])
def test_an_empty_or_overlong_name_is_refused(engine, name):
    _ws, _needs, live = opened(engine)
    with pytest.raises(InvalidInput, match="name"):
        join(engine, live.code, name)


def test_the_same_name_twice_is_refused(engine):
    _ws, _needs, live = opened(engine)
    join(engine, live.code, "Ana Silva")
    with pytest.raises(InvalidInput, match="already called"):
        join(engine, live.code.lower(), " ana  silva ")


def test_a_reloaded_phone_keeps_its_name_and_remaining_votes(engine):
    _ws, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    vote(engine, seat.token, needs[0])
    again, session = resume(engine, seat.token)
    assert (again.name, session.code, ballot(engine, seat.token).remaining) == ("Ana", live.code, 2)


def test_a_fourth_vote_is_refused_with_a_clear_message(engine):
    _ws, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    assert [vote(engine, seat.token, needs[n]) for n in (0, 0, 1)] == [2, 1, 0]
    with pytest.raises(AllowanceSpent, match="all 3 of your votes"):
        vote(engine, seat.token, needs[2])
    assert news_since(engine, live.id, 0).totals == {needs[0]: 2, needs[1]: 1}


def test_a_participant_votes_only_on_their_own_sessions_choices(engine):
    _ws, _needs, live = opened(engine)
    other = make_workspace(engine, "Other")
    foreign = make_need(engine, other.id)["id"]
    seat = join(engine, live.code, "Ana")
    with pytest.raises(NotFound):
        vote(engine, seat.token, foreign)
    with pytest.raises(NotFound):
        vote(engine, "forged-token", foreign)


def concurrent_votes(engine, token, target, attempts=12):
    def one(_n):
        try:
            vote(engine, token, target)
            return "ok"
        except AllowanceSpent:
            return "refused"

    with ThreadPoolExecutor(max_workers=6) as pool:
        return sorted(pool.map(one, range(attempts)))


def test_concurrent_votes_from_two_tabs_never_exceed_the_allowance_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'votes.db'}")
    SQLModel.metadata.create_all(engine)
    _ws, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    outcomes = concurrent_votes(engine, seat.token, needs[0])
    assert outcomes.count("ok") == 3 and ballot(engine, seat.token).remaining == 0
    assert news_since(engine, live.id, 0).totals == {needs[0]: 3}


def test_a_flood_of_submissions_is_rate_limited(engine):
    _ws, _needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    start = utcnow()
    for n in range(10):
        submit(engine, seat.token, **IDEA, now=start + timedelta(seconds=n))
    with pytest.raises(RateLimited, match="Try again in"):
        submit(engine, seat.token, **IDEA, now=start + timedelta(seconds=30))
    submit(engine, seat.token, **IDEA, now=start + timedelta(seconds=61))


@given(title=st.text(min_size=1, max_size=120).filter(str.strip))
def test_any_title_is_kept_literally(title):
    from strategy.workshop.participation import _checked

    assert _checked("pain", title, "Sales", 3)["title"] == " ".join(title.split())


def test_the_board_reads_only_news_and_triage_makes_needs(engine):
    ws, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    first = submit(engine, seat.token, **IDEA)
    seen = session_version(engine, live.id)
    html = submit(engine, seat.token, **(IDEA | {"title": "<b>=SUM(A1)</b>"}))
    news = news_since(engine, live.id, seen)
    assert [c["title"] for c in news.contributions] == ["<b>=SUM(A1)</b>"] and news.people == 1
    need_id = decide(engine, ws.id, first, "accept", actor=ACTOR)
    decide(engine, ws.id, html, "merge", actor=ACTOR, into=needs[0])
    need = get_record(engine, "need", ws.id, need_id)
    assert (need["raised_by"], need["severity"]) == ("Ana", 4) and RAISED_IN_WORKSHOP in need["evidence"]
    assert pending(engine, ws.id) == [] and len(list_records(engine, "need", ws.id)) == 4


def test_closing_keeps_the_log_and_counts_the_votes(engine):
    ws, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    vote(engine, seat.token, needs[1])
    assert closed_vote_totals(engine, ws.id) == {}
    close_session(engine, live.id, actor=ACTOR)
    assert closed_vote_totals(engine, ws.id) == {needs[1]: 1}
    log = session_log(engine, live.id)
    assert [p["name"] for p in log["participants"]] == ["Ana"] and log["votes"][0]["by"] == "Ana"
    with pytest.raises(NotFound):
        vote(engine, seat.token, needs[1])


def test_a_later_round_votes_on_objectives_with_a_fresh_allowance(engine):
    from strategy.workshop.sessions import start_round
    from tests.factories import make_objective

    ws, needs, live = opened(engine, allowance=1)
    objective = make_objective(engine, ws.id)["id"]
    seat = join(engine, live.code, "Ana")
    vote(engine, seat.token, needs[0])
    start_round(engine, live.id, "objectives", actor=ACTOR)
    mine = ballot(engine, seat.token)
    assert (mine.round, mine.remaining, [c for c, _ in mine.choices]) == ("objectives", 1, [objective])
    with pytest.raises(NotFound):
        vote(engine, seat.token, needs[2])  # no objective has this id: not a choice in this round
    assert vote(engine, seat.token, objective) == 0
    assert news_since(engine, live.id, 0).totals == {objective: 1}


@settings(max_examples=15, deadline=None)
@given(allowance=st.integers(1, 5), taps=st.lists(st.integers(0, 2), max_size=9))
def test_whatever_the_taps_the_dots_placed_never_exceed_the_allowance(allowance, taps):
    engine = make_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    _ws, needs, live = opened(engine, allowance=allowance)
    seat = join(engine, live.code, "Ana")
    placed = 0
    for tap in taps:
        try:
            vote(engine, seat.token, needs[tap])
            placed += 1
        except AllowanceSpent:
            pass
    assert placed == min(len(taps), allowance) == sum(news_since(engine, live.id, 0).totals.values())
    assert ballot(engine, seat.token).remaining == allowance - placed


def test_the_log_is_read_again_only_when_the_session_moved_and_always_shows_the_latest(engine):
    from sqlalchemy import event

    _, needs, live = opened(engine)
    seat = join(engine, live.code, "Ana")
    vote(engine, seat.token, needs[0])
    assert len(session_log(engine, live.id)["votes"]) == 1
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    unchanged = session_log(engine, live.id)
    assert len(unchanged["votes"]) == 1 and len([s for s in statements if s.startswith("SELECT")]) == 1
    submit(engine, seat.token, **IDEA)
    vote(engine, join(engine, live.code, "Ben").token, needs[1])
    log = session_log(engine, live.id)
    assert [v["by"] for v in log["votes"]] == ["Ana", "Ben"] and [c["title"] for c in log["contributions"]] == [
        IDEA["title"]
    ]


def test_two_rooms_on_one_server_each_get_their_own_log(engine):
    _, first_needs, first = opened(engine)
    other = make_workspace(engine, name="Second plan")
    second_needs = [make_need(engine, other.id, title="Other need")["id"]]
    second = open_session(engine, other.id, actor=ACTOR, minutes=60, allowance=3)
    vote(engine, join(engine, first.code, "Ana").token, first_needs[0])
    for _ in range(2):
        logs = [session_log(engine, live.id) for live in (first, second)]
        assert [log["code"] for log in logs] == [first.code, second.code]
        assert [[v["by"] for v in log["votes"]] for log in logs] == [["Ana"], []]
    vote(engine, join(engine, second.code, "Ben").token, second_needs[0])
    assert [v["by"] for v in session_log(engine, second.id)["votes"]] == ["Ben"]
    assert [v["by"] for v in session_log(engine, first.id)["votes"]] == ["Ana"]
