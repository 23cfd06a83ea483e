"""Health checks on the foundations: a shared need, a 3-5 year vision, business leadership,
champions with backups, and what is in it for the people who matter."""

from __future__ import annotations

import re

from strategy.deliver.plan_window import plan_end
from strategy.discover.needs import recognition_findings
from strategy.discover.people import business_led_findings, champion_coverage, key_without_wiifm
from strategy.health.types import Check, HealthInput, HealthResult, Status

ENOUGH_DEPARTMENTS = 3
YEAR = re.compile(r"\b(20\d\d)\b")  # a year the vision names, e.g. "By 2029 …"


def compelling_need(inp: HealthInput) -> HealthResult:
    records = inp.records
    needs = records["need"]
    warnings = [f.message for f in recognition_findings(needs) if f.level == "warning"]
    departments = {str(n["department"]).strip() for n in needs}
    evidence = f"{len(needs)} needs from {len(departments)} departments"
    if not needs or any("recognised throughout" in w for w in warnings):
        return HealthResult("fail", "; ".join(warnings) or "no needs captured")
    if warnings or len(departments) < ENOUGH_DEPARTMENTS:
        return HealthResult("warn", "; ".join([evidence, *warnings]))
    return HealthResult("pass", evidence + ", raised top-down and bottom-up")


def vision_horizon(inp: HealthInput) -> HealthResult:
    records = inp.records
    vision = records["vision"][0] if records["vision"] else None
    priorities = len(records["priority"])
    if not vision or not str(vision["statement"]).strip():
        return HealthResult("fail", "no vision statement written")
    end = plan_end(inp.workspace.plan_start, inp.workspace.horizon_years)
    beyond = sorted({int(year) for year in YEAR.findall(str(vision["statement"])) if int(year) > end.year})
    if beyond:
        return HealthResult(
            "fail",
            f"the vision is dated {beyond[-1]}, beyond the plan's horizon (it ends {end:%B %Y}): date the "
            "destination inside the plan, or lengthen the horizon",
        )
    if not priorities:
        return HealthResult("warn", "a vision statement, but no strategic priorities to steer by")
    return HealthResult(
        "pass", f"a written vision with {priorities} priorities, inside the plan's horizon (to {end:%B %Y})"
    )


def business_led(inp: HealthInput) -> HealthResult:
    records = inp.records
    findings = business_led_findings(records["stakeholder"], records["objective"])
    warnings = [f for f in findings if f.level == "warning"]
    if not warnings:
        return HealthResult("pass", findings[0].message)
    serious = {"no_sponsor", "it_sponsor", "it_led"}
    status: Status = "fail" if any(f.code in serious for f in warnings) else "warn"
    return HealthResult(status, " ".join(f.message for f in warnings))


def champions(inp: HealthInput) -> HealthResult:
    records = inp.records
    covers = champion_coverage(records["need"], records["stakeholder"])
    if not covers:
        return HealthResult("fail", "no department has raised needs or has users yet, so no champions are planned")
    gaps = [c for c in covers if not c.covered]
    if not gaps:
        return HealthResult("pass", f"all {len(covers)} departments have an active champion and a backup")
    status: Status = "warn" if all(c.status == "no_backup" for c in gaps) else "fail"
    return HealthResult(status, "; ".join(f"{c.department}: {c.message}" for c in gaps))


def wiifm(inp: HealthInput) -> HealthResult:
    records = inp.records
    missing = key_without_wiifm(records["stakeholder"])
    if missing:
        return HealthResult("fail", "no 'what's in it for me' for " + ", ".join(p["name"] for p in missing))
    return HealthResult("pass", "every key stakeholder (influence 4-5) has a 'what's in it for me'")


CHECKS = (
    Check("HEALTH-NEED", "Compelling need recognised across departments", "pages/needs.py", compelling_need),
    Check("HEALTH-VISION", "Vision over 3-5 years", "pages/vision.py", vision_horizon),
    Check("HEALTH-SPONSOR", "Business-led sponsorship", "pages/stakeholders.py", business_led),
    Check("HEALTH-CHAMPIONS", "Champions with backups in each department", "pages/stakeholders.py", champions),
    Check("HEALTH-WIIFM", "WIIFM for key stakeholders", "pages/stakeholders.py", wiifm),
)
