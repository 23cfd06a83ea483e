"""Long tables shown a page at a time, with a search box: a table of 1,000 initiatives or 9,600 actuals
costs every click its whole serialisation (and nobody reads 1,000 rows on a projector), so an editor
shows at most PAGE_ROWS rows and the search finds the others."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

PAGE_ROWS = 50
FIND_IN = ("title", "name")


def _text(row: Mapping[str, Any], fields: Sequence[str]) -> str:
    return " ".join(str(row.get(name) or "") for name in fields).lower()


def rows_in_view(
    rows: Sequence[Mapping[str, Any]],
    key: str,
    *,
    find_in: Sequence[str] = FIND_IN,
    size: int = PAGE_ROWS,
    editable: bool = True,
) -> tuple[Sequence[Mapping[str, Any]], str]:
    """The rows to show and a suffix for the editor's key (an editor's unsaved edits belong to the rows
    it was given, so another page or search is another editor). A short table is shown whole, as before."""
    if len(rows) <= size:
        return rows, ""
    find, page = st.columns([2, 1], vertical_alignment="bottom")
    words = find.text_input(
        f"Find among {len(rows):,} rows", key=f"{key}_find", placeholder="words in the " + " or ".join(find_in)
    ).lower()
    found = [r for r in rows if all(w in _text(r, find_in) for w in words.split())] if words.strip() else rows
    pages = max(1, -(-len(found) // size))
    page_key = f"{key}_page"
    if st.session_state.get(page_key, 0) >= pages:  # fewer pages since the last search: back to the first
        st.session_state.pop(page_key, None)
    shown = page.selectbox(
        "Rows shown",
        range(pages),
        format_func=lambda n: f"{n * size + 1:,}–{min((n + 1) * size, len(found)):,} of {len(found):,}",
        key=page_key,
    )
    if not found:
        st.info("No row matches: try fewer or other words.", icon=":material/search_off:")
    if editable:
        st.caption("Save the changes on this page before moving to another page or search.")
    return found[shown * size : (shown + 1) * size], f"_p{shown}_{zlib.crc32(words.encode()):x}"
