"""Join the workshop: from a phone, raise pains and opportunities and place your dots."""

from __future__ import annotations

import streamlit as st

from strategy.brief.escape import for_markdown
from strategy.errors import NotFound
from strategy.workshop.participation import ballot, submit, vote
from strategy.workshop.sessions import join
from ui.common import at_most, attempt, engine, flash, show_flash, show_pending_error
from ui.participant import PHONE_CSS, seat_token, take_seat

ERROR = "join_error"
st.html(PHONE_CSS)


def _join() -> None:
    s = st.session_state
    if attempt(lambda: take_seat(join(engine(), s.join_code, s.join_name).token), "You are in.", ERROR):
        s.pop("join_code", None)


def _raise() -> None:
    s = st.session_state
    token = seat_token() or ""
    idea = {"kind": s.idea_kind, "title": s.idea_title, "department": s.idea_department, "size": s.idea_size}
    if attempt(lambda: submit(engine(), token, **idea), "Sent to the screen — thank you.", ERROR):
        s.idea_title = ""


def _vote(target_id: int, title: str) -> None:
    token = seat_token() or ""
    left: list[int] = []
    if attempt(lambda: left.append(vote(engine(), token, target_id)), "", ERROR):
        flash(f"Vote placed on “{for_markdown(title)}”: {left[0]} left.")


token = seat_token()
show_flash()
show_pending_error(ERROR)
if token is None:
    st.title("Join the workshop")
    with st.form("join_form"):
        st.text_input("Code on the screen", key="join_code", value=st.query_params.get("join", ""))
        st.text_input("Your name", key="join_name", placeholder="as the room knows you")
        st.form_submit_button("Join", type="primary", on_click=_join, width="stretch")
    st.stop()

try:
    mine = ballot(engine(), token)
except NotFound as gone:
    st.error(str(gone))
    st.stop()
st.title(f"Hi {for_markdown(mine.name)}")
st.caption(f"Workshop {mine.code}")
if not mine.open:
    st.info("This session has closed. Thank you for taking part!")
    st.stop()
st.metric("Votes left", f"{mine.remaining} of {mine.allowance}")
vote_tab, raise_tab = st.tabs([f"Vote on {mine.round}", "Raise a pain or opportunity"])
with vote_tab:
    st.caption("Tap a line to give it one of your votes; you may give one line several.")
    for target_id, title in mine.choices:
        dots = " ●" * mine.mine.get(target_id, 0)
        label = f"{for_markdown(title)}{dots}"
        st.button(label, key=f"vote_{target_id}", on_click=_vote, args=(target_id, title), width="stretch")
with raise_tab, st.form("raise_form"):
    st.radio("It is a", ["pain", "opportunity"], key="idea_kind", horizontal=True, format_func=str.capitalize)
    st.text_input("In a few words", key="idea_title", validate=at_most(120))
    st.text_input("Your department", key="idea_department", validate=at_most(60))
    st.slider("How big is it?", 1, 5, 3, key="idea_size", help="1 small … 5 huge")
    st.form_submit_button("Send to the screen", type="primary", on_click=_raise, width="stretch")
