"""Brief sections on the vision and on governance (change control, reviews, data)."""

from __future__ import annotations

from collections import Counter

from models.labels import value_label
from strategy.brief.content import Bullets, Facts, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.brief.summarise import GOVERNANCE_PAGE, TABLE_ROWS, WORKSHOP_PAGE, lead_in
from strategy.deliver.plan_window import plan_end
from strategy.sustain.reviews import next_review_due

STATUS_LABELS = {
    "submitted": "awaiting decision",
    "approved": "approved",
    "rejected": "rejected",
    "wish_list": "wish list",
    "implemented": "implemented",
}


def vision_section(ctx: BriefContext) -> Section:
    ws = ctx.workspace
    vision = ctx.records["vision"][0] if ctx.records["vision"] else None
    blocks: list = [
        Facts(
            (
                ("Plan", f"{ws.plan_start:%b %Y} – {plan_end(ws.plan_start, ws.horizon_years):%b %Y}"),
                ("Horizon", f"{ws.horizon_years} years"),
            )
        )
    ]
    if vision and vision["statement"].strip():
        blocks.append(Paragraph(UserText(vision["statement"])))
        if vision["destination"].strip():
            blocks.append(Paragraph(UserText(vision["destination"])))
    else:
        blocks.append(Missing("No vision statement has been written yet."))
    priorities = sorted(ctx.records["priority"], key=lambda p: p["position"])
    if priorities:
        blocks.append(
            Table(
                ("#", "Strategic priority", "What it means"),
                tuple(
                    (str(n), UserText(p["title"]), UserText(p["description"]))
                    for n, p in enumerate(priorities, start=1)
                ),
            )
        )
    else:
        blocks.append(Missing("No strategic priorities recorded."))
    principles = sorted(ctx.records["principle"], key=lambda p: p["position"])
    if principles:
        blocks.append(Paragraph("Guiding principles:"))
        blocks.append(Bullets(tuple(UserText(p["text"]) for p in principles)))
    return Section("vision", "Vision and priorities", tuple(blocks))


def governance_section(ctx: BriefContext) -> Section:
    changes = ctx.records["change_request"]
    reviews = sorted(ctx.records["review"], key=lambda r: r["held_on"])
    blocks: list = []
    if changes:
        counts = Counter(c["status"] for c in changes)
        blocks.append(Facts(tuple((STATUS_LABELS[s].capitalize(), str(n)) for s, n in sorted(counts.items()))))
        recent = sorted(changes, key=lambda c: (c["raised_on"], c["id"]), reverse=True)[:TABLE_ROWS]
        blocks += lead_in(len(changes), len(recent), "change request", "the most recent first", GOVERNANCE_PAGE)
        blocks.append(
            Table(
                ("Change request", "Raised", "Status", "Impact", "Core system"),
                tuple(
                    (
                        UserText(c["title"]),
                        f"{c['raised_on']:%d %b %Y}",
                        STATUS_LABELS[c["status"]].capitalize(),
                        value_label(c["impact_level"]),
                        value_label(c["affects_core_system"]),
                    )
                    for c in recent
                ),
            )
        )
    else:
        blocks.append(Missing("No change requests yet: change control has not been used."))
    if reviews:
        last = reviews[-1]
        due = next_review_due(reviews)
        state = "overdue" if due < ctx.today else "on cadence"
        blocks.append(
            Paragraph(
                f"{len(reviews)} strategy reviews held; the last on {last['held_on']:%d %b %Y}. "
                f"The next is due by {due:%d %b %Y} ({state})."
            )
        )
        latest = reviews[::-1][:TABLE_ROWS]
        blocks += lead_in(len(reviews), len(latest), "strategy review", "the most recent first", GOVERNANCE_PAGE)
        blocks.append(
            Table(
                ("Review", "Held", "Decisions"),
                tuple(
                    (value_label(r["kind"]), f"{r['held_on']:%d %b %Y}", UserText(r["decisions"] or "—"))
                    for r in latest
                ),
            )
        )
    else:
        blocks.append(Missing("No strategy reviews recorded."))
    blocks += decisions_blocks(ctx.records["decision"])
    return Section("governance", "Governance: change control, reviews and decisions", tuple(blocks))


def decisions_blocks(decisions: list[dict]) -> list:
    """The workshop's decisions and actions log: what was decided, who owns each action, by when."""
    if not decisions:
        return [Missing("No decisions or actions logged in a workshop yet.")]
    logged = sorted(decisions, key=lambda d: (d["decided_on"], d["id"]), reverse=True)[:TABLE_ROWS]
    return [
        Paragraph("Decisions and actions logged in workshops:"),
        *lead_in(
            len(decisions),
            len(logged),
            "decision or action",
            "the most recent first",
            WORKSHOP_PAGE,
            "decisions and actions",
        ),
        Table(
            ("Logged", "Kind", "What", "Owner", "Due"),
            tuple(
                (
                    f"{d['decided_on']:%d %b %Y}",
                    value_label(d["kind"]),
                    UserText(d["text"]),
                    UserText(d["owner"] or "—"),
                    f"{d['due']:%d %b %Y}" if d["due"] else "—",
                )
                for d in logged
            ),
        ),
    ]
