"""The business case's figures: yearly cash flow, costs-to-NPV waterfall, NPV distribution,
tornado and scenario comparison. Money is labelled in the workspace's currency."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

import plotly.graph_objects as go

from models.labels import value_label
from strategy.charts.style import BAD, FONT_SIZE, GOOD, MUTED, PALETTE, projector_layout
from strategy.plan.business_case import CaseFigures, CategoryValue
from strategy.plan.case_text import money
from strategy.plan.montecarlo import NpvDistribution, TornadoBar
from strategy.plan.scenarios import ScenarioOutcome

TOTAL = "#0b5cad"
GRID = "#e9ecef"
TORNADO_LINES = 10


def year_label(year: int) -> str:
    return "Year 0<br>(investment)" if year == 0 else f"Year {year}"


def cash_flow_chart(figures: CaseFigures, currency: str) -> go.Figure:
    """Benefits up, costs down, and the cumulative net line crossing zero at payback."""
    years = [year_label(row.year) for row in figures.table]
    figure = go.Figure()
    figure.add_bar(x=years, y=[row.benefits for row in figures.table], name="Benefits", marker_color=GOOD)
    figure.add_bar(x=years, y=[-row.costs for row in figures.table], name="Costs", marker_color=BAD)
    cumulative = [row.cumulative_net for row in figures.table]
    figure.add_scatter(
        x=years,
        y=cumulative,
        name="Cumulative net",
        mode="lines+markers",
        line=dict(color=TOTAL, width=5),
        marker=dict(size=14),
    )
    for year, value in zip(years, cumulative, strict=True):
        figure.add_annotation(
            x=year,
            y=value,
            text=money(value, currency),
            yshift=30,
            showarrow=False,
            font=dict(size=FONT_SIZE, color=TOTAL),
            bgcolor="rgba(255,255,255,0.9)",
            bordercolor=TOTAL,
        )
    figure.add_hline(y=0, line_color="#212529", line_width=2)
    figure.update_layout(barmode="relative", legend=dict(orientation="h", y=1.12, x=0))
    figure.update_yaxes(title=f"risk-adjusted cash ({currency})", gridcolor=GRID, zeroline=False)
    return projector_layout(figure, height=520)


def waterfall_chart(values: Sequence[CategoryValue], npv: float, currency: str) -> go.Figure:
    """From the present value of each cost category, through each benefit category, down to NPV;
    drawn across so every category name reads in full."""
    shown = [v for v in values if v.present_value]
    steps = [(f"− {value_label(v.category)}", -v.present_value) for v in shown if v.kind == "cost"]
    steps += [(f"+ {value_label(v.category)}", v.present_value) for v in shown if v.kind == "benefit"]
    figure = go.Figure(
        go.Waterfall(
            orientation="h",
            y=[name for name, _ in steps] + ["NPV"],
            x=[value for _, value in steps] + [npv],
            measure=["relative"] * len(steps) + ["total"],
            text=[money(value, currency) for _, value in steps] + [money(npv, currency)],
            textposition="outside",
            textfont=dict(size=FONT_SIZE),
            cliponaxis=False,
            decreasing=dict(marker=dict(color=BAD)),
            increasing=dict(marker=dict(color=GOOD)),
            totals=dict(marker=dict(color=TOTAL)),
            connector=dict(line=dict(color=MUTED, width=1)),
        )
    )
    running = list(accumulate([0.0] + [value for _, value in steps]))
    room = 0.14 * ((max(running) - min(running)) or 1.0)  # space for the outside labels
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(
        title=f"present value ({currency})", gridcolor=GRID, range=[min(running) - room, max(running) + room]
    )
    projector_layout(figure, height=120 + 44 * (len(steps) + 1))
    figure.update_layout(margin=dict(r=110))  # room for the last labels
    return figure


def npv_histogram(distribution: NpvDistribution, currency: str) -> go.Figure:
    """How often each NPV came up in the simulation; red where the case loses money."""
    edges, counts = distribution.bin_edges, distribution.bin_counts
    centres = [(edges[i] + edges[i + 1]) / 2 for i in range(len(counts))]
    widths = [edges[i + 1] - edges[i] for i in range(len(counts))]
    figure = go.Figure(
        go.Bar(
            x=centres,
            y=[100 * count / distribution.runs for count in counts],
            width=widths or None,
            marker_color=[GOOD if centre > 0 else BAD for centre in centres],
            marker_line=dict(color="white", width=1),
            hovertemplate="NPV %{x:,.0f}: %{y:.1f} % of runs<extra></extra>",
            showlegend=False,
        )
    )
    for name, value in (("P10", distribution.p10), ("P50", distribution.p50), ("P90", distribution.p90)):
        figure.add_vline(
            x=value,
            line_dash="dash",
            line_width=3,
            line_color="#212529",
            annotation_text=f"{name} {money(value, currency)}",
            annotation_font_size=FONT_SIZE,
            annotation_position="top",
        )
    figure.update_xaxes(title=f"NPV ({currency})", gridcolor=GRID)
    figure.update_yaxes(title="share of runs (%)", gridcolor=GRID)
    projector_layout(figure, height=480)
    figure.update_layout(margin=dict(t=70))  # room for the percentile labels
    return figure


def tornado_chart(bars: Sequence[TornadoBar], base_npv: float, currency: str) -> go.Figure:
    """The lines that move NPV most, widest on top: each bar spans NPV at the line's low and high."""
    shown = list(reversed(bars[:TORNADO_LINES]))
    names = [f"{bar.name} ({bar.kind})" for bar in shown]
    figure = go.Figure()
    for end, colour, title in (
        ("npv_at_low", PALETTE[1], "line at its low"),
        ("npv_at_high", PALETTE[0], "at its high"),
    ):
        values = [getattr(bar, end) for bar in shown]
        figure.add_bar(
            y=names,
            x=[value - base_npv for value in values],
            base=base_npv,
            orientation="h",
            name=title,
            marker_color=colour,
            text=[money(value, currency) for value in values],
            textposition="outside",
            cliponaxis=False,
        )
    figure.add_vline(x=base_npv, line_width=3, line_color="#212529")
    ends = [value for bar in shown for value in (bar.npv_at_low, bar.npv_at_high)] + [base_npv]
    room = 0.18 * (max(ends) - min(ends) or abs(base_npv) or 1.0)  # space for the outside labels
    figure.update_xaxes(range=[min(ends) - room, max(ends) + room])
    figure.update_layout(barmode="overlay", legend=dict(orientation="h", y=1.08, x=0))
    figure.update_xaxes(title=f"NPV ({currency}); black line = NPV with every line likely", gridcolor=GRID)
    figure.update_yaxes(automargin=True)
    return projector_layout(figure, height=110 + 62 * max(len(shown), 1))


