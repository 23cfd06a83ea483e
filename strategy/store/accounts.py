"""Accounts: add, change the password of, remove and list the people who sign in, and check a sign-in.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's second recommendation); an
OIDC account has no hash, its provider vouches for it, so it can never sign in with a password.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from models.accounts import NAME_PATTERN, Account, Membership
from models.engine import read_session
from models.workspace import Workspace
from strategy.errors import FieldError, InvalidInput, NotFound, WorkbenchError
from strategy.store.access import account_named
from strategy.store.members import refuse_losing_last_owner
from strategy.store.transaction import in_transaction

MIN_PASSWORD = 10
MAX_NAME = 80  # models.accounts.NAME_PATTERN
MAX_PASSWORD = 1024  # argon2 takes any length; a megabyte of "password" is only a way to burn CPU
HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so a wrong name costs as long as a wrong password
    (made on first use: every command line start would pay for it otherwise)."""
    return HASHER.hash("not a password of anyone")


class SignInRefused(WorkbenchError):
    """The name or the password is wrong (which one is not said), or too many tries."""


@dataclass(frozen=True)
class AccountView:
    """An account as the command line lists it: never its hash."""

    name: str
    display_name: str
    sso: bool
    roles: dict[str, str]  # workspace name -> role


def _valid_name(name: str) -> str:
    name = name.strip()
    if not re.fullmatch(NAME_PATTERN, name):
        raise InvalidInput(
            [FieldError("name", "must be 1 to 80 letters, digits or . _ @ + -, starting with a letter or digit")]
        )
    return name


def _hash(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput([FieldError("password", f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters")])
    if password != password.strip():
        raise InvalidInput([FieldError("password", "must not begin or end with a space")])
    return HASHER.hash(password)


def add_account(engine: Engine, name: str, *, password: str | None, display_name: str = "") -> Account:
    """A new account; `password=None` makes an OIDC (single sign-on) account with no password."""
    name = _valid_name(name)
    account = Account(
        name=name,
        display_name=display_name.strip()[:120],
        password_hash=None if password is None else _hash(password),
    )

    def work(session: Session) -> Account:
        if account_named(session, name) is not None:
            raise InvalidInput([FieldError("name", f"an account named {name!r} already exists")])
        session.add(account)
        session.flush()
        return account

    try:
        return in_transaction(engine, work)
    except IntegrityError as exc:  # two adds of one name at once: the unique index decides
        raise InvalidInput([FieldError("name", f"an account named {name!r} already exists")]) from exc


def _existing(session: Session, name: str) -> Account:
    account = account_named(session, name.strip())
    if account is None:
        raise NotFound(f"no account is named {name.strip()!r}")
    return account


def set_password(engine: Engine, name: str, password: str) -> None:
    hashed = _hash(password)

    def work(session: Session) -> None:
        account = _existing(session, name)
        account.password_hash = hashed
        session.add(account)

    in_transaction(engine, work)


def remove_account(engine: Engine, name: str) -> None:
    """The account and its memberships; what it wrote stays in the audit trail under its name."""

    def work(session: Session) -> None:
        account = _existing(session, name)

        for membership in session.exec(select(Membership).where(Membership.account_id == account.id)):
            refuse_losing_last_owner(session, membership.workspace_id, account)
        session.delete(account)

    in_transaction(engine, work)


def list_accounts(engine: Engine) -> list[AccountView]:
    with read_session(engine) as session:
        accounts = session.exec(select(Account).order_by(col(Account.name))).all()
        roles: dict[int, dict[str, str]] = defaultdict(dict)
        statement = select(Membership.account_id, Workspace.name, Membership.role).join(
            Workspace,
            Workspace.id == Membership.workspace_id,  # type: ignore[arg-type]
        )
        for account_id, workspace, role in session.exec(statement):
            roles[account_id][workspace] = role
        return [
            AccountView(a.name, a.display_name, a.password_hash is None, dict(sorted(roles[a.id or 0].items())))
            for a in accounts
        ]


def check_password(engine: Engine, name: str, password: str) -> Account | None:
    """The account if the password is its own; None otherwise (same time whether the name exists or not)."""
    with read_session(engine) as session:
        account = account_named(session, name.strip())
    stored = account.password_hash if account is not None else None
    try:
        HASHER.verify(stored or _dummy_hash(), password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    return account if stored else None


class SignInLimiter:
    """At most `failures` wrong sign-ins per name in `window_s`; the app keeps one per server process."""

    def __init__(self, failures: int = 5, window_s: float = 60, clock: Callable[[], float] = time.monotonic) -> None:
        self.failures, self.window_s, self.clock = failures, window_s, clock
        self._failed: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, name: str) -> float:
        """Seconds until this name may try again (0 when it may now)."""
        with self._lock:
            recent = self._recent(name)
            if len(recent) < self.failures:
                return 0
            return max(recent[0] + self.window_s - self.clock(), 0.0)

    def failed(self, name: str) -> None:
        with self._lock:
            recent = self._recent(name)
            recent.append(self.clock())
            self._failed[self._key(name)] = recent

    def names_held(self) -> int:
        """How many names have failures within the window (the memory the limiter keeps)."""
        with self._lock:
            for name in list(self._failed):
                self._recent(name)
            return len(self._failed)

    @staticmethod
    def _key(name: str) -> str:
        return name.strip().lower()[:MAX_NAME]

    def _recent(self, name: str) -> deque[float]:
        """The name's failures within the window; a name with none is forgotten, so names sprayed at
        the form do not pile up in memory."""
        key = self._key(name)
        found = self._failed.pop(key, deque())
        while found and found[0] <= self.clock() - self.window_s:
            found.popleft()
        if found:
            self._failed[key] = found
        return found


def sign_in(engine: Engine, name: str, password: str, limiter: SignInLimiter) -> Account:
    """The account, or SignInRefused in words that do not say whether the name exists."""
    wait = limiter.wait_s(name)
    if wait > 0:
        raise SignInRefused(f"too many failed sign-ins for this name: wait {int(wait) + 1} seconds and try again")
    account = check_password(engine, name, password)
    if account is None:
        limiter.failed(name)
        raise SignInRefused("the name or the password is wrong")
    return account


def find_account(engine: Engine, name: str) -> Account | None:
    with read_session(engine) as session:
        return account_named(session, name.strip())
