"""KPIs and traceability: leading and lagging KPIs for each objective (picked from a library of CRM
practice or written fresh), and the chain need → objective → KPI with its orphans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import DATE_INPUT, MISSING, value_label
from strategy.charts.define import trace_sankey
from strategy.define.direction import DISCIPLINES
from strategy.define.kpis import (
    LIBRARY_BY_KEY,
    kpi_category,
    kpi_findings,
    kpi_from_library,
    require_category,
    suggested_lagging,
    tidy_kpi,
)
from strategy.define.method import Finding, rule
from strategy.define.traceability import orphans, trace_links
from strategy.store.records import create_record, delete_record, update_record
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    day_columns,
    derived,
    engine,
    field_error,
    plain,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.confirm import confirm_delete
from ui.edit_forms import close_form, open_form, save_form
from ui.health_notes import health_notes
from ui.history import history_panel
from ui.layout import editing

ERROR = "kpis_error"
FIELDS = (
    "name",
    "kind",
    "category",
    "unit",
    "baseline",
    "target",
    "target_date",
    "good_direction",
    "leads_kpi_id",
    "lag_months",
)
EMPTY: dict[str, Any] = dict.fromkeys(FIELDS) | {"name": "", "unit": "", "kind": "lagging", "good_direction": "up"}
CATEGORY_LABELS = {d.key: d.label for d in DISCIPLINES} | {"general": "General (pipeline, adoption, data)"}
CATEGORY_HELP = "Which value discipline's promise it measures; the health check matches it to the lead discipline."
KIND_LABELS = {"leading": "Leading", "lagging": "Lagging"}
KIND_HELP = "Leading KPIs move first and can still be steered; lagging KPIs confirm the result."
DIRECTION_LABELS = {"up": "Up is good", "down": "Down is good"}
SUBJECT_LABELS = {"need": "Need", "objective": "Objective", "kpi": "KPI"}

current = workspace()
ws_id = current.id or 0
objectives = {o["id"]: o for o in records("objective", ws_id)}
kpis = records("kpi", ws_id)
needs = records("need", ws_id)
names = {k["id"]: k["name"] for k in kpis}


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def _add(objective_id: int) -> None:
    library_key = st.session_state.get("kpi_library")
    typed = _clean({name: st.session_state[f"new_kpi_{name}"] for name in FIELDS})
    data = tidy_kpi(typed) | {"objective_id": objective_id, "library_key": library_key}

    def add() -> None:
        require_category(data)
        create_record(engine(), "kpi", ws_id, data, actor=actor())

    if attempt(add, f"KPI '{data['name']}' added.", ERROR):
        st.session_state.update({f"new_kpi_{name}": value for name, value in EMPTY.items()} | {"kpi_library": None})


def _prefill(objective_id: int) -> None:
    """Copy a library KPI into the form, naming the lagging KPI it usually moves when the objective has it."""
    key = st.session_state.get("kpi_library")
    if key is None:
        return
    data = kpi_from_library(key, objective_id)
    lagging = suggested_lagging(data, kpis)
    data["leads_kpi_id"] = lagging["id"] if lagging else None
    st.session_state.update({f"new_kpi_{name}": data.get(name, EMPTY[name]) for name in FIELDS})


def _update(kpi: Mapping[str, Any]) -> None:
    def save(changes: dict[str, Any], expected: Any) -> None:
        data = tidy_kpi(_clean(changes), kpi["kind"])
        require_category({**kpi, **data})
        update_record(engine(), "kpi", ws_id, kpi["id"], data, expected_version=expected, actor=actor())

    save_form(f"kpi_{kpi['id']}", save, "KPI saved.", ERROR)


def _delete(kpi: Mapping[str, Any]) -> None:
    if attempt(
        lambda: delete_record(engine(), "kpi", ws_id, kpi["id"], expected_version=kpi["version"], actor=actor()),
        f"KPI '{kpi['name']}' deleted.",
        ERROR,
    ):
        close_form(f"kpi_{kpi['id']}")


def _fields(prefix: str, own_id: int | None = None) -> None:
    """The KPI's inputs, keyed prefix_field; their values are seeded in session state."""
    name_column, unit = st.columns([3, 1])
    name_column.text_input("KPI", validate=at_most(120), key=f"{prefix}_name", placeholder="e.g. Qualification rate")
    unit.text_input("Unit", validate=at_most(30), key=f"{prefix}_unit", placeholder="%")
    kind, direction = st.columns(2)
    kind.radio(
        "Kind",
        list(KIND_LABELS),
        format_func=KIND_LABELS.__getitem__,
        key=f"{prefix}_kind",
        horizontal=True,
        help=KIND_HELP,
    )
    direction.radio(
        "Good direction",
        list(DIRECTION_LABELS),
        format_func=DIRECTION_LABELS.__getitem__,
        key=f"{prefix}_good_direction",
        horizontal=True,
    )
    st.selectbox(
        "What it measures",
        [None, *CATEGORY_LABELS],
        key=f"{prefix}_category",
        format_func=lambda c: "— choose —" if c is None else CATEGORY_LABELS[c],
        placeholder="— choose —",
        help=CATEGORY_HELP,
    )
    baseline, target, date = st.columns(3)
    baseline.number_input("Baseline", value=None, step=1.0, key=f"{prefix}_baseline")
    target.number_input("Target", value=None, step=1.0, key=f"{prefix}_target")
    date.date_input("Target date", value=None, key=f"{prefix}_target_date", format=DATE_INPUT)
    lagging = [k["id"] for k in kpis if k["kind"] == "lagging" and k["id"] != own_id]
    leads, lag = st.columns([3, 1])
    leads.selectbox(
        "Leading only: the lagging KPI it moves",
        [None, *lagging],
        key=f"{prefix}_leads_kpi_id",
        format_func=lambda i: "— none —" if i is None else names.get(i, f"#{i}"),
        placeholder="— none —",
    )
    lag.number_input("…after (months)", value=None, step=1, key=f"{prefix}_lag_months")  # bounds: the KPI's, in words
    field_error(ERROR, "lag_months", lag)


