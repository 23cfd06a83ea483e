"""Brief: pick the sections and a format, build the strategy brief, download it."""

from __future__ import annotations

import streamlit as st

from strategy.brief.builder import SECTIONS
from strategy.brief.export import FORMATS, export_brief
from strategy.errors import WorkbenchError
from strategy.progress import journey_progress
from ui.common import all_records, engine, show_error, version, workspace

current = workspace()
ws_id = current.id or 0
st.title("Strategy brief")
st.caption(
    "What leaves the room: a brief an executive can forward to the board without editing it. "
    "Every figure comes from the records as they are now."
)

if not any(step.score for step in journey_progress(all_records(ws_id))):  # every section would say "not yet"
    st.info(
        "Nothing recorded yet, so every section of the brief would say so. Start with the **Business need** "
        "page; the brief fills in as the journey goes.",
        icon=":material/flag:",
    )

titles = {spec.key: spec.title for spec in SECTIONS}
chosen = st.multiselect(
    "Sections", list(titles), default=list(titles), format_func=titles.__getitem__, key="brief_sections"
)
fmt = st.radio("Format", list(FORMATS), format_func=lambda k: FORMATS[k].label, horizontal=True, key="brief_format")

if st.button("Build the brief", type="primary", disabled=not chosen):
    bar = st.progress(0.0, text="Starting…")

    def report(share: float, message: str) -> None:
        bar.progress(min(share, 1.0), text=message)

    try:
        made = export_brief(engine(), ws_id, fmt, sections=chosen, progress=report)
    except (WorkbenchError, ValueError, OSError) as error:
        show_error(error)
    else:
        st.session_state["brief_file"] = (ws_id, version(ws_id), made)
        bar.empty()

built = st.session_state.get("brief_file")
if built and built[0] == ws_id:
    _, built_version, made = built
    if built_version != version(ws_id):
        st.warning("The records changed after this brief was built: build it again to include the changes.")
    st.success(f"Ready: {made.filename} ({len(made.content) / 1024:.0f} KiB)")
    st.download_button(
        f"Download {made.filename}", data=made.content, file_name=made.filename, mime=made.mime, type="primary"
    )
