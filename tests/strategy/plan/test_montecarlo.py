"""Monte Carlo and tornado: seedable, bounded by the ranges, exact when nothing is uncertain."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.plan.business_case import evaluate_case
from strategy.plan.montecarlo import DEFAULT_RUNS, npv_distribution, simulate_npv, tornado, triangular_draws
from tests.factories_case import SETTINGS_3Y, benefit_line, cost_line

# Licences 100k likely, 80k-150k, paid in year 0 with a 5 % uplift: NPV moves by exactly
# +20k x 1.05 at its low and -50k x 1.05 at its high.
LICENCES = cost_line(100_000, name="Licences", low=80_000, high=150_000)
SUPPORT = cost_line(20_000, name="Support", recurrence="recurring", start_year=1)  # certain
QUOTES = benefit_line(100_000, name="Faster quotes", low=90_000, high=110_000)
LICENCES_AT_LOW = 20_000 * 1.05
LICENCES_AT_HIGH = -50_000 * 1.05


def test_the_default_simulation_runs_at_least_ten_thousand_cases():
    npvs = simulate_npv(SETTINGS_3Y, [LICENCES], [QUOTES])
    assert DEFAULT_RUNS >= 10_000 and npvs.shape == (DEFAULT_RUNS,)


def test_the_same_seed_gives_the_same_distribution_and_another_seed_does_not():
    first = npv_distribution(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], seed=7)
    again = npv_distribution(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], seed=7)
    other = npv_distribution(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], seed=8)
    assert first == again and first.p50 != other.p50


def test_percentiles_are_ordered_and_the_histogram_holds_every_run():
    result = npv_distribution(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], seed=1)
    assert result.p10 < result.p50 < result.p90
    assert sum(result.bin_counts) == result.runs == DEFAULT_RUNS
    assert 0.0 <= result.probability_positive <= 1.0


def test_draws_stay_within_each_range_and_average_the_triangular_mean():
    lines = [LICENCES, QUOTES, SUPPORT]
    draws = triangular_draws(lines, 200_000, np.random.default_rng(3))
    lows, highs = [[line[k] for line in lines] for k in ("low", "high")]
    assert (draws >= lows).all() and (draws <= highs).all()
    means = [(line["low"] + line["likely"] + line["high"]) / 3 for line in lines]
    assert draws.mean(axis=0) == pytest.approx(means, rel=2e-3)


def test_a_case_with_no_uncertainty_is_certain_to_have_its_npv():
    result = npv_distribution(SETTINGS_3Y, [SUPPORT], [benefit_line(100_000)], seed=5)
    deterministic = evaluate_case(SETTINGS_3Y, [SUPPORT], [benefit_line(100_000)]).npv
    assert result.p10 == result.p50 == result.p90 == deterministic
    assert result.probability_positive == 1.0


degenerate_costs = st.lists(
    st.builds(
        lambda likely, year, recurrence: cost_line(likely, start_year=year, recurrence=recurrence),
        st.floats(0, 2_000_000, allow_nan=False),
        st.integers(0, 3),
        st.sampled_from(["one_off", "recurring"]),
    ),
    max_size=5,
)
degenerate_benefits = st.lists(
    st.builds(
        lambda likely, year, adoption: benefit_line(likely, start_year=year, adoption_dependent=adoption),
        st.floats(0, 2_000_000, allow_nan=False),
        st.integers(0, 3),
        st.booleans(),
    ),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(degenerate_costs, degenerate_benefits, st.integers(0, 2**32 - 1))
def test_monte_carlo_with_degenerate_ranges_equals_the_deterministic_npv_exactly(costs, benefits, seed):
    npvs = simulate_npv(SETTINGS_3Y, costs, benefits, runs=500, seed=seed)
    assert (npvs == evaluate_case(SETTINGS_3Y, costs, benefits).npv).all()


def test_tornado_moves_one_line_at_a_time_to_its_low_and_high():
    base = evaluate_case(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES]).npv
    bars = {bar.name: bar for bar in tornado(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES])}
    assert bars["Licences"].npv_at_low == pytest.approx(base + LICENCES_AT_LOW)
    assert bars["Licences"].npv_at_high == pytest.approx(base + LICENCES_AT_HIGH)
    assert bars["Faster quotes"].npv_at_low < base < bars["Faster quotes"].npv_at_high
    assert "Support" not in bars  # a certain line cannot swing NPV


def test_tornado_puts_the_widest_swing_first():
    bars = tornado(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES])
    assert [bar.name for bar in bars] == ["Licences", "Faster quotes"]
    assert bars[0].swing == pytest.approx(LICENCES_AT_LOW - LICENCES_AT_HIGH)


def test_a_case_without_lines_simulates_to_zero_rather_than_failing():
    result = npv_distribution(SETTINGS_3Y, [], [], runs=1_000)
    assert (result.p50, result.probability_positive, tornado(SETTINGS_3Y, [], [])) == (0.0, 0.0, [])


def test_drawing_in_chunks_gives_the_same_cases_as_one_big_draw(monkeypatch):
    """Runs are drawn a chunk at a time (here 7); the cases are those of one big draw of every uncertain
    line's amount, costs then benefits, with the certain lines at their likely amounts (the simulation's
    single-precision arithmetic agrees with the reference's double to a millionth)."""
    from strategy.plan import montecarlo
    from strategy.plan.business_case import npv_of_amounts

    monkeypatch.setattr(montecarlo, "CHUNK_CELLS", 14)  # 2 uncertain lines: 7 runs a chunk
    runs = 3 * 7 + 2
    draws = triangular_draws([LICENCES, QUOTES], runs, np.random.default_rng(7))
    cost_amounts = np.column_stack([draws[:, 0], np.full(runs, SUPPORT["likely"])])
    whole = npv_of_amounts(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], cost_amounts, draws[:, 1:])
    chunked = simulate_npv(SETTINGS_3Y, [LICENCES, SUPPORT], [QUOTES], runs=runs, seed=7)
    assert chunked == pytest.approx(whole, rel=1e-6)


