"""Sign in: the only page (with the workshop's join page) a browser sees before it has an account."""

from __future__ import annotations

import streamlit as st

from strategy.store.accounts import SignInRefused, sign_in
from ui.accounts import accounts_mode, limiter
from ui.common import SIGNED_IN_AS, engine

REFUSED = "sign_in_refused"


def _sign_in() -> None:
    s = st.session_state
    name, password = str(s.get("sign_in_name") or ""), str(s.get("sign_in_password") or "")
    s.sign_in_password = ""  # not kept in the session once tried
    try:
        s[SIGNED_IN_AS] = sign_in(engine(), name, password, limiter()).name
    except SignInRefused as refused:
        s[REFUSED] = f"Not signed in: {refused}."


st.title("CRM Strategy Workbench")
if refused := st.session_state.pop(REFUSED, None):
    st.error(refused, icon=":material/lock:")
if accounts_mode() == "oidc":
    st.write("Sign in with your organisation's account.")
    st.button("Sign in", type="primary", on_click=st.login)
else:
    with st.form("sign_in_form"):
        st.text_input("Name", key="sign_in_name", autocomplete="username")
        st.text_input("Password", key="sign_in_password", type="password", autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_sign_in)
st.caption("In a workshop? Open the link or scan the code on the screen to join from your phone.")
