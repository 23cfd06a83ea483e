"""Initiatives page: add one in the form, edit one and see it in the live roadmap, refusals that
keep what was typed, and the table editor over every initiative."""

from __future__ import annotations

from datetime import date

import pytest

from strategy.deliver.roadmap_store import load_roadmap
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import click, open_app

PAGE = "pages/initiatives.py"
NEW = 0
TILL = "Member view at the till"


def stored(app_db) -> dict[str, dict]:
    return {i["title"]: i for i in list_records(shared_engine(f"sqlite:///{app_db}"), "initiative", 1)}


def field(pick: int, name: str) -> str:
    return f"init_{pick}_{name}"


@pytest.fixture
def at(app_db):
    page = open_app(PAGE)
    assert not page.exception
    return page


def test_adding_an_initiative_stores_it_and_clears_the_form(at, app_db):
    objectives = {o["title"]: o["id"] for o in list_records(shared_engine(f"sqlite:///{app_db}"), "objective", 1)}
    renewal = next(i for t, i in objectives.items() if t.startswith("Raise the 12-month renewal rate"))
    at.text_input(key=field(NEW, "title")).input("Renewal reminders by SMS")
    at.multiselect(key=field(NEW, "objective_ids")).select(renewal)
    at.number_input(key=field(NEW, "effort")).set_value(6.0)
    at.number_input(key=field(NEW, "duration_weeks")).set_value(5)
    at.number_input(key=field(NEW, "wave")).set_value(3)
    at = click(at, "Add initiative")
    assert "Initiative 'Renewal reminders by SMS' added." in at.success[0].value
    added = stored(app_db)["Renewal reminders by SMS"]
    assert (added["effort"], added["duration_weeks"], added["wave"], added["objective_ids"]) == (6.0, 5, 3, [renewal])
    assert at.text_input(key=field(NEW, "title")).value == ""
    assert any(d.value.shape[0] == 10 for d in at.dataframe)  # the table editor shows it too


def test_editing_shows_where_it_sits_and_saves_the_change(at, app_db):
    till = stored(app_db)[TILL]
    at.selectbox(key="init_pick_1").select(till["id"]).run()
    roadmap = load_roadmap(shared_engine(f"sqlite:///{app_db}"), 1, date.today())
    placed = next(i for i in roadmap.items if i.initiative["title"] == TILL)
    assert next(m.value for m in at.metric if m.label == "Scheduled start") == f"{placed.start:%d %b %Y}"
    assert any("On the critical path" in m.value for m in at.markdown)
    at.number_input(key=field(till["id"], "duration_weeks")).set_value(20)
    at = click(at, "Save initiative")
    assert "Initiative 'Member view at the till' saved." in at.success[0].value
    assert stored(app_db)[TILL]["duration_weeks"] == 20
    new_end = next(
        i
        for i in load_roadmap(shared_engine(f"sqlite:///{app_db}"), 1, date.today()).items
        if i.initiative["title"] == TILL
    ).end
    assert next(m.value for m in at.metric if m.label == "Scheduled end") == f"{new_end:%d %b %Y}"


def test_an_overfull_pilot_is_refused_and_the_typing_is_kept(at, app_db):
    at.text_input(key=field(NEW, "title")).input("Yet another pilot")
    at.number_input(key=field(NEW, "wave")).set_value(1)
    at = click(at, "Add initiative")
    assert "wave 1 is the pilot and starts small" in at.error[0].value
    assert at.text_input(key=field(NEW, "title")).value == "Yet another pilot"
    assert "Yet another pilot" not in stored(app_db)


def test_a_dependency_cycle_from_the_form_is_refused_by_name(at, app_db):
    records = stored(app_db)
    single = records["Single member record (pilot: contact centre)"]
    at.selectbox(key="init_pick_1").select(single["id"]).run()
    at.multiselect(key=field(single["id"], "depends_on_ids")).select(records[TILL]["id"])
    at = click(at, "Save initiative")
    message = at.error[0].value
    assert "dependency cycle" in message and f"'{TILL}'" in message and "'Single member record" in message
    assert at.multiselect(key=field(single["id"], "depends_on_ids")).value == [records[TILL]["id"]]
    assert stored(app_db)["Single member record (pilot: contact centre)"]["depends_on_ids"] == []


def test_a_new_workspace_says_what_to_add_first(app_db):
    from tests.factories_define import open_on_new_workspace

    at = open_on_new_workspace("pages/initiatives.py")
    assert not at.exception
    said = " ".join(i.value for i in at.info)
    assert "No initiatives yet" in said and "Objectives come first" in said
    assert "All initiatives (0)" in [h.value for h in at.header]


def test_a_refused_number_is_named_beside_its_field_and_an_earlier_refusal_goes(at, app_db):
    click(at, "Add initiative")
    assert "Title is required." in at.error[0].value
    at.text_input(key=field(NEW, "title")).input("Quote approval in the CRM")
    at.number_input(key=field(NEW, "effort")).set_value(-5.0)
    at.number_input(key=field(NEW, "duration_weeks")).set_value(0)
    click(at, "Add initiative")
    assert "Title is required." not in at.error[0].value
    beside = [m.value for m in at.main.markdown if m.value.startswith(":red[")]
    assert any("Effort must be 0 or more." in m for m in beside)
    assert any("Duration (weeks) must be 1 or more." in m for m in beside)
    assert "Quote approval in the CRM" not in stored(app_db)
    at.number_input(key=field(NEW, "effort")).set_value(5.0)
    at.number_input(key=field(NEW, "duration_weeks")).set_value(4)
    click(at, "Add initiative")
    assert not at.error and not [m for m in at.main.markdown if m.value.startswith(":red[")]
    assert stored(app_db)["Quote approval in the CRM"]["effort"] == 5.0
