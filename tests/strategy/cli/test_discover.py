"""`python -m strategy needs | champions | vision` on the sample: the same rankings and gaps as the pages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from strategy.__main__ import app

runner = CliRunner()


def run_json(*args: str):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_needs_json_ranks_the_sample_and_reports_no_recognition_gap(cli_db):
    summary = run_json("needs", "Meridian Outdoor Co-op")
    top = summary["ranked"][0]
    assert (top["rank"], top["title"], top["score"]) == (1, "Members lapse without anyone noticing", 27.3)
    assert len(summary["ranked"]) == 9
    assert not [f for f in summary["findings"] if f["level"] == "warning"]


def test_champions_json_flags_the_leaver_and_proposes_the_backup(cli_db):
    summary = run_json("champions", "1")
    stores = next(c for c in summary["coverage"] if c["department"] == "Stores")
    assert (stores["status"], stores["proposed_backup"]) == ("champion_left", "Oliver Grant")
    assert summary["key_without_wiifm"] == ["Jonas Weber"]
    assert summary["quadrants"]["Helen Okafor"] == "Manage closely"


def test_vision_text_lists_priorities_and_gaps(cli_db):
    result = runner.invoke(app, ["vision", "Meridian Outdoor Co-op"])
    assert result.exit_code == 0
    assert "1. Keep the members we have" in result.output
    assert "! No objective serves the priority 'Run the co-op efficiently'" in result.output
    assert "! No priority covers the need 'Legacy member database out of support'" in result.output


def test_an_unknown_workspace_exits_with_code_2_and_names_it(cli_db):
    result = runner.invoke(app, ["needs", "Nowhere"])
    assert result.exit_code == 2 and "no workspace is named or numbered 'Nowhere'" in result.output
