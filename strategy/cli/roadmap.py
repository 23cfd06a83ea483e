"""`python -m strategy roadmap`: the live schedule of a workspace, and storing it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.labels import day_text, plural
from strategy.cli.app import actor, app, emit_json, open_engine, user_errors, workspace_arg

if TYPE_CHECKING:
    from strategy.deliver.roadmap import Roadmap


def roadmap_summary(roadmap: Roadmap, capacity: float) -> dict[str, Any]:
    """Every initiative's scheduled start and end, wave and critical-path flag, and the checks."""
    from strategy.deliver.schedule import quarter_label

    scores = {p.initiative["id"]: p.score for p in roadmap.ranked}
    return {
        "plan_start": roadmap.plan_start,
        "plan_end": roadmap.plan_end,
        "capacity_per_quarter": capacity,
        "initiatives": [
            {
                "id": item.initiative["id"],
                "title": item.initiative["title"],
                "status": item.initiative["status"],
                "wave": item.initiative["wave"],
                "start": item.start,
                "end": item.end,
                "critical": item.critical,
                "slack_weeks": round(item.slack_days / 7, 1),
                "rank": item.rank,
                "score": scores.get(item.initiative["id"]),
                "stored": item.stored_matches,
            }
            for item in roadmap.items
        ],
        "parked": [p["title"] for p in roadmap.parked],
        "critical_path": [item.initiative["title"] for item in roadmap.items if item.critical],
        "load": [
            {"quarter": quarter_label(q), "person_weeks": round(v, 2)} for q, v in sorted(roadmap.schedule.load.items())
        ],
        "late_objectives": [
            {
                "objective": late.objective["title"],
                "due": late.due,
                "work_ends": late.finish,
                "days_late": late.days_late,
            }
            for late in roadmap.late
        ],
        "issues": list(roadmap.issues),
    }


def _print(summary: dict[str, Any]) -> None:
    typer.echo(f"{'start':<12} {'end':<12} {'wave':>4}  {'crit':<4}  initiative")
    for row in summary["initiatives"]:
        critical = "yes" if row["critical"] else ""
        start, end = day_text(row["start"]), day_text(row["end"])
        typer.echo(f"{start:<12} {end:<12} {row['wave'] or '-':>4}  {critical:<4}  {row['title']}")
    typer.echo(f"\nCritical path: {' → '.join(summary['critical_path']) or 'none'}")
    for late in summary["late_objectives"]:
        due, ends = day_text(late["due"]), day_text(late["work_ends"])
        typer.echo(f"Late objective: {late['objective']} (due {due}, work ends {ends})")
    for issue in summary["issues"]:
        typer.echo(f"Check: {issue}")


@app.command()
def roadmap(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="print the schedule as JSON")] = False,
    store: Annotated[bool, typer.Option("--store", help="store the scheduled starts and ends")] = False,
) -> None:
    """The roadmap: each initiative's scheduled start and end, wave, critical path and checks."""
    from strategy.deliver.roadmap_store import load_roadmap, store_schedule  # the scheduler loads only here

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    today = date.today()
    with user_errors():
        if store:
            changed = store_schedule(engine, found.id or 0, actor=actor(), today=today)
            typer.echo(f"Stored the schedule: {plural(changed, 'initiative')} changed.", err=True)
        summary = roadmap_summary(load_roadmap(engine, found.id or 0, today), found.capacity_per_quarter)
    if as_json:
        emit_json(summary)
    else:
        _print(summary)
