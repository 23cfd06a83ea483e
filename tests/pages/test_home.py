"""Home page: the workspace at a glance, from the stored records."""

from __future__ import annotations

import json

from tests.conftest import open_app


def test_home_shows_the_sample_workspace_its_horizon_and_progress(app_db):
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Meridian Outdoor Co-op"
    assert any("01 Jan 2026 → 31 Dec 2029 (4 years)" in m.value for m in at.markdown)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Needs"], metrics["Objectives"], metrics["Initiatives"]) == ("9", "5", "9")
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = dict(zip(chart["data"][0]["y"], chart["data"][0]["x"], strict=True))
    assert bars["Need"] == 100 and bars["Objectives"] < 100
    assert at.selectbox(key="workspace_id").value == 1


def test_switching_workspace_changes_what_home_shows(app_db):
    at = open_app("pages/workspaces.py")
    at.text_input(key="new_name").input("Blank plan")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    at.switch_page("pages/home.py").run()
    picker = at.selectbox(key="workspace_id")
    blank = next(o for o in picker.options if o == "Blank plan")
    picker.select(blank).run()
    assert at.title[0].value == "Blank plan"
    assert {m.label: m.value for m in at.metric}["Needs"] == "0"
    assert not at.get("plotly_chart")  # no chart of zeros
    assert any("Start with the **Business need**" in i.value for i in at.info)
    start = [link.proto for link in at.get("page_link") if link.proto.label == "Start with the business need"]
    assert len(start) == 1 and start[0].page == "needs" and start[0].query_string == "ws=2"


def test_home_flags_steps_not_reviewed_within_the_cadence_and_records_a_review(app_db):
    at = open_app()
    warning = at.warning[0].value
    assert "Not reviewed within 6 months" in warning and "discover" in warning
    at.selectbox(key="review_step").select("discover").run()
    next(b for b in at.button if b.label == "Mark as reviewed today").click().run()
    assert not at.exception and any("Discover marked as reviewed" in s.value for s in at.success)
    assert "discover" not in " ".join(w.value for w in at.warning)
