"""Stakeholders & champions: who has a stake, where they sit on the influence/interest grid, whether
every department has a champion and a backup, and whether business (not IT) leads the programme."""

from __future__ import annotations

from typing import Any

import streamlit as st

from strategy.charts.stakeholders import stakeholder_grid
from strategy.discover.champion_swap import replace_champion
from strategy.discover.people import (
    QUADRANT_ADVICE,
    DepartmentCover,
    business_led_findings,
    champion_coverage,
    key_without_wiifm,
    quadrant,
    same_name,
)
from strategy.errors import FieldError, InvalidInput
from strategy.store.records import create_record, update_record
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
from ui.entry import apply_focus, id_table_editor, request_focus
from ui.layout import editing

ERROR = "stakeholders_error"
FORM = "stakeholder_entry"
NAME_LABEL = "Name"
SIDES = {"business": "Business", "it": "IT"}
COVER_STATUS = {
    "champion_left": ":red[**✖ Champion left**]",
    "no_champion": ":red[**✖ No champion**]",
    "no_backup": ":orange[**⚠ No backup**]",
    "covered": ":green[**✔ Covered**]",
}
CLEARED: dict[str, Any] = {
    "sh_name": "",
    "sh_role": "",
    "sh_wiifm": "",
    "sh_influence": 3,
    "sh_interest": 3,
    "sh_sponsor": False,
    "sh_champion": False,
    "sh_power_user": False,
    "sh_backup": None,
}
TWIN_OK = "sh_same_name_confirmed"  # the name a second Add confirmed as a different person

current = workspace()
ws_id = current.id or 0
people = records("stakeholder", ws_id)
by_id = {p["id"]: p for p in people}
covers = champion_coverage(records("need", ws_id), people)


def _add_stakeholder() -> None:
    s = st.session_state
    data = {
        "name": s.sh_name.strip(),
        "role": s.sh_role.strip(),
        "department": (s.sh_department or "").strip(),
        "side": s.sh_side,
        "influence": s.sh_influence,
        "interest": s.sh_interest,
        "wiifm": s.sh_wiifm,
        "is_sponsor": s.sh_sponsor,
        "is_champion": s.sh_champion,
        "is_power_user": s.sh_power_user,
        "backup_id": s.sh_backup,
    }
    if (twin := same_name(people, data["name"])) and s.get(TWIN_OK) != data["name"]:
        s[TWIN_OK] = data["name"]  # pressing Add again with the same name means: yes, someone else
        message = (
            f"{twin['name']} ({twin['department']}) is already a stakeholder; change the name, "
            "or press Add stakeholder again to add a second person of that name"
        )
        s[ERROR] = InvalidInput([FieldError("name", message)])
        return
    if attempt(
        lambda: create_record(engine(), "stakeholder", ws_id, data, actor=actor()), f"Added '{data['name']}'.", ERROR
    ):
        s.update(CLEARED)
        s.pop(TWIN_OK, None)
        request_focus(FORM)


def _set_active(person_id: int, active: bool) -> None:
    person = by_id[person_id]
    state = "is active again" if active else "has left"
    attempt(
        lambda: update_record(
            engine(),
            "stakeholder",
            ws_id,
            person_id,
            {"active": active},
            expected_version=person["version"],
            actor=actor(),
        ),
        f"{person['name']} {state}.",
        ERROR,
    )


def _promote(cover: DepartmentCover) -> None:
    attempt(
        lambda: replace_champion(engine(), ws_id, cover, people, actor=actor()),
        f"{cover.backup} is now the {cover.department} champion: name their backup next.",
        ERROR,
    )


def _alerts() -> None:
    for cover in [c for c in covers if c.status == "champion_left"]:
        st.error(f"**{plain(cover.department)}**: {plain(cover.message)}.", icon=":material/person_off:")
        if cover.proposed_id is not None:
            st.button(
                f"Make {plain(cover.backup)} the {plain(cover.department)} champion",
                key=f"promote_{cover.proposed_id}",
                on_click=_promote,
                args=(cover,),
                type="primary",
            )
    for finding in business_led_findings(people, records("objective", ws_id)):
        (st.warning if finding.level == "warning" else st.success)(plain(finding.message))
    missing = key_without_wiifm(people)
    if missing:
        names = ", ".join(plain(f"{p['name']} ({p['role'] or p['department']})") for p in missing)
        st.warning(
            f'Key stakeholders without a "what\'s in it for me": {names}. Say what each gains, '
            "or expect their support to fade."
        )


def _coverage_table() -> None:
    st.header("Champion coverage")
    st.caption("Every department that raised needs or has users needs an active champion and a named backup.")
    if not covers:
        st.info("No department has raised a need or has users yet.")
        return
    st.markdown("\n".join(f"- **{plain(c.department)}** {COVER_STATUS[c.status]} — {plain(c.message)}" for c in covers))


