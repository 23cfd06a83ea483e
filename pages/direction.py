"""Direction: which value discipline the organisation leads in, how well CRM fits that lead, and where
CRM sits on the continuum from technology to strategy — today and as the target."""

from __future__ import annotations

from typing import Any

import streamlit as st

from models.define import DirectionBase
from strategy.charts.define import continuum_bar, discipline_radar
from strategy.define.direction import (
    ANSWERS,
    BY_KEY,
    DISCIPLINES,
    QUESTIONS,
    STAGE_MEANINGS,
    STAGES,
    THRESHOLD,
    answer_key,
    continuum_from_answers,
    continuum_placed,
    crm_fit,
    discipline_warnings,
    suggested_lead,
)
from strategy.store.records import save_singleton
from ui.common import actor, chart, derived, engine, records, show_flash, show_pending_error, workspace
from ui.edit_forms import open_form, save_form
from ui.health_notes import health_notes
from ui.history import history_panel

ERROR = "direction_error"
STAGE_HEADINGS = {"process": "Evidence of CRM as a set of processes", "strategy": "Evidence of CRM as strategy"}

current = workspace()
ws_id = current.id or 0
stored = next(iter(records("direction", ws_id)), None)
direction: dict[str, Any] = dict(stored) if stored else {**DirectionBase().model_dump(), "version": 0}
version = direction["version"]


DISCIPLINE_FIELDS = ("lead_discipline", "notes", *(f"{d.key}_{m}" for d in DISCIPLINES for m in ("current", "target")))
ANSWER_FIELDS = tuple(answer_key(q.key, target=target) for q in QUESTIONS for target in (False, True))


def _save_disciplines() -> None:
    def save(changes: dict[str, Any], expected: Any) -> None:
        save_singleton(engine(), "direction", ws_id, changes, expected_version=expected or None, actor=actor())

    save_form("direction_disciplines", save, "Value disciplines saved.", ERROR)


def _save_continuum() -> None:
    def save(changes: dict[str, Any], expected: Any) -> None:
        latest = next(iter(records("direction", ws_id)), None)
        # Every answer as shown: one left at "No" is an answer too, so an all-No save places CRM.
        answers = {**dict.fromkeys(ANSWER_FIELDS, 0), **(latest["answers"] if latest else {}), **changes}
        data = continuum_from_answers(answers)
        save_singleton(engine(), "direction", ws_id, data, expected_version=expected or None, actor=actor())

    save_form("direction_continuum", save, "CRM continuum saved.", ERROR, even_unchanged=True)


def _discipline_form() -> None:
    prefix = open_form("direction_disciplines", {f: direction[f] for f in DISCIPLINE_FIELDS}, version)
    with st.form("disciplines", border=True):
        st.caption("1 = well below the market · 3 = at par (the threshold) · 5 = the market's leader")
        for d in DISCIPLINES:
            st.markdown(f"**{d.label}** — {d.promise}")
            today, target = st.columns(2)
            for column, moment, label in ((today, "current", "Today"), (target, "target", "Target")):
                column.slider(
                    f"{d.label}: {label.lower()}", 1.0, 5.0, step=0.5, format="%.1f", key=f"{prefix}_{d.key}_{moment}"
                )
        keys = [d.key for d in DISCIPLINES]
        st.radio(
            "Lead in one discipline",
            keys,
            format_func=lambda k: BY_KEY[k].label,
            horizontal=True,
            key=f"{prefix}_lead_discipline",
        )
        if not direction["lead_discipline"] and (suggested := suggested_lead(direction)):
            st.caption(f"Suggested: {BY_KEY[suggested].label}, the discipline with the highest target.")
        st.text_area("Notes", key=f"{prefix}_notes")
        st.form_submit_button("Save value disciplines", type="primary", on_click=_save_disciplines)


def _fit_and_warnings() -> None:
    fit = crm_fit(direction["lead_discipline"])
    if fit.strength == "strong":
        st.success(f"**CRM fit: strong.** {fit.message}", icon=":material/thumb_up:")
    elif fit.strength == "weak":
        bullets = "\n".join(f"- {line}" for line in fit.implications)
        st.warning(f"**CRM fit: weak.** {fit.message}\n\nWhat it means for the programme:\n{bullets}")
    else:
        st.info(fit.message)
    for message in discipline_warnings(direction):
        st.warning(message, icon=":material/balance:")


def _continuum_form() -> None:
    answers = direction["answers"]
    values = {k: min(max(int(answers.get(k, 0)), 0), 2) for k in ANSWER_FIELDS}
    prefix = open_form("direction_continuum", values, version)
    with st.form("continuum", border=True):
        for stage, heading in STAGE_HEADINGS.items():
            st.markdown(f"## {heading}")
            for q in (q for q in QUESTIONS if q.stage == stage):
                text, today, target = st.columns([5, 3, 3], vertical_alignment="center")
                text.markdown(q.text)
                for column, is_target, label in ((today, False, "Today"), (target, True, "Target")):
                    column.radio(
                        label,
                        list(ANSWERS),
                        format_func=ANSWERS.__getitem__,
                        horizontal=True,
                        key=f"{prefix}_{answer_key(q.key, target=is_target)}",
                    )
        st.form_submit_button("Save continuum", type="primary", on_click=_save_continuum)


st.title("Direction")
st.caption(
    "Lead in one value discipline and hold the other two at par (Treacy & Wiersema); then place CRM on "
    "the continuum from an IT tool to the way the business runs its customer relationships."
)
show_flash()
show_pending_error(ERROR)
health_notes("HEALTH-FIT", "HEALTH-CONTINUUM")
disciplines_tab, continuum_tab = st.tabs(["Value disciplines", "CRM continuum"])

with disciplines_tab:
    form_side, chart_side = st.columns([5, 6])
    with form_side:
        _discipline_form()
    with chart_side:
        if stored:
            chart(derived("direction:radar", ws_id, lambda: discipline_radar(direction)), key="discipline_radar")
            st.caption(f"Dotted ring: the threshold ({THRESHOLD:g}) every discipline should reach. ★ marks the lead.")
        else:  # the sliders' presets are nobody's scores: no radar of them
            st.info(
                "Not assessed yet: score each discipline today and as the target, choose the one to lead "
                "in, then **Save value disciplines**.",
                icon=":material/radar:",
            )
        _fit_and_warnings()

with continuum_tab:
    if continuum_placed(stored):
        bar = derived(
            "direction:continuum",
            ws_id,
            lambda: continuum_bar(direction["continuum_current"], direction["continuum_target"]),
        )
        chart(bar, key="continuum_bar")
    else:
        st.info("Not placed on the continuum yet: answer the questions below for today and for the end of the plan.")
    for column, stage, meaning in zip(st.columns(3), STAGES, STAGE_MEANINGS, strict=True):
        column.markdown(f"**{stage}** — {meaning}")
    st.caption("Answer for today and for the end of the plan; the positions follow from the answers.")
    _continuum_form()
if stored:
    history_panel("direction", direction["id"], ERROR)
