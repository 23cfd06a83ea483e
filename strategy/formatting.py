"""How figures are written for people: money with its currency, shares as percentages."""

from __future__ import annotations

SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(amount: float | None, currency: str) -> str:
    """£1.23m, €450k, $900: short enough to read off a slide, exact enough to act on."""
    if amount is None:
        return "—"
    sign = "−" if amount < 0 else ""
    value = abs(amount)
    symbol = SYMBOLS.get(currency)
    if value >= 1_000_000:
        body = f"{value / 1_000_000:.2f}m"
    elif value >= 10_000:
        body = f"{value / 1_000:.0f}k"
    else:
        body = f"{value:,.0f}"
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency}"


def percent(share: float | None, digits: int = 0) -> str:
    return "—" if share is None else f"{share * 100:.{digits}f} %"