def _entry_form() -> None:
    departments = sorted({p["department"] for p in people} | {n["department"] for n in records("need", ws_id)})
    for key, value in CLEARED.items():
        st.session_state.setdefault(key, value)
    with st.form(FORM, border=True):
        st.header("Add a stakeholder")
        left, right = st.columns(2)
        left.text_input(NAME_LABEL, key="sh_name", validate=at_most(80))
        right.text_input("Role", key="sh_role", validate=at_most(80))
        left.selectbox(
            "Department",
            departments,
            index=None,
            key="sh_department",
            accept_new_options=True,
            required=True,  # no "Clear value" button: Tab goes on to the next field; an empty one is named on submit
            placeholder="Pick or type a department",
        )
        right.radio("Side", list(SIDES), format_func=SIDES.__getitem__, key="sh_side", horizontal=True)
        left.slider("Influence (1-5)", 1, 5, key="sh_influence")
        right.slider("Interest (1-5)", 1, 5, key="sh_interest")
        st.text_area("What's in it for them (WIIFM)", key="sh_wiifm", height=80)
        flags = st.columns(3)
        flags[0].checkbox("Executive sponsor", key="sh_sponsor")
        flags[1].checkbox("Champion", key="sh_champion")
        flags[2].checkbox("Power user", key="sh_power_user")
        st.selectbox(
            "Backup champion",
            [None, *(i for i, p in by_id.items() if p["active"])],
            key="sh_backup",
            format_func=lambda i: "— none —" if i is None else f"{by_id[i]['name']} — {by_id[i]['department']}",
            help="For a champion: who takes over at once if they leave. Kept for anyone, used for champions.",
        )
        st.form_submit_button("Add stakeholder", type="primary", on_click=_add_stakeholder)
    apply_focus(FORM, NAME_LABEL)


def _comings_and_goings() -> None:
    st.header("Someone left or changed role?")
    if not people:
        st.info("Add stakeholders first.")
        return
    chosen = st.selectbox(
        "Stakeholder",
        list(by_id),
        key="sh_moved",
        format_func=lambda i: (
            f"{by_id[i]['name']} — {by_id[i]['department']}" + ("" if by_id[i]["active"] else " (left)")
        ),
    )
    person = by_id[chosen]
    if person["active"]:
        st.button(
            f"Mark {plain(person['name'])} as left", key="sh_mark_left", on_click=_set_active, args=(chosen, False)
        )
    else:
        st.button(
            f"Mark {plain(person['name'])} as active again",
            key="sh_mark_back",
            on_click=_set_active,
            args=(chosen, True),
        )
    place = quadrant(person["influence"], person["interest"])
    st.markdown(f"**{place}** — {QUADRANT_ADVICE[place]}")


st.title("Stakeholders & champions")
st.caption(
    "Leaders own the programme and IT supports it. Departmental champions link users to the programme "
    "team; when one leaves, their backup must take over at once."
)
show_flash()
show_pending_error(ERROR)
_alerts()
coverage, moves = st.columns([3, 2], gap="large")
with coverage:
    _coverage_table()
with moves, editing("stakeholder_moves"):
    _comings_and_goings()
st.header("Influence and interest")
if people:
    chart(derived("stakeholders:grid", ws_id, lambda: stakeholder_grid(people)), key="stakeholder_grid")
else:
    st.info("The grid appears once the first stakeholder is added.")
entry, advice = st.columns([3, 2], gap="large")
with entry:
    _entry_form()
with advice:
    st.header("Reading the grid")
    st.markdown("\n".join(f"- **{name}**: {text}" for name, text in QUADRANT_ADVICE.items()))

names = {p["id"]: p["name"] for p in people}
# A collapsed table costs nothing: its editor runs only while it is open (on_change="rerun").
table = st.expander("Edit, add or delete stakeholders in a table", key="stakeholders_table_open", on_change="rerun")
if table.open:
    with table:
        id_table_editor(
            "stakeholder",
            ws_id,
            [
                "name",
                "role",
                "department",
                "side",
                "influence",
                "interest",
                "is_sponsor",
                "is_champion",
                "backup_id",
                "is_power_user",
                "active",
                "wiifm",
            ],
            key="stakeholders_table",
            id_columns=["backup_id"],
            column_config={
                "name": st.column_config.TextColumn("Name", required=True, max_chars=80),
                "role": st.column_config.TextColumn("Role", max_chars=80),
                "department": st.column_config.TextColumn("Department", required=True, max_chars=60),
                "side": st.column_config.SelectboxColumn(
                    "Side", options=list(SIDES), default="business", format_func=lambda v: SIDES[str(v)], required=True
                ),
                "influence": st.column_config.NumberColumn("Influence", min_value=1, max_value=5, step=1, default=3),
                "interest": st.column_config.NumberColumn("Interest", min_value=1, max_value=5, step=1, default=3),
                "is_sponsor": st.column_config.CheckboxColumn("Sponsor", default=False),
                "is_champion": st.column_config.CheckboxColumn("Champion", default=False),
                "backup_id": st.column_config.SelectboxColumn(
                    "Backup", options=list(names), format_func=names.__getitem__
                ),
                "is_power_user": st.column_config.CheckboxColumn("Power user", default=False),
                "active": st.column_config.CheckboxColumn("Active", default=True),
                "wiifm": st.column_config.TextColumn("What's in it for them", max_chars=1000, width="large"),
            },
        )
