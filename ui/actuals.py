"""Recording KPI actuals: a quick form, a table editor and a CSV upload checked line by line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from models.labels import DATE_COLUMN, DATE_INPUT
from models.settings import get_settings
from strategy.store.records import create_record
from strategy.sustain.actuals_csv import template_csv
from strategy.sustain.actuals_import import import_actuals_csv
from ui.common import actor, attempt, engine
from ui.table_editor import record_table_editor


def actuals_entry(ws_id: int, kpis: Mapping[int, Mapping[str, Any]], today: date, error_key: str) -> None:
    """The three ways in: one actual, the table of actuals, or a whole file."""
    quick, table, upload = st.columns([1, 2, 1])
    with quick:
        st.header("One actual")
        st.selectbox("KPI", list(kpis), format_func=lambda i: kpis[i]["name"], key="act_kpi")
        st.date_input("Date", value=today, key="act_on", format=DATE_INPUT)
        st.number_input("Value", key="act_value", value=None, step=1.0)
        st.button("Record actual", on_click=_record, args=(ws_id, kpis, error_key), type="primary")
    with upload:
        st.header("From a file")
        st.download_button(
            "Download a template CSV",
            template_csv([k["name"] for k in kpis.values()], today),
            file_name="kpi_actuals.csv",
            mime="text/csv",
        )
        st.file_uploader(
            "Upload actuals (kpi, date, value)",
            type="csv",
            key="act_file",
            max_upload_size=max(1, get_settings().actuals_max_bytes // 1_000_000),  # MB; the service checks bytes
        )
        st.button("Load the file", on_click=_upload, args=(ws_id, error_key), key="act_load")
    with table:
        st.header("All actuals")
        record_table_editor(
            "measurement",
            ws_id,
            ["kpi_id", "measured_on", "value", "note"],
            key="actuals_table",
            column_config={
                "kpi_id": st.column_config.SelectboxColumn("KPI", options=list(kpis), required=True),
                "measured_on": st.column_config.DateColumn("Date", format=DATE_COLUMN, required=True),
            },
        )


def _record(ws_id: int, kpis: Mapping[int, Mapping[str, Any]], error_key: str) -> None:
    s = st.session_state
    data = {"kpi_id": s.act_kpi, "measured_on": s.act_on, "value": s.act_value}
    name = kpis[s.act_kpi]["name"] if s.act_kpi in kpis else "the KPI"
    attempt(
        lambda: create_record(engine(), "measurement", ws_id, data, actor=actor()),
        f"Recorded {s.act_value} for '{name}'.",
        error_key,
    )


def _upload(ws_id: int, error_key: str) -> None:
    file = st.session_state.get("act_file")
    if file is None:
        st.session_state[error_key] = ValueError("choose a CSV file first")
        return
    stored: list[int] = []
    attempt(
        lambda: stored.append(import_actuals_csv(engine(), ws_id, file.getvalue(), actor=actor())),
        f"Loaded every line of {file.name}.",
        error_key,
    )
