"""Workshop page: open a live session, watch the board fill, triage what the room raised, log decisions."""

from __future__ import annotations

from sqlalchemy import Engine

from models.engine import make_engine
from strategy.store.records import list_records
from strategy.workshop.participation import submit, vote
from strategy.workshop.sessions import current_session, join
from tests.conftest import click, open_app


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def app_engine(app_db) -> Engine:
    return make_engine(f"sqlite:///{app_db}")


def test_opening_a_session_shows_its_code_and_the_board_counts_the_room(app_db):
    at = click(open_app("pages/workshop.py"), "Open a live session")
    engine = app_engine(app_db)
    live = current_session(engine, 1)
    assert live is not None and live.is_open()
    shown = " ".join(str(h.proto.body) for h in at.get("html"))
    assert live.code in shown and "QR code of the join link" in shown and f"?join={live.code}" in shown
    assert metric(at, "People joined") == "0"
    seat = join(engine, live.code, "Ana")
    vote(engine, seat.token, list_records(engine, "need", 1)[0]["id"])
    at.run()
    assert (metric(at, "People joined"), metric(at, "Votes on needs")) == ("1", "1")
    click(at, "Close the session")
    assert "votes now count" in at.success[0].value and not current_session(engine, 1).is_open()


def test_what_the_room_raised_is_accepted_as_a_need_marked_raised_in_workshop(app_db):
    at = click(open_app("pages/workshop.py"), "Open a live session")
    engine = app_engine(app_db)
    seat = join(engine, current_session(engine, 1).code, "Ben")
    submit(engine, seat.token, kind="pain", title="<i>Returns</i> =1+1", department="Stores", size=5)
    at.run()
    assert any(r"\<i>Returns" in m.value for m in at.markdown if "Ben" in m.value)  # shown literally
    click(at, "Accept")
    assert at.success[0].value == "Added as a need."
    need = next(n for n in list_records(engine, "need", 1) if n["raised_by"] == "Ben")
    assert need["title"] == "<i>Returns</i> =1+1" and "Raised in workshop" in need["evidence"]


def test_a_decision_is_logged_with_its_owner_and_date(app_db):
    at = open_app("pages/workshop.py")
    at.text_area(key="dec_text").input("Stores join the pilot in wave 2")
    at.text_input(key="dec_owner").input("Tom Gallagher")
    at.radio(key="dec_kind").set_value("action")
    click(at, "Log it")
    logged = next(d.value for d in at.dataframe if "Owner" in d.value.columns)
    assert logged.iloc[0]["What"] == "Stores join the pilot in wave 2" and logged.iloc[0]["Owner"] == "Tom Gallagher"
    assert len(list_records(app_engine(app_db), "decision", 1)) == 3


def test_the_session_log_can_be_downloaded(app_db):
    at = click(open_app("pages/workshop.py"), "Open a live session")
    [download] = at.get("download_button")
    assert download.proto.label == "Download the session log (JSON)"
