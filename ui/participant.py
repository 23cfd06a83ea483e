"""The phone's side of a live session: which browser is a participant, and the phone's look.

A browser becomes a participant when it opens a join link (`?join=CODE`) or carries a seat token
(`?p=…`); from then on app.py routes it to the participant page only, and the services it calls
take nothing but that token.
"""

from __future__ import annotations

import streamlit as st

SEAT = "workshop_seat"
PARTICIPANT = "workshop_participant"

PHONE_CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"]
{ display: none !important; }
.stMainBlockContainer { padding: 1rem 1rem 3rem !important; max-width: 640px !important; }
.stMainBlockContainer p, .stMainBlockContainer label, .stMainBlockContainer button p { font-size: 18px; }
.stMainBlockContainer button { min-height: 48px; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *
{ color: #4a4c57 !important; opacity: 1 !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 40px !important; font-weight: 700; }
</style>"""


def participant_mode() -> bool:
    """True once this browser joined or opened a join link: it stays on the participant page."""
    token = st.query_params.get("p")
    if token:
        st.session_state[SEAT] = token
    if token or "join" in st.query_params:
        st.session_state[PARTICIPANT] = True
    return bool(st.session_state.get(PARTICIPANT))


def seat_token() -> str | None:
    return st.session_state.get(SEAT)


def take_seat(token: str) -> None:
    """Remember the seat in the session and the URL, so a reload carries on under the same name."""
    st.session_state[SEAT] = token
    st.query_params.pop("join", None)
    st.query_params["p"] = token


def join_url(code: str) -> str:
    """The link the QR code carries: this server's address with the code."""
    base = (st.context.url or "http://localhost:8501").split("?")[0].rstrip("/")
    origin = base.split("/", 3)
    return f"{'/'.join(origin[:3])}/?join={code}"
