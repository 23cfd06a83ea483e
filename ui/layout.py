"""The default layout in one place: the stylesheet every page shares and the sidebar's frame.

Type sizes come from `.streamlit/config.toml` (baseFontSize 23 puts Streamlit's small text, which
labels, inputs, buttons, tabs and table cells use, at 20 px); this stylesheet adds what the theme
cannot say: spacing, contrast, tiles that wrap instead of truncating.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

# Captions and help text: #4a4a4a on white is 8.9:1 (Streamlit's faded grey is 3.9:1).
MUTED_TEXT = "#4a4a4a"
# Below this width a wide chart (the Gantt, the health bars) gives way to its phone layout, a list.
PHONE_WIDTH = 640

DEFAULT_CSS = f"""
[data-testid="stMainBlockContainer"] {{ padding: 2.5rem 3rem 4rem; }}
@media (max-width: 1400px) {{
  [data-testid="stMainBlockContainer"] {{ padding: 1.5rem 0.75rem 3rem; }}
  section[data-testid="stSidebar"] {{ width: 270px !important; min-width: 270px !important; }}
  [data-testid="stSidebarContent"] {{ padding-left: 0.4rem; padding-right: 0.4rem; }}
  [data-testid="stSidebarUserContent"] {{ padding-left: 0.6rem; padding-right: 0.6rem; }}
}}
[data-testid="stSidebarHeader"] {{ height: 2.5rem; margin-bottom: 0; }}
div[data-testid="stCaptionContainer"], div[data-testid="stCaptionContainer"] * {{ color: {MUTED_TEXT}; opacity: 1; }}
[data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) {{ flex-wrap: wrap; row-gap: 0.5rem; }}
[data-testid="stColumn"]:has([data-testid="stMetric"]) {{ min-width: 9rem; }}
[data-testid="stMetric"] [data-testid="stMarkdownContainer"], [data-testid="stMetric"] p {{
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;
}}
[data-testid="stMetricValue"] {{ font-size: 1.6rem; line-height: 1.2; }}
[data-testid="stTable"] table {{ width: 100%; table-layout: auto; }}
[data-testid="stTable"] :is(th, td) {{ padding: 0.3rem 0.2rem; }}
[data-testid="stMarkdownContainer"] code {{ font-size: 0.9em; }}
/* A page's name in the sidebar wraps onto a second line rather than ending in "…" at 270 px. */
[data-testid="stPageLink-NavLink"] :is(span, p) {{
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.25;
}}
.nav-section {{ margin: 0.8rem 0 0.1rem; font-weight: 600; color: {MUTED_TEXT}; }}
[data-testid="stWidgetLabelRequired"] {{ font-size: 1em; }}  /* "(required)" as large as its label */
[class*="st-key-phone-"] {{ display: none; }}
@media (max-width: {PHONE_WIDTH}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: 4.25rem; }}  /* clear the phone's toolbar */
  [class*="st-key-wide-"] {{ display: none; }}
  [class*="st-key-phone-"] {{ display: flex; }}
}}
"""


def apply_default_layout() -> None:
    """The shared stylesheet, added once per run by app.py (a style-only block takes no space)."""
    st.html(f"<style>{DEFAULT_CSS}</style>")


def wide_only(name: str) -> DeltaGenerator:
    """A container shown on screens wider than a phone; pair it with `phone_only(name)`."""
    return st.container(key=f"wide-{name}")


def phone_only(name: str) -> DeltaGenerator:
    """A container shown only on a phone: the same content in a form a narrow screen can read.
    The server cannot know the screen's width, so both are sent and the stylesheet shows one."""
    return st.container(key=f"phone-{name}")


def editing(name: str) -> DeltaGenerator:
    """A container for the desk's editing widgets (pickers, forms, delete buttons): the projector
    hides it, and keeps it rendered, so nothing typed is lost when the room looks away."""
    return st.container(key=f"editing-{name}")


def sidebar_links(sections: Mapping[str, Sequence[st.Page]], carried: dict[str, str]) -> None:
    """The journey's pages as links under the workspace picker; each link carries the workspace
    and the user's name, so a link opened in a new tab stays in the same workspace as the same person."""
    for section, pages in sections.items():
        st.sidebar.html(f'<p class="nav-section">{section}</p>')
        for page in pages:
            st.sidebar.page_link(page, query_params=carried, width="stretch")
