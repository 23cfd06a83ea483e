"""`python -m strategy roadmap`: each initiative's scheduled start and end, wave and critical path."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from strategy.__main__ import app
from strategy.store.database import ensure_database
from strategy.store.records import list_records, update_record

runner = CliRunner()
SAMPLE_NAME = "Meridian Outdoor Co-op"


def roadmap_json(*args: str) -> dict:
    result = runner.invoke(app, ["roadmap", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_gives_every_initiatives_dates_wave_and_critical_flag(cli_db):
    summary = roadmap_json(SAMPLE_NAME)
    rows = {row["title"]: row for row in summary["initiatives"]}
    assert len(rows) == 9
    till = rows["Member view at the till"]
    assert (till["start"], till["end"], till["wave"], till["critical"]) == ("2026-12-28", "2027-04-18", 2, True)
    assert rows["Win-back programme"]["critical"] is False and rows["Win-back programme"]["slack_weeks"] == 4
    assert summary["critical_path"] == [
        "Lapse-risk score and renewal alerts",
        "Member view at the till",
        "Next-trip recommendations",
    ]
    assert all(date.fromisoformat(r["start"]) <= date.fromisoformat(r["end"]) for r in rows.values())
    assert max(q["person_weeks"] for q in summary["load"]) <= summary["capacity_per_quarter"]
    assert summary["late_objectives"][0]["work_ends"] == "2027-07-25"


def test_store_writes_the_live_schedule(cli_db):
    engine, workspace = ensure_database()[0], 1
    till = next(i for i in list_records(engine, "initiative", workspace) if i["title"] == "Member view at the till")
    update_record(
        engine, "initiative", workspace, till["id"], {"duration_weeks": 20}, expected_version=till["version"], actor="t"
    )
    assert not next(r for r in roadmap_json("1")["initiatives"] if r["title"] == "Member view at the till")["stored"]
    result = runner.invoke(app, ["roadmap", "1", "--store"])
    assert result.exit_code == 0 and "3 initiatives changed" in result.output
    assert all(row["stored"] for row in roadmap_json("1")["initiatives"])


def test_plain_output_lists_the_schedule_and_the_critical_path(cli_db):
    result = runner.invoke(app, ["roadmap", SAMPLE_NAME])
    assert result.exit_code == 0
    assert "28 Dec 2026  18 Apr 2027     2  yes   Member view at the till" in result.output
    assert "Critical path: Lapse-risk score and renewal alerts → Member view at the till" in result.output


def test_a_cycle_exits_2_naming_the_initiatives(cli_db):
    engine = ensure_database()[0]
    titles = {i["title"]: i for i in list_records(engine, "initiative", 1)}
    first = titles["Single member record (pilot: contact centre)"]
    waits = [titles["Retire legacy member database"]["id"]]
    update_record(
        engine, "initiative", 1, first["id"], {"depends_on_ids": waits}, expected_version=first["version"], actor="t"
    )
    result = runner.invoke(app, ["roadmap", "1", "--json"])
    assert result.exit_code == 2
    assert "dependency cycle" in result.output and "'Retire legacy member database'" in result.output


def test_an_unknown_workspace_exits_2(cli_db):
    result = runner.invoke(app, ["roadmap", "No such plan"])
    assert result.exit_code == 2 and "no workspace is named or numbered 'No such plan'" in result.output
