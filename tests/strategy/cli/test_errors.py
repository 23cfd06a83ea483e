"""Every command answers bad data with the exit-2 message, never a traceback."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from models.settings import get_settings
from strategy.__main__ import app
from strategy.store.database import ensure_database

runner = CliRunner()
SAMPLE_NAME = "Meridian Outdoor Co-op"


@pytest.fixture
def overflowing_costs(cli_db):
    """The sample with costs so large their sums overflow, written behind the services' back."""
    engine, _ = ensure_database(get_settings())
    with engine.begin() as connection:
        connection.execute(text("UPDATE costline SET low = 1e308, likely = 1e308, high = 1e308"))
    engine.dispose()
    return cli_db


@pytest.mark.parametrize("command", [["health"], ["health", "--json"]])
def test_bad_stored_data_is_an_exit_2_message_not_a_traceback(overflowing_costs, command):
    result = runner.invoke(app, [*command, SAMPLE_NAME])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ")
