"""Table editors head every column with the field's label, never its stored name."""

from __future__ import annotations

import streamlit as st

from ui.table_editor import labelled_columns


def test_columns_are_headed_by_labels_and_the_callers_settings_are_kept():
    status = st.column_config.SelectboxColumn(options=["submitted", "approved"], required=True)
    config = labelled_columns(["requested_by", "status", "annual_decay_rate"], {"status": status, "held_on": "Date"})
    assert config["requested_by"] == "Requested by"
    assert config["annual_decay_rate"]["label"] == "Yearly decay"
    assert config["annual_decay_rate"]["type_config"]["format"] == "percent"
    assert config["status"]["label"] == "Status" and config["status"]["required"] is True
    assert config["held_on"] == "Date"
