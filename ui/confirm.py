"""A delete asks first: the button opens a question naming the record, and only its answer deletes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from models.settings import get_settings
from ui.common import plain
from ui.layout import editing


def confirm_delete(what: str, name: str, *, key: str, on_confirm: Callable[..., None], args: tuple[Any, ...]) -> None:
    """`Delete <what>` opens "Delete <what> “<name>”?" with the one button that deletes; a click
    elsewhere closes it and nothing happens. The delete itself is audited, and binned, by the record service."""
    with editing(key).popover(f"Delete {what}", icon=":material/delete:", key=f"{key}_ask"):
        days = get_settings().recycle_bin_days
        st.markdown(
            f"**Delete {what} “{plain(name)}”?** It stays in the recycle bin for {days} days: restore it from "
            "**History & baselines**."
        )
        st.button(f"Yes, delete this {what}", key=key, on_click=on_confirm, args=args, type="primary")
