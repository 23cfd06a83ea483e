"""KPIs page: each objective's KPIs and flags, the library, editing, and the traceability tab."""

from __future__ import annotations

import json
from datetime import date

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import open_app

PAGE = "pages/kpis.py"
VAGUE = "Improve campaign efficiency"


def stored_kpis(at) -> list[dict]:
    return list_records(shared_engine(get_settings().url), "kpi", at.session_state["workspace_id"])


def new_field(widgets, name: str):
    return next(w for w in widgets if w.key == f"new_kpi_{name}")


def test_the_table_shows_each_objectives_kpis_and_what_the_leading_one_moves(app_db):
    at = open_app(PAGE)
    table = at.dataframe[0].value
    assert list(table["KPI"]) == [
        "Renewal rate",
        "Active base (members active in last 12 months)",
        "Members flagged at risk and contacted",
    ]
    assert table["Moves"].iloc[2] == "Renewal rate after 6 months"


def test_an_objective_without_kpis_is_flagged_with_its_rule(app_db):
    at = open_app(PAGE)
    objective_id = next(o["id"] for o in _objectives(at) if o["title"] == VAGUE)
    next(s for s in at.selectbox if s.label == "Objective").set_value(objective_id).run()
    assert "No KPIs yet" in at.info[0].value
    flagged = next(w.value for w in at.warning if "no leading and no lagging KPI" in w.value)
    assert "Each objective has a leading and a lagging KPI" in flagged and "KPI-BALANCE" not in flagged


def test_the_library_fills_the_form_and_the_kpi_is_added(app_db):
    at = open_app(PAGE)
    objective_id = next(o["id"] for o in _objectives(at) if o["title"] == VAGUE)
    next(s for s in at.selectbox if s.label == "Objective").set_value(objective_id).run()
    next(s for s in at.selectbox if s.key == "kpi_library").set_value("qualification_rate").run()
    assert (new_field(at.text_input, "name").value, new_field(at.radio, "kind").value) == (
        "Qualification rate",
        "leading",
    )
    assert new_field(at.number_input, "lag_months").value == 3
    new_field(at.number_input, "baseline").set_value(30.0)
    new_field(at.number_input, "target").set_value(45.0)
    new_field(at.date_input, "target_date").set_value(date(2027, 6, 30))
    next(b for b in at.button if b.label == "Add KPI").click().run()
    added = next(k for k in stored_kpis(at) if k["name"] == "Qualification rate")
    assert (added["objective_id"], added["library_key"], added["kind"]) == (
        objective_id,
        "qualification_rate",
        "leading",
    )
    assert any("no lagging KPI" in w.value for w in at.warning)


def test_a_custom_kpi_is_asked_what_it_measures(app_db):
    at = open_app(PAGE)
    objective_id = next(o["id"] for o in _objectives(at) if o["title"] == VAGUE)
    next(s for s in at.selectbox if s.label == "Objective").set_value(objective_id).run()
    new_field(at.text_input, "name").set_value("Cost per campaign renewal won back")
    next(b for b in at.button if b.label == "Add KPI").click().run()
    assert "say what this KPI measures" in at.error[0].value
    assert new_field(at.text_input, "name").value == "Cost per campaign renewal won back"  # kept for a retry
    new_field(at.selectbox, "category").set_value("operational_excellence")
    next(b for b in at.button if b.label == "Add KPI").click().run()
    added = next(k for k in stored_kpis(at) if k["name"] == "Cost per campaign renewal won back")
    assert (added["category"], added["library_key"]) == ("operational_excellence", None)
    assert "Operational excellence" in list(at.dataframe[0].value["Measures"])


def test_a_library_kpi_brings_its_category(app_db):
    at = open_app(PAGE)
    next(s for s in at.selectbox if s.key == "kpi_library").set_value("cost_to_serve").run()
    assert new_field(at.selectbox, "category").value == "operational_excellence"


def test_making_a_kpi_lagging_drops_what_it_led(app_db):
    at = open_app(PAGE)
    leading = next(k for k in stored_kpis(at) if k["name"] == "Members flagged at risk and contacted")
    next(s for s in at.selectbox if s.label == "KPI to edit").set_value(leading["id"]).run()
    next(r for r in at.radio if r.key.startswith(f"kpi_{leading['id']}_") and r.key.endswith("_kind")).set_value(
        "lagging"
    )
    next(b for b in at.button if b.label == "Save KPI").click().run()
    saved = next(k for k in stored_kpis(at) if k["id"] == leading["id"])
    assert (saved["kind"], saved["leads_kpi_id"], saved["lag_months"]) == ("lagging", None, None)


def test_the_traceability_tab_counts_and_draws_the_chain_with_its_orphans(app_db):
    at = open_app(PAGE)
    assert not at.get("plotly_chart")  # only the open tab runs
    at.session_state["kpi_tabs"] = "Traceability"
    at.run()
    counts = {m.label: m.value for m in at.metric}
    assert counts == {"Needs served": "6 of 9", "Objectives measured": "4 of 5", "KPIs with targets": "16 of 16"}
    sankey = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert {"No objective yet", "No KPI yet"} <= set(sankey["node"]["label"])
    orphan = next(w.value for w in at.warning if "Campaign lists take four days to build" in w.value)
    assert "Every need is served by an objective" in orphan and "TRACE-NEED" not in orphan


def _objectives(at) -> list[dict]:
    return list_records(shared_engine(get_settings().url), "objective", at.session_state["workspace_id"])


def test_delete_kpi_asks_first_names_the_kpi_and_the_audit_trail_records_it(app_db):
    from strategy.store.audit import recent_events

    at = open_app(PAGE)
    objective_id = next(o["id"] for o in _objectives(at) if o["title"] == VAGUE)
    next(s for s in at.selectbox if s.label == "Objective").set_value(objective_id).run()
    new_field(at.text_input, "name").input("Quotes sent a week")
    new_field(at.selectbox, "category").set_value("operational_excellence")
    next(b for b in at.button if b.label == "Add KPI").click().run()
    assert "Delete KPI" not in [b.label for b in at.button]  # no one-click delete
    question = next(m.value for m in at.markdown if m.value.startswith("**Delete KPI"))
    assert "Quotes sent a week" in question
    next(b for b in at.button if b.label == "Yes, delete this KPI").click().run()
    assert at.success[0].value == "KPI 'Quotes sent a week' deleted."
    assert "Quotes sent a week" not in {k["name"] for k in stored_kpis(at)}
    last = recent_events(shared_engine(get_settings().url), at.session_state["workspace_id"], limit=1)[0]
    assert (last.table_name, last.action, last.before["name"]) == ("kpi", "delete", "Quotes sent a week")
