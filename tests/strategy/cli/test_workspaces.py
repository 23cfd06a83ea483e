"""The command line: each command's output and exit code, as a script or a person sees them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from strategy.__main__ import app
from tests.conftest import SAMPLE

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_init_loads_the_sample_once(cli_db):
    first = run("init")
    assert first.exit_code == 0 and "Meridian Outdoor Co-op" in first.output
    second = run("init")
    assert second.exit_code == 0 and "loaded" not in second.output
    assert [w["name"] for w in json.loads(run("list", "--json").output)] == ["Meridian Outdoor Co-op"]


def test_export_then_import_under_a_new_name_prints_the_new_id(cli_db):
    out = cli_db / "plan.json"
    assert run("export", "Meridian Outdoor Co-op", "--out", str(out)).exit_code == 0
    imported = run("import", str(out), "--name", "Board draft")
    assert imported.exit_code == 0
    listed = {w["name"]: w["id"] for w in json.loads(run("list", "--json").output)}
    assert listed["Board draft"] == int(imported.output.strip())


BAD_CALLS = [
    (("export", "No such plan", "--out", "x.json"), "no workspace is named or numbered 'No such plan'"),
    (("import", "missing.json"), "missing.json"),
]


@pytest.mark.parametrize(("args", "message"), BAD_CALLS)
def test_bad_calls_exit_2_with_a_message(cli_db, args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.output


def test_a_partly_invalid_file_exits_2_listing_every_error_and_writes_nothing(cli_db):
    document = json.loads(SAMPLE.read_text())
    document["workspace"]["horizon_years"] = 7
    document["needs"][0]["title"] = ""
    path = cli_db / "bad.json"
    path.write_text(json.dumps(document))
    result = run("import", str(path), "--name", "Bad")
    assert result.exit_code == 2
    assert "workspace · Horizon years must be 5 or less." in result.output
    assert "needs[0] · Title is required." in result.output
    assert "Bad" not in run("list", "--json").output


def test_schema_describes_the_document(cli_db):
    schema = json.loads(run("schema").output)
    assert {"workspace", "needs", "objectives", "kpis", "costs"} <= set(schema["properties"])
