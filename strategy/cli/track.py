"""`python -m strategy track WORKSPACE [--json]`: the quarterly review of KPIs, funnel, adoption and
realised benefits; `python -m strategy actuals import WORKSPACE FILE.csv`: load KPI actuals."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.labels import DATE_TEXT, number_text
from models.settings import get_settings
from strategy.cli.app import actor, app, emit_json, open_engine, user_errors, workspace_arg
from strategy.plan.case_text import money, percent

if TYPE_CHECKING:
    from strategy.sustain.review import TrackReview

actuals_app = typer.Typer(help="KPI actuals: load them from a CSV file.", no_args_is_help=True)
app.add_typer(actuals_app, name="actuals")


def review_data(review: TrackReview) -> dict[str, Any]:
    """The review as plain data: what --json prints."""
    from strategy.define.method import rule

    funnel = review.funnel
    realised = review.realised
    return {
        "on": review.today,
        "kpis": [asdict(s) | {"rule": rule(s.rule_id).rule} for s in review.statuses],
        "funnel": {
            "stages": list(funnel.stages),
            "conversions": [
                {"from": c.from_stage, "to": c.to_stage, "recent": c.recent, "rule_id": "FUNNEL-WEAKEST"}
                for c in funnel.conversions
            ],
            "weakest": None if funnel.weakest is None else f"{funnel.weakest.from_stage} → {funnel.weakest.to_stage}",
        },
        "adoption": asdict(review.adoption),
        "realised": {
            "realised_to_date": realised.realised_to_date,
            "planned_to_date": realised.planned_to_date,
            "approved_npv": realised.approved_npv,
            "forecast_npv": realised.forecast_npv,
            "lines_behind": [line.name for line in realised.lines if line.behind],
            "rule_id": "CASE-REALISED",
        },
    }


def _print(review: TrackReview, currency: str) -> None:
    typer.echo(f"KPI status on {review.today:{DATE_TEXT}}")
    for s in review.statuses:
        latest = "—" if s.latest is None else number_text(s.latest)
        path = "—" if s.expected is None else number_text(s.expected)
        typer.echo(
            f"  {s.status.upper():<10} {s.name[:48]:<48} latest {latest:>9}  path {path:>9}  [{s.rule_id}] {s.reason}"
        )
    typer.echo("\nFunnel")
    for c in review.funnel.conversions:
        typer.echo(f"  {c.from_stage} → {c.to_stage}: {'—' if c.recent is None else percent(c.recent)}")
    if review.funnel.weakest is not None:
        w = review.funnel.weakest
        typer.echo(f"  weakest: {w.from_stage} → {w.to_stage} (FUNNEL-WEAKEST)")
    a = review.adoption
    if a.actual is not None and a.planned is not None:
        typer.echo(f"\nAdoption {percent(a.actual)} against {percent(a.planned)} planned (month {a.month})")
    r = review.realised
    typer.echo(
        f"\nRealised to date {money(r.realised_to_date, currency)} (plan {money(r.planned_to_date, currency)}) · "
        f"forecast NPV {money(r.forecast_npv, currency)} · "
        f"approved NPV {money(r.approved_npv, currency)} [CASE-REALISED]"
    )


@app.command()
def track(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="print the review as JSON")] = False,
    on: Annotated[str | None, typer.Option("--on", help="review date (YYYY-MM-DD), default today")] = None,
) -> None:
    """Every KPI against its target path, the funnel, adoption against plan and realised benefits."""
    from strategy.store.snapshot import workspace_records
    from strategy.sustain.review import track_review  # the review's maths loads only for this command

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        today = date.fromisoformat(on) if on else date.today()
        review = track_review(found, workspace_records(engine, found.id or 0), today, get_settings())
    if as_json:
        emit_json(review_data(review))
    else:
        _print(review, found.currency)


@actuals_app.command("import")
def import_actuals(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    file: Annotated[Path, typer.Argument(help="CSV with the columns kpi,date,value")],
) -> None:
    """Load KPI actuals: every line is checked first; on any bad line nothing is stored (exit 2)."""
    from strategy.sustain.actuals_import import import_actuals_csv

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        stored = import_actuals_csv(engine, found.id or 0, file.read_bytes(), actor=actor())
    typer.echo(f"Stored {stored} actuals in '{found.name}'.")
