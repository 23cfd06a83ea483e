"""Brief sections on direction, objectives (with SMART verdicts and KPIs) and capability gaps."""

from __future__ import annotations

from datetime import date

from models.labels import value_label
from strategy.brief.content import Bullets, Chart, Facts, Missing, Paragraph, Section, Table, UserText
from strategy.brief.context import BriefContext
from strategy.brief.summarise import BULLETS, KPIS_PAGE, OBJECTIVES_PAGE, lead_in
from strategy.charts.define import continuum_bar, discipline_radar, gap_radar, smart_grid
from strategy.define.capabilities import DEFAULT_LENS, LENSES, gaps
from strategy.define.direction import BY_KEY, continuum_placed, crm_fit, stage_of
from strategy.define.kpis import balance_findings
from strategy.define.smart import LETTERS, check_objectives, smart_context

NOT_ASSESSED = "not assessed yet"
RADAR = {"width": 700, "height": 380}  # px: a round chart needs no page-wide image, so it shares its section's page
OBJECTIVES_SHOWN = 8  # rows of the objectives' table and SMART grid: at 60 px a row the grid prints its type at 9 pt
KPI_ROWS = 16  # the KPIs of the objectives shown


def direction_section(ctx: BriefContext) -> Section:
    direction = ctx.records["direction"][0] if ctx.records["direction"] else None
    if direction is None:
        return Section("direction", "Direction", (Missing("The value disciplines have not been assessed yet."),))
    lead = direction["lead_discipline"]
    fit = crm_fit(lead)
    assessed = continuum_placed(direction)
    blocks: list = [
        Facts(
            (
                ("Lead discipline", BY_KEY[lead].label if lead else "not chosen"),
                ("CRM today", stage_of(direction["continuum_current"]) if assessed else NOT_ASSESSED),
                ("CRM target", stage_of(direction["continuum_target"]) if assessed else NOT_ASSESSED),
            )
        ),
        Paragraph(fit.message),
    ]
    if fit.implications:
        blocks.append(Bullets(fit.implications))
    blocks += [
        Chart(
            "Value disciplines: today and target",
            discipline_radar(direction),
            f"We lead on {BY_KEY[lead].label.lower()}." if lead else "No lead discipline has been chosen yet.",
            **RADAR,
        ),
    ]
    if assessed:  # the model's default positions are nobody's assessment: no chart of them
        blocks.append(
            Chart(
                "The CRM continuum",
                continuum_bar(direction["continuum_current"], direction["continuum_target"]),
                f"CRM is seen today as {stage_of(direction['continuum_current']).lower()}; the aim is "
                f"{stage_of(direction['continuum_target']).lower()}.",
                height=300,
            )
        )
    else:
        blocks.append(Missing("Where CRM stands on the continuum has not been assessed yet."))
    return Section("direction", "Direction: value discipline and CRM continuum", tuple(blocks))


def objectives_section(ctx: BriefContext) -> Section:
    objectives = ctx.records["objective"]
    if not objectives:
        return Section("objectives", "Objectives and KPIs", (Missing("No objectives have been set yet."),))
    all_checks = check_objectives(objectives, smart_context(ctx.workspace))
    shown = by_priority(ctx, objectives)[:OBJECTIVES_SHOWN]
    verdict = {check.objective_id: check for check in all_checks}
    checks = [verdict[o["id"]] for o in shown]
    owners = {p["id"]: p["name"] for p in ctx.records["stakeholder"]}
    rows = []
    for objective, check in zip(shown, checks, strict=True):
        letters = smart_words(check.letters)
        due = f"{objective['due_date']:%b %Y}" if objective["due_date"] else "—"
        rows.append((UserText(objective["title"]), UserText(owners.get(objective["owner_id"], "—")), due, letters))
    smart = sum(c.verdict == "pass" for c in all_checks)
    shown_smart = sum(c.verdict == "pass" for c in checks)
    takeaway = f"{shown_smart} of {len(checks)} objectives pass all five letters; red cells need rewording first."
    blocks: list = [
        Paragraph(f"{smart} of {len(all_checks)} objectives are fully SMART."),
        *lead_in(len(objectives), len(shown), "objective", "by strategic priority, then due date", OBJECTIVES_PAGE),
        Table(("Objective", "Owner", "Due", "SMART"), tuple(rows)),
        Chart("SMART check", smart_grid(checks), takeaway, height=160 + 60 * len(checks)),
    ]
    blocks += kpi_blocks(ctx, shown)
    unbalanced = balance_findings(objectives, ctx.records["kpi"])
    if unbalanced:
        blocks += lead_in(len(unbalanced), min(len(unbalanced), BULLETS), "KPI finding", "the first", KPIS_PAGE)
        blocks.append(Bullets(tuple(f"'{f.title}': {f.detail}" for f in unbalanced[:BULLETS])))
    return Section("objectives", "Objectives and KPIs", tuple(blocks))


