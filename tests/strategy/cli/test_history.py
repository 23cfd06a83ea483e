"""`purge-bin`: deleted records older than the kept days go for good; bad input is an exit-2 message."""

from __future__ import annotations

from typer.testing import CliRunner

from models.settings import get_settings
from strategy.__main__ import app
from strategy.store.database import shared_engine
from strategy.store.records import delete_record, list_records
from strategy.store.recycle_bin import list_bin
from tests.conftest import ACTOR

runner = CliRunner()


def test_purge_bin_empties_the_bin_of_what_is_old_enough(cli_db):
    assert runner.invoke(app, ["list"]).exit_code == 0  # opens (and seeds) the configured database
    engine = shared_engine(get_settings().url)
    need = list_records(engine, "need", 1)[0]
    delete_record(engine, "need", 1, need["id"], expected_version=need["version"], actor=ACTOR)

    kept = runner.invoke(app, ["purge-bin"])
    assert (kept.exit_code, kept.output.strip()) == (0, "purged 0 deleted records from the recycle bin")
    assert len(list_bin(engine, 1)) == 1

    purged = runner.invoke(app, ["purge-bin", "--days", "0"])
    assert (purged.exit_code, purged.output.strip()) == (0, "purged 1 deleted record from the recycle bin")
    assert list_bin(engine, 1) == []


def test_a_negative_age_is_refused_with_a_message(cli_db):
    result = runner.invoke(app, ["purge-bin", "--days", "-3"])
    assert result.exit_code == 2
    assert "Days must be 0 or more" in result.output
    assert "Traceback" not in result.output
