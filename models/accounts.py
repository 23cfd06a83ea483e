"""Accounts and their roles per workspace (used when WORKBENCH_ACCOUNTS is passwords or oidc)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from models.base import utcnow

# Account names as a sign-in form and a command line take them: no spaces, nothing to escape.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,79}$"


class Role(StrEnum):
    """What a member may do in one workspace, from most to least."""

    OWNER = "owner"  # everything, and delete/restore, export, manage members
    EDITOR = "editor"  # read and change the records
    VIEWER = "viewer"  # read only
    PARTICIPANT = "participant"  # the workshop's phone page of a live session, nothing else


class Account(SQLModel, table=True):
    """A person who signs in; an OIDC account has no password hash (the provider vouches for it)."""

    id: int | None = Field(default=None, primary_key=True)
    # The sign-in name, or for OIDC the e-mail the provider gives.
    name: str = Field(max_length=80, unique=True, index=True)
    display_name: str = Field(default="", max_length=120)
    # argon2id, in the PHC string form argon2-cffi writes ("$argon2id$v=19$m=…").
    password_hash: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class Membership(SQLModel, table=True):
    """One account's role in one workspace; gone with either."""

    account_id: int = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    workspace_id: int = Field(foreign_key="workspace.id", primary_key=True, index=True, ondelete="CASCADE")
    role: str = Field(max_length=12)
