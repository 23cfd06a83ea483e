"""Data decay: the half-life practitioners quote, and stale records estimated from the last clean-up."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy.sustain.decay import accurate_share, half_life_years, stale_records

# Published B2B decay of 22-35 % a year means a half-life of roughly 2-3 years.
PUBLISHED_RANGE = [(0.22, 2.79), (0.25, 2.41), (0.30, 1.94), (0.35, 1.61)]


@pytest.mark.parametrize(("rate", "half_life"), PUBLISHED_RANGE)
def test_half_life_of_published_decay_rates(rate, half_life):
    assert half_life_years(rate) == pytest.approx(half_life, abs=0.01)


def test_data_that_does_not_decay_has_no_half_life():
    assert half_life_years(0.0) is None


def test_stale_records_since_the_last_clean_up():
    assert stale_records(1000, 0.25, date(2025, 1, 1), date(2026, 1, 1)) == 250
    assert stale_records(1000, 0.25, None, date(2026, 1, 1)) == round(1000 * (1 - 0.75**3))


@given(st.floats(0, 1), st.floats(0, 50), st.floats(0, 50))
def test_accuracy_never_rises_with_time(rate, earlier, later):
    first, second = sorted((earlier, later))
    assert accurate_share(rate, second) <= accurate_share(rate, first) + 1e-12


def test_bad_rates_are_refused():
    with pytest.raises(ValueError, match="between 0 and 1"):
        accurate_share(1.5, 1)
