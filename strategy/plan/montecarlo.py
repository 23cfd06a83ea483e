"""Risk and uncertainty of the case: a Monte Carlo over every line's three-point estimate, and
the tornado (NPV when one line alone goes to its low or its high).

Each line's amount is drawn from a triangular distribution (low, likely, high) by the inverse of
its distribution function, so a line with low = likely = high always draws exactly its likely
amount and a fully degenerate case reproduces the deterministic NPV to the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from strategy.plan.business_case import (
    CaseSettings,
    Line,
    amounts,
    benefit_profile,
    cost_profile,
    npv_of_amounts,
    present_values,
    yearly_flows,
)

DEFAULT_RUNS = 10_000
DEFAULT_SEED = 2026
HISTOGRAM_BINS = 40
CHUNK = 2_000  # runs drawn at once: 2,000 x 600 lines x 6 years of floats is about 60 MB


def triangular_draws(lines: Sequence[Line], runs: int, rng: np.random.Generator) -> np.ndarray:
    """Amounts for each run and line (runs x lines), triangular between low and high, peak at likely.
    One square root a draw: below the peak low + sqrt(u·a), above it high − sqrt((1−u)·b); a line with
    low = likely = high has a = b = 0 and so draws exactly its likely amount."""
    low, likely, high = (amounts(lines, which)[0] for which in ("low", "likely", "high"))
    spread = high - low
    peak = np.where(spread == 0, 0.5, (likely - low) / np.where(spread == 0, 1.0, spread))  # the mode, 0 … 1
    rise, fall = spread * (likely - low), spread * (high - likely)
    u = rng.random((runs, len(lines)))
    below = u < peak
    root = np.sqrt(np.where(below, u * rise, (1 - u) * fall))
    return np.where(below, low + root, high - root)


@dataclass(frozen=True)
class NpvDistribution:
    """What the simulation says about NPV: the odds it is positive and its spread."""

    runs: int
    seed: int | None
    mean: float
    p10: float
    p50: float
    p90: float
    probability_positive: float
    bin_edges: tuple[float, ...]
    bin_counts: tuple[int, ...]


def simulate_npv(
    settings: CaseSettings,
    costs: Sequence[Line],
    benefits: Sequence[Line],
    *,
    runs: int = DEFAULT_RUNS,
    seed: int | None = DEFAULT_SEED,
) -> np.ndarray:
    """The NPV of each of `runs` cases drawn at random from the lines' ranges (seedable)."""
    if runs < 1:
        raise ValueError("the simulation needs at least one run")
    rng = np.random.default_rng(seed)
    rate = settings.discount_rate
    pv_costs = _drawn_present_values(costs, cost_profile(costs, settings), rate, runs, rng)
    pv_benefits = _drawn_present_values(benefits, benefit_profile(benefits, settings), rate, runs, rng)
    return pv_benefits - pv_costs


def _drawn_present_values(
    lines: Sequence[Line], profile: np.ndarray, rate: float, runs: int, rng: np.random.Generator
) -> np.ndarray:
    """The present value of each run's draws, drawn CHUNK runs at a time so memory stays flat however
    many runs are asked for; the draws come from the generator in the same order as one big draw."""
    chunks = [
        present_values(rate, yearly_flows(triangular_draws(lines, min(CHUNK, runs - start), rng), profile))
        for start in range(0, runs, CHUNK)
    ]
    return np.concatenate(chunks)


def summarise(npvs: np.ndarray, seed: int | None = None, bins: int = HISTOGRAM_BINS) -> NpvDistribution:
    """Percentiles, the chance of a positive NPV and a histogram of simulated NPVs."""
    p10, p50, p90 = np.percentile(npvs, [10, 50, 90])
    low, high = float(npvs.min()), float(npvs.max())
    counts, edges = np.histogram(npvs, bins=bins if high > low else 1, range=(low, high) if high > low else None)
    return NpvDistribution(
        runs=int(npvs.size),
        seed=seed,
        mean=float(npvs.mean()),
        p10=float(p10),
        p50=float(p50),
        p90=float(p90),
        probability_positive=float((npvs > 0).mean()),
        bin_edges=tuple(float(edge) for edge in edges),
        bin_counts=tuple(int(count) for count in counts),
    )


def npv_distribution(
    settings: CaseSettings,
    costs: Sequence[Line],
    benefits: Sequence[Line],
    *,
    runs: int = DEFAULT_RUNS,
    seed: int | None = DEFAULT_SEED,
) -> NpvDistribution:
    """Simulate and summarise in one step (what the page and the CLI show)."""
    return summarise(simulate_npv(settings, costs, benefits, runs=runs, seed=seed), seed=seed)


@dataclass(frozen=True)
class TornadoBar:
    """NPV when one line alone goes to its low and to its high amount, everything else likely."""

    name: str
    kind: str  # "cost" or "benefit"
    npv_at_low: float
    npv_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_at_high - self.npv_at_low)


def _one_at_a_time(lines: Sequence[Line], which: str) -> np.ndarray:
    """One run per line (lines x lines): every line likely except that run's own line."""
    grid = np.repeat(amounts(lines), len(lines), axis=0)
    np.fill_diagonal(grid, amounts(lines, which)[0])
    return grid


def tornado(settings: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line]) -> list[TornadoBar]:
    """One bar per line, widest swing first; lines whose range is a single amount are left out."""
    bars: list[TornadoBar] = []
    for kind, lines in (("cost", costs), ("benefit", benefits)):
        if not lines:
            continue
        others_cost = np.repeat(amounts(costs), len(lines), axis=0)
        others_benefit = np.repeat(amounts(benefits), len(lines), axis=0)
        at = {}
        for which in ("low", "high"):
            varied = _one_at_a_time(lines, which)
            cost_amounts, benefit_amounts = (varied, others_benefit) if kind == "cost" else (others_cost, varied)
            at[which] = npv_of_amounts(settings, costs, benefits, cost_amounts, benefit_amounts)
        bars += [
            TornadoBar(str(line["name"]), kind, float(at["low"][i]), float(at["high"][i]))
            for i, line in enumerate(lines)
            if line["low"] != line["high"]
        ]
    return sorted(bars, key=lambda bar: bar.swing, reverse=True)
