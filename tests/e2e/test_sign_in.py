"""Journeys with accounts on, in Chromium against a real server: signing in with a password, and the
whole OIDC redirect flow against a local OpenID Connect provider (oidc-provider-mock)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import Page, expect

from models.settings import Settings
from strategy.store.access import OPERATOR
from strategy.store.accounts import add_account
from strategy.store.database import ensure_database
from strategy.store.members import grant
from tests.e2e.servers import app_env, running_apps

pytestmark = pytest.mark.e2e

SAMPLE = "Meridian Outdoor Co-op"
PASSWORD = "correct horse battery"


def database(path: Path, mode: str, *people: tuple[str, str | None]) -> None:
    """The sample loaded, and each (name, password or None for single sign-on) made its editor."""
    engine, _ = ensure_database(Settings(database_url=f"sqlite:///{path}", accounts=mode))  # type: ignore[arg-type]
    for name, password in people:
        add_account(engine, name, password=password)
        grant(engine, 1, name, "editor", actor=OPERATOR)
    engine.dispose()


@pytest.fixture
def password_app(tmp_path: Path) -> Iterator[str]:
    database(tmp_path / "accounts.db", "passwords", ("ana", PASSWORD))
    env = app_env(WORKBENCH_SQLITE_PATH=str(tmp_path / "accounts.db"), WORKBENCH_ACCOUNTS="passwords")
    with running_apps([env], tmp_path) as [url]:
        yield url


def test_sign_in_with_a_password_then_sign_out(password_app: str, page: Page):
    page.goto(password_app)
    main = page.get_by_test_id("stMain")
    form = page.get_by_test_id("stForm")
    form.get_by_label("Name").fill("ana")
    form.get_by_label("Password", exact=True).fill("not her password")
    form.get_by_role("button", name="Sign in").click()
    expect(main.get_by_text("Not signed in: the name or the password is wrong.")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")).to_have_count(0)

    form.get_by_label("Name").fill("ana")
    form.get_by_label("Password", exact=True).fill(PASSWORD)
    form.get_by_role("button", name="Sign in").click()
    expect(main.get_by_role("heading", name=SAMPLE)).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Signed in as ana; the audit trail names you.")).to_be_visible()

    sidebar.get_by_role("button", name="Sign out").click()
    expect(page.get_by_test_id("stForm").get_by_role("button", name="Sign in")).to_be_visible()
    expect(main.get_by_role("heading", name=SAMPLE)).to_have_count(0)


@pytest.fixture
def oidc_app(tmp_path: Path) -> Iterator[str]:
    """A local provider, a secrets.toml pointing Streamlit's st.login at it, and the app in oidc mode.
    The provider is reached as localhost and the app as 127.0.0.1: two hosts, so their cookies stay apart."""
    database(tmp_path / "oidc.db", "oidc", ("ana@example.org", None))
    with run_server_in_thread(port=0) as provider:
        secrets_file = tmp_path / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "crm-workbench"\n'
            f'client_secret = "{secrets.token_hex(16)}"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n'
        )
        env = app_env(
            WORKBENCH_SQLITE_PATH=str(tmp_path / "oidc.db"),
            WORKBENCH_ACCOUNTS="oidc",
            STREAMLIT_SECRETS_FILES=str(secrets_file),
        )
        with running_apps([env], tmp_path) as [url]:
            yield url


def _sign_in_at_the_provider(page: Page, app: str, subject: str) -> None:
    page.goto(app)
    page.get_by_test_id("stMain").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()  # the provider's own page
    page.get_by_placeholder("sub").fill(subject)
    page.get_by_role("button", name="Authorize").click()


def test_sign_in_through_the_oidc_provider(oidc_app: str, page: Page):
    _sign_in_at_the_provider(page, oidc_app, "ana@example.org")
    main, sidebar = page.get_by_test_id("stMain"), page.get_by_test_id("stSidebar")
    expect(main.get_by_role("heading", name=SAMPLE)).to_be_visible()
    expect(sidebar.get_by_text("Signed in as ana@example.org; the audit trail names you.")).to_be_visible()
    assert page.url.startswith(oidc_app)


def test_an_identity_with_no_account_here_is_not_let_in(oidc_app: str, page: Page):
    _sign_in_at_the_provider(page, oidc_app, "eve@example.org")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("eve@example.org has no account on this workbench")).to_be_visible()
    expect(main.get_by_role("heading", name=SAMPLE)).to_have_count(0)
