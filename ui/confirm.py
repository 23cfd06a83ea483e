"""A delete asks first: the button opens a question naming the record, and only its answer deletes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.common import plain
from ui.layout import editing


def confirm_delete(what: str, name: str, *, key: str, on_confirm: Callable[..., None], args: tuple[Any, ...]) -> None:
    """`Delete <what>` opens "Delete <what> “<name>”?" with the one button that deletes; a click
    elsewhere closes it and nothing happens. The delete itself is audited by the record service."""
    with editing(key).popover(f"Delete {what}", icon=":material/delete:", key=f"{key}_ask"):
        st.markdown(f"**Delete {what} “{plain(name)}”?** There is no undo; the audit trail keeps what it held.")
        st.button(f"Yes, delete this {what}", key=key, on_click=on_confirm, args=args, type="primary")
