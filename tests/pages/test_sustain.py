"""Sustain page: change decisions, data decay and review cadence, from the stored records."""

from __future__ import annotations

import json
from datetime import date

from strategy.define.method import rule
from strategy.deliver.plan_window import add_months
from tests.conftest import open_app, tab_opener

CORE_CHANGE = "Write dividend figures back to the finance ledger nightly"


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_approving_a_core_system_change_needs_a_note(app_db):
    at = open_app("pages/sustain.py")
    assert metric(at, "Awaiting decision") == "2"
    approve = next(b for b in at.button if b.label == "Approve")
    approve.click().run()
    assert "Decision note: " in at.error[0].value and metric(at, "Approved") == "1"
    note = next(t for t in at.text_input if t.label == "Decision note")
    note.input("Finance signs off reconciliation tests first").run()
    next(b for b in at.button if b.label == "Approve").click().run()
    assert metric(at, "Approved") == "2" and metric(at, "Awaiting decision") == "1"
    assert f"'{CORE_CHANGE}': approved." in at.success[0].value


def test_raising_a_change_request_keeps_the_text_when_refused(app_db):
    at = open_app("pages/sustain.py")
    at.text_area(key="cr_impact").input("New field only")
    next(b for b in at.button if b.label == "Raise change request").click().run()
    assert "Title is required." in at.error[0].value and at.text_area(key="cr_impact").value == "New field only"
    at.text_input(key="cr_title").input("Add marketing consent date")
    next(b for b in at.button if b.label == "Raise change request").click().run()
    assert metric(at, "Awaiting decision") == "3"


open_tab = tab_opener("sustain_tabs")


def test_only_the_open_tab_runs(app_db):
    at = open_app("pages/sustain.py")
    assert metric(at, "Awaiting decision") == "2" and not any("Dataset" in d.value.columns for d in at.dataframe)
    open_tab(at, "Data quality and retention")
    assert not at.metric and any("Dataset" in d.value.columns for d in at.dataframe)


def test_the_committee_decides_one_request_at_a_time(app_db):
    at = open_app("pages/sustain.py")
    assert [t.label for t in at.text_input].count("Decision note") == 1
    assert [b.label for b in at.button].count("Approve") == 1
    picker = at.selectbox(key="sustain_decide")
    other = picker.options[1]
    picker.select(other).run()
    assert f"'{other.split(' — ')[0]}': rejected." not in " ".join(s.value for s in at.success)
    next(b for b in at.button if b.label == "Reject").click().run()
    assert metric(at, "Rejected") != "0" and metric(at, "Awaiting decision") == "1"
    assert f"'{other.split(' — ')[0]}': rejected." in at.success[0].value


def test_data_decay_and_review_cadence_come_from_the_records(app_db):
    at = open_tab(open_app("pages/sustain.py"), "Data quality and retention")
    datasets = next(d.value for d in at.dataframe if "Dataset" in d.value.columns)
    members = datasets[datasets["Dataset"] == "Member contacts"].iloc[0]
    assert members["Half-life (years)"] == "3.5" and members["Retention"] == "84 months"
    decay = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(decay["data"]) == len(datasets)
    open_tab(at, "Strategy reviews")
    due = add_months(date(2026, 9, 28), 3)
    message = next(m.value for m in [*at.error, *at.success] if "Next strategy review" in m.value)
    assert f"due by {due:%d %B %Y}" in message


def test_the_health_check_flags_personal_data_without_retention_where_it_is_fixed(app_db):
    at = open_tab(open_app("pages/sustain.py"), "Data quality and retention")
    flagged = next(e.value for e in at.error if rule("HEALTH-DATA").title in e.value)
    assert "personal data with no retention rule: 'Event sign-ups (legacy)'" in flagged


def test_a_new_workspace_says_how_change_control_starts_not_tiles_of_zeros(app_db):
    from tests.factories_define import open_on_new_workspace

    at = open_on_new_workspace("pages/sustain.py")
    assert not at.exception and not at.metric
    assert any("No change requests yet" in i.value for i in at.info)
