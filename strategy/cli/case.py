"""`python -m strategy case`: the business case's figures for a workspace."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from strategy.cli.app import app, emit_json, open_engine, user_errors, workspace_arg
from strategy.plan.case_text import irr_text, money, payback_text, percent, ratio_text, roi_text
from strategy.plan.simulation_defaults import DEFAULT_RUNS, DEFAULT_SEED


def _print_summary(summary: dict[str, Any]) -> None:
    currency = summary["currency"]
    typer.echo(f"{'year':>4}  {'benefits':>12}  {'costs':>12}  {'net':>12}  {'cumulative':>12}  {'discounted':>12}")
    for row in summary["yearly"]:
        cells = [money(row[k], currency) for k in ("benefits", "costs", "net", "cumulative_net", "discounted_net")]
        typer.echo(f"{row['year']:>4}  " + "  ".join(f"{cell:>12}" for cell in cells))
    mc = summary["monte_carlo"]
    typer.echo(
        f"\nNPV {money(summary['npv'], currency)} · ROI {roi_text(summary['roi'])} · "
        f"benefit/cost {ratio_text(summary['benefit_cost_ratio'])} · IRR {irr_text(summary['irr'])} · "
        f"payback {payback_text(summary['payback_months'])}"
    )
    typer.echo(
        f"Monte Carlo ({mc['runs']:,} runs, seed {mc['seed']}): P(NPV > 0) {percent(mc['probability_positive'])} · "
        f"P10 {money(mc['p10'], currency)} · P50 {money(mc['p50'], currency)} · P90 {money(mc['p90'], currency)}"
    )


@app.command()
def case(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="print every figure as JSON")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Monte Carlo seed (same seed, same figures)")] = DEFAULT_SEED,
    runs: Annotated[int, typer.Option("--runs", min=1, help="Monte Carlo runs")] = DEFAULT_RUNS,
) -> None:
    """The business case: yearly cash flow, NPV, ROI, IRR, payback, benefit/cost and Monte Carlo."""
    from strategy.plan.case_summary import case_summary  # numpy and numpy-financial load only for this command
    from strategy.store.snapshot import workspace_records

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        summary = case_summary(found, workspace_records(engine, found.id or 0), runs=runs, seed=seed)
    if as_json:
        emit_json(summary)
    else:
        _print_summary(summary)
