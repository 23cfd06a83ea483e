"""KPIs: a library from CRM practice to pick from, and the checks each objective's KPIs must pass —
a leading and a lagging one, every leading KPI tied to the lagging KPI it moves, targets the good way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from strategy.define.method import Finding
from strategy.errors import FieldError, InvalidInput

Record = Mapping[str, Any]
Kind = Literal["leading", "lagging"]


@dataclass(frozen=True)
class LibraryKpi:
    """A KPI CRM practitioners use, ready to attach to an objective."""

    key: str
    name: str
    kind: Kind
    unit: str
    good_direction: Literal["up", "down"]
    meaning: str
    leads: str | None = None  # the library KPI it usually moves
    lag_months: int | None = None
    category: str = "general"  # the value discipline it measures (models.base.KpiCategory)


LIBRARY: tuple[LibraryKpi, ...] = (
    LibraryKpi(
        "active_base",
        "Active base",
        "lagging",
        "customers",
        "up",
        "Customers active in the last 12 months.",
        category="customer_intimacy",
    ),
    LibraryKpi("total_transactions", "Total transactions", "lagging", "transactions", "up", "Purchases in the period."),
    LibraryKpi(
        "first_purchase",
        "New customers converting to a first purchase",
        "lagging",
        "%",
        "up",
        "Share of new sign-ups who buy within the conversion window.",
        category="customer_intimacy",
    ),
    LibraryKpi(
        "won_back",
        "Customers won back",
        "lagging",
        "customers",
        "up",
        "Lapsed customers who bought again.",
        category="customer_intimacy",
    ),
    LibraryKpi(
        "lapsed",
        "Customers lapsed",
        "lagging",
        "customers",
        "down",
        "Customers inactive for 12 months.",
        category="customer_intimacy",
    ),
    LibraryKpi(
        "lead_volume",
        "Lead volume",
        "leading",
        "leads/month",
        "up",
        "New leads entering the pipeline.",
        "total_transactions",
        3,
    ),
    LibraryKpi(
        "qualification_rate",
        "Qualification rate",
        "leading",
        "%",
        "up",
        "Share of leads qualified as real opportunities.",
        "close_rate",
        3,
        category="operational_excellence",
    ),
    LibraryKpi("close_rate", "Close rate", "lagging", "%", "up", "Share of qualified opportunities won."),
    LibraryKpi(
        "retention_rate",
        "Retention rate",
        "lagging",
        "%",
        "up",
        "Customers kept over the period.",
        category="customer_intimacy",
    ),
    LibraryKpi(
        "adoption_rate",
        "CRM adoption rate",
        "leading",
        "%",
        "up",
        "Active users divided by licensed users.",
        "retention_rate",
        6,
    ),
    LibraryKpi(
        "licensed_users",
        "Licensed CRM users",
        "leading",
        "users",
        "up",
        "Users holding a CRM licence; with active users it gives the adoption rate.",
        "retention_rate",
        6,
    ),
    LibraryKpi(
        "active_users",
        "Active CRM users",
        "leading",
        "users",
        "up",
        "Licensed users who worked in the CRM this month.",
        "retention_rate",
        6,
    ),
    LibraryKpi(
        "data_completeness",
        "Data completeness",
        "leading",
        "%",
        "up",
        "Share of customer records with every required field filled.",
        "retention_rate",
        6,
    ),
    LibraryKpi(
        "cost_to_serve",
        "Cost to serve per customer",
        "lagging",
        "money",
        "down",
        "Service, sales and marketing cost divided by active customers.",
        category="operational_excellence",
    ),
    LibraryKpi(
        "first_contact_resolution",
        "First-contact resolution",
        "lagging",
        "%",
        "up",
        "Share of customer contacts resolved without a follow-up.",
        category="operational_excellence",
    ),
    LibraryKpi(
        "new_product_share",
        "Revenue from new products",
        "lagging",
        "%",
        "up",
        "Share of revenue from products launched in the last two years.",
        category="product_leadership",
    ),
)
LIBRARY_BY_KEY = {k.key: k for k in LIBRARY}


def kpi_from_library(key: str, objective_id: int) -> dict[str, Any]:
    """A KPI record prefilled from the library; baseline, target and date are for the room to set."""
    item = LIBRARY_BY_KEY[key]
    return {
        "name": item.name,
        "kind": item.kind,
        "unit": item.unit,
        "good_direction": item.good_direction,
        "lag_months": item.lag_months if item.kind == "leading" else None,
        "library_key": item.key,
        "category": item.category,
        "objective_id": objective_id,
    }


def kpi_category(kpi: Record) -> str | None:
    """What a KPI measures: its own category, else its library KPI's, else unknown (None)."""
    item = LIBRARY_BY_KEY.get(kpi.get("library_key") or "")
    return kpi.get("category") or (item.category if item else None)