def _valid_choice(key: str, options: set[int]) -> str:
    """A select's key, forgetting a remembered choice whose record has since gone."""
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    return key


def _findings(found: list[Finding]) -> None:
    for finding in found:
        st.warning(
            f"**{SUBJECT_LABELS[finding.subject]} '{plain(finding.title)}'**: "
            f"{plain(finding.detail)} — _{rule(finding.rule_id).title}_",  # the rule's name, not its id
            icon=":material/flag:",
        )


def _kpi_table(own: Sequence[Mapping[str, Any]]) -> None:
    st.dataframe(
        [
            {
                "KPI": k["name"],
                "Kind": value_label(k["kind"]),
                "Measures": CATEGORY_LABELS.get(kpi_category(k) or "", "— not said —"),
                "Unit": k["unit"],
                "Baseline": k["baseline"],
                "Target": k["target"],
                "By": k["target_date"],
                "Good": value_label(k["good_direction"]),
                "Moves": f"{names.get(k['leads_kpi_id'], '?')} after {k['lag_months'] or '?'} months"
                if k["kind"] == "leading"
                else "",
            }
            for k in own
        ],
        column_config=day_columns("By"),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )


def _objective_tab(objective: Mapping[str, Any]) -> None:
    own = [k for k in kpis if k["objective_id"] == objective["id"]]
    own_ids = {k["id"] for k in own}
    found = [f for f in kpi_findings([objective], kpis) if f.subject == "objective" or f.subject_id in own_ids]
    if own:
        _kpi_table(own)
    else:
        st.info("No KPIs yet: add a leading and a lagging one.")
    _findings(found)
    edit_side, add_side = editing("kpi_forms").columns(2)
    with edit_side:
        if own:
            st.header("Edit a KPI")
            edit_key = _valid_choice(f"kpi_edit_{objective['id']}", own_ids)
            chosen = st.selectbox("KPI to edit", [k["id"] for k in own], format_func=names.__getitem__, key=edit_key)
            kpi = next(k for k in own if k["id"] == chosen)
            prefix = open_form(f"kpi_{kpi['id']}", {f: kpi[f] for f in FIELDS}, kpi["version"])
            with st.form(f"edit_kpi_{kpi['id']}", border=True):
                _fields(prefix, own_id=kpi["id"])
                st.form_submit_button("Save KPI", type="primary", on_click=_update, args=(kpi,))
            confirm_delete("KPI", kpi["name"], key=f"delete_kpi_{kpi['id']}", on_confirm=_delete, args=(kpi,))
            history_panel("kpi", kpi["id"], ERROR)
    with add_side:
        st.header("Add a KPI")
        st.selectbox(
            "Start from the KPI library",
            [None, *LIBRARY_BY_KEY],
            key="kpi_library",
            format_func=lambda k: "— write my own —" if k is None else LIBRARY_BY_KEY[k].name,
            on_change=_prefill,
            args=(objective["id"],),
        )
        if chosen := st.session_state.get("kpi_library"):
            st.caption(LIBRARY_BY_KEY[chosen].meaning)
        with st.form("new_kpi", border=True):
            for name, value in EMPTY.items():
                st.session_state.setdefault(f"new_kpi_{name}", value)
            _fields("new_kpi")
            st.form_submit_button("Add KPI", type="primary", on_click=_add, args=(objective["id"],))


