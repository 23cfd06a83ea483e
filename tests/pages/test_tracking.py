"""Tracking page: the sample's review — statuses, the funnel's weakest step, adoption behind plan,
and actuals recorded by form and by file (a bad file stores nothing)."""

from __future__ import annotations

import json
from datetime import date

from streamlit.testing.v1 import AppTest

from tests.conftest import click, open_app, tab_opener

REVIEW_DAY = date(2026, 12, 1)


def review_page() -> AppTest:
    at = open_app("pages/tracking.py")
    at.date_input(key="track_on").set_value(REVIEW_DAY).run()
    assert not at.exception, at.exception
    return at


open_tab = tab_opener("track_tabs")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def status_table(at: AppTest):
    return next(d.value for d in at.dataframe if "Status" in d.value.columns)


def test_the_review_shows_each_kpi_status_and_the_weakest_funnel_step(app_db):
    at = review_page()
    table = status_table(at).set_index("KPI")
    assert table.loc["Renewal rate", "Status"] == "Off track" and table.loc["Members won back", "Status"] == "Stale"
    assert metric(at, "Stale") == "1" and int(metric(at, "Off track")) >= 1
    assert "pts vs plan" in next(m.delta for m in at.metric if m.label == "Adoption")
    at.toggle(key="track_only_off").set_value(True).run()
    assert set(status_table(at)["Status"]) == {"Off track"}
    open_tab(at, "Funnel")
    weakest = "Improve the weakest conversion first"
    assert any("Joined → First purchase" in e.value and weakest in e.value for e in at.error)


def test_the_path_chart_draws_the_target_path_and_the_actuals(app_db):
    at = open_tab(review_page(), "KPI against its path")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["target path", "actual"] and len(spec["data"][1]["x"]) == 24


def test_a_quick_actual_is_stored_and_turns_a_stale_kpi_current(app_db):
    at = open_tab(review_page(), "Record actuals")
    kpi_box = at.selectbox(key="act_kpi")
    kpi_box.select_index(kpi_box.options.index("Members won back"))
    at.date_input(key="act_on").set_value(date(2026, 11, 28))
    at.number_input(key="act_value").set_value(7100).run()
    at = click(at, "Record actual")
    assert any("Recorded 7100.0 for 'Members won back'" in s.value for s in at.success)
    assert metric(at, "Stale") == "0"
    open_tab(at, "Status")
    assert status_table(at).set_index("KPI").loc["Members won back", "Status"] != "Stale"


def test_licensed_and_active_users_from_the_library_give_the_adoption_rate(app_db):
    """Adoption fed like any other KPI: the sample's licensed and active users from the library take
    the place of the adoption-rate KPI, and the review shows active ÷ licensed; a new actual moves it."""
    from models.settings import get_settings
    from strategy.plan.case_text import percent
    from strategy.store.database import shared_engine
    from strategy.store.records import list_records, update_record

    engine = shared_engine(get_settings().url)
    kpis = {k["library_key"]: k["id"] for k in list_records(engine, "kpi", 1) if k["library_key"]}
    latest = {
        key: max((m for m in list_records(engine, "measurement", 1) if m["kpi_id"] == kpis[key]),
                 key=lambda m: m["measured_on"])
        for key in ("licensed_users", "active_users")
    }  # fmt: skip
    active, licensed = latest["active_users"], latest["licensed_users"]["value"]
    assert metric(review_page(), "Adoption") == percent(active["value"] / licensed)
    changes = {"value": 0.75 * licensed}
    update_record(engine, "measurement", 1, active["id"], changes, expected_version=active["version"], actor="tester")
    assert metric(review_page(), "Adoption") == "75 %"


def test_a_workspace_without_a_funnel_sets_one_up_from_a_template(app_db):
    from models.settings import get_settings
    from strategy.store.database import shared_engine
    from strategy.store.records import list_records
    from tests.factories import make_objective, make_workspace

    engine = shared_engine(get_settings().url)
    ws = make_workspace(engine, "No funnel yet")
    make_objective(engine, ws.id, title="Keep members")
    at = open_app("pages/tracking.py")
    at.selectbox(key="workspace_id").set_value(ws.id).run()
    open_tab(at, "Funnel")
    at.radio(key="funnel_template").set_value("Member lifecycle")  # a form: sent with its button
    at = click(at, "Set up the funnel")
    stages = sorted(list_records(engine, "funnel_stage", ws.id), key=lambda s: s["position"])
    assert [s["name"] for s in stages] == ["New", "First purchase", "Active", "Lapsed", "Won back"]
    assert any("Member lifecycle set up" in s.value for s in at.success)
    assert not [r for r in at.radio if r.key == "funnel_template"]  # the form gives way to the stages


def test_a_new_workspace_says_what_to_add_before_anything_can_be_tracked(app_db):
    from tests.factories_define import open_on_new_workspace

    at = open_on_new_workspace("pages/tracking.py")
    assert not at.exception
    assert not at.metric and not at.get("plotly_chart")  # no 0 on track, no "Forecast NPV €0", no empty grid
    assert any("No KPIs to track yet" in i.value and "KPIs" in i.value for i in at.info)


def test_only_the_open_tab_runs(app_db):
    at = review_page()
    assert status_table(at) is not None and not [s for s in at.selectbox if s.key == "act_kpi"]
    open_tab(at, "Record actuals")
    assert at.selectbox(key="act_kpi") and not [d for d in at.dataframe if "Status" in d.value.columns]


def test_the_status_table_names_the_rule_that_decided_each_status(app_db):
    at = review_page()
    rules = set(status_table(at)["Rule"])
    assert "Tracking that stopped is its own status" in rules
    assert not any(r.startswith("TRACK-") for r in rules)
