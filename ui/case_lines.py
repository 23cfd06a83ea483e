"""The business case's cost and benefit lines: quick add forms and full table editors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from models.base import BenefitCategory, CostCategory
from models.labels import MISSING, value_label
from strategy.store.records import apply_table_edits, create_record
from strategy.store.table_edits import diff_table, records_frame
from ui.common import actor, at_most, attempt, engine, show_pending_error
from ui.history import row_history
from ui.paging import rows_in_view

ERROR = "case_lines_error"
COST_FIELDS = ["name", "category", "recurrence", "start_year", "low", "likely", "high", "initiative_id"]
BENEFIT_FIELDS = ["name", "category", "start_year", "low", "likely", "high", "adoption_dependent", "initiative_id"]
RECURRENCE = {"one_off": "One-off", "recurring": "Recurring (every year from its start)"}
NO_INITIATIVE = "— whole programme —"


def year_text(year: int) -> str:
    return "Year 0 — initial investment" if year == 0 else f"Year {year}"


def amount_inputs(prefix: str, currency: str) -> None:
    """Low / likely / high side by side; leaving low or high empty uses the likely amount."""
    low, likely, high = st.columns(3)
    likely.number_input(f"Likely ({currency})", step=5_000.0, value=None, key=f"{prefix}_likely")
    low.number_input(f"Low ({currency}, optional)", step=5_000.0, value=None, key=f"{prefix}_low")
    high.number_input(f"High ({currency}, optional)", step=5_000.0, value=None, key=f"{prefix}_high")


def typed_amounts(prefix: str) -> dict[str, Any]:
    """The three amounts as typed; an empty low or high means 'the same as likely'."""
    s = st.session_state
    likely = s[f"{prefix}_likely"]
    low, high = s[f"{prefix}_low"], s[f"{prefix}_high"]
    return {"likely": likely, "low": likely if low is None else low, "high": likely if high is None else high}


def _clear(prefix: str) -> None:
    for name in ("name", "likely", "low", "high"):
        st.session_state[f"{prefix}_{name}"] = "" if name == "name" else None


def _add(kind: str, prefix: str, data: dict[str, Any], workspace_id: int) -> None:
    clean = {k: v for k, v in data.items() if v is not None}
    label = "Cost" if kind == "cost" else "Benefit"
    done = attempt(
        lambda: create_record(engine(), kind, workspace_id, clean, actor=actor()),
        f"{label} line '{data['name']}' added.",
        ERROR,
    )
    if done:
        _clear(prefix)


def _add_cost(workspace_id: int) -> None:
    s = st.session_state
    data = {
        "name": s.cost_name,
        "category": s.cost_category,
        "recurrence": s.cost_recurrence,
        "start_year": s.cost_start,
        "initiative_id": s.cost_initiative,
    } | typed_amounts("cost")
    _add("cost", "cost", data, workspace_id)


def _add_benefit(workspace_id: int) -> None:
    s = st.session_state
    link_kind, _, link_id = (s.benefit_link or "").partition(":")
    data = {
        "name": s.benefit_name,
        "category": s.benefit_category,
        "start_year": s.benefit_start,
        "adoption_dependent": s.benefit_adoption,
        "initiative_id": s.benefit_initiative,
        "objective_id": int(link_id) if link_kind == "objective" else None,
        "kpi_id": int(link_id) if link_kind == "kpi" else None,
    } | typed_amounts("benefit")
    _add("benefit", "benefit", data, workspace_id)


def initiative_picker(key: str, initiatives: Sequence[Mapping[str, Any]]) -> None:
    titles = {i["id"]: i["title"] for i in initiatives}
    options: list[int | None] = [None, *titles]
    st.selectbox("Initiative", options, format_func=lambda i: NO_INITIATIVE if i is None else titles[i], key=key)


def cost_form(workspace_id: int, horizon: int, currency: str, initiatives: Sequence[Mapping[str, Any]]) -> None:
    with st.form("add_cost", border=True):
        st.header("Add a cost line")
        st.text_input("Name", key="cost_name", validate=at_most(120), placeholder="e.g. CRM licences (180 users)")
        category, recurrence = st.columns(2)
        category.selectbox("Category", list(CostCategory), format_func=value_label, key="cost_category")
        recurrence.radio("Paid", list(RECURRENCE), format_func=RECURRENCE.__getitem__, key="cost_recurrence")
        start, initiative = st.columns(2)
        with start:
            st.selectbox("Starts in", list(range(horizon + 1)), format_func=year_text, key="cost_start")
        with initiative:
            initiative_picker("cost_initiative", initiatives)
        amount_inputs("cost", currency)
        st.form_submit_button("Add cost line", type="primary", on_click=_add_cost, args=(workspace_id,))


def _link_options(objectives: Sequence[Mapping[str, Any]], kpis: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    options = {"": "— none —"}
    options |= {f"objective:{o['id']}": f"Objective: {o['title']}" for o in objectives}
    options |= {f"kpi:{k['id']}": f"KPI: {k['name']}" for k in kpis}
    return options


def benefit_form(workspace_id: int, horizon: int, currency: str, related: Mapping[str, Sequence[Any]]) -> None:
    """Add a benefit; `related` holds the workspace's initiatives, objectives and KPIs to link to."""
    links = _link_options(related["objective"], related["kpi"])
    with st.form("add_benefit", border=True):
        st.header("Add a benefit line (annual amount)")
        st.text_input(
            "Name", key="benefit_name", validate=at_most(120), placeholder="e.g. Renewal margin from lower lapse"
        )
        category, start = st.columns(2)
        category.selectbox("Category", list(BenefitCategory), format_func=value_label, key="benefit_category")
        start.selectbox("Starts in", list(range(1, horizon + 1)), format_func=year_text, key="benefit_start")
        link, initiative = st.columns(2)
        link.selectbox("Measured by (objective or KPI)", list(links), format_func=links.__getitem__, key="benefit_link")
        with initiative:
            initiative_picker("benefit_initiative", related["initiative"])
        st.checkbox("Grows with adoption (scaled by the adoption ramp)", value=True, key="benefit_adoption")
        amount_inputs("benefit", currency)
        st.form_submit_button("Add benefit line", type="primary", on_click=_add_benefit, args=(workspace_id,))


