"""Every health rule, tried as an advisor would: a minimal strategy passes them all (no false
alarm), and each classic failure of CRM practice is caught by its own rule and by no other."""

from __future__ import annotations

import pytest

from strategy.health.runner import CHECKS, run_health
from tests.factories import workspace_settings
from tests.strategy.health.strategies import FLAWS, TODAY, Flaw, healthy


def verdicts(flaw: Flaw | None = None) -> dict[str, str]:
    records = healthy()
    if flaw is not None:
        flaw.make(records)
    workspace = workspace_settings(**(flaw.workspace if flaw else {}))
    return {f.rule_id: f.status for f in run_health(workspace, records, TODAY)}


def test_the_minimal_strategy_passes_every_rule():
    assert {rule: status for rule, status in verdicts().items() if status != "pass"} == {}


def test_every_rule_has_a_classic_failure_to_catch():
    assert {flaw.rule_id for flaw in FLAWS} == {check.rule_id for check in CHECKS}


@pytest.mark.parametrize("flaw", FLAWS, ids=lambda f: f"{f.rule_id} {f.name}")
def test_each_failure_is_caught_by_its_rule_alone(flaw):
    raised = {rule: status for rule, status in verdicts(flaw).items() if status != "pass"}
    assert raised == {flaw.rule_id: flaw.status}


def test_the_sample_shows_the_flaws_its_description_owns_up_to(engine, sample):
    from strategy.store.snapshot import workspace_records

    found = {f.rule_id: f for f in run_health(sample, workspace_records(engine, sample.id), TODAY)}
    assert {
        rule: found[rule].status for rule in ("HEALTH-CHAMPIONS", "HEALTH-SPONSOR", "HEALTH-CHANGE", "HEALTH-DATA")
    } == {
        "HEALTH-CHAMPIONS": "fail",
        "HEALTH-SPONSOR": "warn",
        "HEALTH-CHANGE": "warn",
        "HEALTH-DATA": "fail",
    }
    assert "'Event sign-ups (legacy)'" in found["HEALTH-DATA"].evidence
    assert "finance ledger" in found["HEALTH-CHANGE"].evidence
    sound = ("HEALTH-CONTINUUM", "HEALTH-FIT", "HEALTH-DISCIPLINE", "HEALTH-CAPABILITY", "HEALTH-PILOT")
    assert {rule: found[rule].status for rule in sound} == dict.fromkeys(sound, "pass")
    assert "committee since May" in sample.description and "no retention rule" in sample.description


def test_a_monte_carlo_already_run_by_the_caller_gives_the_same_verdicts_without_running_again(
    engine, sample, monkeypatch
):
    from strategy.health import types
    from strategy.plan.business_case import settings_of
    from strategy.plan.montecarlo import npv_distribution
    from strategy.store.snapshot import workspace_records

    records = workspace_records(engine, sample.id)
    alone = run_health(sample, records, TODAY)
    risk = npv_distribution(settings_of(sample), records["cost"], records["benefit"])

    def refuse(*args, **kwargs):
        raise AssertionError("the Monte Carlo ran a second time")

    monkeypatch.setattr(types, "npv_distribution", refuse)
    assert run_health(sample, records, TODAY, risk=risk) == alone
