"""The sample strategy loaded once for the brief's tests."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from sqlmodel import SQLModel

    from models.engine import make_engine
    from strategy.store.database import load_sample
    from tests.conftest import SAMPLE

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('brief') / 'brief.db'}")
    SQLModel.metadata.create_all(engine)
    workspace = load_sample(engine, SAMPLE, actor="tester")
    return engine, workspace
