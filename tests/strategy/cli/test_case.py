"""`python -m strategy case`: the business case as a script or a person reads it."""

from __future__ import annotations

import json

import numpy_financial as npf
import pytest
from typer.testing import CliRunner

from strategy.__main__ import app

runner = CliRunner()
SAMPLE_NAME = "Meridian Outdoor Co-op"


def case_json(*args: str) -> dict:
    result = runner.invoke(app, ["case", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_case_json_has_every_figure_of_the_sample_and_they_agree(cli_db):
    summary = case_json(SAMPLE_NAME, "--seed", "11", "--runs", "10000")
    years = summary["yearly"]
    assert [row["year"] for row in years] == [0, 1, 2, 3, 4]  # the sample's 4-year horizon
    net = [row["net"] for row in years]
    assert summary["npv"] == pytest.approx(npf.npv(0.10, net))
    assert summary["npv"] == pytest.approx(summary["pv_benefits"] - summary["pv_costs"])
    assert summary["roi"] == pytest.approx(summary["npv"] / summary["pv_costs"])
    assert npf.npv(summary["irr"], net) == pytest.approx(0, abs=1e-3)
    assert summary["npv"] > 0 and 0 < summary["payback_months"] < 48  # realistic: pays back within the plan
    assert summary["monte_carlo"]["runs"] == 10_000 and summary["monte_carlo"]["seed"] == 11
    assert summary["monte_carlo"]["p10"] < summary["monte_carlo"]["p50"] < summary["monte_carlo"]["p90"]
    assert [s["name"] for s in summary["scenarios"]] == ["Conservative", "Expected", "Ambitious"]
    assert {i["title"] for i in summary["initiatives"]} >= {"Lapse-risk score and renewal alerts"}


def test_the_same_seed_prints_the_same_monte_carlo_summary(cli_db):
    first = case_json("1", "--seed", "5", "--runs", "2000")["monte_carlo"]
    assert case_json("1", "--seed", "5", "--runs", "2000")["monte_carlo"] == first
    assert case_json("1", "--seed", "6", "--runs", "2000")["monte_carlo"] != first


def test_the_plain_output_is_a_table_and_the_headline_figures(cli_db):
    result = runner.invoke(app, ["case", SAMPLE_NAME, "--runs", "2000"])
    assert result.exit_code == 0
    assert "cumulative" in result.output and "NPV £" in result.output and "payback" in result.output
    assert "P(NPV > 0)" in result.output


BAD_CALLS = [
    pytest.param(("case", "No such plan"), "no workspace is named or numbered 'No such plan'", id="unknown workspace"),
    pytest.param(("case", "1", "--runs", "0"), "greater than or equal to 1", id="no runs"),
]


@pytest.mark.parametrize(("args", "message"), BAD_CALLS)
def test_bad_calls_exit_2_with_a_message(cli_db, args, message):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2 and message in result.output
