"""Capabilities page: ratings by lens, the gap radar, and a gap turned into an initiative."""

from __future__ import annotations

import json

from models.settings import get_settings
from strategy.define.method import rule
from strategy.store.database import shared_engine
from strategy.store.records import list_records
from tests.conftest import click, open_app
from tests.factories_define import open_on_new_workspace

PAGE = "pages/capabilities.py"


def radar_today(at) -> dict:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return next(t for t in spec["data"] if t["name"] == "Today")


def slider(at, dimension: str, label: str):
    field = {"Today": "current", "Target": "target"}[label]
    return next(s for s in at.slider if s.key.endswith(f"_{dimension}|{field}"))


def stored(at, kind: str) -> list[dict]:
    return list_records(shared_engine(get_settings().url), kind, at.session_state["workspace_id"])


def test_the_gap_radar_draws_the_stored_core_ratings(app_db):
    at = open_app(PAGE)
    today = radar_today(at)
    assert today["r"] == [2, 2, 2, 3, 2]
    assert today["theta"][0] == "<b>Culture</b><br>gap +2"


def test_a_changed_rating_is_saved_and_redrawn(app_db):
    at = open_app(PAGE)
    slider(at, "people", "Today").set_value(4)
    click(at, "Save ratings")
    assert "Ratings saved." in [s.value for s in at.success]
    assert radar_today(at)["r"][1] == 4
    people = next(c for c in stored(at, "capability") if c["lens"] == "core" and c["dimension"] == "people")
    assert (people["current"], people["version"]) == (4, 2)


def test_the_gartner_lens_shows_its_eight_building_blocks(app_db):
    at = open_app(PAGE)
    next(r for r in at.radio if r.label == "Lens").set_value("gartner").run()
    assert len(radar_today(at)["theta"]) == 9  # eight blocks, closed back to the first


def test_a_gap_becomes_an_initiative_in_one_click(app_db):
    at = open_app(PAGE)
    before = len(stored(at, "initiative"))
    button = next(b for b in at.button if b.key.startswith("initiative_"))
    button.click().run()
    added = stored(at, "initiative")[before:]
    assert len(added) == 1 and added[0]["capability_id"] is not None and added[0]["status"] == "proposed"
    assert f"Initiative '{added[0]['title']}' added to the roadmap as proposed." in [s.value for s in at.success]
    assert any(added[0]["title"] in c.value for c in at.caption)


def test_a_new_workspace_stores_the_ratings_shown_on_the_first_save(app_db):
    at = open_on_new_workspace(PAGE)
    assert "Rate at least three dimensions" in at.info[0].value
    # The sliders' presets (2 → 4) are not a rating: no "No gaps" before anything is saved.
    assert not any("No gaps" in s.value for s in at.success)
    assert any(i.value.startswith("Not rated yet") and "Save ratings" in i.value for i in at.info)
    click(at, "Save ratings")
    assert sorted((c["dimension"], c["current"], c["target"]) for c in stored(at, "capability")) == [
        ("culture", 2, 4),
        ("people", 2, 4),
        ("process", 2, 4),
        ("technology", 2, 4),
    ]
    assert len(radar_today(at)["r"]) == 5


def capability_note(at) -> str:
    return " ".join(e.value for e in at.error if rule("HEALTH-CAPABILITY").title in e.value)


def test_the_health_check_is_answered_on_the_page_rating_by_rating_gap_by_gap(app_db):
    at = open_on_new_workspace(PAGE)
    assert "not rated yet: culture, people, process, technology" in capability_note(at)
    click(at, "Save ratings")
    assert "no initiative closes culture 2 → 4; people 2 → 4; process 2 → 4; technology 2 → 4" in capability_note(at)
    for _ in range(4):
        click(at, "Turn into an initiative")
    assert capability_note(at) == ""
    assert len(stored(at, "initiative")) == 4
