"""`python -m strategy user …`: accounts and roles from the command line, with argon2id hashes."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from models.accounts import Account
from models.engine import read_session
from models.settings import get_settings
from strategy.__main__ import app
from strategy.store.accounts import SignInLimiter, SignInRefused, sign_in
from strategy.store.database import shared_engine

runner = CliRunner()
PASSWORD = "correct horse battery"
WORKSPACE = "Meridian Outdoor Co-op"


def run(*args: str, typed: str | None = None):
    return runner.invoke(app, list(args), input=typed)


def engine():
    return shared_engine(get_settings().url)


def test_a_password_typed_twice_is_stored_as_an_argon2id_hash_and_signs_in(cli_db):
    added = run("user", "add", "ana", "--display-name", "Ana Silva", typed=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0, added.output
    assert "added ana" in added.output and PASSWORD not in added.output  # the prompt does not echo it
    with read_session(engine()) as session:
        stored = session.exec(select(Account)).one()
    assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash
    assert sign_in(engine(), "ana", PASSWORD, SignInLimiter()).display_name == "Ana Silva"


def test_passwd_from_stdin_replaces_the_password(cli_db):
    run("user", "add", "ana", "--password-stdin", typed=f"{PASSWORD}\n")
    assert run("user", "passwd", "ana", "--password-stdin", typed="a new long secret\n").exit_code == 0
    with pytest.raises(SignInRefused, match="the name or the password is wrong"):
        sign_in(engine(), "ana", PASSWORD, SignInLimiter())
    assert sign_in(engine(), "ana", "a new long secret", SignInLimiter()).name == "ana"


def test_grant_list_revoke_and_remove(cli_db):
    run("init")
    run("user", "add", "ana", "--password-stdin", typed=f"{PASSWORD}\n")
    run("user", "add", "bo@example.org", "--sso")
    assert run("user", "grant", "ana", WORKSPACE, "owner").output == f"ana is owner of {WORKSPACE}\n"
    assert run("user", "grant", "bo@example.org", "1", "Viewer").exit_code == 0
    listed = json.loads(run("user", "list", "--json").output)
    assert listed == [
        {"name": "ana", "display_name": "", "sso": False, "roles": {WORKSPACE: "owner"}},
        {"name": "bo@example.org", "display_name": "", "sso": True, "roles": {WORKSPACE: "viewer"}},
    ]
    assert "password_hash" not in run("user", "list").output
    assert run("user", "revoke", "bo@example.org", WORKSPACE).exit_code == 0
    assert run("user", "remove", "bo@example.org").output == "removed bo@example.org\n"
    assert [a["name"] for a in json.loads(run("user", "list", "--json").output)] == ["ana"]


def test_an_sso_account_never_signs_in_with_a_password(cli_db):
    run("user", "add", "bo@example.org", "--sso")
    with pytest.raises(SignInRefused, match="the name or the password is wrong"):
        sign_in(engine(), "bo@example.org", "", SignInLimiter())


BAD = [
    (("user", "add", "has space", "--sso"), None, "Name must be 1 to 80 letters, digits or . _ @ + -"),
    (("user", "add", "ana", "--password-stdin"), "short\n", "Password must be 10 to 1024 characters."),
    (("user", "passwd", "nobody", "--password-stdin"), f"{PASSWORD}\n", "no account is named 'nobody'"),
    (("user", "remove", "nobody"), None, "no account is named 'nobody'"),
    (("user", "grant", "nobody", WORKSPACE, "editor"), None, "no account is named 'nobody'"),
    (("user", "grant", "ana", WORKSPACE, "boss"), None, "Role must be one of owner, editor, viewer, participant."),
    (("user", "grant", "ana", "No such plan", "editor"), None, "no workspace is named or numbered 'No such plan'"),
    (("user", "revoke", "ana", WORKSPACE), None, "ana is this workspace's only owner: make someone else owner first"),
    (("user", "add", "ana", "--sso"), None, "Name: an account named 'ana' already exists."),
]


@pytest.mark.parametrize(("args", "typed", "message"), BAD)
def test_bad_input_exits_2_with_a_clear_message(cli_db, args, typed, message):
    run("init")
    run("user", "add", "ana", "--password-stdin", typed=f"{PASSWORD}\n")
    run("user", "grant", "ana", WORKSPACE, "owner")
    result = run(*args, typed=typed)
    assert message in result.output
    assert result.exit_code == 2


def test_a_password_typed_differently_twice_adds_nobody(cli_db):
    result = run("user", "add", "ana", typed=f"{PASSWORD}\nsomething else\n")
    assert "The two entered values do not match" in result.output and result.exit_code != 0
    assert json.loads(run("user", "list", "--json").output) == []


def test_five_wrong_passwords_in_a_minute_hold_the_name_back():
    now = [1000.0]
    limiter = SignInLimiter(failures=5, window_s=60, clock=lambda: now[0])
    for _ in range(5):
        limiter.failed("Ana")
    assert limiter.wait_s("ana") == 60 and limiter.wait_s("bo") == 0
    now[0] += 61
    assert limiter.wait_s("ana") == 0


def test_names_sprayed_at_the_form_are_forgotten_once_their_minute_is_over():
    now = [0.0]
    limiter = SignInLimiter(failures=5, window_s=60, clock=lambda: now[0])
    for number in range(1000):
        limiter.failed(f"guess-{number}" + "x" * 10_000)
    assert limiter.names_held() == 1000
    now[0] += 61
    assert limiter.names_held() == 0
