"""Who is using the app: the local user (accounts off) or the signed-in account (passwords, oidc).

With accounts on, the signed-in account's name is the audit actor (`ui.common.actor`): it is set
here from a checked password or from the OIDC identity, never from anything typed into a widget.
"""

from __future__ import annotations

import streamlit as st

from models.accounts import Role
from models.settings import LOCAL_ONLY, get_settings, is_local_address
from strategy.store.accounts import SignInLimiter, find_account
from strategy.store.members import participant_only, role_of
from ui.common import SIGNED_IN_AS, engine

READ_ONLY_CSS = '<style>[class*="st-key-editing-"] { display: none !important; }</style>'


def refuse_network_without_accounts() -> None:
    """With accounts off anyone who reaches the server edits everything: serve this machine only."""
    address = st.get_option("server.address")
    if get_settings().accounts == "off" and not is_local_address(address):
        st.error(f"This workbench is listening on {address or 'every network interface'}, but {LOCAL_ONLY}.")
        st.stop()


def accounts_mode() -> str:
    return get_settings().accounts


@st.cache_resource
def limiter() -> SignInLimiter:
    """One per server process: five wrong passwords a minute per name, whichever browser sent them."""
    return SignInLimiter(failures=5, window_s=60)


def _current() -> str | None:
    if accounts_mode() == "oidc":
        identity = str(st.user.get("email") or st.user.get("sub") or "") if st.user.is_logged_in else ""
        st.session_state[SIGNED_IN_AS] = identity or None
    return st.session_state.get(SIGNED_IN_AS)


def signed_in_or_sign_in() -> str | None:
    """The signed-in account's name (None with accounts off). A browser nobody signed in to gets the
    sign-in page and nothing else; a participant-only account gets the workshop's join page."""
    if accounts_mode() == "off":
        return None
    name = _current()
    if not name:
        st.navigation([st.Page("pages/sign_in.py", title="Sign in")], position="hidden").run()
        st.stop()
    if find_account(engine(), name) is None:  # an OIDC identity the operator has not added
        st.error(f"{name} has no account on this workbench: ask its operator to add you (`user add {name} --sso`).")
        st.button("Sign out", on_click=sign_out)
        st.stop()
    st.sidebar.caption(f"Signed in as {name}; the audit trail names you.")
    st.sidebar.button("Sign out", key="sign_out", on_click=sign_out)
    if participant_only(engine(), name):
        st.navigation([st.Page("pages/join.py", title="Join the workshop")], position="hidden").run()
        st.stop()
    return name


def visible_to() -> str | None:
    """Whose workspaces the picker lists: the signed-in account's, or (accounts off) every one."""
    return _current() if accounts_mode() != "off" else None


def workspace_role_shown(workspace_id: int) -> Role | None:
    """A viewer reads: the editing containers (ui.layout.editing) are hidden, and the services refuse
    a viewer's write anyway."""
    name = _current()
    if accounts_mode() == "off" or not name:
        return None
    role = role_of(engine(), workspace_id, name)
    if role is Role.VIEWER:
        st.html(READ_ONLY_CSS)
        st.sidebar.caption("You are a viewer of this workspace: you can read it, not change it.")
    return role


def sign_out() -> None:
    if accounts_mode() == "oidc":
        st.logout()
        return
    for key in (SIGNED_IN_AS, "workspace_id"):
        st.session_state.pop(key, None)
    st.query_params.clear()
