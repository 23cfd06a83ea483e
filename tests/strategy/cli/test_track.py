"""`python -m strategy track` and `actuals import` on the sample strategy."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from strategy.__main__ import app

runner = CliRunner()
SAMPLE_NAME = "Meridian Outdoor Co-op"
ON = "2026-12-01"


def track_json() -> dict:
    result = runner.invoke(app, ["track", SAMPLE_NAME, "--json", "--on", ON])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_track_reports_each_kpi_the_funnel_adoption_and_the_realised_case(cli_db):
    review = track_json()
    status = {k["name"]: (k["status"], k["rule_id"]) for k in review["kpis"]}
    assert status["Renewal rate"] == ("off track", "TRACK-STATUS")  # the lagging KPI that has not moved
    assert status["Members flagged at risk and contacted"][0] == "on track"  # its leading KPI moved
    assert status["Members won back"] == ("stale", "TRACK-STALE")
    assert status["Next-trip recommendations made"][0] == "no data"
    assert review["funnel"]["weakest"] == "Joined → First purchase"
    assert review["adoption"]["actual"] < review["adoption"]["planned"]
    realised = review["realised"]
    assert realised["forecast_npv"] < realised["approved_npv"] and realised["realised_to_date"] > 0
    assert "Renewal margin from lower lapse" in realised["lines_behind"]


def test_track_prints_the_rule_beside_each_status(cli_db):
    result = runner.invoke(app, ["track", SAMPLE_NAME, "--on", ON])
    assert result.exit_code == 0, result.output
    assert "OFF TRACK" in result.output and "[TRACK-STALE]" in result.output
    assert "weakest: Joined → First purchase" in result.output and "approved NPV" in result.output


def test_a_bad_csv_exits_2_naming_every_bad_line_and_stores_nothing(cli_db):
    bad = cli_db / "bad.csv"
    bad.write_text("kpi,date,value\nRenewal rate,2026-11-30,72\nChurn,2026-11-30,1\nRenewal rate,2026-12-31,x\n")
    result = runner.invoke(app, ["actuals", "import", SAMPLE_NAME, str(bad)])
    assert result.exit_code == 2
    assert "Line 3: no KPI is called 'Churn'." in result.output and "Line 4: value 'x'" in result.output
    good = cli_db / "good.csv"
    good.write_text("kpi,date,value\nRenewal rate,2026-11-30,72\n")
    result = runner.invoke(app, ["actuals", "import", SAMPLE_NAME, str(good)])
    assert result.exit_code == 0 and "Stored 1 actuals" in result.output
