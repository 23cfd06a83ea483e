"""Health check on delivery: the first wave is a small pilot."""

from __future__ import annotations

from strategy.deliver.prioritise import pilot_breaches, wave_load
from strategy.health.types import Check, HealthInput, HealthResult


def small_first_wave(inp: HealthInput) -> HealthResult:
    ws = inp.workspace
    load = wave_load(inp.records["initiative"], 1)
    if load.count == 0:
        return HealthResult("fail", "no initiative is in wave 1: start with a small pilot")
    breaches = pilot_breaches(load, ws.pilot_max_initiatives, ws.pilot_max_effort)
    if breaches:
        return HealthResult("fail", "; ".join(breaches))
    return HealthResult(
        "pass",
        f"wave 1 holds {load.count} initiatives and {load.effort:g} person-weeks, within the "
        f"pilot caps ({ws.pilot_max_initiatives}, {ws.pilot_max_effort:g} person-weeks)",
    )


CHECKS = (Check("HEALTH-PILOT", "A first wave that starts small", "pages/roadmap.py", small_first_wave),)
