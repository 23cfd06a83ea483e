"""`python -m strategy check WORKSPACE [--json]`: the SMART check of every objective, the KPI rules
and the traceability orphans, each verdict citing its rule in docs/METHOD.md."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.workspace import Workspace
from strategy.cli.app import app, emit_json, open_engine, user_errors, workspace_arg

if TYPE_CHECKING:
    from strategy.define.method import Finding
    from strategy.define.smart import SmartCheck, SmartContext

MARK = {"pass": "PASS", "stretch": "STRETCH", "fail": "FAIL"}


def _objective_entry(check: SmartCheck) -> dict[str, Any]:
    return {
        "id": check.objective_id,
        "title": check.title,
        "verdict": check.verdict,
        "letters": {
            v.letter: {
                "name": v.name,
                "verdict": v.verdict,
                "message": v.message,
                "rules": [
                    {"rule_id": r.rule_id, "verdict": r.verdict, "detail": r.detail, "message": r.message}
                    for r in v.results
                ],
            }
            for v in check.letters
        },
    }


def _finding_entry(finding: Finding) -> dict[str, Any]:
    return {**asdict(finding), "message": finding.message}


def check_report(
    workspace: Workspace, records: Mapping[str, Sequence[Mapping[str, Any]]], context: SmartContext
) -> dict[str, Any]:
    """Everything `check` prints, as plain data."""
    from strategy.define.kpis import kpi_findings  # the rules load only for this command
    from strategy.define.smart import check_objectives
    from strategy.define.traceability import orphans

    checks = check_objectives(records["objective"], context)
    counts: Counter[str] = Counter(c.verdict for c in checks)
    return {
        "workspace": workspace.name,
        "plan": {
            "start": context.plan_start,
            "end": context.plan_end,
            "max_annual_change": context.max_annual_change,
        },
        "summary": {"objectives": len(checks), **{v: counts[v] for v in MARK}},
        "objectives": [_objective_entry(c) for c in checks],
        "kpi_findings": [_finding_entry(f) for f in kpi_findings(records["objective"], records["kpi"])],
        "orphans": [_finding_entry(f) for f in orphans(records["need"], records["objective"], records["kpi"])],
    }


def _print_report(report: dict[str, Any]) -> None:
    for objective in report["objectives"]:
        typer.echo(f"{MARK[objective['verdict']]:<8} {objective['title']}")
        for letter, verdict in objective["letters"].items():
            shown = [r for r in verdict["rules"] if r["verdict"] != "pass"] or verdict["rules"]
            for result in shown:
                typer.echo(f"    {letter} {result['verdict']:<8} {result['rule_id']:<9} {result['detail']}")
    for heading, key in (("KPI findings", "kpi_findings"), ("Orphans", "orphans")):
        typer.echo(f"{heading}: {len(report[key]) or 'none'}")
        for finding in report[key]:
            typer.echo(f"    {finding['rule_id']:<16} {finding['subject']} '{finding['title']}': {finding['detail']}")
    summary = report["summary"]
    verdicts = ", ".join(f"{summary[v]} {v}" for v in MARK)
    typer.echo(f"{summary['objectives']} objectives: {verdicts}. Rules: docs/METHOD.md")


@app.command()
def check(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="print every verdict and finding as JSON")] = False,
) -> None:
    """SMART-check every objective, check the KPIs and list traceability orphans (rules: docs/METHOD.md)."""
    from strategy.define.smart import smart_context
    from strategy.store.snapshot import workspace_records

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        report = check_report(found, workspace_records(engine, found.id or 0), smart_context(found))
    if as_json:
        emit_json(report)
        return
    _print_report(report)
