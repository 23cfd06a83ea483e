"""The people: where each stakeholder sits on the influence/interest grid, whether every department
has a champion (and a backup), who still lacks a "what's in it for me", and whether business leads.

Champions link users and the programme team; when one leaves, the link breaks unless a backup
takes over at once. Leaders own the programme and IT supports it: a programme led from IT alone
usually means there is no strategy behind it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from strategy.discover.needs import TOP_DOWN, Finding

Person = Mapping[str, Any]

HIGH = 4  # influence or interest of 4 or 5 counts as high on the 1-5 scale
QUADRANTS = {
    (True, True): "Manage closely",
    (True, False): "Keep satisfied",
    (False, True): "Keep informed",
    (False, False): "Monitor",
}
QUADRANT_ADVICE = {
    "Manage closely": "Involve them in decisions; they can make or break the programme.",
    "Keep satisfied": "Brief them on what matters to them; do not overload them.",
    "Keep informed": "Tell them regularly what is happening; they make good champions.",
    "Monitor": "Keep an eye on them; a light touch is enough.",
}


def quadrant(influence: int, interest: int) -> str:
    """The classic power/interest grid quadrant for one stakeholder."""
    return QUADRANTS[(influence >= HIGH, interest >= HIGH)]


def same_name(people: Sequence[Person], name: str) -> Person | None:
    """Someone already listed under this name, case and spacing aside: usually the same person twice."""
    wanted = " ".join(name.split()).casefold()
    return next((p for p in people if " ".join(str(p["name"]).split()).casefold() == wanted), None) if wanted else None


def key_without_wiifm(people: Sequence[Person]) -> list[Person]:
    """Active, high-influence stakeholders nobody has yet said what is in it for them."""
    return [p for p in people if p["active"] and p["influence"] >= HIGH and not str(p["wiifm"]).strip()]


@dataclass(frozen=True)
class DepartmentCover:
    """How one department is covered by champions.

    status: 'covered' (active champion with an active backup), 'no_backup', 'champion_left'
    (a champion left and no active champion remains) or 'no_champion'.
    """

    department: str
    status: str
    champions: tuple[str, ...] = ()
    backup: str | None = None
    left: tuple[str, ...] = ()
    proposed_id: int | None = None  # the backup to promote when a champion left
    left_id: int | None = None

    @property
    def covered(self) -> bool:
        return self.status == "covered"

    @property
    def message(self) -> str:
        return _COVER_MESSAGES[self.status](self)


_COVER_MESSAGES = {
    "covered": lambda c: f"{', '.join(c.champions)} (backup: {c.backup})",
    "no_backup": lambda c: f"{', '.join(c.champions)} has no active backup named: name one now",
    "champion_left": lambda c: (
        f"Champion {', '.join(c.left)} has left: make the backup {c.backup} the champion now"
        if c.backup
        else f"Champion {', '.join(c.left)} has left and no backup was named: appoint a replacement now"
    ),
    "no_champion": lambda c: "No champion: appoint one who cares about the outcome and has time for it",
}


def departments_needing_champions(needs: Sequence[Mapping[str, Any]], people: Sequence[Person]) -> list[str]:
    """Departments that raised needs bottom-up or have users (champions, power users), sorted.

    A need raised at leadership level alone does not call for a champion: champions link the
    people who use the system to the programme team.
    """
    found = {str(n["department"]).strip() for n in needs if n["level"] not in TOP_DOWN}
    found |= {str(p["department"]).strip() for p in people if p["is_power_user"] or p["is_champion"]}
    return sorted(d for d in found if d)


def _department_cover(department: str, people: Sequence[Person], by_id: Mapping[int, Person]) -> DepartmentCover:
    champions = [p for p in people if p["is_champion"] and str(p["department"]).strip() == department]
    active = [p for p in champions if p["active"]]
    left = [p for p in champions if not p["active"]]
    for champion in active:
        backup = by_id.get(champion["backup_id"] or -1)
        if backup is not None and backup["active"]:
            return DepartmentCover(department, "covered", (champion["name"],), backup["name"])
    if active:
        return DepartmentCover(department, "no_backup", tuple(p["name"] for p in active))
    if left:
        for gone in left:
            backup = by_id.get(gone["backup_id"] or -1)
            if backup is not None and backup["active"]:
                return DepartmentCover(
                    department, "champion_left", (), backup["name"], (gone["name"],), backup["id"], gone["id"]
                )
        return DepartmentCover(department, "champion_left", (), None, tuple(p["name"] for p in left))
    return DepartmentCover(department, "no_champion")


def champion_coverage(needs: Sequence[Mapping[str, Any]], people: Sequence[Person]) -> list[DepartmentCover]:
    """Every department that needs a champion, gaps first (a champion who left tops the list)."""
    by_id = {p["id"]: p for p in people}
    covers = [_department_cover(d, people, by_id) for d in departments_needing_champions(needs, people)]
    urgency = {"champion_left": 0, "no_champion": 1, "no_backup": 2, "covered": 3}
    return sorted(covers, key=lambda c: (urgency[c.status], c.department))


def _sponsor_findings(sponsors: Sequence[Person]) -> list[Finding]:
    if not sponsors:
        return [Finding("no_sponsor", "warning", "No active executive sponsor: name a business leader.")]
    from_it = [p["name"] for p in sponsors if p["side"] == "it"]
    if from_it:
        message = (
            f"The sponsor {', '.join(from_it)} is from IT: the sponsor should be a business leader, with IT supporting."
        )
        return [Finding("it_sponsor", "warning", message)]
    return []


def _owner_findings(owners: Sequence[tuple[Mapping[str, Any], Person]]) -> list[Finding]:
    it_owned = [f"'{o['title']}' ({p['name']})" for o, p in owners if p["side"] == "it"]
    if not it_owned:
        return []
    message = f"Objectives owned by IT: {'; '.join(it_owned)}. Give each a business owner; IT supports delivery."
    return [Finding("it_owners", "warning", message)]


def business_led_findings(people: Sequence[Person], objectives: Sequence[Mapping[str, Any]]) -> list[Finding]:
    """Is the programme owned by business leaders (the sponsor, the objectives' owners), with IT supporting it?"""
    by_id = {p["id"]: p for p in people}
    sponsors = [p for p in people if p["is_sponsor"] and p["active"]]
    owners = [(o, by_id[o["owner_id"]]) for o in objectives if o.get("owner_id") in by_id]
    findings = _sponsor_findings(sponsors) + _owner_findings(owners)
    leaders = [*sponsors, *(p for _, p in owners)]
    if leaders and all(p["side"] == "it" for p in leaders):
        findings.append(
            Finding(
                "it_led",
                "warning",
                "The programme is led from IT alone: leaders must own it and IT support it, or it will do "
                "whatever the software happens to do well.",
            )
        )
    return findings or [Finding("business_led", "ok", "Business-led: the sponsor and objective owners are business.")]
