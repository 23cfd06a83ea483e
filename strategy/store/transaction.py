"""One write transaction, retried while the database is busy, then refused in words."""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from models.engine import write_session
from strategy.errors import Busy

T = TypeVar("T")
P = ParamSpec("P")
ATTEMPTS = 8
FIRST_PAUSE_S = 0.05
# SQLite's lock messages; PostgreSQL's deadlock and serialisation failure codes.
TRANSIENT_TEXT = ("database is locked", "database is busy", "database table is locked")
TRANSIENT_CODES = {"40P01", "40001"}


def is_transient(error: DBAPIError) -> bool:
    """True for a failure that a later attempt of the same transaction can get past."""
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return code in TRANSIENT_CODES or any(text in str(error.orig).lower() for text in TRANSIENT_TEXT)


def retrying(work: Callable[P, T]) -> Callable[P, T]:
    """Rerun `work` (one whole transaction) with growing, jittered pauses while the database is
    locked, and raise Busy once the attempts are spent. Nothing is half written."""

    @functools.wraps(work)
    def attempt(*args: P.args, **kwargs: P.kwargs) -> T:
        pause = FIRST_PAUSE_S
        for _ in range(ATTEMPTS - 1):
            try:
                return work(*args, **kwargs)
            except DBAPIError as error:
                if not is_transient(error):
                    raise
            time.sleep(pause * (1 + random.random()))
            pause *= 2
        try:
            return work(*args, **kwargs)
        except DBAPIError as error:
            if not is_transient(error):
                raise
            raise Busy(
                "the database is busy with other people's saves; nothing was saved — try again in a moment"
            ) from error

    return attempt


@retrying
def in_transaction(engine: Engine, work: Callable[[Session], T]) -> T:
    """Run `work` in one write transaction, retried while the database is busy."""
    with write_session(engine) as session:
        return work(session)
