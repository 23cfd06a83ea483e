"""Feedback and unused capability: front-line suggestions triaged by the CRM leader, and the
features or data the organisation has but does not use, each one step from the plan."""

from __future__ import annotations

from datetime import date

import streamlit as st

from models.labels import MISSING, value_label
from models.track import FeedbackCategory
from strategy.sustain.feedback import feedback_counts, submit_feedback, triage
from strategy.sustain.unused import bring_into_play
from ui.change_whatif import whatif_tab
from ui.common import actor, attempt, day_columns, engine, records, show_flash, show_pending_error, workspace
from ui.layout import editing
from ui.table_editor import record_table_editor

ERROR = "feedback_error"
STATUSES = ("new", "accepted", "wish_list", "declined")

current = workspace()
ws_id = current.id or 0
today = date.today()
st.title("Feedback, change and unused capability")
st.caption(
    "Collect front-line ideas through one point person, decide each one, and bring the features and data "
    "you already own into play before buying more."
)
with st.container():
    show_flash()
    show_pending_error(ERROR)
items = records("feedback", ws_id)
# Only the open tab is drawn: the what-if form and the capability table cost most of a rerun.
inbox_tab, change_tab, unused_tab = st.tabs(
    ["Feedback inbox", "Change what-if", "Unused capability"], key="feedback_tabs", on_change="rerun"
)


def _submit() -> None:
    s = st.session_state
    if attempt(
        lambda: submit_feedback(
            engine(),
            ws_id,
            text=s.fb_text,
            department=s.fb_department,
            category=s.fb_category,
            submitted_by=s.fb_by,
            today=today,
            actor=actor(),
        ),
        "Suggestion added to the inbox.",
        ERROR,
    ):
        s.fb_text = ""


def _triage(decision: str) -> None:
    s = st.session_state
    item = next(i for i in items if i["id"] == s.fb_pick)
    labels = {"accept": "accepted into a change request", "wish_list": "put on the wish list", "decline": "declined"}
    attempt(
        lambda: triage(engine(), ws_id, item, decision, reason=s.fb_reason, actor=actor(), today=today),
        f"Suggestion {labels[decision]}.",
        ERROR,
    )


def _inbox() -> None:
    counts = feedback_counts(items)
    if items:
        for col, status in zip(st.columns(4), STATUSES, strict=True):
            col.metric(value_label(status), sum(c[status] for c in counts.values()))
    else:  # no tiles of zeros: say how feedback starts
        st.info(
            "No suggestions yet: send the first one below; each is then accepted as a change request, "
            "wish-listed or declined with a reason.",
            icon=":material/forum:",
        )
    left, right = st.columns([1, 2])
    with left, editing("feedback_send"):
        st.header("Send a suggestion")
        st.text_area("Suggestion", key="fb_text")
        st.text_input("Department", key="fb_department")
        st.selectbox("Category", [c.value for c in FeedbackCategory], key="fb_category", format_func=value_label)
        st.text_input("From", key="fb_by")
        st.button("Send", on_click=_submit, type="primary")
    with right:
        st.header("By department")
        st.dataframe(
            [{"Department": d, **{value_label(s): c[s] for s in STATUSES}} for d, c in sorted(counts.items())],
            hide_index=True,
            width="stretch",
            placeholder=MISSING,
        )
        waiting = [i for i in items if i["status"] == "new"]
        st.header(f"Triage ({len(waiting)} new)")
        if waiting:
            st.selectbox(
                "Suggestion",
                [i["id"] for i in waiting],
                key="fb_pick",
                format_func={x["id"]: f"{x['department']}: {x['text']}" for x in waiting}.__getitem__,
            )
            st.text_input("Reason (needed to decline)", key="fb_reason")
            accept, wish, decline = st.columns(3)
            accept.button("Accept as change request", on_click=_triage, args=("accept",), type="primary")
            wish.button("Wish list", on_click=_triage, args=("wish_list",))
            decline.button("Decline", on_click=_triage, args=("decline",))
    st.dataframe(
        [
            {
                "Sent": i["submitted_on"],
                "Department": i["department"],
                "Category": value_label(i["category"]),
                "Suggestion": i["text"],
                "Status": value_label(i["status"]),
                "Reason": i["decline_reason"],
            }
            for i in items
        ],
        column_config=day_columns("Sent"),
        hide_index=True,
        width="stretch",
        placeholder=MISSING,
    )


def _bring(kind: str) -> None:
    capability = next(c for c in records("unused_capability", ws_id) if c["id"] == st.session_state.uc_pick)
    label = "an initiative" if kind == "initiative" else "a change request"
    attempt(
        lambda: bring_into_play(engine(), ws_id, capability, kind, actor=actor(), today=today),
        f"'{capability['name']}' is now {label}.",
        ERROR,
    )


def _unused() -> None:
    unused = records("unused_capability", ws_id)
    in_play = sum(1 for c in unused if c["brought_into_play"])
    if unused:
        st.metric("Brought into play", f"{in_play} of {len(unused)}")
    else:
        st.info(
            "No unused capability listed yet: add the features the CRM already has that nobody uses, in the "
            "table below; each can then become an initiative or a change request.",
            icon=":material/inventory_2:",
        )
    record_table_editor(
        "unused_capability", ws_id, ["name", "system", "why_unused", "potential", "brought_into_play"], key="uc_table"
    )
    loose = [c for c in unused if c["initiative_id"] is None and c["change_request_id"] is None]
    if loose:
        st.selectbox(
            "Unused capability",
            [c["id"] for c in loose],
            key="uc_pick",
            format_func={c["id"]: c["name"] for c in loose}.__getitem__,
        )
        left, right = st.columns(2)
        left.button("Make it an initiative", on_click=_bring, args=("initiative",), type="primary")
        right.button("Raise a change request", on_click=_bring, args=("change_request",))


for tab, draw in ((inbox_tab, _inbox), (change_tab, lambda: whatif_tab(current, today, ERROR)), (unused_tab, _unused)):
    if tab.open:
        with tab:
            draw()
