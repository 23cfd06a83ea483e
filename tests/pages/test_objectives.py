"""Objectives page: SMART badges and grid from the stored objectives, filtering, adding, fixing."""

from __future__ import annotations

import json
from datetime import date

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import click, open_app

PAGE = "pages/objectives.py"
VAGUE = "Improve campaign efficiency"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def listed(at) -> list[str]:
    """The objectives in the list's table."""
    return list(at.dataframe[0].value["Objective"])


def card_titles(at) -> list[str]:
    return [m.value.removeprefix("### ") for m in at.main.markdown if m.value.startswith("### ")]


def badges_of(at, title: str) -> str:
    """The badge line right after an objective's title."""
    values = [m.value for m in at.markdown]
    return values[values.index(f"### {title}") + 1]


def field(widgets, name: str, prefix: str):
    return next(w for w in widgets if w.key and w.key.startswith(prefix) and w.key.endswith(f"_{name}"))


def stored_objectives(at) -> list[dict]:
    return list_records(shared_engine(get_settings().url), "objective", at.session_state["workspace_id"])


def test_the_counts_and_the_grid_come_from_the_smart_check(app_db):
    at = open_app(PAGE)
    assert metrics(at) == {"Objectives": "5", "Fully SMART": "3", "Stretch": "1", "Fail": "1"}
    grid = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(grid["data"][0]["z"]) == 5 and grid["layout"]["yaxis"]["ticktext"][-1] == VAGUE
    table = at.dataframe[0].value.set_index("Objective")
    assert table.loc["Win back 12,000 lapsed members a year by December 2027"]["Achievable"] == "stretch"


def test_the_list_filters_to_the_failing_objectives(app_db):
    at = open_app(PAGE)
    assert len(listed(at)) == 5
    next(r for r in at.radio if r.label == "Show").set_value("fail").run()
    assert listed(at) == [VAGUE] and card_titles(at) == [VAGUE]
    next(r for r in at.radio if r.label == "Show").set_value("attention").run()
    assert len(listed(at)) == 2


def test_one_objective_is_open_at_a_time_and_the_table_gives_every_verdict(app_db):
    at = open_app(PAGE)
    assert len(card_titles(at)) == 1 and len(at.main.text_input) == 2 * 3  # the add form and one edit form
    row = at.dataframe[0].value.set_index("Objective").loc[VAGUE]
    assert row["SMART"] == "FAIL" and row["Specific"] == "fail"
    at.selectbox(key="objective_open").select(next(o["id"] for o in stored_objectives(at) if o["title"] == VAGUE))
    at.run()
    assert card_titles(at) == [VAGUE]


def test_a_vague_objective_fails_then_passes_once_fixed(app_db):
    at = open_app(PAGE)
    field(at.text_input, "title", "new").input("Improve sales")
    click(at, "Add objective")
    assert "Specific: fail" in badges_of(at, "Improve sales") and "Measurable: fail" in badges_of(at, "Improve sales")
    added = next(o for o in stored_objectives(at) if o["title"] == "Improve sales")
    prefix = f"objective_{added['id']}_"
    field(at.text_input, "title", prefix).input("Raise the win rate from 20 % to 25 % by 2027")
    field(at.text_input, "metric", prefix).input("win rate")
    field(at.text_input, "unit", prefix).input("%")
    field(at.number_input, "baseline", prefix).set_value(20.0)
    field(at.number_input, "target", prefix).set_value(25.0)
    field(at.date_input, "due_date", prefix).set_value(date(2027, 12, 31))
    field(at.multiselect, "need_ids", prefix).select(next(iter(field(at.multiselect, "need_ids", prefix).options)))
    assert card_titles(at) == ["Improve sales"]  # the new objective opens at once
    click(at, "Save objective")
    fixed = badges_of(at, "Raise the win rate from 20 % to 25 % by 2027")
    assert "PASS" in fixed and "fail" not in fixed
    assert metrics(at)["Fully SMART"] == "4"


def test_a_refused_add_names_the_field_and_keeps_what_was_typed(app_db):
    at = open_app(PAGE)
    field(at.text_input, "metric", "new").input("win rate")
    click(at, "Add objective")
    assert "Title is required." in at.error[0].value
    assert field(at.text_input, "metric", "new").value == "win rate"
    assert len(stored_objectives(at)) == 5


def test_an_objective_with_kpis_cannot_be_deleted(app_db):
    at = open_app(PAGE)
    click(at, "Yes, delete this objective")
    assert "belong to this Objective" in at.error[0].value
    assert len(stored_objectives(at)) == 5


def why_bullets(at) -> list[str]:
    """The rule-by-rule lines of the open objective's check."""
    return [m.value for m in at.main.markdown if m.value.startswith("- ")]


def test_every_rule_line_carries_its_mark_and_the_rules_name_not_its_id(app_db):
    at = open_app(PAGE)
    next(r for r in at.radio if r.label == "Show").set_value("fail").run()  # the vague sample objective
    assert not why_bullets(at)  # drawn only once opened
    at.session_state["objective_why_open"] = True
    bullets = why_bullets(at.run())
    assert len(bullets) == 9  # one line per rule of the book
    assert all(any(mark in b for mark in ("Passes", "Fails", "Stretch", "Check")) for b in bullets)
    title_rule = next(b for b in bullets if "the title says what changes" in b)
    assert "Fails" in title_rule and ":material/close:" in title_rule  # agrees with Specific: fail
    shown = " ".join(m.value for m in at.main.markdown)
    assert "SMART-" not in shown  # the rule's name, not its id in small monospace


def test_values_below_zero_pass_measurable_with_a_question(app_db):
    at = open_app(PAGE)
    opened = next(o for o in stored_objectives(at) if o["title"] != VAGUE and o["unit"] == "%")
    prefix = f"objective_{opened['id']}_"
    at.selectbox(key="objective_open").select(opened["id"]).run()
    field(at.number_input, "baseline", prefix).set_value(-5.0)
    field(at.number_input, "target", prefix).set_value(-2.0)
    click(at, "Save objective")
    assert "Measurable: check" in badges_of(at, opened["title"])
    at.session_state["objective_why_open"] = True
    assert any("below zero: is that intended?" in b and "Check" in b for b in why_bullets(at.run()))


def test_a_new_workspace_shows_where_to_start_not_tiles_of_zeros(app_db):
    from tests.factories_define import open_on_new_workspace

    at = open_on_new_workspace(PAGE)
    assert not at.metric and not at.get("plotly_chart")
    assert any("No objectives yet" in i.value for i in at.info)


def test_delete_objective_asks_first_with_its_title(app_db):
    at = open_app(PAGE)
    assert "Delete objective" not in [b.label for b in at.button]  # no one-click delete
    title = card_titles(at)[0]
    questions = [m.value for m in at.markdown if m.value.startswith("**Delete objective")]
    assert title in questions[0]