def scenario_chart(outcomes: Sequence[ScenarioOutcome], currency: str) -> go.Figure:
    """PV of benefits, PV of costs and NPV for each scenario, side by side."""
    names = [outcome.name for outcome in outcomes]
    figure = go.Figure()
    series = (
        ("PV of benefits", GOOD, [o.figures.pv_benefits for o in outcomes]),
        ("PV of costs", BAD, [o.figures.pv_costs for o in outcomes]),
        ("NPV", TOTAL, [o.figures.npv for o in outcomes]),
    )
    for title, colour, values in series:
        figure.add_bar(
            x=names,
            y=values,
            name=title,
            marker_color=colour,
            text=[money(value, currency) for value in values],
            textposition="outside",
            cliponaxis=False,
        )
    figure.add_hline(y=0, line_color="#212529", line_width=2)
    figure.update_layout(barmode="group", legend=dict(orientation="h", y=1.12, x=0))
    figure.update_yaxes(title=f"present value ({currency})", gridcolor=GRID)
    return projector_layout(figure, height=500)


def initiative_value_chart(rows: Sequence[tuple[str, float, float]], currency: str) -> go.Figure:
    """Each initiative's PV of benefits and PV of costs (title, benefits, costs), best NPV on top."""
    ordered = sorted(rows, key=lambda row: row[1] - row[2])
    names = [title if len(title) <= 42 else title[:40] + "…" for title, _, _ in ordered]
    figure = go.Figure()
    figure.add_bar(y=names, x=[b for _, b, _ in ordered], name="PV of benefits", orientation="h", marker_color=GOOD)
    figure.add_bar(y=names, x=[-c for _, _, c in ordered], name="PV of costs", orientation="h", marker_color=BAD)
    figure.add_scatter(
        y=names,
        x=[b - c for _, b, c in ordered],
        name="NPV",
        mode="markers",
        marker=dict(color=TOTAL, size=18, symbol="diamond", line=dict(color="white", width=2)),
    )
    label = dict(
        x=1.0, xref="paper", xanchor="left", showarrow=False, font=dict(size=FONT_SIZE, color=TOTAL), xshift=12
    )
    # One list, set once: add_annotation re-validates every annotation so far, which grows with the square.
    figure.update_layout(
        annotations=[
            label | {"y": name, "text": f"NPV {money(benefits - costs, currency)}"}
            for name, (_, benefits, costs) in zip(names, ordered, strict=True)
        ]
    )
    figure.add_vline(x=0, line_color="#212529", line_width=2)
    figure.update_layout(barmode="relative", legend=dict(orientation="h", y=1.1, x=0))
    figure.update_xaxes(title=f"present value ({currency})", gridcolor=GRID)
    figure.update_yaxes(automargin=True)
    projector_layout(figure, height=130 + 58 * max(len(rows), 1))
    figure.update_layout(margin=dict(r=190))
    return figure
