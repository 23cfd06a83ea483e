"""Stakeholders page: the grid, champion coverage with a leaver flagged at once, WIIFM gaps, the
business-led check, fast entry, a refused value, and table edits."""

from __future__ import annotations

import json

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import click, open_app
from tests.factories import make_need, make_objective, make_stakeholder, make_workspace

PAGE = "pages/stakeholders.py"


def coverage_text(at) -> str:
    return next(m.value for m in at.markdown if "Marketing" in m.value and "Covered" in m.value)


def stakeholders() -> list[dict]:
    return list_records(shared_engine(get_settings().url), "stakeholder", 1)


def stored(name):
    return next(p for p in stakeholders() if p["name"] == name)


def test_sample_grid_coverage_and_the_leaver_flagged(app_db):
    at = open_app(PAGE)
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    placed = sum(len(t["x"]) for t in spec["data"])
    assert placed == 13 and len(spec["layout"]["annotations"]) == 4
    assert "Champion Grace Mensah has left: make the backup Oliver Grant the champion now" in at.error[0].value
    lines = coverage_text(at)
    assert "**Stores** :red[**✖ Champion left**]" in lines and "**Finance** :red[**✖ No champion**]" in lines
    assert "Ravi Patel has no active backup named" in lines
    warnings = " ".join(w.value for w in at.warning)
    assert "Objectives owned by IT: 'Improve campaign efficiency' (Mark Lindqvist)" in warnings
    assert 'without a "what\'s in it for me": Jonas Weber (Head of E-commerce)' in warnings


def test_promoting_the_backup_closes_the_leaver_gap(app_db):
    at = open_app(PAGE)
    click(at, "Make Oliver Grant the Stores champion")
    assert "Oliver Grant is now the Stores champion" in at.success[0].value
    assert not at.error
    assert stored("Oliver Grant")["is_champion"] and not stored("Grace Mensah")["is_champion"]
    assert "**Stores** :orange[**⚠ No backup**]" in coverage_text(at)


def test_marking_a_champion_as_left_flags_the_gap_at_once(app_db):
    at = open_app(PAGE)
    lena = stored("Lena Fischer")["id"]
    at.selectbox(key="sh_moved").set_value(lena).run()
    click(at, "Mark Lena Fischer as left")
    assert "Lena Fischer has left." in at.success[0].value
    assert any("Champion Lena Fischer has left: make the backup Sofia Marin" in e.value for e in at.error)
    assert any(b.label == "Make Sofia Marin the Marketing champion" for b in at.button)


def test_fast_entry_adds_a_key_stakeholder_and_flags_the_missing_wiifm(app_db):
    at = open_app(PAGE)
    at.text_input(key="sh_name").input("Farah Haddad")
    at.text_input(key="sh_role").input("Chief Digital Officer")
    at.selectbox(key="sh_department").set_value("Marketing")
    at.slider(key="sh_influence").set_value(5)
    click(at, "Add stakeholder")
    assert at.success[0].value == "Added 'Farah Haddad'."
    assert at.text_input(key="sh_name").value == ""
    missing = next(w.value for w in at.warning if "what's in it for me" in w.value)
    assert "Farah Haddad (Chief Digital Officer)" in missing
    assert stored("Farah Haddad")["influence"] == 5


def test_a_stakeholder_without_name_is_refused_and_the_typing_kept(app_db):
    at = open_app(PAGE)
    at.text_area(key="sh_wiifm").input("Fewer manual reports")
    click(at, "Add stakeholder")
    assert "Name is required." in at.error[0].value and "Department is required." in at.error[0].value
    assert at.text_area(key="sh_wiifm").value == "Fewer manual reports"


def test_table_edit_names_a_backup_and_a_bad_influence_is_refused(app_db):
    at = open_app(PAGE)
    at.session_state["stakeholders_table_open"] = True  # the editor runs only while its expander is open
    at.run()
    editor = at.data_editor[0].value
    ravi = int(editor.index[editor["name"] == "Ravi Patel"][0])
    nina = stored("Nina Kowalski")["id"]
    at.session_state["stakeholders_table_1"] = {
        "edited_rows": {ravi: {"backup_id": nina, "influence": 7}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save table changes")
    assert any("Stakeholder" in e.value and "Influence must be 5 or less." in e.value for e in at.error)
    assert stored("Ravi Patel")["backup_id"] is None
    at.session_state["stakeholders_table_1"] = {
        "edited_rows": {ravi: {"backup_id": nina}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    click(at, "Save table changes")
    assert stored("Ravi Patel")["backup_id"] == nina
    assert "**Member Services** :green[**✔ Covered**]" in coverage_text(at)


def test_a_programme_led_from_it_alone_is_flagged(app_db):
    at = open_app(PAGE)
    engine = shared_engine(get_settings().url)
    ws = make_workspace(engine, "IT project")
    cio = make_stakeholder(
        engine, ws.id, name="Ian", role="CIO", department="IT", side="it", is_sponsor=True, influence=5
    )
    make_objective(engine, ws.id, owner_id=cio["id"])
    at.run()
    at.selectbox(key="workspace_id").set_value(ws.id).run()
    warnings = " ".join(w.value for w in at.warning)
    assert "The sponsor Ian is from IT" in warnings and "led from IT alone" in warnings
    assert 'without a "what\'s in it for me": Ian (CIO)' in warnings


def test_a_second_stakeholder_of_the_same_name_is_flagged_before_it_is_saved(app_db):
    at = open_app(PAGE)
    at.text_input(key="sh_name").input(" lena  fischer")
    at.selectbox(key="sh_department").set_value("Marketing")
    click(at, "Add stakeholder")
    refusal = next(e.value for e in at.error if "Not saved" in e.value)
    assert "Lena Fischer (Marketing) is already a stakeholder" in refusal
    assert sum(p["name"].casefold().split() == ["lena", "fischer"] for p in stakeholders()) == 1
    assert at.text_input(key="sh_name").value == " lena  fischer"  # kept, to change or to confirm
    click(at, "Add stakeholder")  # the same name again: a second person of that name, on purpose
    assert at.success[0].value == "Added 'lena  fischer'."
    assert sum(p["name"].casefold().split() == ["lena", "fischer"] for p in stakeholders()) == 2


def test_departments_named_on_business_need_are_offered(app_db):
    at = open_app(PAGE)
    make_need(shared_engine(get_settings().url), 1, department="Legal")  # a need from a department nobody is in yet
    at.run()
    assert "Legal" not in {p["department"] for p in stakeholders()}
    assert "Legal" in at.selectbox(key="sh_department").options


def test_a_champion_is_added_with_a_backup_in_the_form(app_db):
    at = open_app(PAGE)
    nina = stored("Nina Kowalski")["id"]
    at.text_input(key="sh_name").input("Farah Haddad")
    at.selectbox(key="sh_department").set_value("Finance")
    at.checkbox(key="sh_champion").check()
    at.selectbox(key="sh_backup").set_value(nina)
    click(at, "Add stakeholder")
    assert (stored("Farah Haddad")["is_champion"], stored("Farah Haddad")["backup_id"]) == (True, nina)
    assert "**Finance** :green[**✔ Covered**]" in " ".join(m.value for m in at.markdown)
