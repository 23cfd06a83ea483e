"""Who is using the app: the local user (accounts off) or the signed-in account (passwords, oidc)."""

from __future__ import annotations

import streamlit as st

from models.settings import LOCAL_ONLY, get_settings, is_local_address


def refuse_network_without_accounts() -> None:
    """With accounts off anyone who reaches the server edits everything: serve this machine only."""
    address = st.get_option("server.address")
    if get_settings().accounts == "off" and not is_local_address(address):
        st.error(f"This workbench is listening on {address or 'every network interface'}, but {LOCAL_ONLY}.")
        st.stop()
