"""Direction: which value discipline the organisation leads in, how well CRM fits that lead, and where
CRM sits on the continuum from technology to strategy — today and as the target."""

from __future__ import annotations

from typing import Any

import streamlit as st

from models.define import DirectionBase
from pages._common import actor, attempt, chart, engine, records, show_flash, show_pending_error, workspace
from strategy.charts.define import continuum_bar, discipline_radar
from strategy.direction import (
    ANSWERS,
    BY_KEY,
    DISCIPLINES,
    QUESTIONS,
    STAGE_MEANINGS,
    STAGES,
    THRESHOLD,
    answer_key,
    continuum_from_answers,
    crm_fit,
    discipline_warnings,
    suggested_lead,
)
from strategy.records import save_singleton

ERROR = "direction_error"
STAGE_HEADINGS = {"process": "Evidence of CRM as a set of processes", "strategy": "Evidence of CRM as strategy"}

current = workspace()
ws_id = current.id or 0
stored = next(iter(records("direction", ws_id)), None)
direction: dict[str, Any] = dict(stored) if stored else {**DirectionBase().model_dump(), "version": 0}
version = direction["version"]


def _save(data: dict[str, Any], success: str) -> None:
    attempt(
        lambda: save_singleton(engine(), "direction", ws_id, data, expected_version=version or None, actor=actor()),
        success,
        ERROR,
    )


def _save_disciplines() -> None:
    s = st.session_state
    data: dict[str, Any] = {"lead_discipline": s[f"lead_{version}"], "notes": s[f"notes_{version}"]}
    for d in DISCIPLINES:
        data[f"{d.key}_current"] = s[f"{d.key}_current_{version}"]
        data[f"{d.key}_target"] = s[f"{d.key}_target_{version}"]
    _save(data, "Value disciplines saved.")


def _save_continuum() -> None:
    s = st.session_state
    answers = {
        answer_key(q.key, target=target): s[f"{answer_key(q.key, target=target)}_{version}"]
        for q in QUESTIONS
        for target in (False, True)
    }
    _save(continuum_from_answers(answers), "CRM continuum saved.")


def _discipline_form() -> None:
    with st.form(f"disciplines_{version}", border=True):
        st.caption("1 = well below the market · 3 = at par (the threshold) · 5 = the market's leader")
        for d in DISCIPLINES:
            st.markdown(f"**{d.label}** — {d.promise}")
            today, target = st.columns(2)
            for column, moment, label in ((today, "current", "Today"), (target, "target", "Target")):
                column.slider(
                    f"{d.label}: {label.lower()}",
                    1.0,
                    5.0,
                    float(direction[f"{d.key}_{moment}"]),
                    0.5,
                    format="%.1f",
                    key=f"{d.key}_{moment}_{version}",
                )
        keys = [d.key for d in DISCIPLINES]
        lead = direction["lead_discipline"] or suggested_lead(direction)
        st.radio(
            "Lead in one discipline",
            keys,
            index=keys.index(lead) if lead in keys else None,
            format_func=lambda k: BY_KEY[k].label,
            horizontal=True,
            key=f"lead_{version}",
        )
        st.text_area("Notes", direction["notes"], max_chars=2000, key=f"notes_{version}")
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
    with st.form(f"continuum_{version}", border=True):
        for stage, heading in STAGE_HEADINGS.items():
            st.markdown(f"#### {heading}")
            for q in (q for q in QUESTIONS if q.stage == stage):
                text, today, target = st.columns([5, 3, 3], vertical_alignment="center")
                text.markdown(q.text)
                for column, is_target, label in ((today, False, "Today"), (target, True, "Target")):
                    key = answer_key(q.key, target=is_target)
                    column.radio(
                        label,
                        list(ANSWERS),
                        index=int(answers.get(key, 0)),
                        format_func=ANSWERS.__getitem__,
                        horizontal=True,
                        key=f"{key}_{version}",
                    )
        st.form_submit_button("Save continuum", type="primary", on_click=_save_continuum)


st.title("Direction")
st.caption(
    "Lead in one value discipline and hold the other two at par (Treacy & Wiersema); then place CRM on "
    "the continuum from an IT tool to the way the business runs its customer relationships."
)
show_flash()
show_pending_error(ERROR)
disciplines_tab, continuum_tab = st.tabs(["Value disciplines", "CRM continuum"])

with disciplines_tab:
    form_side, chart_side = st.columns([5, 6])
    with form_side:
        _discipline_form()
    with chart_side:
        chart(discipline_radar(direction), key="discipline_radar")
        st.caption(f"Dotted ring: the threshold ({THRESHOLD:g}) every discipline should reach. ★ marks the lead.")
        _fit_and_warnings()

with continuum_tab:
    chart(continuum_bar(direction["continuum_current"], direction["continuum_target"]), key="continuum_bar")
    for column, stage, meaning in zip(st.columns(3), STAGES, STAGE_MEANINGS, strict=True):
        column.markdown(f"**{stage}** — {meaning}")
    st.caption("Answer for today and for the end of the plan; the positions follow from the answers.")
    _continuum_form()
