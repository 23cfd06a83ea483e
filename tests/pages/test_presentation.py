"""Presentation mode: one remembered switch (or ?present=1) turns any page into its projector layout."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from models.engine import make_engine
from strategy.store.records import list_records
from tests.conftest import APP, click


def presented(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["present"] = "1"
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def bar(at: AppTest) -> str:
    return next((m.value for m in at.markdown if m.value.startswith("**Step ")), "")


def styles(at: AppTest) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def test_the_url_switch_shows_the_agenda_bar_and_projector_type(app_db):
    at = presented("pages/needs.py")
    assert bar(at).startswith("**Step 1 of 6 · The need**")
    assert "font-size: 24px" in styles(at) and "h1 { font-size: 56px" in styles(at)


def test_next_steps_through_the_agenda_and_leave_returns_to_the_desk_layout(app_db):
    at = presented("pages/needs.py")
    click(at, "Next ▶")
    assert at.title[0].value == "Vision" and bar(at).startswith("**Step 2 of 6 · The vision**")
    click(at, "◀ Back")
    assert at.title[0].value == "Business need"
    click(at, "Leave")
    assert bar(at) == "" and "font-size: 24px" not in styles(at)


def test_the_switch_is_remembered_for_the_workspace(app_db):
    at = AppTest.from_file(APP, default_timeout=30).run()
    click(at, "Present to the room")
    assert bar(at).startswith("**Step 1 of 6")
    settings = list_records(make_engine(f"sqlite:///{app_db}"), "workshop", 1)[0]
    assert settings["presenting"] is True
    again = AppTest.from_file(APP, default_timeout=30).run()  # another browser, same workspace
    assert bar(again).startswith("**Step 1 of 6")


def test_charts_grow_their_type_for_the_room(app_db):
    at = presented("pages/needs.py")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["font"]["size"] == 24


def test_a_reloaded_projector_keeps_the_step_and_its_clock(app_db):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"present": "1", "step": "1", "since": "1"})  # started long ago
    at.run()
    assert bar(at).startswith("**Step 2 of 6 · The vision**")
    assert "over by" in styles(at)
