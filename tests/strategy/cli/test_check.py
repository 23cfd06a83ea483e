"""`python -m strategy check`: every objective's SMART verdicts and the orphans, as JSON or text."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from strategy.__main__ import app
from strategy.define.smart import LETTERS

runner = CliRunner()
SAMPLE_NAME = "Meridian Outdoor Co-op"
VAGUE = "Improve campaign efficiency"


def check_json(*extra: str) -> dict:
    result = runner.invoke(app, ["check", SAMPLE_NAME, "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_objective_gets_each_letters_verdict_and_message(cli_db):
    report = check_json()
    assert report["summary"] == {"objectives": 5, "pass": 3, "stretch": 1, "fail": 1}
    for objective in report["objectives"]:
        assert list(objective["letters"]) == list(LETTERS)
        for letter in objective["letters"].values():
            assert letter["verdict"] in {"pass", "fail", "stretch"}
            assert all(r["rule_id"] in r["message"] for r in letter["rules"])


def test_the_vague_sample_objective_fails_specific_and_measurable_citing_the_rules(cli_db):
    vague = next(o for o in check_json()["objectives"] if o["title"] == VAGUE)
    assert (vague["verdict"], vague["letters"]["S"]["verdict"], vague["letters"]["M"]["verdict"]) == (
        "fail",
        "fail",
        "fail",
    )
    assert "SMART-S1: “The objective names the metric it moves.”" in vague["letters"]["S"]["message"]


def test_the_stretch_shows_its_figure(cli_db):
    win_back = next(o for o in check_json()["objectives"] if o["title"].startswith("Win back"))
    assert win_back["letters"]["A"]["verdict"] == "stretch"
    assert "70.1% a year" in win_back["letters"]["A"]["message"]


def test_the_orphans_and_kpi_findings_are_listed(cli_db):
    report = check_json()
    assert {(o["rule_id"], o["title"]) for o in report["orphans"]} >= {
        ("TRACE-OBJECTIVE", VAGUE),
        ("TRACE-NEED", "Campaign lists take four days to build"),
    }
    assert [(f["rule_id"], f["title"]) for f in report["kpi_findings"]] == [("KPI-BALANCE", VAGUE)]


def test_the_text_report_names_verdicts_rules_and_the_summary(cli_db):
    result = runner.invoke(app, ["check", "1"])
    assert result.exit_code == 0
    assert f"FAIL     {VAGUE}" in result.output
    assert "S fail     SMART-S1  No metric is named" in result.output
    assert "5 objectives: 3 pass, 1 stretch, 1 fail." in result.output


def test_an_unknown_workspace_exits_2(cli_db):
    result = runner.invoke(app, ["check", "No such plan", "--json"])
    assert result.exit_code == 2 and "No such plan" in result.output
