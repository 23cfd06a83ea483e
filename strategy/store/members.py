"""A workspace's members and their roles: the owner's to manage (the command line acts as operator)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from models.accounts import Account, Membership, Role
from models.engine import read_session
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound
from strategy.store.access import Action, account_named, require, role_in
from strategy.store.audit import record_event
from strategy.store.transaction import in_transaction


@dataclass(frozen=True)
class Member:
    name: str
    display_name: str
    role: str


def role_of(engine: Engine, workspace_id: int, actor: str) -> Role | None:
    """The actor's role in the workspace, for a page deciding what to show (owner when accounts are off)."""
    with read_session(engine) as session:
        return role_in(session, workspace_id, actor)


def members(engine: Engine, workspace_id: int, *, actor: str) -> list[Member]:
    with read_session(engine) as session:
        require(session, workspace_id, actor, Action.OWN)
        statement = (
            select(Account.name, Account.display_name, Membership.role)
            .join(Membership, Membership.account_id == Account.id)  # type: ignore[arg-type]
            .where(Membership.workspace_id == workspace_id)
            .order_by(col(Account.name))
        )
        return [Member(*row) for row in session.exec(statement)]


def _role(role: str) -> Role:
    try:
        return Role(role.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput([FieldError("role", f"must be one of {choices}")]) from None


def refuse_losing_last_owner(session: Session, workspace_id: int, account: Account) -> None:
    """A workspace keeps at least one owner, or nobody could delete it or manage its members again."""
    owners = select(Membership.account_id).where(
        Membership.workspace_id == workspace_id, Membership.role == Role.OWNER.value
    )
    found = set(session.exec(owners.with_for_update()).all())
    if found == {account.id}:
        raise Conflict(f"{account.name} is this workspace's only owner: make someone else owner first")


def _audit(
    session: Session, workspace_id: int, actor: str, account: Account, before: str | None, after: str | None
) -> None:
    """Membership changes go in the workspace's audit trail like any record's."""
    action = "create" if before is None else "delete" if after is None else "update"
    record_event(
        session,
        workspace_id=workspace_id,
        actor=actor,
        table_name="membership",
        row_id=account.id or 0,
        action=action,
        before=None if before is None else {"account": account.name, "role": before},
        after=None if after is None else {"account": account.name, "role": after},
    )


def grant(engine: Engine, workspace_id: int, name: str, role: str, *, actor: str) -> None:
    """Make the account a member with this role, or change its role."""
    wanted = _role(role)

    def work(session: Session) -> None:
        require(session, workspace_id, actor, Action.OWN)
        account = account_named(session, name.strip())
        if account is None or account.id is None:
            raise NotFound(f"no account is named {name.strip()!r}: add it with `python -m strategy user add`")
        current = session.get(Membership, (account.id, workspace_id))
        if current is None:
            session.add(Membership(account_id=account.id, workspace_id=workspace_id, role=wanted.value))
            _audit(session, workspace_id, actor, account, None, wanted.value)
            return
        if current.role == Role.OWNER.value and wanted is not Role.OWNER:
            refuse_losing_last_owner(session, workspace_id, account)
        _audit(session, workspace_id, actor, account, current.role, wanted.value)
        current.role = wanted.value
        session.add(current)

    in_transaction(engine, work)


def revoke(engine: Engine, workspace_id: int, name: str, *, actor: str) -> None:
    def work(session: Session) -> None:
        require(session, workspace_id, actor, Action.OWN)
        account = account_named(session, name.strip())
        current = None if account is None else session.get(Membership, (account.id, workspace_id))
        if account is None or current is None:
            raise NotFound(f"{name.strip()!r} is not a member of this workspace")
        if current.role == Role.OWNER.value:
            refuse_losing_last_owner(session, workspace_id, account)
        _audit(session, workspace_id, actor, account, current.role, None)
        session.delete(current)

    in_transaction(engine, work)


def participant_only(engine: Engine, name: str) -> bool:
    """True for an account that takes part in workshops and is no other kind of member anywhere."""
    with read_session(engine) as session:
        statement = (
            select(Membership.role)
            .join(Account, Account.id == Membership.account_id)  # type: ignore[arg-type]
            .where(Account.name == name)
        )
        roles = set(session.exec(statement).all())
    return roles == {Role.PARTICIPANT.value}
