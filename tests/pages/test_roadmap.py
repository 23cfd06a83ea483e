"""Roadmap page: the live Gantt from the stored records, adding a dependency moves the work, a cycle
is refused by name, the schedule is stored on request, and the pilot, gates and capacity tabs."""

from __future__ import annotations

import json
from datetime import date

import pytest

from strategy.deliver.roadmap_store import load_roadmap
from strategy.store.database import shared_engine
from strategy.store.records import list_records, update_record
from strategy.store.workspaces import get_workspace
from tests.conftest import click, open_app, tab_opener
from tests.factories import make_workspace
from tests.factories_roadmap import store_initiative

PAGE = "pages/roadmap.py"
LISTS = "Self-service campaign lists"
TILL = "Member view at the till"


def engine_of(app_db):
    return shared_engine(f"sqlite:///{app_db}")


def stored(app_db, workspace_id: int = 1) -> dict[str, dict]:
    return {i["title"]: i for i in list_records(engine_of(app_db), "initiative", workspace_id)}


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def gantt(at) -> dict:
    return next(s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart")) if _is_gantt(s))


def _is_gantt(spec: dict) -> bool:
    return any(t.get("name") == "Objective due date" for t in spec["data"])


def bar_start(spec: dict, title: str) -> str:
    """The start date drawn for an initiative's bar (each bar carries its full title)."""
    for trace in spec["data"]:
        for data, base in zip(trace.get("customdata") or [], trace.get("base") or [], strict=False):
            if data[0] == title:
                return base[:10]
    raise AssertionError(f"no bar for {title}")


open_tab = tab_opener("roadmap_tabs")


@pytest.fixture
def at(app_db):
    page = open_app(PAGE)
    assert not page.exception
    return page


def test_only_the_open_tab_runs(at):
    assert gantt(at) and not any(h.value.startswith("Before wave") for h in at.header)
    open_tab(at, "Gates and checks")
    assert not any(_is_gantt(json.loads(c.proto.spec)) for c in at.get("plotly_chart"))


def test_the_gantt_and_figures_come_from_the_stored_records(at, app_db):
    roadmap = load_roadmap(engine_of(app_db), 1, date.today())
    assert metric(at, "Initiatives scheduled") == "9"
    assert metric(at, "On the critical path") == str(len(roadmap.critical_ids)) == "3"
    assert metric(at, "Objectives at risk") == "1"
    spec = gantt(at)
    for item in roadmap.items:
        assert bar_start(spec, item.initiative["title"]) == item.start.isoformat()
    widths = [w for t in spec["data"] if t.get("customdata") for w in t["marker"]["line"]["width"]]
    assert sorted(widths).count(5) == 3  # the critical path outlined
    due = next(t for t in spec["data"] if t.get("name") == "Objective due date")
    labels = dict(zip(spec["layout"]["yaxis"]["tickvals"], spec["layout"]["yaxis"]["ticktext"], strict=True))
    assert len(due["x"]) == 4 and any(labels[row].startswith("⚠ Late: Resolve 80 %") for row in due["y"])
    assert any(a["text"] == "Today" for a in spec["layout"]["annotations"])
    assert any("stored schedule matches" in c.value for c in at.caption)


def test_the_colour_toggle_colours_by_status(at):
    at.radio(key="roadmap_colour").set_value("status").run()
    names = {t.get("name") for t in gantt(at)["data"]}
    assert {"Done", "In progress", "Planned", "Proposed"} <= names


def test_adding_a_dependency_moves_the_dependent_initiative_and_the_schedule_can_be_stored(at, app_db):
    before = bar_start(gantt(at), LISTS)
    ids = {title: i["id"] for title, i in stored(app_db).items()}
    at.selectbox(key="rm_dep_from").select(ids[LISTS])
    at.selectbox(key="rm_dep_to").select(ids[TILL])
    at = click(at, "Add dependency")
    assert f"'{LISTS}' now waits for '{TILL}'." in at.success[0].value
    records = stored(app_db)
    assert ids[TILL] in records[LISTS]["depends_on_ids"]
    assert before == "2026-12-28" and bar_start(gantt(at), LISTS) == "2027-04-19"  # the day after the till work ends
    assert any("changed since the schedule was stored" in w.value for w in at.warning)
    at = click(at, "Store this schedule")
    assert stored(app_db)[LISTS]["scheduled_start"] == date(2027, 4, 19)
    assert any("stored schedule matches" in c.value for c in at.caption)


def test_a_dependency_that_closes_a_ring_is_refused_naming_the_initiatives(at, app_db):
    ids = {title: i["id"] for title, i in stored(app_db).items()}
    at.selectbox(key="rm_dep_from").select(ids["Single member record (pilot: contact centre)"])
    at.selectbox(key="rm_dep_to").select(ids["Next-trip recommendations"])
    at = click(at, "Add dependency")
    message = at.error[0].value
    assert "dependency cycle" in message and "'Next-trip recommendations'" in message and f"'{TILL}'" in message
    assert stored(app_db)["Single member record (pilot: contact centre)"]["depends_on_ids"] == []


def test_gates_show_the_previous_waves_kpi_targets_and_late_objectives(at):
    open_tab(at, "Gates and checks")
    texts = " ".join(str(t.value) for t in at.table)
    assert "CRM adoption rate (active / licensed users)" in texts and "not yet" in texts
    assert any("Before wave 2 starts" in h.value for h in at.header)
    assert any("Retire legacy member database" in e.value and "30 Jun 2027" in e.value for e in at.error)


def test_the_pilot_under_way_is_reported_not_reshuffled(at):
    open_tab(at, "Priorities and pilot")
    assert metric(at, "Wave 1 initiatives (cap 3)") == "3"
    assert any("The pilot is under way: 2 of 3 initiatives done." in s.value for s in at.success)
    assert not any(b.label == "Make this the pilot (wave 1)" for b in at.button)


def test_a_new_plan_gets_a_proposed_pilot_that_can_be_applied(at, app_db):
    engine = engine_of(app_db)
    ws = make_workspace(engine, name="Fresh plan", pilot_max_initiatives=2, pilot_max_effort=12)
    for title, value, effort in (("Quick alerts", 5, 4), ("Big platform", 5, 40), ("Lists", 3, 6), ("Tidy", 2, 2)):
        store_initiative(engine, ws.id, title=title, value_score=value, effort=effort, wave=2)
    # Quick alerts is the quick win (value 5, effort under the median); then the best score that fits
    # 2 initiatives and 12 person-weeks: Tidy (2 × 10 ÷ 2 = 10) beats Lists (3 × 10 ÷ 6 = 5).
    at.run()  # the sidebar now lists the new workspace
    at.selectbox(key="workspace_id").select(ws.id).run()
    open_tab(at, "Priorities and pilot")
    assert "- Quick alerts\n- Tidy" in " ".join(m.value for m in at.markdown)
    at = click(at, "Make this the pilot (wave 1)")
    waves = {t: i["wave"] for t, i in stored(app_db, ws.id).items()}
    assert waves == {"Quick alerts": 1, "Big platform": 2, "Lists": 2, "Tidy": 1}


def test_lowering_capacity_spreads_the_work_and_no_quarter_goes_over(at, app_db):
    open_tab(at, "Capacity and settings")
    at.number_input(key="rm_capacity").set_value(20.0)
    at = click(at, "Save roadmap settings")
    assert get_workspace(engine_of(app_db), 1).capacity_per_quarter == 20.0
    load = next(s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart")) if "Planned load" in str(s))
    assert max(load["data"][0]["y"]) <= 20 + 1e-6
    assert metric(at, "Busiest quarter").endswith("/ 20")


def test_a_stored_cycle_is_named_and_can_be_undone_from_the_page(at, app_db):
    """A ring that arrived behind the services' back (an import, another tool) stops the Gantt with
    its initiatives named, and the remove-dependency form right there brings the roadmap back."""
    records = stored(app_db)
    single = records["Single member record (pilot: contact centre)"]
    update_record(
        engine_of(app_db),
        "initiative",
        1,
        single["id"],
        {"depends_on_ids": [records[LISTS]["id"]]},
        expected_version=single["version"],
        actor="importer",
    )
    at.run()
    assert "cannot be scheduled: dependency cycle" in at.error[0].value and f"'{LISTS}'" in at.error[0].value
    assert not at.get("plotly_chart")
    at.selectbox(key="rm_dep_remove").select((single["id"], records[LISTS]["id"]))
    at = click(at, "Remove dependency")
    assert "no longer waits for" in at.success[0].value
    assert gantt(at) and stored(app_db)["Single member record (pilot: contact centre)"]["depends_on_ids"] == []


def test_a_long_plan_is_drawn_a_wave_and_twenty_rows_at_a_time(app_db):
    """A projector reads 20 rows: the first wave opens, and a long selection is paged, never drawn whole."""
    import json as _json

    from strategy.charts.roadmap import VISIBLE_ROWS
    from strategy.store.generator import generate
    from strategy.store.interchange import import_document, parse_document

    big = import_document(engine_of(app_db), parse_document(_json.dumps(generate("medium"))), actor="tester")
    page = open_app(PAGE)
    page.selectbox(key="workspace_id").select(big.id).run()
    assert page.selectbox(key="roadmap_wave").value == 1
    waves = {i["id"]: i["wave"] for i in list_records(engine_of(app_db), "initiative", big.id)}

    def drawn() -> list[int]:
        return [int(row[1:]) for t in gantt(page)["data"] if t.get("customdata") for row in t["y"]]

    assert len(drawn()) == VISIBLE_ROWS and {waves[i] for i in drawn()} == {1}
    page.selectbox(key="roadmap_wave").select(-1).run()  # all waves: 100 initiatives, 20 at a time
    first = drawn()
    assert len(first) == VISIBLE_ROWS and page.selectbox(key="roadmap_rows").options[-1] == "81–100 of 100"
    page.selectbox(key="roadmap_rows").select(4).run()
    last = drawn()
    assert len(last) == VISIBLE_ROWS and not set(first) & set(last)


def test_a_schedule_never_stored_is_explained_not_flagged_as_different(at, app_db):
    engine = engine_of(app_db)
    ws = make_workspace(engine, name="Fresh plan")
    store_initiative(engine, ws.id, title="Quick alerts")
    at.run()
    at.selectbox(key="workspace_id").select(ws.id).run()
    assert not any("differ" in w.value for w in at.warning)
    assert any("not been stored yet" in i.value and "the brief" in i.value for i in at.info)
    at = click(at, "Store this schedule")
    assert any("stored schedule matches" in c.value for c in at.caption)
