"""Gather the brief's content from the stored records, section by section."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from strategy.brief.content import Brief, Section
from strategy.brief.context import BriefContext
from strategy.brief.names import SECTION_KEYS
from strategy.brief.sections_case import case_section
from strategy.brief.sections_define import capabilities_section, direction_section, objectives_section
from strategy.brief.sections_people import needs_section, people_section
from strategy.brief.sections_roadmap import roadmap_section
from strategy.brief.sections_summary import summary_section
from strategy.brief.sections_track import track_section
from strategy.brief.sections_vision import governance_section, vision_section
from strategy.store.audit import data_version
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace
from strategy.workshop.board import closed_vote_totals


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    build: Callable[[BriefContext], Section]


# In the order an executive reads them.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("summary", "Executive summary", summary_section),
    SectionSpec("needs", "The business need", needs_section),
    SectionSpec("vision", "Vision and priorities", vision_section),
    SectionSpec("direction", "Direction", direction_section),
    SectionSpec("objectives", "Objectives and KPIs", objectives_section),
    SectionSpec("capabilities", "Capability gaps", capabilities_section),
    SectionSpec("case", "Business case", case_section),
    SectionSpec("tracking", "Tracking and realised benefits", track_section),
    SectionSpec("roadmap", "Roadmap", roadmap_section),
    SectionSpec("people", "Stakeholders and champions", people_section),
    SectionSpec("governance", "Governance", governance_section),
)
assert tuple(spec.key for spec in SECTIONS) == SECTION_KEYS, "strategy/brief/names.py lists the sections"
# The order sections are built in, not read in: charts are drawn while the next sections are built, so
# the sections with charts come first, those that need no schedule before the roadmap (whose schedule
# takes longest to compute, and whose Gantts are then drawn while the last sections are built).
BUILD_ORDER = ("needs", "direction", "objectives", "capabilities", "case", "people", "roadmap")


def build_brief(
    engine: Engine,
    workspace_id: int,
    sections: Iterable[str] = SECTION_KEYS,
    today: date | None = None,
    built: Callable[[Section], None] | None = None,
) -> Brief:
    """The brief's content from the stored records; `built` is told of each section as soon as it is
    built (the export starts drawing its charts while the next sections are built)."""
    wanted = set(sections)
    unknown = wanted - set(SECTION_KEYS)
    if unknown:
        raise ValueError(f"unknown brief sections: {', '.join(sorted(unknown))} (known: {', '.join(SECTION_KEYS)})")
    workspace = get_workspace(engine, workspace_id)
    ctx = BriefContext(
        workspace,
        workspace_records(engine, workspace_id),
        today or date.today(),
        closed_vote_totals(engine, workspace_id),
    )
    first = {key: n for n, key in enumerate(BUILD_ORDER)}
    order = sorted((spec for spec in SECTIONS if spec.key in wanted), key=lambda spec: first.get(spec.key, len(first)))
    made: dict[str, Section] = {}
    for spec in order:
        made[spec.key] = spec.build(ctx)
        if built:
            built(made[spec.key])
    return Brief(
        title=f"{workspace.name}: CRM strategy brief",
        organisation=workspace.organisation or workspace.name,
        prepared_on=ctx.today,
        version=data_version(engine, workspace_id),
        sections=tuple(made[spec.key] for spec in SECTIONS if spec.key in made),
    )
