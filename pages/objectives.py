"""Objectives: SMART objectives with a live SMART check — a verdict per letter, each citing its rule —
filterable to the ones that fail, with the KPIs each one has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import DATE_INPUT, MISSING
from strategy.charts.define import smart_grid
from strategy.define.kpis import kpi_counts
from strategy.define.method import rule
from strategy.define.smart import SmartCheck, check_objectives, smart_context
from strategy.store.records import create_record, delete_record, update_record
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    derived,
    engine,
    plain,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.confirm import confirm_delete
from ui.edit_forms import close_form, open_form, save_form
from ui.history import history_panel

WHY = "objective_why_open"
ERROR = "objectives_error"
BADGE = {
    "pass": ("green", "check"),
    "check": ("orange", "help"),
    "stretch": ("orange", "trending_up"),
    "fail": ("red", "close"),
}
# Each rule's line says its result in words beside the icon, so it never rests on colour alone.
MARK_WORD = {"pass": "Passes", "check": "Check", "stretch": "Stretch", "fail": "Fails"}
FILTERS = {"all": "All", "fail": "Failing only", "attention": "Failing or stretch"}
FIELDS = ("title", "metric", "unit", "baseline", "target", "due_date", "owner_id", "priority_id", "need_ids")
EMPTY: dict[str, Any] = dict.fromkeys(FIELDS) | {"title": "", "metric": "", "unit": "", "need_ids": []}

current = workspace()
ws_id = current.id or 0
objectives = records("objective", ws_id)
stakeholders = {s["id"]: s["name"] for s in records("stakeholder", ws_id)}
needs = {n["id"]: n["title"] for n in records("need", ws_id)}
priorities = {p["id"]: p["title"] for p in records("priority", ws_id)}
context = smart_context(current)
checks = derived("smart", ws_id, lambda: {c.objective_id: c for c in check_objectives(objectives, context)})
counts = derived("kpi_counts", ws_id, lambda: kpi_counts(records("kpi", ws_id)))
OPEN = "objective_open"
GRID_ROWS = 20  # what a projector reads; the table lists the rest


def badge(verdict: str, text: str) -> str:
    colour, icon = BADGE[verdict]
    return f":{colour}-badge[:material/{icon}: {text}]"


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def _add() -> None:
    data = _clean({name: st.session_state[f"new_{name}"] for name in FIELDS})
    created: dict[str, Any] = {}
    if attempt(
        lambda: created.update(create_record(engine(), "objective", ws_id, data, actor=actor())),
        f"Objective '{data['title']}' added: see its SMART check below.",
        ERROR,
    ):
        st.session_state.update({f"new_{name}": value for name, value in EMPTY.items()})
        st.session_state[OPEN] = created["id"]  # open the new objective's check at once


def _update(objective: Mapping[str, Any]) -> None:
    def save(changes: dict[str, Any], expected: Any) -> None:
        update_record(
            engine(), "objective", ws_id, objective["id"], _clean(changes), expected_version=expected, actor=actor()
        )

    save_form(f"objective_{objective['id']}", save, "Objective saved: its SMART check is updated.", ERROR)


def _delete(objective: Mapping[str, Any]) -> None:
    if attempt(
        lambda: delete_record(
            engine(), "objective", ws_id, objective["id"], expected_version=objective["version"], actor=actor()
        ),
        f"Objective '{objective['title']}' deleted.",
        ERROR,
    ):
        close_form(f"objective_{objective['id']}")


def _fields(prefix: str) -> None:
    """The objective's inputs, keyed prefix_field; their values are seeded in session state."""
    st.text_input(
        "Objective", validate=at_most(160), key=f"{prefix}_title", placeholder="e.g. Raise renewals from 71 % to 78 %"
    )
    metric, unit = st.columns([3, 1])
    metric.text_input("Metric", validate=at_most(120), key=f"{prefix}_metric", placeholder="e.g. 12-month renewal rate")
    unit.text_input("Unit", validate=at_most(30), key=f"{prefix}_unit", placeholder="%, days, GBP…")
    baseline, target, due = st.columns(3)
    baseline.number_input("Baseline", value=None, step=1.0, key=f"{prefix}_baseline")
    target.number_input("Target", value=None, step=1.0, key=f"{prefix}_target")
    due.date_input("Due date", value=None, key=f"{prefix}_due_date", format=DATE_INPUT)
    owner, priority = st.columns(2)
    owner.selectbox(
        "Owner",
        [None, *stakeholders],
        key=f"{prefix}_owner_id",
        format_func=_name(stakeholders),
        placeholder="— none —",
    )
    priority.selectbox(
        "Vision priority it serves",
        [None, *priorities],
        key=f"{prefix}_priority_id",
        format_func=_name(priorities),
        placeholder="— none —",
    )
    st.multiselect("Needs it serves", list(needs), format_func=needs.__getitem__, key=f"{prefix}_need_ids")


