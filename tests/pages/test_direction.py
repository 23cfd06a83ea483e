"""Direction page: disciplines radar, CRM fit and the continuum, from and back to the stored record."""

from __future__ import annotations

import json

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import get_singleton, save_singleton
from tests.conftest import click, open_app
from tests.factories_define import open_on_new_workspace

PAGE = "pages/direction.py"


def by_key_end(widgets, field: str):
    """A form widget by its field (form keys are prefixed by the form that opened them)."""
    return next(w for w in widgets if w.key and w.key.endswith(f"_{field}"))


def by_label(widgets, label: str):
    return next(w for w in widgets if w.label == label)


def spec(at, index: int) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def stored_direction(at) -> dict:
    engine = shared_engine(get_settings().url)
    workspace_id = at.session_state["workspace_id"]
    return get_singleton(engine, "direction", workspace_id) or {}


def test_the_page_draws_the_stored_direction(app_db):
    at = open_app(PAGE)
    radar = spec(at, 0)["data"]
    today = next(t for t in radar if t["name"] == "Today")
    assert today["r"] == [2.5, 3.0, 2.0, 2.5]
    continuum = {t["name"]: t["x"][0] for t in spec(at, 1)["data"]}
    assert continuum == {"Today": 0.33, "Target": 1.83}
    assert "CRM fit: strong" in at.success[0].value


def test_choosing_product_leadership_explains_the_weak_fit_and_is_stored(app_db):
    at = open_app(PAGE)
    by_label(at.radio, "Lead in one discipline").set_value("product_leadership")
    by_label(at.slider, "Product leadership: target").set_value(5.0)
    click(at, "Save value disciplines")
    assert "Value disciplines saved." in [s.value for s in at.success]
    weak = next(w.value for w in at.warning if "CRM fit: weak" in w.value)
    assert "lean" in weak
    stored = stored_direction(at)
    assert (stored["lead_discipline"], stored["product_leadership_target"]) == ("product_leadership", 5.0)


def test_answering_the_evidence_questions_moves_crm_along_the_continuum(app_db):
    at = open_app(PAGE)
    for question in ("processes_defined", "one_platform", "single_customer_view"):
        by_key_end(at.radio, question).set_value(2)
    click(at, "Save continuum")
    continuum = {t["name"]: t["text"][0] for t in spec(at, 1)["data"]}
    assert continuum["Today"] == "Today: Process (1.17)"
    assert stored_direction(at)["continuum_current"] == 1.17


def test_a_save_after_someone_else_changed_it_is_refused_and_keeps_what_was_typed(app_db):
    at = open_app(PAGE)
    engine = shared_engine(get_settings().url)
    save_singleton(
        engine, "direction", at.session_state["workspace_id"], {"notes": "Board view"}, expected_version=1, actor="bob"
    )
    by_label(at.slider, "Customer intimacy: target").set_value(5.0)
    click(at, "Save value disciplines")
    assert "changed by bob" in at.error[0].value and "not saved" in at.error[0].value
    assert by_label(at.slider, "Customer intimacy: target").value == 5.0
    assert stored_direction(at)["customer_intimacy_target"] == 4.5
    click(at, "Save value disciplines")  # seen the conflict: apply mine on top of bob's
    stored = stored_direction(at)
    assert (stored["customer_intimacy_target"], stored["notes"]) == (5.0, "Board view")


def test_a_new_workspace_gets_its_direction_on_the_first_save(app_db):
    at = open_on_new_workspace(PAGE)
    assert any("Choose a lead discipline" in i.value for i in at.info)
    # No radar of the sliders' presets (3 everywhere) drawn as if somebody had rated them.
    assert not at.get("plotly_chart")
    assert any("Not assessed yet" in i.value and "Save value disciplines" in i.value for i in at.info)
    by_label(at.radio, "Lead in one discipline").set_value("operational_excellence")
    click(at, "Save value disciplines")
    assert stored_direction(at)["lead_discipline"] == "operational_excellence"
    assert any(t["name"] == "Today" for t in spec(at, 0)["data"])  # the radar, now of saved scores


def test_the_continuum_is_not_placed_until_answered_and_all_no_means_technology(app_db):
    at = open_on_new_workspace(PAGE)
    assert any("Not placed on the continuum yet" in i.value for i in at.info)
    assert not at.get("plotly_chart")  # no "Target: Process (1.00)" before any answer
    click(at, "Save continuum")  # every answer left at "No"
    continuum = {t["name"]: t["text"][0] for t in spec(at, -1)["data"]}
    assert continuum == {"Today": "Today: Technology (0.00)", "Target": "Target: Technology (0.00)"}
