"""The whole business case as plain data: what `python -m strategy case --json` prints and what
the strategy brief can quote. Pure: it takes the records, not a database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from models.workspace import WorkspaceBase
from strategy.plan.business_case import evaluate_case, initiative_economics, settings_of
from strategy.plan.case_text import NO_IRR, NO_PAYBACK, ROI_UNDEFINED
from strategy.plan.montecarlo import DEFAULT_RUNS, DEFAULT_SEED, npv_distribution
from strategy.plan.scenarios import compare_scenarios

Records = Mapping[str, Sequence[Mapping[str, Any]]]


def missing_figures(roi: float | None, irr: float | None, payback: float | None) -> list[str]:
    """Why a figure is missing, in words, so nobody reads a null as zero."""
    notes = [ROI_UNDEFINED] if roi is None else []
    notes += [f"IRR: {NO_IRR}"] if irr is None else []
    notes += [f"payback: {NO_PAYBACK}"] if payback is None else []
    return notes


def case_summary(
    workspace: WorkspaceBase, records: Records, *, runs: int = DEFAULT_RUNS, seed: int | None = DEFAULT_SEED
) -> dict[str, Any]:
    """Yearly table, headline figures, Monte Carlo summary, scenarios and per-initiative value."""
    settings = settings_of(workspace)
    costs, benefits = list(records["cost"]), list(records["benefit"])
    figures = evaluate_case(settings, costs, benefits)
    distribution = npv_distribution(settings, costs, benefits, runs=runs, seed=seed)
    titles = {initiative["id"]: initiative["title"] for initiative in records.get("initiative", [])}
    economics = initiative_economics(workspace, [dict(c) for c in costs], [dict(b) for b in benefits])
    return {
        "currency": workspace.currency,
        "horizon_years": settings.horizon_years,
        "settings": asdict(settings),
        "yearly": [asdict(row) for row in figures.table],
        "pv_benefits": figures.pv_benefits,
        "pv_costs": figures.pv_costs,
        "npv": figures.npv,
        "roi": figures.roi,
        "benefit_cost_ratio": figures.benefit_cost_ratio,
        "irr": figures.irr,
        "payback_months": figures.payback_months,
        "notes": missing_figures(figures.roi, figures.irr, figures.payback_months),
        "monte_carlo": {k: v for k, v in asdict(distribution).items() if not k.startswith("bin_")},
        "scenarios": [
            {"name": o.name, "npv": o.figures.npv, "roi": o.figures.roi, "payback_months": o.figures.payback_months}
            for o in compare_scenarios(settings, costs, benefits, list(records.get("scenario", [])))
        ],
        "initiatives": [
            {"id": key, "title": titles.get(key, str(key))} | asdict(value) for key, value in economics.items()
        ],
    }
