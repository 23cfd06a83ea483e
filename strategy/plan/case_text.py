"""How the business case's figures read on a slide: money, shares, months, and the figures
that do not exist (no costs → ROI undefined; no sign change → no IRR)."""

from __future__ import annotations

SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "INR": "₹"}
ROI_UNDEFINED = "ROI undefined (no costs)"
RATIO_UNDEFINED = "undefined (no costs)"
NO_IRR = "none (the net cash flow never turns)"
NO_PAYBACK = "not within the horizon"
# An empty case has no NPV, ROI or payback to show (not zeros): only where to start.
EMPTY_CASE = (
    "No cost or benefit lines yet. Add a cost and a benefit first on the **Costs and benefits** tab: "
    "NPV, ROI, payback and the scenarios follow from them."
)


def money(amount: float, currency: str) -> str:
    """£1.23m, €450k, $900: short enough to read off a projector, exact enough to act on."""
    sign = "−" if amount < 0 else ""
    value = abs(amount)
    if value >= 1_000_000:
        body = f"{value / 1_000_000:.2f}m"
    elif value >= 10_000:
        body = f"{value / 1_000:.0f}k"
    else:
        body = f"{value:,.0f}"
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency}"


def percent(share: float, digits: int = 0) -> str:
    """12 %, −29 % (a true minus sign, as in money)."""
    return f"{share * 100:.{digits}f} %".replace("-", "−")


def roi_text(roi: float | None) -> str:
    return ROI_UNDEFINED if roi is None else percent(roi)


def ratio_text(ratio: float | None) -> str:
    return RATIO_UNDEFINED if ratio is None else f"{ratio:.2f}"


def irr_text(irr: float | None) -> str:
    return NO_IRR if irr is None else percent(irr, 1)


def payback_short(months: float | None) -> str:
    """Payback for a headline tile: '32.5 months', or 'never' within the horizon."""
    if months is None:
        return "not reached"
    return f"{months:.1f} months"


def payback_text(months: float | None) -> str:
    """Payback in months with the year it falls in, e.g. '30.5 months (year 3)'."""
    if months is None:
        return NO_PAYBACK
    if months == 0:
        return "immediate (never below zero)"
    return f"{months:.1f} months (year {int(-(-months // 12))})"


METHOD = """
**How the figures are worked out** (the same conventions in the app, the CLI and the brief)

- **Years.** Cash flows run from year 0 (the initial investment) to the plan's horizon (3-5 years).
- **Benefits** in year *t* = likely amount × (1 − benefit risk) × adoption in year *t* when the line
  depends on adoption, otherwise × 1. Nothing before the line's start year; year 0 carries no benefit.
  An adoption ramp shorter than the horizon repeats its last share.
- **Costs** in year *t* = likely amount × (1 + cost risk): a one-off cost in its start year only, a
  recurring cost in every year from its start year.
- **Present value.** Year *t* is discounted by (1 + discount rate)^*t*; year 0 is not discounted.
  NPV = PV(benefits) − PV(costs). ROI = NPV ÷ PV(costs). Benefit/cost ratio = PV(benefits) ÷ PV(costs).
  With no costs, ROI and the ratio are undefined.
- **IRR** is the rate at which the net cash flows' NPV is zero; some flows have none (they never turn).
- **Payback** is when the cumulative undiscounted net cash flow reaches zero, interpolated within the
  year it turns (year *t* spans months 12(*t* − 1) to 12*t*).
- **Risk.** The Monte Carlo draws every line's amount from a triangular distribution between its low
  and high, peaking at its likely amount; the tornado moves one line at a time to its low and its high.
"""
