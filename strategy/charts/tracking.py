"""Charts for the quarterly review: a KPI against its target path, a leading and a lagging KPI with
the lag shifted, the status grid of all KPIs by objective, and the funnel's conversions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go

from strategy.charts.style import BAD, GOOD, MUTED, WARN, projector_layout
from strategy.deliver.plan_window import add_months
from strategy.sustain.funnel import FunnelReport
from strategy.sustain.tracking import KpiStatus

Record = Mapping[str, Any]
STATUS_COLOURS = {"on track": GOOD, "at risk": WARN, "off track": BAD, "stale": "#862e9c", "no data": MUTED}


def kpi_path_chart(kpi: Record, actuals: Sequence[Record], start: date) -> go.Figure:
    """A KPI's actuals against the straight path from its baseline to its target on the target date."""
    figure = go.Figure()
    if kpi.get("baseline") is not None and kpi.get("target") is not None and kpi.get("target_date"):
        figure.add_trace(
            go.Scatter(
                x=[start, kpi["target_date"]],
                y=[kpi["baseline"], kpi["target"]],
                mode="lines+markers",
                name="target path",
                line=dict(color=MUTED, width=3, dash="dash"),
            )
        )
    figure.add_trace(
        go.Scatter(
            x=[a["measured_on"] for a in actuals],
            y=[a["value"] for a in actuals],
            mode="lines+markers",
            name="actual",
            line=dict(width=4),
        )
    )
    figure.update_yaxes(title=kpi.get("unit") or "value")
    return projector_layout(figure, title=kpi["name"], height=460)


def lead_lag_chart(leading: Record, lagging: Record, actuals: Mapping[int, Sequence[Record]]) -> go.Figure:
    """The leading KPI shifted forward by its lag beside the lagging KPI, each on its own axis, so the
    room sees whether the leading indicator moved first."""
    lag = int(leading.get("lag_months") or 0)
    lead_rows, lag_rows = actuals.get(leading["id"], []), actuals.get(lagging["id"], [])
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=[add_months(a["measured_on"], lag) for a in lead_rows],
            y=[a["value"] for a in lead_rows],
            name=f"{leading['name']} (shifted {lag} months)",
            mode="lines+markers",
            line=dict(width=4),
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[a["measured_on"] for a in lag_rows],
            y=[a["value"] for a in lag_rows],
            yaxis="y2",
            name=lagging["name"],
            mode="lines+markers",
            line=dict(width=4),
        )
    )
    figure.update_layout(
        yaxis=dict(title=leading.get("unit") or "leading", range=span(leading, lead_rows)),
        yaxis2=dict(
            title=lagging.get("unit") or "lagging", overlaying="y", side="right", range=span(lagging, lag_rows)
        ),
        legend=dict(orientation="h", y=-0.2),
    )
    return projector_layout(figure, height=480)


def span(kpi: Record, rows: Sequence[Record]) -> list[float] | None:
    """An axis from baseline to target (and every actual), so noise is not drawn as a trend."""
    values = [float(v) for v in (kpi.get("baseline"), kpi.get("target"), *(a["value"] for a in rows)) if v is not None]
    if not values:
        return None
    low, high = min(values), max(values)
    pad = (high - low) * 0.05 or 1.0
    return [low - pad, high + pad]


def status_grid(statuses: Sequence[KpiStatus], objective_titles: Mapping[int, str]) -> go.Figure:
    """One tile per KPI, a row per objective, coloured by status."""
    rows = sorted({s.objective_id for s in statuses})
    seen: dict[int, int] = {}
    column: dict[int, int] = {}  # KPI id -> its place in its objective's row
    for s in statuses:
        column[s.kpi_id] = seen.get(s.objective_id, 0)
        seen[s.objective_id] = column[s.kpi_id] + 1
    figure = go.Figure()
    for status, colour in STATUS_COLOURS.items():
        chosen = [s for s in statuses if s.status == status]
        figure.add_trace(
            go.Scatter(
                x=[column[s.kpi_id] for s in chosen],
                y=[_short(objective_titles.get(s.objective_id, "")) for s in chosen],
                mode="markers+text",
                marker=dict(symbol="square", size=64, color=colour),
                name=status,
                text=[_short(s.name, 14) for s in chosen],
                textposition="bottom center",
                hovertext=[f"{s.name}: {s.status} — {s.reason}" for s in chosen],
                hoverinfo="text",
            )
        )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(categoryorder="array", categoryarray=[_short(objective_titles.get(o, "")) for o in rows][::-1])
    return projector_layout(figure, height=max(320, 150 * len(rows)))


def funnel_chart(report: FunnelReport) -> go.Figure:
    """Conversion between neighbouring stages, month by month; the weakest drawn in red."""
    figure = go.Figure()
    for conversion in report.conversions:
        weakest = conversion == report.weakest
        months = [date(y, m, 1) for y, m in conversion.by_month]
        figure.add_trace(
            go.Scatter(
                x=months,
                y=[v * 100 for v in conversion.by_month.values()],
                mode="lines+markers",
                name=f"{conversion.from_stage} → {conversion.to_stage}" + (" (weakest)" if weakest else ""),
                line=dict(width=6 if weakest else 3, color=BAD if weakest else None),
            )
        )
    figure.update_yaxes(title="converted (%)", rangemode="tozero")
    figure.update_layout(legend=dict(orientation="h", y=-0.2))
    return projector_layout(figure, height=460)


def _short(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def adoption_chart(planned: Sequence[float], used: Sequence[float], months_passed: int) -> go.Figure:
    """Monthly adoption as the business case planned it and as the forecast uses it (actual for the
    months passed); a dotted line marks the review."""
    months = list(range(1, len(used) + 1))
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=months, y=[p * 100 for p in planned], name="planned ramp", line=dict(color=MUTED, width=3, dash="dash")
        )
    )
    figure.add_trace(go.Scatter(x=months, y=[u * 100 for u in used], name="actual, then plan", line=dict(width=4)))
    if months_passed:
        figure.add_vline(x=months_passed + 0.5, line_dash="dot", annotation_text="review")
    figure.update_xaxes(title="plan month")
    figure.update_yaxes(title="users active (%)", range=[0, 102])
    return projector_layout(figure, height=420)
