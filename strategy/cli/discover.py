"""`python -m strategy needs | champions | vision`: the Discover step's figures and checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer

from strategy.cli.app import app, emit_json, open_engine, user_errors, workspace_arg

Records = Mapping[str, Sequence[Mapping[str, Any]]]
WorkspaceArg = Annotated[str, typer.Argument(help="workspace name or id")]
JsonFlag = Annotated[bool, typer.Option("--json", help="print the result as JSON")]


def needs_summary(records: Records) -> dict[str, Any]:
    """The ranked needs and the recognition checks, as plain data."""
    from strategy.discover.needs import SCORE_FORMULA, rank_needs, recognition_findings  # loaded when used

    return {
        "formula": SCORE_FORMULA,
        "ranked": [
            {"rank": r.rank, "score": r.score, **{k: r.need[k] for k in ("id", "kind", "title", "department", "level")}}
            for r in rank_needs(records["need"])
        ],
        "findings": [vars(f) for f in recognition_findings(records["need"])],
    }


def people_summary(records: Records) -> dict[str, Any]:
    """Champion coverage, key stakeholders without a WIIFM and the business-led check, as plain data."""
    from strategy.discover.people import business_led_findings, champion_coverage, key_without_wiifm, quadrant

    people = records["stakeholder"]
    return {
        "coverage": [
            {"department": c.department, "status": c.status, "message": c.message, "proposed_backup": c.backup}
            for c in champion_coverage(records["need"], people)
        ],
        "key_without_wiifm": [p["name"] for p in key_without_wiifm(people)],
        "business_led": [vars(f) for f in business_led_findings(people, records["objective"])],
        "quadrants": {p["name"]: quadrant(p["influence"], p["interest"]) for p in people if p["active"]},
    }


def vision_summary(records: Records) -> dict[str, Any]:
    """The priorities in order, those no objective serves, and the needs no priority covers."""
    from strategy.discover.vision import ordered, uncovered_needs, unserved_priorities

    priorities = records["priority"]
    return {
        "statement": records["vision"][0]["statement"] if records["vision"] else "",
        "priorities": [p["title"] for p in ordered(priorities)],
        "principles": [p["text"] for p in ordered(records["principle"])],
        "unserved_priorities": [p["title"] for p in unserved_priorities(priorities, records["objective"])],
        "uncovered_needs": [n["title"] for n in uncovered_needs(records["need"], priorities)],
    }


def _records(workspace: str) -> Records:
    from strategy.store.snapshot import workspace_records

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        return workspace_records(engine, found.id or 0)


def _findings(findings: Sequence[Mapping[str, str]]) -> None:
    for finding in findings:
        typer.echo(f"{'!' if finding['level'] == 'warning' else '✓'} {finding['message']}")


@app.command()
def needs(workspace: WorkspaceArg, as_json: JsonFlag = False) -> None:
    """Rank the needs (severity × reach + value points) and check the organisation recognises them."""
    summary = needs_summary(_records(workspace))
    if as_json:
        emit_json(summary)
        return
    typer.echo(summary["formula"])
    for row in summary["ranked"]:
        typer.echo(f"{row['rank']:>3}. {row['score']:>5.1f}  {row['kind']:<11} {row['title']} ({row['department']})")
    _findings(summary["findings"])


@app.command()
def champions(workspace: WorkspaceArg, as_json: JsonFlag = False) -> None:
    """Champion coverage per department, key stakeholders without a WIIFM, and whether business leads."""
    summary = people_summary(_records(workspace))
    if as_json:
        emit_json(summary)
        return
    for cover in summary["coverage"]:
        typer.echo(f"{cover['department']:<20} {cover['status']:<14} {cover['message']}")
    if summary["key_without_wiifm"]:
        typer.echo("! Key stakeholders without a WIIFM: " + ", ".join(summary["key_without_wiifm"]))
    _findings(summary["business_led"])


@app.command()
def vision(workspace: WorkspaceArg, as_json: JsonFlag = False) -> None:
    """The vision's priorities in order, and its gaps: priorities without objectives, needs without priority."""
    summary = vision_summary(_records(workspace))
    if as_json:
        emit_json(summary)
        return
    typer.echo(summary["statement"] or "(no vision statement yet)")
    for place, title in enumerate(summary["priorities"], start=1):
        typer.echo(f"{place}. {title}")
    for title in summary["unserved_priorities"]:
        typer.echo(f"! No objective serves the priority '{title}'")
    for title in summary["uncovered_needs"]:
        typer.echo(f"! No priority covers the need '{title}'")
