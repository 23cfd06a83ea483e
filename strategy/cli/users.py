"""`user add|passwd|remove|list|grant|revoke`: the accounts people sign in with (WORKBENCH_ACCOUNTS)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from strategy.cli.app import GuardedTyper, actor, app, emit_json, open_engine, workspace_arg
from strategy.store.accounts import add_account, list_accounts, remove_account, set_password
from strategy.store.members import grant, revoke

users = GuardedTyper(help="Accounts and their roles per workspace (used when WORKBENCH_ACCOUNTS is on).")
app.add_typer(users, name="user")

PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="read the password from the first line of standard input")
]


def _password(from_stdin: bool) -> str:
    """From a pipe (scripts), or typed twice without echo; never from the command line, where the
    shell history and the process list would keep it."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users.command("add")
def add(
    name: Annotated[str, typer.Argument(help="the sign-in name (for OIDC: the e-mail the provider gives)")],
    display_name: Annotated[str, typer.Option("--display-name", help="the name shown in the app")] = "",
    sso: Annotated[bool, typer.Option("--sso", help="signs in through OIDC: no password")] = False,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add an account; then give it a role in a workspace with `user grant`."""
    password = None if sso else _password(password_stdin)
    account = add_account(open_engine(), name, password=password, display_name=display_name)
    typer.echo(f"added {account.name}" + (" (single sign-on)" if sso else ""))


@users.command("passwd")
def passwd(name: Annotated[str, typer.Argument()], password_stdin: PasswordStdin = False) -> None:
    """Set a new password for an account."""
    set_password(open_engine(), name, _password(password_stdin))
    typer.echo(f"password changed for {name.strip()}")


@users.command("remove")
def remove(name: Annotated[str, typer.Argument()]) -> None:
    """Remove an account and its memberships (what it wrote stays in the audit trail)."""
    remove_account(open_engine(), name)
    typer.echo(f"removed {name.strip()}")


@users.command("list")
def list_users(as_json: Annotated[bool, typer.Option("--json", help="print the accounts as JSON")] = False) -> None:
    """Every account and its role in each workspace."""
    found = list_accounts(open_engine())
    if as_json:
        emit_json(found)
        return
    for account in found:
        roles = ", ".join(f"{workspace}: {role}" for workspace, role in account.roles.items()) or "no workspace"
        kind = "single sign-on" if account.sso else "password"
        typer.echo(f"{account.name}\t{account.display_name}\t{kind}\t{roles}")


@users.command("grant")
def grant_role(
    name: Annotated[str, typer.Argument()],
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    role: Annotated[str, typer.Argument(help="owner, editor, viewer or participant")],
) -> None:
    """Give an account a role in a workspace (or change the role it has)."""
    engine = open_engine()
    found = workspace_arg(engine, workspace)
    grant(engine, found.id or 0, name, role, actor=actor())
    typer.echo(f"{name.strip()} is {role.strip().lower()} of {found.name}")


@users.command("revoke")
def revoke_role(
    name: Annotated[str, typer.Argument()],
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
) -> None:
    """Take an account out of a workspace."""
    engine = open_engine()
    found = workspace_arg(engine, workspace)
    revoke(engine, found.id or 0, name, actor=actor())
    typer.echo(f"{name.strip()} is no longer a member of {found.name}")
