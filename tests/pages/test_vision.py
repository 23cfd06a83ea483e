"""Vision page: statement and plan window saved safely, ordered priorities and principles, and the
coverage checks (priorities no objective serves, needs no priority covers)."""

from __future__ import annotations

import json

from models.settings import get_settings
from strategy.discover.vision import ordered
from strategy.store.database import shared_engine
from strategy.store.records import get_singleton, list_records, save_singleton
from strategy.store.workspaces import get_workspace
from tests.conftest import click, open_app
from tests.factories import make_need, make_workspace
from tests.factories_discover import make_priority

PAGE = "pages/vision.py"
STATEMENT = "vi_statement_1"


def engine():
    return shared_engine(get_settings().url)


def warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


def test_sample_vision_priorities_and_coverage_gaps(app_db):
    at = open_app(PAGE)
    assert not at.exception
    assert at.text_area(key=STATEMENT).value.startswith("By 2029 every Meridian member")
    assert at.radio(key="vi_horizon_1").value == 4
    listed = [m.value for m in at.markdown if m.value.startswith("**1.**")]
    assert listed[0].split("  \n")[0] == "**1.** Keep the members we have"
    assert "No objective serves these priorities yet: **Run the co-op efficiently**" in warnings(at)
    assert "No priority covers these needs: **Legacy member database out of support** (IT)" in warnings(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    red = [label for label in spec["data"][1]["y"] if "color" in label]
    assert len(red) == 1 and "Run the co-op efficiently" in red[0]


def test_saving_the_vision_and_the_horizon(app_db):
    at = open_app(PAGE)
    at.text_area(key=STATEMENT).input("Every member served as one person.")
    click(at, "Save vision")
    assert at.success[0].value == "Vision saved."
    assert get_singleton(engine(), "vision", 1)["statement"] == "Every member served as one person."
    at.radio(key="vi_horizon_1").set_value(5)
    click(at, "Save plan window")
    assert get_workspace(engine(), 1).horizon_years == 5
    assert any("01 Jan 2026 → 31 Dec 2030 (5 years)" in c.value for c in at.caption)


def test_a_vision_saved_by_someone_else_meanwhile_is_not_overwritten_and_the_typing_kept(app_db):
    at = open_app(PAGE)
    current = get_singleton(engine(), "vision", 1)
    save_singleton(
        engine(), "vision", 1, {"statement": "Bob's words"}, expected_version=current["version"], actor="bob"
    )
    at.text_area(key=STATEMENT).input("My words")
    click(at, "Save vision")
    assert "changed by bob" in at.error[0].value and "not saved" in at.error[0].value
    assert at.text_area(key=STATEMENT).value == "My words"
    assert get_singleton(engine(), "vision", 1)["statement"] == "Bob's words"
    click(at, "Discard my edits and load theirs")
    assert at.text_area(key=STATEMENT).value == "Bob's words"


def test_adding_a_priority_puts_it_last_and_moving_it_up_reorders(app_db):
    at = open_app(PAGE)
    at.text_input(key="vi_new_priority_description").input("Members find kit without us")
    click(at, "Add priority")
    assert "Title is required." in at.error[0].value
    assert at.text_input(key="vi_new_priority_description").value == "Members find kit without us"
    at.text_input(key="vi_new_priority").input("Make self-service the easy path")
    click(at, "Add priority")
    assert at.success[0].value == "Added 'Make self-service the easy path'."
    titles = [p["title"] for p in ordered(list_records(engine(), "priority", 1))]
    assert titles[-1] == "Make self-service the easy path"
    new_id = next(p["id"] for p in list_records(engine(), "priority", 1) if p["title"].startswith("Make self"))
    at.selectbox(key="move_priority").set_value(new_id).run()
    at.button(key="up_priority").click().run()
    titles = [p["title"] for p in ordered(list_records(engine(), "priority", 1))]
    assert titles[-2:] == ["Make self-service the easy path", "Run the co-op efficiently"]
    assert "Make self-service the easy path" in warnings(at)  # no objective serves it yet
    assert [b.key for b in at.button].count("up_priority") == 1  # one move control, not two buttons a row


def test_coverage_checks_on_a_crafted_vision(app_db):
    at = open_app(PAGE)
    ws = make_workspace(engine(), "Crafted vision")
    keep = make_priority(engine(), ws.id, "Keep customers", 1)
    make_priority(engine(), ws.id, "Cut cost to serve", 2)
    make_need(engine(), ws.id, title="Churn is invisible", priority_id=keep["id"])
    make_need(engine(), ws.id, title="Invoices are wrong")
    at.run()
    at.selectbox(key="workspace_id").set_value(ws.id).run()
    text = warnings(at)
    assert "No objective serves these priorities yet: **Keep customers**; **Cut cost to serve**" in text
    assert "No priority covers these needs: **Invoices are wrong** (Sales)" in text
    assert "Churn is invisible" not in text


def vision_note(at) -> str:
    return " ".join(e.value for e in at.error if "Health check · Vision over 3-5 years" in e.value)


def test_a_vision_dated_beyond_the_plan_is_flagged_until_the_horizon_reaches_it(app_db):
    at = open_app(PAGE)
    assert vision_note(at) == ""
    at.text_area(key=STATEMENT).input("By 2030 every member is served as one person.")
    click(at, "Save vision")
    assert "dated 2030, beyond the plan's horizon (it ends December 2029)" in vision_note(at)
    at.radio(key="vi_horizon_1").set_value(5)
    click(at, "Save plan window")
    assert vision_note(at) == ""


def test_the_priority_and_principle_tables_run_only_while_open(app_db):
    at = open_app(PAGE)
    assert not at.data_editor
    at.session_state["vision_tables_open"] = True
    at.run()
    titles = list(at.data_editor[0].value["title"])
    assert "Keep the members we have" in titles and len(at.data_editor) == 2
