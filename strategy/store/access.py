"""Who may do what in a workspace, checked inside the services' own transactions.

With accounts off (the default) the one local user owns everything and nothing changes. With
accounts on, the audit actor is the signed-in account's name and `require` refuses whatever its role
in the workspace does not allow, whichever page, tab or script called the service.
"""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session, select

from models.accounts import Account, Membership, Role
from models.settings import get_settings
from strategy.errors import WorkbenchError

# The command line runs on the server with the database's own credentials: it acts for the operator.
# No account can take this name (account names start with a letter or a digit).
OPERATOR = "(command line)"


class Action(StrEnum):
    READ = "read"
    EDIT = "edit"
    OWN = "own"  # delete or restore the workspace, export it, manage its members


ALLOWED: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset({Role.OWNER, Role.EDITOR, Role.VIEWER}),
    Action.EDIT: frozenset({Role.OWNER, Role.EDITOR}),
    Action.OWN: frozenset({Role.OWNER}),
}
REFUSAL = {
    Action.READ: "see this workspace",
    Action.EDIT: "change this workspace (viewers read; participants take part in a live session only)",
    Action.OWN: "do this: deleting or restoring a workspace, exporting it and managing its members are the owner's",
}


class Forbidden(WorkbenchError):
    """The signed-in person's role does not allow the action; nothing was written."""


def accounts_on() -> bool:
    return get_settings().accounts != "off"


def account_named(session: Session, name: str) -> Account | None:
    return session.exec(select(Account).where(Account.name == name)).first()


def role_in(session: Session, workspace_id: int, actor: str) -> Role | None:
    """The actor's role in the workspace (owner for everyone when accounts are off)."""
    if not accounts_on() or actor == OPERATOR:
        return Role.OWNER
    statement = (
        select(Membership.role)
        .join(Account, Account.id == Membership.account_id)  # type: ignore[arg-type]
        .where(Account.name == actor, Membership.workspace_id == workspace_id)
    )
    found = session.exec(statement).first()
    return Role(found) if found else None


def require(session: Session, workspace_id: int, actor: str, action: Action) -> None:
    """Refuse, in words, an action the actor's role in the workspace does not allow."""
    role = role_in(session, workspace_id, actor)
    if role is None:
        raise Forbidden(f"{actor} is not a member of this workspace: ask its owner to add you")
    if role not in ALLOWED[action]:
        raise Forbidden(f"as {role.value} of this workspace, {actor} may not {REFUSAL[action]}")


def require_account(session: Session, actor: str) -> Account | None:
    """For creating a workspace: with accounts on, only a signed-in account (or the operator) may,
    and it becomes the owner. Returns the account to make owner, or None."""
    if not accounts_on() or actor == OPERATOR:
        return None
    account = account_named(session, actor)
    if account is None:
        raise Forbidden(f"{actor!r} is not an account: sign in first")
    return account


def make_owner(session: Session, workspace_id: int, actor: str) -> None:
    """The creator of a workspace (an import, a duplicate) owns it."""
    account = require_account(session, actor)
    if account is not None and account.id is not None:
        session.add(Membership(account_id=account.id, workspace_id=workspace_id, role=Role.OWNER.value))


def visible_workspace_ids(session: Session, actor: str) -> set[int] | None:
    """The workspaces the actor may open (participants open none: they join a live session by code);
    None means every workspace (accounts off, or the operator)."""
    if not accounts_on() or actor == OPERATOR:
        return None
    statement = (
        select(Membership.workspace_id)
        .join(Account, Account.id == Membership.account_id)  # type: ignore[arg-type]
        .where(Account.name == actor, Membership.role != Role.PARTICIPANT.value)
    )
    return set(session.exec(statement).all())
