"""Brief sections on the business need and on the people: stakeholders, champions, sponsorship."""

from __future__ import annotations

from models.labels import plural
from strategy.brief.content import Bullets, Chart, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.brief.summarise import NEEDS_PAGE, STAKEHOLDERS_PAGE, TABLE_ROWS, lead_in, shortened, where_the_rest_are
from strategy.charts.needs import needs_chart
from strategy.charts.stakeholders import stakeholder_grid
from strategy.discover.needs import KIND_LABELS, LEVEL_LABELS, SCORE_FORMULA, rank_needs, recognition_findings
from strategy.discover.people import QUADRANTS, business_led_findings, champion_coverage, key_without_wiifm, quadrant

TOP_NEEDS = TABLE_ROWS
NAMES_LISTED = 10  # key stakeholders named in a finding before "and N more"
FINDING_CHARS = 300  # a finding on the page: about three lines; the Stakeholders page has it whole
GRID_PEOPLE = 20  # more than this and the grid places only the table's stakeholders: their names stay legible


def needs_section(ctx: BriefContext) -> Section:
    needs = ctx.records["need"]
    if not needs:
        return Section("needs", "The business need", (Missing("No needs have been captured yet."),))
    ranked = rank_needs(needs, ctx.votes)
    blocks: list = [
        Paragraph(
            f"{plural(len(needs), 'need')} from {plural(len({n['department'] for n in needs}), 'department')}, "
            "ranked by "
            f"{SCORE_FORMULA.lower()}."
        ),
        *lead_in(len(ranked), min(len(ranked), TOP_NEEDS), "need", "the highest-scoring first", NEEDS_PAGE),
        Table(
            ("#", "Need", "Kind", "Department", "Raised at", "Score", "Value a year"),
            tuple(
                (
                    str(r.rank),
                    UserText(r.need["title"]),
                    KIND_LABELS[r.need["kind"]],
                    UserText(r.need["department"]),
                    LEVEL_LABELS[r.need["level"]],
                    f"{r.score:g}",
                    ctx.money(r.need["annual_value"]) if r.need["annual_value"] is not None else "—",
                )
                for r in ranked[:TOP_NEEDS]
            ),
            numeric=frozenset({0, 5, 6}),
        ),
    ]
    warnings = [f.message for f in recognition_findings(needs) if f.level == "warning"]
    if warnings:
        blocks.append(Bullets(tuple(warnings)))
    top = ranked[0].need
    blocks.append(
        Chart(
            "Needs by score and department",
            needs_chart(ranked),
            UserText(f"The most pressing need is '{top['title']}' ({top['department']})."),
        )
    )
    return Section("needs", "The business need", tuple(blocks))


def people_section(ctx: BriefContext) -> Section:
    people = ctx.records["stakeholder"]
    if not people:
        return Section("people", "Stakeholders and champions", (Missing("No stakeholders recorded yet."),))
    key = sorted((p for p in people if p["active"]), key=lambda p: (-p["influence"], -p["interest"], p["name"]))
    blocks: list = [
        *lead_in(
            len(key), min(len(key), TABLE_ROWS), "active stakeholder", "the most influential first", STAKEHOLDERS_PAGE
        ),
        Table(
            ("Stakeholder", "Role", "Department", "Where they stand", "What's in it for them"),
            tuple(
                (
                    UserText(p["name"]),
                    UserText(p["role"]),
                    UserText(p["department"]),
                    quadrant(p["influence"], p["interest"]),
                    UserText(p["wiifm"] or "—"),
                )
                for p in key[:TABLE_ROWS]
            ),
        ),
        Paragraph("Champion coverage by department:"),
        Table(
            ("Department", "Cover"),
            tuple((UserText(c.department), c.message) for c in champion_coverage(ctx.records["need"], people)),
        ),
    ]
    gaps = key_without_wiifm(people)
    findings = [f.message for f in business_led_findings(people, ctx.records["objective"])]
    if gaps:
        named = ", ".join(p["name"] for p in gaps[:NAMES_LISTED])
        more = f" and {len(gaps) - NAMES_LISTED:,} more" if len(gaps) > NAMES_LISTED else ""
        findings.append(f"Key stakeholders without a 'what's in it for me': {named}{more}")
    shown = [shortened(finding, FINDING_CHARS) for finding in findings]
    if shown != findings:
        blocks.append(Paragraph(f"Findings (each in full on the {STAKEHOLDERS_PAGE} page of the workbench):"))
    blocks += [Bullets(tuple(shown)), influence_grid(people, key)]
    return Section("people", "Stakeholders and champions", tuple(blocks))


def influence_grid(people: list[dict], key: list[dict]) -> Chart:
    """Everyone on the influence/interest grid, or in a large programme the table's stakeholders only."""
    placed = people if len(people) <= GRID_PEOPLE else key[:TABLE_ROWS]
    close = sum(quadrant(p["influence"], p["interest"]) == QUADRANTS[(True, True)] for p in people if p["active"])
    rest = where_the_rest_are(len(key), len(placed), "active stakeholder", "those in the table", STAKEHOLDERS_PAGE)
    takeaway = f"{plural(close, 'stakeholder')} to manage closely: high influence and high interest."
    return Chart("Influence and interest", stakeholder_grid(placed), f"{takeaway} {rest}".strip())
