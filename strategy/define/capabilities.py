"""Capability assessment: dimensions rated now and as needed (1-5) through a lens, the gaps between,
and a gap turned into a roadmap initiative in one step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.labels import plural
from strategy.edits import TableEdits

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Lens:
    """A way of cutting the organisation into dimensions to rate."""

    key: str
    label: str
    dimensions: dict[str, str]  # dimension -> what to look at when rating it


LENSES: dict[str, Lens] = {
    "core": Lens(
        "core",
        "Culture, people, process, technology",
        {
            "culture": "Do people see customer data and relationships as everyone's job, not marketing's or IT's?",
            "people": "Are there the skills, roles, champions and time to run CRM day to day?",
            "process": "Are customer processes designed outside-in, end to end, and followed?",
            "technology": "Does the platform support those processes, with data joined up across channels?",
        },
    ),
    "gartner": Lens(
        "gartner",
        "Gartner's eight building blocks",
        {
            "vision": "Is there a shared picture of the customer relationship the business wants?",
            "strategy": "Is there a plan for which customers to win, keep and grow, and how?",
            "customer experience": "Is the experience designed and measured from the customer's side?",
            "organisational collaboration": "Do departments share customer information and hand over smoothly?",
            "processes": "Are customer processes defined, owned and improved?",
            "information": "Is customer data complete, current and available to every team that needs it?",
            "technology": "Do the systems support the processes, integrated rather than in silos?",
            "metrics": "Are customer KPIs chosen, measured and reviewed, leading and lagging?",
        },
    ),
}
DEFAULT_LENS = "core"


@dataclass(frozen=True)
class Gap:
    """One rated dimension: how far it must move, with the record it came from."""

    capability_id: int
    dimension: str
    current: int
    target: int
    notes: str

    @property
    def size(self) -> int:
        return self.target - self.current


def ratings(capabilities: Sequence[Record], lens: str) -> list[Record]:
    """The lens's ratings in the lens's own order; dimensions not in the lens come last."""
    order = list(LENSES[lens].dimensions)
    found = [c for c in capabilities if c["lens"] == lens]
    return sorted(
        found, key=lambda c: (order.index(c["dimension"]) if c["dimension"] in order else len(order), c["id"])
    )


def unrated(capabilities: Sequence[Record], lens: str) -> list[str]:
    """The lens's dimensions nobody has rated yet."""
    rated = {c["dimension"] for c in capabilities if c["lens"] == lens}
    return [d for d in LENSES[lens].dimensions if d not in rated]


def gaps(capabilities: Sequence[Record], lens: str) -> list[Gap]:
    """Every rated dimension of the lens, largest gap first (ties in the lens's order)."""
    found = [
        Gap(c["id"], c["dimension"], c["current"], c["target"], c.get("notes") or "")
        for c in ratings(capabilities, lens)
    ]
    return sorted(found, key=lambda g: -g.size)


@dataclass(frozen=True)
class GapSummary:
    """The lens's open gaps (largest first), how many dimensions were rated and which were not:
    'no gaps' is a verdict only on what somebody rated, never on a form's presets."""

    open: tuple[Gap, ...]
    rated: int
    unrated: tuple[str, ...]

    @property
    def message(self) -> str | None:
        """What to say when no gap is open; None when there are gaps to list."""
        if self.open:
            return None
        if not self.rated:
            return "Not rated yet: rate each dimension today and as the vision needs it, then **Save ratings**."
        if self.unrated:
            return (
                f"No gaps among the {plural(self.rated, 'rated dimension')}; not rated yet: {', '.join(self.unrated)}."
            )
        return "No gaps: every dimension is at its target."


def gap_summary(capabilities: Sequence[Record], lens: str) -> GapSummary:
    found = gaps(capabilities, lens)
    return GapSummary(tuple(g for g in found if g.size > 0), len(found), tuple(unrated(capabilities, lens)))


def rating_edits(
    lens: str, rated: Mapping[str, tuple[int, int]], submitted: Mapping[str, Mapping[str, Any]]
) -> TableEdits:
    """What a ratings form saves: an edit (checked against the version shown) for each dimension
    already rated, a new rating for each dimension rated the first time.

    `rated` maps a dimension to its (record id, version); `submitted` maps a dimension to the
    fields to write — the changed ones for a rated dimension, all of them for a new one.
    """
    edits = TableEdits()
    for dimension, values in submitted.items():
        if not values:
            continue
        if dimension in rated:
            record_id, version = rated[dimension]
            edits.edited[record_id] = (version, dict(values))
        else:
            edits.added.append({"lens": lens, "dimension": dimension, **values})
    return edits


def initiative_from_gap(gap: Gap, lens: str) -> dict[str, Any]:
    """A proposed initiative that closes the gap, linked to the capability it raises."""
    lens_label = LENSES[lens].label if lens in LENSES else lens
    notes = f" Assessment notes: {gap.notes}" if gap.notes else ""
    return {
        "title": f"Close the {gap.dimension} gap ({gap.current} → {gap.target})"[:120],
        "description": (
            f"Raise {gap.dimension} from {gap.current} to {gap.target} on the 1-5 scale ({lens_label} lens).{notes}"
        )[:2000],
        "status": "proposed",
        "capability_id": gap.capability_id,
    }


def initiatives_by_capability(initiatives: Sequence[Record]) -> dict[int, list[Record]]:
    """The initiatives already raising each capability, so a gap is not turned into work twice unseen."""
    found: dict[int, list[Record]] = {}
    for initiative in initiatives:
        if initiative.get("capability_id") is not None:
            found.setdefault(initiative["capability_id"], []).append(initiative)
    return found
