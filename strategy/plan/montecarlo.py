"""Risk and uncertainty of the case: a Monte Carlo over every line's three-point estimate, and
the tornado (NPV when one line alone goes to its low or its high).

Each line's amount is drawn from a triangular distribution (low, likely, high) by the inverse of
its distribution function, so a line with low = likely = high always draws exactly its likely
amount and a fully degenerate case reproduces the deterministic NPV to the last bit.

NPV is linear in the amounts, so a run's NPV is the deterministic NPV plus, for each uncertain line,
(its draw − its likely amount) × the present value of one unit of that line. The simulation draws one
(runs × uncertain lines) matrix of uniforms a chunk at a time and turns each chunk into NPVs with a few
whole-array operations and a matrix-vector product: no per-line loop, and no per-year arrays.
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
)
from strategy.plan.simulation_defaults import DEFAULT_RUNS, DEFAULT_SEED

__all__ = ["DEFAULT_RUNS", "DEFAULT_SEED", "NpvDistribution", "npv_distribution", "simulate_npv", "tornado"]

HISTOGRAM_BINS = 40
CHUNK_CELLS = 131_072  # draws at once (runs x lines): 1 MB a working array, which stays in the CPU's cache


def triangular_modes(low: np.ndarray, likely: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Where each line's peak sits between its low (0) and its high (1); 0.5 for a line without range."""
    spread = high - low
    return np.where(spread == 0, 0.5, (likely - low) / np.where(spread == 0, 1.0, spread))


def unit_triangular(u: np.ndarray, mode: np.ndarray) -> np.ndarray:
    """The inverse distribution function of a triangle on 0 … 1 peaking at `mode`, at uniforms `u`:
    sqrt(u·mode) below the peak, 1 − sqrt((1−u)(1−mode)) above it. Written without a branch: with
    `above` 0 or 1, the square root's argument is u·mode + above·(1 − mode − u)."""
    above = (u >= mode).astype(float)
    root = np.sqrt(u * mode + above * (1 - mode - u))
    return root + above * (1 - 2 * root)


def triangular_draws(lines: Sequence[Line], runs: int, rng: np.random.Generator) -> np.ndarray:
    """Amounts for each run and line (runs x lines), triangular between low and high, peak at likely,
    from the uniforms the simulation draws. A line with low = likely = high draws exactly its likely
    amount."""
    low, likely, high = (amounts(lines, which)[0] for which in ("low", "likely", "high"))
    uniforms = rng.random((runs, len(lines)), dtype=np.float32).astype(float)
    return low + (high - low) * unit_triangular(uniforms, triangular_modes(low, likely, high))


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
    certain = float(npv_of_amounts(settings, costs, benefits, amounts(costs), amounts(benefits))[0])
    low, likely, high, unit_pv = _uncertain_lines(settings, costs, benefits)
    npvs = np.full(runs, certain)
    if low.size:
        npvs += float((low - likely) @ unit_pv)  # every uncertain line at its low …
        _add_spread_draws(npvs, triangular_modes(low, likely, high), (high - low) * unit_pv, rng)  # … plus its draw
    return npvs


def _uncertain_lines(
    settings: CaseSettings, costs: Sequence[Line], benefits: Sequence[Line]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Low, likely and high of the lines whose range is more than one amount, costs then benefits, and
    the NPV of one unit of each (negative for a cost): how much NPV moves per unit the line moves."""
    unit_pv = np.concatenate(
        [
            -present_values(settings.discount_rate, cost_profile(costs, settings)),
            present_values(settings.discount_rate, benefit_profile(benefits, settings)),
        ]
    )
    lines = [*costs, *benefits]
    low, likely, high = (amounts(lines, which)[0] for which in ("low", "likely", "high"))
    ranged = high != low
    return low[ranged], likely[ranged], high[ranged], unit_pv[ranged]


def _add_spread_draws(npvs: np.ndarray, mode: np.ndarray, weight: np.ndarray, rng: np.random.Generator) -> None:
    """Add to each run Σ weight × unit_triangular(u, mode) over the lines, for fresh uniforms u drawn
    (runs x lines, row by row, as one big draw would) a chunk of runs at a time into reused buffers:
    memory stays flat however many runs are asked for, and each step is one pass over a chunk. The draws
    are single precision (24 random bits a uniform; each pass moves twice the numbers): a run's sum over
    the lines is good to about a millionth of its spread, far inside the simulation's sampling error."""
    chunk = max(1, min(len(npvs), CHUNK_CELLS // len(mode)))
    u, above, work = (np.empty((chunk, len(mode)), dtype=np.float32) for _ in range(3))
    mode, weight = mode.astype(np.float32), weight.astype(np.float32)
    rest = 1 - mode
    for start in range(0, len(npvs), chunk):
        n = min(chunk, len(npvs) - start)
        un, an, wn = u[:n], above[:n], work[:n]
        rng.random(out=un, dtype=np.float32)
        np.greater_equal(un, mode, out=an)  # 1.0 above the peak, 0.0 below
        np.subtract(rest, un, out=wn)
        wn *= an
        un *= mode
        un += wn
        np.sqrt(un, out=un)  # the root of unit_triangular
        np.multiply(an, un, out=wn)
        # unit_triangular = root + above − 2·above·root, summed with the weights as three products
        npvs[start : start + n] += un @ weight + an @ weight - 2 * (wn @ weight)


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