def _traceability_tab() -> None:
    found = derived("trace:orphans", ws_id, lambda: orphans(needs, list(objectives.values()), kpis))
    columns = st.columns(3)
    for column, (label, rule_id, whole) in zip(
        columns,
        [
            ("Needs served", "TRACE-NEED", needs),
            ("Objectives measured", "TRACE-OBJECTIVE", objectives),
            ("KPIs with targets", "TRACE-TARGET", kpis),
        ],
        strict=True,
    ):
        broken = sum(f.rule_id == rule_id for f in found)
        column.metric(label, f"{len(whole) - broken} of {len(whole)}")
    sankey = derived(
        "trace:sankey",
        ws_id,
        lambda: trace_sankey(
            needs, list(objectives.values()), kpis, trace_links(needs, list(objectives.values()), kpis)
        ),
    )
    chart(sankey, key="trace_sankey")
    st.caption("Orange: needs · blue: objectives · teal: leading KPIs · green: lagging KPIs.")
    st.header("Orphans")
    if found:
        _findings(found)
    else:
        st.success("Every need is served, every objective measured, every KPI targeted.")
    st.header("KPI checks")
    checks = derived("trace:kpi_findings", ws_id, lambda: kpi_findings(list(objectives.values()), kpis))
    if checks:
        _findings(checks)
    else:
        st.success("Every objective has leading and lagging KPIs, tied together.")


st.title("KPIs and traceability")
st.caption(
    "Judge the strategy by execution: leading KPIs show early whether it works, lagging KPIs confirm the "
    "result. Every need should lead to an objective, and every objective to KPIs with targets."
)
show_flash()
show_pending_error(ERROR)
health_notes("HEALTH-DISCIPLINE")
# Only the open tab runs (on_change="rerun").
by_objective, traceability = st.tabs(["KPIs by objective", "Traceability"], key="kpi_tabs", on_change="rerun")
if by_objective.open:
    with by_objective:
        if objectives:
            chosen_id = st.selectbox(
                "Objective",
                list(objectives),
                format_func=lambda i: objectives[i]["title"],
                key=_valid_choice("kpi_objective", set(objectives)),
            )
            _objective_tab(objectives[chosen_id])
        else:
            st.info("No objectives yet: add them on the Objectives page first.")
if traceability.open:
    with traceability:
        _traceability_tab()
