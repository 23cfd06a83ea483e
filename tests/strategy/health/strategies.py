"""A minimal strategy that passes every health rule, and the classic failures of CRM practice, each
one small change away from it — as an advisor would try the health check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.registry import ENTITIES

TODAY = date(2026, 11, 23)  # the workspace's plan runs 2026-2028 (tests.factories.workspace_settings)
Records = dict[str, list[dict[str, Any]]]


def person(pid: int, name: str, department: str = "Sales", **extra: Any) -> dict[str, Any]:
    base = {
        "id": pid,
        "name": name,
        "department": department,
        "side": "business",
        "is_sponsor": False,
        "is_champion": False,
        "is_power_user": False,
        "active": True,
        "backup_id": None,
        "influence": 3,
        "interest": 3,
        "wiifm": "Fewer re-keyed orders",
    }
    return base | extra


def money_line(name: str, amount: float, year: int) -> dict[str, Any]:
    return {
        "name": name,
        "low": amount,
        "likely": amount,
        "high": amount,
        "start_year": year,
        "recurrence": "one_off",
        "adoption_dependent": False,
    }


def kpi(kid: int, name: str, kind: str, category: str | None, library_key: str | None = None) -> dict[str, Any]:
    """A KPI of objective 1 going from 100 to 200 by the end of 2027; a leading one moves KPI 1."""
    return {
        "id": kid,
        "objective_id": 1,
        "name": name,
        "kind": kind,
        "category": category,
        "library_key": library_key,
        "baseline": 100.0,
        "target": 200.0,
        "target_date": date(2027, 12, 31),
        "good_direction": "up",
        "cadence_months": 1,
        "leads_kpi_id": 1 if kind == "leading" and kid != 1 else None,
    }


def actual(kid: int, value: float, on: date = date(2026, 11, 1)) -> dict[str, Any]:
    return {"kpi_id": kid, "measured_on": on, "value": value, "note": ""}


def capability(cid: int, dimension: str, current: int, target: int) -> dict[str, Any]:
    return {"id": cid, "lens": "core", "dimension": dimension, "current": current, "target": target, "notes": ""}


def initiative(iid: int, wave: int, effort: float, capability_id: int | None) -> dict[str, Any]:
    return {"id": iid, "wave": wave, "status": "planned", "effort": effort, "capability_id": capability_id}


def change(title: str, status: str, raised_on: date, assessment: str = "Touches the web profile only") -> dict:
    return {"title": title, "status": status, "raised_on": raised_on, "impact_assessment": assessment}


def healthy() -> Records:
    """Every rule passes: a shared need, a dated vision, business-led, SMART and measured, a positive
    case, a small pilot, the largest gaps planned, a deciding committee, retention, reviews."""
    empty: Records = {e.kind: [] for e in ENTITIES}
    return empty | {
        "need": [
            {"department": "Sales", "level": "end_user"},
            {"department": "Service", "level": "end_user"},
            {"department": "Finance", "level": "leadership"},
        ],
        "stakeholder": [
            person(1, "Ada", is_sponsor=True, influence=5, wiifm="Renewals she can steer"),
            person(2, "Bo", is_champion=True, backup_id=3),
            person(3, "Cy"),
            person(4, "Di", "Service", is_champion=True, backup_id=5),
            person(5, "Ed", "Service"),
        ],
        "vision": [{"statement": "By 2028 every member is known as one person in every channel"}],
        "priority": [{"title": "Keep the members we have"}],
        "direction": [
            {
                "lead_discipline": "customer_intimacy",
                "continuum_current": 0.5,
                "continuum_target": 1.8,
                "answers": {"processes_defined": 1, "processes_defined@target": 2},
            }
        ],
        "capability": [
            capability(1, "culture", 2, 4),
            capability(2, "people", 2, 4),
            capability(3, "process", 3, 4),
            capability(4, "technology", 3, 4),
        ],
        "objective": [
            {
                "id": 1,
                "title": "Raise the renewal rate from 71 % to 78 % by 2027",
                "metric": "renewal rate",
                "unit": "%",
                "baseline": 71.0,
                "target": 78.0,
                "due_date": date(2027, 12, 31),
                "need_ids": [1],
                "priority_id": None,
                "owner_id": 1,
            }
        ],
        "kpi": [
            kpi(1, "Renewal rate", "lagging", None, "retention_rate"),
            kpi(2, "Members flagged at risk and contacted", "leading", "customer_intimacy"),
        ],
        "cost": [money_line("Licences", 100_000, 0)],
        "benefit": [money_line("Renewals kept", 80_000, 1), money_line("Renewals kept", 80_000, 2)],
        "initiative": [
            initiative(1, 1, 10, 1),
            initiative(2, 1, 8, 2),
            initiative(3, 2, 30, None),
            initiative(4, 3, 30, None),
        ],
        "change_request": [
            change("Add a consent date", "approved", date(2026, 10, 1)),
            change("Nightly ledger export", "submitted", date(2026, 11, 1)),
        ],
        "dataset": [{"name": "Members", "personal_data": True, "retention_months": 36}],
        "review": [{"held_on": date(2026, 10, 1), "cadence_months": 3}],
        "measurement": [actual(1, 200.0), actual(2, 200.0)],
        "step_review": [
            {"step": step, "reviewed_on": date(2026, 10, 1)}
            for step in ("discover", "define", "plan", "deliver", "sustain")
        ],
    }


@dataclass(frozen=True)
class Flaw:
    """One classic failure: the rule that must catch it, and how it is made from a healthy strategy."""

    rule_id: str
    name: str
    make: Callable[[Records], object]
    status: str = "fail"
    workspace: dict[str, Any] = field(default_factory=dict)  # overrides of the workspace's settings


def _set(records_of: str, index: int, /, **fields: Any) -> Callable[[Records], object]:
    return lambda r: r[records_of][index].update(fields)


def _replace(kind: str, rows: list[dict[str, Any]]) -> Callable[[Records], object]:
    return lambda r: r.__setitem__(kind, rows)


FLAWS: tuple[Flaw, ...] = (
    Flaw("HEALTH-NEED", "needs from IT alone", _replace("need", [{"department": "IT", "level": "leadership"}] * 3)),
    Flaw("HEALTH-VISION", "no vision statement", _replace("vision", [])),
    Flaw("HEALTH-VISION", "a vision dated beyond the horizon", _set("vision", 0, statement="By 2035 members love us")),
    Flaw("HEALTH-SPONSOR", "IT-led sponsorship", _set("stakeholder", 0, side="it")),
    Flaw("HEALTH-CHAMPIONS", "a champion who left", _set("stakeholder", 1, active=False)),
    Flaw("HEALTH-WIIFM", "no WIIFM for a key stakeholder", _set("stakeholder", 0, wiifm="")),
    Flaw("HEALTH-CONTINUUM", "CRM targeted as technology", _set("direction", 0, continuum_target=0.3)),
    Flaw("HEALTH-CONTINUUM", "CRM targeted only as process", _set("direction", 0, continuum_target=1.0), "warn"),
    Flaw("HEALTH-CONTINUUM", "the evidence questions never answered", _set("direction", 0, answers={})),
    Flaw(
        "HEALTH-FIT",
        "product leadership leads, one KPI matching",
        lambda r: (
            r["direction"][0].update(lead_discipline="product_leadership"),
            r["kpi"].append(kpi(3, "Revenue from new ranges", "lagging", "product_leadership")),
        ),
        "warn",
    ),
    Flaw(
        "HEALTH-DISCIPLINE",
        "cost KPIs named for renewals and win-back",
        _replace(
            "kpi",
            [
                kpi(1, "Cost per renewal", "lagging", "operational_excellence"),
                kpi(2, "Handling time of members won back", "leading", "operational_excellence"),
            ],
        ),
    ),
    Flaw("HEALTH-DISCIPLINE", "a custom KPI without a category", _set("kpi", 1, category=None), "warn"),
    Flaw("HEALTH-CAPABILITY", "culture, people, process, technology unrated", _replace("capability", [])),
    Flaw(
        "HEALTH-CAPABILITY",
        "culture and people at 1 of 5 with no initiative",
        lambda r: (
            r["capability"][0].update(current=1, target=5),
            r["capability"][1].update(current=1, target=5),
            [row.update(capability_id=None) for row in r["initiative"]],
        ),
    ),
    Flaw("HEALTH-SMART", "a non-SMART objective", _set("objective", 0, metric="", due_date=None)),
    Flaw("HEALTH-KPIS", "lagging KPIs only", _set("kpi", 1, kind="lagging")),
    Flaw("HEALTH-CASE", "a negative case", _replace("benefit", [money_line("Renewals kept", 5_000, 1)])),
    Flaw(
        "HEALTH-PILOT",
        "a big-bang first wave under caps raised to 20",
        lambda r: [row.update(wave=1) for row in r["initiative"]],
        workspace={"pilot_max_initiatives": 20, "pilot_max_effort": 500.0},
    ),
    Flaw("HEALTH-CHANGE", "no change control", _replace("change_request", [])),
    Flaw(
        "HEALTH-CHANGE",
        "a committee that never decides",
        _replace("change_request", [change("Add a consent date", "submitted", date(2026, 11, 1))]),
    ),
    Flaw(
        "HEALTH-CHANGE", "a request waiting half a year", _set("change_request", 1, raised_on=date(2026, 5, 1)), "warn"
    ),
    Flaw("HEALTH-DATA", "personal data with no retention", _set("dataset", 0, retention_months=None)),
    Flaw(
        "HEALTH-DATA",
        "personal data kept 20 years",
        _set("dataset", 0, retention_months=240),
        "warn",
    ),
    Flaw("HEALTH-REVIEW", "an overdue review", _set("review", 0, held_on=date(2026, 1, 5))),
    Flaw(
        "HEALTH-TRACK-LAG",
        "the leading KPI on track, its lagging KPI not moving",
        _set("measurement", 0, value=100.0),
        "warn",
    ),
    Flaw("HEALTH-TRACK-LAG", "no leading KPI tied to what it moves", _set("kpi", 1, leads_kpi_id=None)),
    Flaw(
        "HEALTH-TRACK-STALE",
        "tracking stopped in the spring",
        _replace("measurement", [actual(1, 150.0, date(2026, 4, 1)), actual(2, 150.0, date(2026, 4, 1))]),
    ),
    Flaw("HEALTH-STEP-REVIEW", "no journey step ever reviewed", _replace("step_review", [])),
)
