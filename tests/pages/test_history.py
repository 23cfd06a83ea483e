"""History & baselines page: the sample's baseline diff on first run, restore from the recycle bin,
saving a baseline, and the workspace's recent changes in words."""

from __future__ import annotations

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.records import delete_record, get_record, list_records, update_record
from tests.conftest import ACTOR, click, open_app


def _markdown(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(m.value for m in at.markdown)


def test_a_newcomer_sees_what_moved_since_the_sample_baseline(app_db):
    at = open_app("pages/history.py")
    assert at.title[0].value == "History & baselines"
    picked = at.selectbox(key="baseline_old")
    assert picked.format_func(picked.value).startswith("Board approved, March · ")
    assert "Saved by sample loader." in [c.value for c in at.caption]
    text = _markdown(at)
    assert "Discount rate changed from 8 % to 10 %" in text
    assert "**Added:** Legacy member database out of support" in text
    assert "The recycle bin is empty." in at.info[0].value


def test_a_deleted_need_is_restored_from_the_bin(app_db):
    at = open_app("pages/history.py")
    engine = shared_engine(get_settings().url)
    ws_id = int(at.query_params["ws"][0])
    need = list_records(engine, "need", ws_id)[0]
    delete_record(engine, "need", ws_id, need["id"], expected_version=need["version"], actor=ACTOR)
    at.run()
    assert f"Need '{need['title']}'" in _markdown(at)
    click(at, "Restore")
    assert "restored" in at.success[0].value
    assert need["title"] in [n["title"] for n in list_records(engine, "need", ws_id)]
    assert "The recycle bin is empty." in at.info[0].value
    changes = at.dataframe[-1].value
    assert {"Restored from the recycle bin", "Deleted", "Needs: 1 added, 0 removed"} <= set(changes["Change"])


def test_saving_a_baseline_then_comparing_it_with_now_shows_nothing_moved(app_db):
    at = open_app("pages/history.py")
    at.text_input(key="baseline_name").input("After the workshop")
    click(at, "Save baseline")
    assert at.success[0].value == "Baseline 'After the workshop' saved."
    at.selectbox(key="baseline_old").select_index(0).run()
    assert "Nothing moved between these two versions." in at.success[0].value


def test_an_objectives_history_reads_in_words_and_its_newest_change_can_be_undone(app_db):
    at = open_app("pages/objectives.py")
    engine = shared_engine(get_settings().url)
    ws_id = int(at.query_params["ws"][0])
    objective = next(
        o for o in list_records(engine, "objective", ws_id) if o["id"] == at.selectbox(key="objective_open").value
    )
    update_record(
        engine, "objective", ws_id, objective["id"], {"target": 90}, expected_version=objective["version"], actor="bea"
    )
    at.session_state[f"history_objective_{objective['id']}"] = True
    at.run()
    assert f"Target changed from {objective['target']:g} to 90" in _markdown(at)
    click(at, "Undo this change")
    assert "Undid the change to Objective" in at.success[0].value
    assert get_record(engine, "objective", ws_id, objective["id"])["target"] == objective["target"]


def test_under_the_needs_table_a_picked_rows_history_is_shown(app_db):
    at = open_app("pages/needs.py")
    at.session_state["needs_table_open"] = True
    at.run()
    engine = shared_engine(get_settings().url)
    need = list_records(engine, "need", int(at.query_params["ws"][0]))[0]
    at.selectbox(key="history_pick_need").select(need["id"]).run()
    at.session_state[f"history_need_{need['id']}"] = True
    at.run()
    assert not at.exception
    assert "sample loader" in _markdown(at) and "Created" in _markdown(at)


def _pick_row_history(at, kind: str, record_id: int):  # type: ignore[no-untyped-def]
    at.selectbox(key=f"history_pick_{kind}").select(record_id).run()
    at.session_state[f"history_{kind}_{record_id}"] = True
    return at.run()


def test_every_table_editor_shows_a_picked_rows_history_and_undoes_its_newest_change(app_db):
    at = open_app("pages/sustain.py")
    engine = shared_engine(get_settings().url)
    ws_id = int(at.query_params["ws"][0])
    request = list_records(engine, "change_request", ws_id)[0]
    update_record(
        engine, "change_request", ws_id, request["id"], {"title": "Quotes in one click"},
        expected_version=request["version"], actor="bea",
    )  # fmt: skip
    at.run()
    _pick_row_history(at, "change_request", request["id"])
    assert f"Title changed from “{request['title']}” to “Quotes in one click”" in _markdown(at)
    click(at, "Undo this change")
    assert get_record(engine, "change_request", ws_id, request["id"])["title"] == request["title"]


def test_a_cost_lines_history_is_under_the_business_case_table(app_db):
    at = open_app("pages/business_case.py")
    engine = shared_engine(get_settings().url)
    line = list_records(engine, "cost", int(at.query_params["ws"][0]))[0]
    at.session_state["case_tabs"] = "Costs and benefits"
    at.run()
    _pick_row_history(at, "cost", line["id"])
    assert not at.exception
    assert "sample loader" in _markdown(at) and "Created" in _markdown(at)


def test_principles_and_capability_ratings_show_a_picked_rows_history(app_db):
    engine = shared_engine(get_settings().url)
    at = open_app("pages/vision.py")
    ws_id = int(at.query_params["ws"][0])
    at.session_state["vision_tables_open"] = True
    at.run()
    principle = list_records(engine, "principle", ws_id)[0]
    _pick_row_history(at, "principle", principle["id"])
    assert "sample loader" in _markdown(at) and "Created" in _markdown(at)
    at.switch_page("pages/capabilities.py").run()
    rating = list_records(engine, "capability", ws_id)[0]
    at.session_state["capability_lens"] = rating["lens"]
    at.run()
    _pick_row_history(at, "capability", rating["id"])
    assert not at.exception
    assert "sample loader" in _markdown(at) and "Created" in _markdown(at)