def require_category(kpi: Record) -> None:
    """A custom KPI (not from the library) must say what it measures, so the health check can
    match it to the lead value discipline without guessing from its name."""
    if kpi_category(kpi) is None:
        raise InvalidInput([FieldError("category", "say what this KPI measures (a value discipline, or general)")])


def kpi_counts(kpis: Sequence[Record]) -> dict[int, Counter[str]]:
    """How many leading and lagging KPIs each objective has."""
    found: dict[int, Counter[str]] = {}
    for kpi in kpis:
        found.setdefault(kpi["objective_id"], Counter())[kpi["kind"]] += 1
    return found


def tidy_kpi(values: Mapping[str, Any], stored_kind: str | None = None) -> dict[str, Any]:
    """A KPI's fields as a form submits them (all, or only the changed ones of a stored KPI of
    `stored_kind`), made consistent: only a leading KPI leads another KPI, after a lag."""
    data = dict(values)
    if data.get("kind", stored_kind) != "leading":
        data["leads_kpi_id"] = None
        data["lag_months"] = None
    return data


def suggested_lagging(kpi: Record, kpis: Sequence[Record]) -> Record | None:
    """For a leading library KPI, the objective's lagging KPI it usually moves (close rate for
    qualification rate), when the objective has one."""
    item = LIBRARY_BY_KEY.get(kpi.get("library_key") or "")
    if item is None or item.leads is None:
        return None
    return next(
        (k for k in kpis if k["objective_id"] == kpi["objective_id"] and k.get("library_key") == item.leads),
        None,
    )


def balance_findings(objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """KPI-BALANCE: objectives lacking a leading or a lagging KPI."""
    kinds: dict[int, set[str]] = {}
    for kpi in kpis:
        kinds.setdefault(kpi["objective_id"], set()).add(kpi["kind"])
    found = []
    for objective in objectives:
        missing = [kind for kind in ("leading", "lagging") if kind not in kinds.get(objective["id"], set())]
        if missing:
            found.append(
                Finding(
                    "KPI-BALANCE",
                    "objective",
                    objective["id"],
                    objective["title"],
                    f"no {' and no '.join(missing)} KPI",
                )
            )
    return found


def leads_findings(objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """KPI-LEADS: leading KPIs that do not name a lagging KPI and a lag in months."""
    by_id = {k["id"]: k for k in kpis}
    found = []
    for kpi in (k for k in kpis if k["kind"] == "leading"):
        target = by_id.get(kpi.get("leads_kpi_id"))
        problems = []
        if target is None:
            problems.append("names no lagging KPI it moves")
        elif target["kind"] != "lagging":
            problems.append(f"points at '{target['name']}', which is not a lagging KPI")
        if kpi.get("lag_months") is None:
            problems.append("has no lag in months")
        if problems:
            found.append(Finding("KPI-LEADS", "kpi", kpi["id"], kpi["name"], " and ".join(problems)))
    return found


def direction_findings(objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """KPI-DIRECTION: targets on the wrong side of the baseline for the good direction."""
    found = []
    for kpi in kpis:
        baseline, target = kpi.get("baseline"), kpi.get("target")
        if baseline is None or target is None or target == baseline:
            continue
        wrong = target < baseline if kpi["good_direction"] == "up" else target > baseline
        if wrong:
            found.append(
                Finding(
                    "KPI-DIRECTION",
                    "kpi",
                    kpi["id"],
                    kpi["name"],
                    f"good direction is {kpi['good_direction']}, yet the target {target:g} is "
                    f"{'below' if target < baseline else 'above'} the baseline {baseline:g}",
                )
            )
    return found


@dataclass(frozen=True)
class KpiRule:
    """An implementation of a rule-book rule over an objective set and its KPIs."""

    rule_id: str
    find: Callable[[Sequence[Record], Sequence[Record]], list[Finding]]


RULES: tuple[KpiRule, ...] = (
    KpiRule("KPI-BALANCE", balance_findings),
    KpiRule("KPI-LEADS", leads_findings),
    KpiRule("KPI-DIRECTION", direction_findings),
)


def kpi_findings(objectives: Sequence[Record], kpis: Sequence[Record]) -> list[Finding]:
    """Every KPI rule's findings, in rule order."""
    return [finding for rule in RULES for finding in rule.find(objectives, kpis)]
