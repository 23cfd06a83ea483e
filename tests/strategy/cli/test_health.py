"""`python -m strategy health --json`, tried as an advisor would: the sample changed to carry the
classic failures the health check used to miss, each named by its rule with its evidence."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from strategy.__main__ import app
from tests.conftest import SAMPLE

runner = CliRunner()


def flawed_sample() -> dict:
    document = json.loads(SAMPLE.read_text())
    document["workspace"] |= {"name": "Flawed", "pilot_max_initiatives": 20, "pilot_max_effort": 500.0}
    document["vision"]["statement"] = "By 2035 every member is known as one person in every channel."
    document["direction"] |= {"lead_discipline": "product_leadership", "continuum_target": 0.33}
    for rating in document["capabilities"]:
        if rating["key"] in ("c-culture", "c-people"):
            rating |= {"current": 1, "target": 5}
    for initiative in document["initiatives"]:
        initiative["wave"] = 1
        if initiative["capability"] in ("c-culture", "c-people"):
            initiative["capability"] = None
    for request in document["change_requests"]:
        request |= {"status": "submitted", "decided_on": None, "decision_note": ""}
    document["datasets"][0]["retention_months"] = None
    return document


def test_the_health_check_names_every_flaw_an_advisor_plants(cli_db):
    path = cli_db / "flawed.json"
    path.write_text(json.dumps(flawed_sample()))
    imported = runner.invoke(app, ["import", str(path)])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(app, ["health", "Flawed", "--json"])
    assert result.exit_code == 0, result.output
    checks = {c["rule_id"]: c for c in json.loads(result.output)["checks"]}
    expected = {
        "HEALTH-VISION": ("fail", "dated 2035"),
        "HEALTH-CONTINUUM": ("fail", "CRM as a system"),
        "HEALTH-FIT": ("warn", "weak fit"),
        "HEALTH-DISCIPLINE": ("fail", "none of the 16 KPIs"),
        "HEALTH-CAPABILITY": ("fail", "culture 1 → 5; people 1 → 5"),
        "HEALTH-PILOT": ("fail", "100% of all planned effort"),
        "HEALTH-CHANGE": ("fail", "never decides"),
        "HEALTH-DATA": ("fail", "'Member contacts'"),
    }
    for rule_id, (status, evidence) in expected.items():
        assert (rule_id, checks[rule_id]["status"]) == (rule_id, status)
        assert evidence in checks[rule_id]["evidence"], checks[rule_id]["evidence"]
