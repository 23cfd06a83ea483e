"""Health check on delivery: the first wave is a small pilot, by the workspace's caps and by its
share of all the planned effort (raising the caps never turns a big bang into a pilot)."""

from __future__ import annotations

from strategy.deliver.prioritise import pilot_breaches, wave_load
from strategy.health.types import Check, HealthInput, HealthResult

PARKED = ("parked",)


def small_first_wave(inp: HealthInput) -> HealthResult:
    ws = inp.workspace
    initiatives = inp.records["initiative"]
    load = wave_load(initiatives, 1, excluding=PARKED)
    if load.count == 0:
        return HealthResult("fail", "no initiative is in wave 1: start with a small pilot")
    total = sum(float(i["effort"]) for i in initiatives if i["status"] not in PARKED)
    share, most = load.effort / total if total else 1.0, inp.settings.health_pilot_max_share
    breaches = pilot_breaches(load, ws.pilot_max_initiatives, ws.pilot_max_effort)
    if share > most + 1e-9:
        breaches.append(
            f"wave 1 holds {share:.0%} of all planned effort ({load.effort:g} of {total:g} person-weeks); "
            f"a pilot holds {most:.0%} at most"
        )
    if breaches:
        return HealthResult("fail", "; ".join(breaches))
    return HealthResult(
        "pass",
        f"wave 1 holds {load.count} initiatives and {load.effort:g} person-weeks ({share:.0%} of all planned "
        f"effort), within the pilot caps ({ws.pilot_max_initiatives}, {ws.pilot_max_effort:g} person-weeks)",
    )


CHECKS = (Check("HEALTH-PILOT", "A first wave that starts small", "pages/roadmap.py", small_first_wave),)