def by_priority(ctx: BriefContext, objectives: list[dict]) -> list[dict]:
    """Objectives in the order of the strategic priority they serve, then by due date; those serving
    no priority, or undated, last."""
    position = {p["id"]: p["position"] for p in ctx.records["priority"]}
    last = max(position.values(), default=0) + 1
    return sorted(
        objectives,
        key=lambda o: (position.get(o["priority_id"], last), o["due_date"] or date.max, o["id"]),
    )


def kpi_blocks(ctx: BriefContext, shown: list[dict]) -> list:
    """The KPIs of the objectives shown, lagging first, with how many KPIs there are in all."""
    titles = {o["id"]: o["title"] for o in shown}
    order = {o["id"]: n for n, o in enumerate(shown)}
    kpis = sorted(
        (k for k in ctx.records["kpi"] if k["objective_id"] in titles),
        key=lambda k: (order[k["objective_id"]], k["kind"] != "lagging"),
    )[:KPI_ROWS]
    blocks: list = []
    if kpis:
        blocks += lead_in(len(ctx.records["kpi"]), len(kpis), "KPI", "those of the objectives above", KPIS_PAGE)
        blocks.append(
            Table(
                ("KPI", "Objective", "Kind", "Baseline", "Target", "By"),
                tuple(
                    (
                        UserText(k["name"]),
                        UserText(titles.get(k["objective_id"], "—")),
                        value_label(k["kind"]),
                        _number(k["baseline"], k["unit"]),
                        _number(k["target"], k["unit"]),
                        f"{k['target_date']:%b %Y}" if k["target_date"] else "—",
                    )
                    for k in kpis
                ),
                numeric=frozenset({3, 4}),
            )
        )
    return blocks


def smart_words(letters: tuple) -> str:
    """'All five' or the letters that do not pass yet, by name: 'Achievable (stretch), Time-bound'."""
    short = [
        f"{LETTERS[v.letter]}{' (stretch)' if v.verdict == 'stretch' else ''}" for v in letters if v.verdict != "pass"
    ]
    return "Not yet: " + ", ".join(short) if short else "All five"


def _number(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:,.6g} {unit}".strip()


def capabilities_section(ctx: BriefContext) -> Section:
    found = gaps(ctx.records["capability"], DEFAULT_LENS)
    if not found:
        return Section("capabilities", "Capability gaps", (Missing("Capabilities have not been rated yet."),))
    lens = LENSES[DEFAULT_LENS]
    blocks: list = [
        Paragraph(f"Rated on the {lens.label.lower()} lens, 1-5, today and as the vision needs."),
        Table(
            ("Dimension", "Today", "Needed", "Gap", "Notes"),
            tuple(
                (value_label(g.dimension), str(g.current), str(g.target), str(g.size), UserText(g.notes or "—"))
                for g in found
            ),
            numeric=frozenset({1, 2, 3}),
        ),
        Chart("Capability gaps", gap_radar(found), _widest_gap(found), **RADAR),
    ]
    return Section("capabilities", "Capability gaps", tuple(blocks))


def _widest_gap(found: list) -> str:
    widest = max(found, key=lambda g: g.size)
    if widest.size <= 0:
        return "No dimension falls short of what the vision needs."
    return f"The widest gap is {value_label(widest.dimension).lower()}: {widest.current} today, {widest.target} needed."
