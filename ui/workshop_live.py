"""The facilitator's live session: open it, show the code and QR large, and the board that updates itself."""

from __future__ import annotations

import json
from typing import Any

import segno
import streamlit as st

from strategy.brief.escape import for_html
from strategy.charts.workshop import vote_totals_chart
from strategy.workshop.board import news_since, session_log, session_version
from strategy.workshop.sessions import LiveView, close_session, open_session, start_round
from ui.common import actor, attempt, chart, engine, records
from ui.participant import join_url

ERROR = "workshop_error"
BOARD = "workshop_board"
# The board reruns twice a second: never fade it as "stale" while a rerun is on its way.
STEADY = '<style>.stMainBlockContainer [data-stale="true"] { opacity: 1 !important; transition: none; }</style>'
ROUND_KINDS = {"needs": "need", "objectives": "objective", "initiatives": "initiative"}


def open_form(workspace_id: int) -> None:
    settings = records("workshop", workspace_id)
    allowance = settings[0]["vote_allowance"] if settings else 3
    minutes = settings[0]["session_minutes"] if settings else 90
    with st.form("open_live"):
        # No browser bounds (it refuses without a word): open_session names the ranges when refused.
        st.number_input("Votes per person", value=allowance, step=1, key="live_allowance")
        st.number_input("Closes by itself after (minutes)", value=minutes, step=1, key="live_minutes")
        st.form_submit_button("Open a live session", type="primary", on_click=_open, args=(workspace_id,))


def _open(workspace_id: int) -> None:
    s = st.session_state
    attempt(
        lambda: open_session(
            engine(), workspace_id, actor=actor(), minutes=int(s.live_minutes), allowance=int(s.live_allowance)
        ),
        "Live session open: show the code to the room.",
        ERROR,
    )
    s.pop(BOARD, None)


@st.cache_data(max_entries=16, show_spinner=False)
def _qr(url: str) -> str:
    # Drawing the QR was a quarter of each projector rerun; the join URL only changes with the session.
    return segno.make(url, error="m").png_data_uri(scale=9, border=2)


def join_panel(live: LiveView) -> None:
    """The code and the QR code, large enough to read and scan from the back of the room."""
    url = join_url(live.code)
    qr = _qr(url)
    address = for_html(url.split("?")[0])
    st.html(
        f'<p class="join-lead" style="font-size:32px;margin:0">Join at <b>{address}</b> with the code</p>'
        f'<p class="join-code" style="font-size:120px;font-weight:800;letter-spacing:12px;margin:0;'
        f'color:#0b3d91" aria-label="Join code {" ".join(live.code)}">{live.code}</p>'
        f'<img class="join-qr" src="{qr}" alt="QR code of the join link {for_html(url)}" width="300">'
    )
    nxt = {"needs": "objectives", "objectives": "initiatives"}.get(live.round)
    if nxt and st.button(f"Next round: vote on {nxt}", key="live_round"):
        attempt(lambda: start_round(engine(), live.id, nxt, actor=actor()), f"Now voting on {nxt}.", ERROR)
        st.session_state.pop(BOARD, None)
        st.rerun()
    if st.button("Close the session", key="live_close", type="primary"):
        closed = "Session closed: its votes now count in the rankings."
        attempt(lambda: close_session(engine(), live.id, actor=actor()), closed, ERROR)
        st.rerun()


def _refreshed(live: LiveView, workspace_id: int) -> dict[str, Any]:
    """The board kept in session state, topped up (and its chart rebuilt) only when the version moved."""
    board = st.session_state.get(BOARD)
    if board is None or board["session"] != live.id:
        board = {"session": live.id, "seen": -1, "ideas": [], "totals": {}, "people": 0}
    version = session_version(engine(), live.id)
    if version != board["seen"]:
        news = news_since(engine(), live.id, max(board["seen"], 0))
        known = {idea["id"] for idea in board["ideas"]}
        board["ideas"] += [idea for idea in news.contributions if idea["id"] not in known]
        choices = [(r["id"], str(r["title"])) for r in records(ROUND_KINDS[live.round], workspace_id)]
        figure = vote_totals_chart(choices, news.totals)
        board.update(seen=news.version, totals=news.totals, people=news.people, figure=figure)
    st.session_state[BOARD] = board
    return board


@st.fragment(run_every=0.5)
def live_board(live: LiveView, workspace_id: int) -> None:
    """Reruns twice a second on its own; reads one number unless something changed."""
    if not live.is_open():
        st.warning("This session has closed: its code no longer works.")
        return
    board = _refreshed(live, workspace_id)
    dots = sum(board["totals"].values())
    st.html(STEADY)
    people, ideas, votes = st.columns(3)
    people.metric("People joined", board["people"])
    ideas.metric("Raised in the room", len(board["ideas"]))
    votes.metric(f"Votes on {live.round}", dots)
    st.html(f'<span class="board-state" data-version="{board["seen"]}" data-votes="{dots}"></span>')
    chart(board["figure"], key="live_votes")
    for idea in reversed(board["ideas"][-6:]):
        st.html(
            f'<p style="font-size:24px;margin:0.2em 0"><b>{for_html(idea["title"])}</b> — '
            f"{for_html(idea['department'])}, size {idea['size']} · {for_html(idea['by'])}</p>"
        )


def log_download(live: LiveView) -> None:
    st.download_button(
        "Download the session log (JSON)",
        # Built on the click: the whole log serialised on every rerun of the board was a tenth of its cost.
        lambda: json.dumps(session_log(engine(), live.id), indent=2),
        file_name=f"workshop-{live.code}.json",
        mime="application/json",
        key="live_log",
    )
