"""A seeded, realistic workspace at any size, in the import format, for the benchmark and stress runs.

Every record is a copy of one in the sample strategy with a new key, a numbered title and references
re-pointed at the generated records, so it passes the importer's checks. `large` is a big retailer's or
bank's CRM programme over five years (12,428 records); `medium` is a tenth of it.
"""

from __future__ import annotations

import json
import random
from copy import deepcopy
from datetime import date, timedelta
from typing import Any

from models.settings import ROOT

SAMPLE = ROOT / "data" / "sample_strategy.json"
SIZES: dict[str, dict[str, int]] = {
    "large": {
        "initiatives": 1000,
        "needs": 300,
        "stakeholders": 100,
        "objectives": 150,
        "kpis": 400,
        "measurements_per_kpi": 24,
        "costs": 400,
        "benefits": 200,
        "change_requests": 200,
        "datasets": 50,
        "waves": 8,
    },
}
SIZES["medium"] = {name: max(1, count // 10) for name, count in SIZES["large"].items()} | {
    "measurements_per_kpi": 24,
    "waves": 5,
}


def _copies(templates: list[dict[str, Any]], count: int, prefix: str) -> list[dict[str, Any]]:
    """`count` records cycled from the templates, keyed prefix-1 …; titles numbered so they stay apart."""
    out = []
    for n in range(count):
        item = deepcopy(templates[n % len(templates)])
        item["key"] = f"{prefix}-{n + 1}"
        for text in ("title", "name"):
            if text in item:
                item[text] = f"{n + 1}. {item[text]}"[:200]  # the number first: short labels still differ
        out.append(item)
    return out


def _pick(rng: random.Random, keys: list[str], k: int) -> list[str]:
    return rng.sample(keys, min(k, len(keys)))


def generate(size: str, seed: int = 12) -> dict[str, Any]:
    """The import document for a size ('sample' returns the sample itself)."""
    document: dict[str, Any] = json.loads(SAMPLE.read_text())
    if size == "sample":
        return document
    counts, rng = SIZES[size], random.Random(seed)
    document["workspace"] |= {"name": f"Benchmark ({size})", "horizon_years": 5}
    document["workspace"]["adoption_ramp"] = [0.4, 0.65, 0.8, 0.85, 0.9]
    people = _copies(document["stakeholders"], counts["stakeholders"], "s")
    for n, person in enumerate(people):
        person["backup"] = people[n - 1]["key"] if person["backup"] and n else None
    document["stakeholders"] = people
    priorities = [p["key"] for p in document["priorities"]]
    document["needs"] = _copies(document["needs"], counts["needs"], "n")
    for need in document["needs"]:
        need["priority"] = rng.choice(priorities)
    _objectives_and_kpis(document, counts, rng)
    _initiatives(document, counts, rng)
    # A programme this size staffs up: capacity fits the work into the plan's five years with some room,
    # and the pilot caps match its first wave.
    effort = sum(float(i["effort"]) for i in document["initiatives"])
    first_wave = [i for i in document["initiatives"] if i["wave"] == 1]
    document["workspace"] |= {
        "capacity_per_quarter": round(1.5 * effort / (4 * document["workspace"]["horizon_years"])),
        "pilot_max_initiatives": min(20, len(first_wave)),
        "pilot_max_effort": sum(float(i["effort"]) for i in first_wave),
    }
    _money(document, counts, rng)
    document["change_requests"] = _copies(document["change_requests"], counts["change_requests"], "cr")
    initiatives = [i["key"] for i in document["initiatives"]]
    for request in document["change_requests"]:
        request["initiative"] = rng.choice(initiatives) if request["initiative"] else None
    document["datasets"] = _copies(document["datasets"], counts["datasets"], "d")
    _follow_copies(document)
    return document


# The sample's tracking records refer to its KPIs, initiatives and change requests; the copy of sample
# record k12 is k-12 (copies cycle through the sample in order), so each reference follows its copy.
FOLLOWS = {
    "funnel_stages": ("kpi",),
    "feedback": ("change_request",),
    "unused_capabilities": ("initiative", "change_request"),
    "change_effects": ("change_request", "initiative", "after_initiative"),
}


def _follow_copies(document: dict[str, Any]) -> None:
    for collection, fields in FOLLOWS.items():
        for record in document.get(collection, []):
            for name in fields:
                key = record.get(name)
                if key:
                    prefix = key.rstrip("0123456789")
                    record[name] = f"{prefix}-{key[len(prefix) :]}"


def _objectives_and_kpis(document: dict[str, Any], counts: dict[str, int], rng: random.Random) -> None:
    owners = [p["key"] for p in document["stakeholders"]]
    needs = [n["key"] for n in document["needs"]]
    objectives = _copies(document["objectives"], counts["objectives"], "o")
    for objective in objectives:
        objective |= {"owner": rng.choice(owners), "needs": _pick(rng, needs, 2)}
    document["objectives"] = objectives
    kpis = _copies(document["kpis"], counts["kpis"], "k")
    for n, kpi in enumerate(kpis):
        kpi["objective"] = objectives[n % len(objectives)]["key"]
        lagging = kpis[n - len(objectives)] if n >= len(objectives) else None
        if kpi["kind"] == "leading" and lagging is not None and lagging["kind"] == "lagging":
            kpi["leads_kpi"], kpi["objective"] = lagging["key"], lagging["objective"]
        else:
            kpi["leads_kpi"] = None
    document["kpis"] = kpis
    start = date.fromisoformat(document["workspace"]["plan_start"])
    document["measurements"] = [
        {
            "key": f"m-{kpi['key']}-{month}",
            "kpi": kpi["key"],
            "measured_on": (start + timedelta(days=30 * month + 27)).isoformat(),
            "value": round(float(kpi["baseline"]) + (float(kpi["target"]) - float(kpi["baseline"])) * month / 48, 2),
            "note": "",
        }
        for kpi in kpis
        for month in range(counts["measurements_per_kpi"])
    ]


def _initiatives(document: dict[str, Any], counts: dict[str, int], rng: random.Random) -> None:
    """Waves in order; each initiative after the first wave waits for two of the wave before it."""
    objectives = [o["key"] for o in document["objectives"]]
    capabilities = [c["key"] for c in document["capabilities"]]
    owners = [p["key"] for p in document["stakeholders"]]
    total = counts["initiatives"]
    initiatives = _copies(document["initiatives"], total, "i")
    for n, item in enumerate(initiatives):
        item["wave"] = 1 + n * counts["waves"] // total
        earlier = [i["key"] for i in initiatives[:n] if i["wave"] == item["wave"] - 1]
        item |= {
            "status": "planned",
            "owner": rng.choice(owners),
            "capability": rng.choice(capabilities),
            "objectives": _pick(rng, objectives, 2),
            "depends_on": _pick(rng, earlier, 2),
            "pinned_start": None,
            "scheduled_start": None,
            "scheduled_end": None,
        }
    document["initiatives"] = initiatives


def _money(document: dict[str, Any], counts: dict[str, int], rng: random.Random) -> None:
    initiatives = [i["key"] for i in document["initiatives"]]
    objectives = {o["key"] for o in document["objectives"]}
    kpis = {k["key"]: k["objective"] for k in document["kpis"]}
    document["costs"] = _copies(document["costs"], counts["costs"], "x")
    for cost in document["costs"]:
        cost["initiative"] = rng.choice(initiatives) if cost["initiative"] else None
    document["benefits"] = _copies(document["benefits"], counts["benefits"], "b")
    for benefit in document["benefits"]:
        benefit["initiative"] = rng.choice(initiatives)
        kpi = rng.choice(sorted(kpis))
        benefit["kpi"] = kpi if benefit.get("kpi") else None
        benefit["objective"] = kpis[kpi] if benefit.get("objective") else None
        assert benefit["objective"] is None or benefit["objective"] in objectives


def actuals_csv(names: list[str], rows: int) -> bytes:
    """A kpi,date,value upload of `rows` lines spread over the KPIs, on days no actual holds yet."""
    days = [date(2000, 1, 1) + timedelta(days=n) for n in range(rows // len(names) + 1)]
    lines = [f"{name},{day.isoformat()},{n}" for n, (day, name) in enumerate((d, k) for d in days for k in names)]
    return ("kpi,date,value\n" + "\n".join(lines[:rows]) + "\n").encode()