def _name(names: Mapping[int, str]) -> Any:
    return lambda i: "— none —" if i is None else names.get(i, f"#{i}")


def _check_details(check: SmartCheck) -> None:
    for letter in check.letters:
        st.markdown(f"{badge(letter.mark, f'{letter.name}: {letter.mark}')}")
        for result in letter.results:
            cited = rule(result.rule_id)  # named by its title; the id stays in the rule book
            mark = f":material/{BADGE[result.mark][1]}: **{MARK_WORD[result.mark]}**"
            st.markdown(f"- {mark} · {plain(result.detail)} — _{cited.title}: “{cited.rule}”_")


def _card(objective: Mapping[str, Any]) -> None:
    check = checks[objective["id"]]
    kinds = counts.get(objective["id"], Counter())
    with st.container(border=True, key=f"objective_card_{objective['id']}"):
        st.markdown(f"### {plain(objective['title'])}")
        # Badges at heading size, so the verdicts read from the back of the room.
        st.markdown(
            "#### "
            + badge(check.verdict, check.verdict.upper())
            + " &nbsp; "
            + " ".join(badge(v.mark, f"{v.name}: {v.mark}") for v in check.letters)
        )
        st.caption(
            f"KPIs: {kinds['leading']} leading, {kinds['lagging']} lagging · owner: "
            f"{plain(stakeholders.get(objective['owner_id'], 'nobody yet'))}"
        )
        why = st.expander("Why: the SMART check, rule by rule", key=WHY, on_change="rerun")
        if why.open:  # nine rule lines, drawn only for someone who opened them
            with why:
                _check_details(check)
        with st.expander("Edit"):
            prefix = open_form(f"objective_{objective['id']}", {f: objective[f] for f in FIELDS}, objective["version"])
            with st.form(f"edit_objective_{objective['id']}", border=False):
                _fields(prefix)
                st.form_submit_button("Save objective", type="primary", on_click=_update, args=(objective,))
            confirm_delete(
                "objective", objective["title"], key=f"delete_{objective['id']}", on_confirm=_delete, args=(objective,)
            )
        history_panel("objective", objective["id"], ERROR)


st.title("Objectives")
st.caption(
    "Make the vision measurable: each objective moves a named metric from a baseline to a target by a "
    f"date, and serves a need or a vision priority. Plausibility bound: {context.max_annual_change:.0%} a year."
)
show_flash()
show_pending_error(ERROR)
tally = Counter(c.verdict for c in checks.values())
if objectives:  # no tiles of zeros before the first objective: the list says where to start
    tiles = {"Objectives": len(objectives), "Fully SMART": tally["pass"], "Stretch": tally["stretch"]}
    for column, (label, value) in zip(st.columns(4), {**tiles, "Fail": tally["fail"]}.items(), strict=True):
        column.metric(label, value)
if checks:
    chart(derived("smart:grid", ws_id, lambda: smart_grid(list(checks.values()), limit=GRID_ROWS)), key="smart_grid")
    if len(checks) > GRID_ROWS:
        st.caption(f"The {GRID_ROWS} weakest of {len(checks)} objectives; the table below lists every one.")

listing, adding = st.columns([3, 2])
with adding, st.form("new_objective", border=True):
    st.header("Add an objective")
    for name, value in EMPTY.items():
        st.session_state.setdefault(f"new_{name}", value)
    _fields("new")
    st.form_submit_button("Add objective", type="primary", on_click=_add)


def _rows(shown: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The list as one table: a verdict per letter, so a long list stays one element, not a card each."""
    return [
        {
            "Objective": o["title"],
            "SMART": checks[o["id"]].verdict.upper(),
            **{letter.name: letter.mark for letter in checks[o["id"]].letters},
            "KPIs": f"{counts.get(o['id'], Counter())['leading']} leading, "
            f"{counts.get(o['id'], Counter())['lagging']} lagging",
            "Owner": stakeholders.get(o["owner_id"], "nobody yet"),
        }
        for o in shown
    ]


with listing:
    shown = st.radio("Show", list(FILTERS), format_func=FILTERS.__getitem__, horizontal=True, key="objective_filter")
    wanted = {"all": {"pass", "stretch", "fail"}, "fail": {"fail"}, "attention": {"fail", "stretch"}}[shown]
    visible = [o for o in objectives if checks[o["id"]].verdict in wanted]
    if not visible:
        st.info("No objective matches this filter." if objectives else "No objectives yet: add the first one.")
    else:
        st.dataframe(
            derived(f"objectives:rows:{shown}", ws_id, lambda: _rows(visible)),
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
        # One objective open at a time: its check, its edit form. Nine widgets, not nine per objective.
        titles = {o["id"]: o["title"] for o in visible}
        if st.session_state.get(OPEN) not in titles:
            st.session_state[OPEN] = next(iter(titles))
        opened = st.selectbox("Open an objective", list(titles), format_func=titles.__getitem__, key=OPEN)
        _card(next(o for o in visible if o["id"] == opened))