def money_column(label: str) -> Any:
    return st.column_config.NumberColumn(label, min_value=0.0, step=1_000.0, format="localized")


def line_columns(kind: str, horizon: int, currency: str, initiative_titles: list[str]) -> dict[str, Any]:
    """How each column of a line editor looks and which values it accepts."""
    categories = list(CostCategory) if kind == "cost" else list(BenefitCategory)
    config: dict[str, Any] = {
        "name": st.column_config.TextColumn("Name", required=True, max_chars=120, width="medium"),
        "category": st.column_config.SelectboxColumn("Category", options=categories, required=True),
        "start_year": st.column_config.NumberColumn("Start year", min_value=0, max_value=horizon, step=1),
        "low": money_column(f"Low ({currency})"),
        "likely": money_column(f"Likely ({currency})"),
        "high": money_column(f"High ({currency})"),
        "initiative_id": st.column_config.SelectboxColumn("Initiative", options=initiative_titles, width="medium"),
    }
    if kind == "cost":
        config["recurrence"] = st.column_config.SelectboxColumn("Paid", options=list(RECURRENCE), required=True)
    else:
        config["adoption_dependent"] = st.column_config.CheckboxColumn("Grows with adoption")
    return config


def editor_frame(
    lines: Sequence[Mapping[str, Any]], initiatives: Sequence[Mapping[str, Any]], fields: Sequence[str]
) -> pd.DataFrame:
    """The lines as an editable frame whose initiative column holds titles people recognise."""
    title_of = {i["id"]: i["title"] for i in initiatives}
    return records_frame(
        [dict(line) | {"initiative_id": title_of.get(line["initiative_id"])} for line in lines], fields
    )


def with_initiative_ids(edited: pd.DataFrame, initiatives: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The edited frame with initiative titles turned back into the ids the records store."""
    id_of = {i["title"]: i["id"] for i in initiatives}
    return edited.assign(initiative_id=[id_of.get(title) for title in edited["initiative_id"]])


def line_editor(
    kind: str,
    workspace_id: int,
    lines: Sequence[Mapping[str, Any]],
    initiatives: Sequence[Mapping[str, Any]],
    column_config: dict[str, Any],
) -> None:
    """Edit, add or delete lines in a table; the initiative column shows titles, stores ids."""
    fields = COST_FIELDS if kind == "cost" else BENEFIT_FIELDS
    lines, view = rows_in_view(lines, f"{kind}_lines", find_in=("name", "category"))
    key = f"{kind}_lines_{workspace_id}{view}"
    edited = st.data_editor(
        editor_frame(lines, initiatives, fields),
        key=key,
        num_rows="dynamic",
        width="stretch",
        hide_index=True,
        column_config={"id": None, **column_config},
        placeholder=MISSING,
    )
    edited = with_initiative_ids(edited, initiatives)
    stored = [dict(line) for line in lines]
    st.button(
        f"Save {kind} table",
        key=f"{kind}_lines_save",
        on_click=_save_table,
        args=(kind, workspace_id, stored, edited, key),
    )
    row_history(kind, lines, "name", ERROR)


def _save_table(kind: str, workspace_id: int, stored: list[dict[str, Any]], edited: Any, key: str) -> None:
    fields = COST_FIELDS if kind == "cost" else BENEFIT_FIELDS
    edits = diff_table(stored, edited, fields)
    if not edits:
        return
    save: Callable[[], Any] = lambda: apply_table_edits(engine(), kind, workspace_id, edits, actor=actor())  # noqa: E731
    summary = f"Saved {len(edits.added)} new, {len(edits.edited)} changed, {len(edits.deleted)} deleted {kind} lines."
    if attempt(save, summary, ERROR):
        st.session_state.pop(key, None)


def show_errors() -> None:
    show_pending_error(ERROR)
