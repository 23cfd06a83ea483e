"""`python -m strategy health`: the plan checked against CRM strategy practice."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated

import typer

from strategy.cli.app import app, emit_json, open_engine, workspace_arg

MARK = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


@app.command()
def health(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="print the findings and the score as JSON")] = False,
) -> None:
    """Check the strategy against CRM practice: each rule pass, warn or fail, with its evidence."""
    from strategy.health.runner import health_score, run_health  # the rules load only for this command
    from strategy.store.snapshot import workspace_records

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    findings = run_health(found, workspace_records(engine, found.id or 0), date.today())
    score = health_score(findings)
    if as_json:
        emit_json({"workspace": found.name, "score": round(score, 1), "checks": [asdict(f) for f in findings]})
        return
    for finding in findings:
        typer.echo(f"{MARK[finding.status]}  {finding.rule_id:<20} {finding.title}: {finding.evidence}")
    typer.echo(f"score {score:.0f} / 100")
