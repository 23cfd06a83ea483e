"""Open the configured database, bring it to the newest schema, and seed it on first run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, func, text
from sqlmodel import select

from models.engine import make_engine, read_session
from models.migrate import upgrade_to_head
from models.settings import Settings, get_settings
from models.workspace import Workspace
from strategy.store.access import OPERATOR

START_LOCK = 0x43524D57  # "CRMW": the advisory lock every app process takes while it upgrades and seeds


def ensure_database(settings: Settings | None = None) -> tuple[Engine, Workspace | None]:
    """An upgraded engine, and the sample workspace if this call loaded it into an empty database."""
    settings = settings or get_settings()
    engine = make_engine(settings.url, busy_timeout_ms=settings.sqlite_busy_timeout_ms)
    with one_starting_at_a_time(engine):
        upgrade_to_head(engine)
        loaded = None
        if settings.load_sample and is_empty(engine):
            # With accounts on, nobody is signed in yet: the operator loads it (and grants it with `user grant`).
            loader = OPERATOR if settings.accounts != "off" else "sample loader"
            loaded = load_sample(engine, settings.sample_path, actor=loader)
    return engine, loaded


@contextmanager
def one_starting_at_a_time(engine: Engine) -> Iterator[None]:
    """On a server database, app processes that start together (replicas behind a load balancer) take
    turns to upgrade and seed: otherwise two create the same tables, or load the sample twice. The lock
    is PostgreSQL's advisory lock for this transaction, so it goes with the transaction however it ends."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": START_LOCK})
        yield


def is_empty(engine: Engine) -> bool:
    with read_session(engine) as session:
        return session.exec(select(func.count()).select_from(Workspace)).one() == 0


SAMPLE_BASELINE = "Board approved, March"


def load_sample(engine: Engine, path: Path, *, actor: str) -> Workspace:
    """The sample strategy, and its baseline (X.baseline.json beside X.json) so the History page has
    a comparison to show on the first run."""
    from strategy.store.baselines import save_baseline  # only a first run loads a document
    from strategy.store.interchange import import_document, parse_document

    workspace = import_document(engine, parse_document(path.read_bytes()), actor=actor)
    baseline = path.with_suffix(".baseline.json")
    if baseline.exists():
        document = parse_document(baseline.read_bytes())
        save_baseline(engine, workspace.id or 0, SAMPLE_BASELINE, actor=actor, document=document)
    return workspace


@lru_cache(maxsize=4)
def shared_engine(url: str) -> Engine:
    """One upgraded (and, if empty, seeded) engine per URL for the life of the process."""
    settings = get_settings().model_copy(update={"database_url": url})
    return ensure_database(settings)[0]