def test_the_mean_of_many_runs_is_the_npv_at_each_lines_triangular_mean():
    """NPV is linear in the amounts, so its expectation is the NPV at the triangular means."""
    from strategy.plan.business_case import npv_of_amounts

    costs, benefits = [LICENCES, SUPPORT], [QUOTES]
    npvs = simulate_npv(SETTINGS_3Y, costs, benefits, runs=200_000, seed=11)

    def means(lines):
        return np.array([[(line["low"] + line["likely"] + line["high"]) / 3 for line in lines]])

    expected = npv_of_amounts(SETTINGS_3Y, costs, benefits, means(costs), means(benefits))[0]
    assert abs(npvs.mean() - expected) < 4 * npvs.std() / np.sqrt(npvs.size)


ranged_lines = st.lists(
    st.tuples(st.floats(0, 1_000_000), st.floats(0, 1_000_000), st.floats(0, 1_000_000), st.integers(0, 3)).map(
        lambda t: (*sorted(t[:3]), t[3])
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(ranged_lines, ranged_lines, st.integers(0, 2**32 - 1))
def test_every_run_lies_between_the_worst_and_the_best_case_and_the_percentiles_are_ordered(costs, benefits, seed):
    cost_lines = [cost_line(likely, low=low, high=high, start_year=year) for low, likely, high, year in costs]
    benefit_lines = [benefit_line(likely, low=low, high=high, start_year=year) for low, likely, high, year in benefits]
    worst = evaluate_case(SETTINGS_3Y, _at(cost_lines, "high"), _at(benefit_lines, "low")).npv
    best = evaluate_case(SETTINGS_3Y, _at(cost_lines, "low"), _at(benefit_lines, "high")).npv
    npvs = simulate_npv(SETTINGS_3Y, cost_lines, benefit_lines, runs=300, seed=seed)
    slack = 1e-9 * max(1.0, abs(worst), abs(best))
    assert (npvs >= worst - slack).all() and (npvs <= best + slack).all()
    result = npv_distribution(SETTINGS_3Y, cost_lines, benefit_lines, runs=300, seed=seed)
    assert result.p10 <= result.p50 <= result.p90


def _at(lines, which):
    """The lines fixed at their low or their high amount."""
    return [{**line, "likely": line[which], "low": line[which], "high": line[which]} for line in lines]
