"""The roadmap figures: what each mark means is checked on the figure a pure function returns."""

from __future__ import annotations

from datetime import date

import pytest

from strategy.charts.capacity import capacity_chart
from strategy.charts.priorities import priority_chart
from strategy.charts.roadmap import LABEL_CHARS, VISIBLE_ROWS, gantt_chart, quarter_ticks, swimlane_chart
from strategy.charts.style import BAD, GOOD
from strategy.deliver.prioritise import prioritise
from strategy.deliver.roadmap import RoadmapItem
from strategy.deliver.roadmap_checks import LateObjective
from strategy.deliver.schedule import quarter_of
from tests.factories_roadmap import initiative

PLAN = {"plan_start": date(2026, 1, 1), "plan_end": date(2028, 12, 31), "today": date(2026, 11, 23)}
RENEWAL = {"id": 1, "title": "Raise renewal to 78 %", "due_date": date(2027, 6, 30)}
WIN_BACK = {"id": 2, "title": "Win back 12,000 members", "due_date": date(2028, 12, 31)}
CAMPAIGNS = {"id": 3, "title": "Better campaigns", "due_date": None}
ITEMS = [
    RoadmapItem(initiative(1, title="Single record", status="done", wave=1, objective_ids=[1, 2]),
                date(2026, 1, 5), date(2026, 4, 26), True, 0, 2),
    RoadmapItem(initiative(2, title="Lapse alerts", status="in_progress", wave=1, objective_ids=[1]),
                date(2026, 4, 27), date(2027, 7, 25), True, 0, 1),
    RoadmapItem(initiative(3, title="Campaign lists", status="planned", wave=2, objective_ids=[]),
                date(2026, 4, 27), date(2026, 6, 21), False, 56, 3),
]  # fmt: skip
LATE = [LateObjective(RENEWAL, date(2027, 6, 30), date(2027, 7, 25), ("Lapse alerts",))]


def bars(figure) -> dict[str, tuple[str, str, int]]:
    """Title -> (start, legend group, outline width) for every initiative bar."""
    found = {}
    for trace in (t for t in figure.data if t.customdata):
        for row, base, width in zip(
            trace.customdata or [], trace.base or [], trace.marker.line.width or [], strict=False
        ):
            found[row[0]] = (str(base)[:10], trace.name, width)
    return found


def gantt(colour_by="objective", **overrides):
    return gantt_chart(ITEMS, [RENEWAL, WIN_BACK, CAMPAIGNS], LATE, colour_by=colour_by, **(PLAN | overrides))


def test_every_initiative_is_a_bar_from_its_start_and_critical_work_is_outlined():
    drawn = bars(gantt())
    assert drawn == {
        "Single record": ("2026-01-05", "Raise renewal to 78 %", 5),
        "Lapse alerts": ("2026-04-27", "Raise renewal to 78 %", 5),
        "Campaign lists": ("2026-04-27", "No objective", 0),
    }


def test_the_toggle_colours_by_status_instead():
    assert {name for _, name, _ in bars(gantt("status")).values()} == {"Done", "In progress", "Planned"}


def test_objective_due_dates_are_milestones_and_a_late_one_says_so():
    figure = gantt()
    due = next(t for t in figure.data if t.name == "Objective due date")
    labels = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    assert [labels[y] for y in due.y] == ["⚠ Late: Raise renewal to 78 %", "◆ Due: Win back 12,000 members"]
    assert due.marker.color[0] == BAD
    assert list(figure.layout.yaxis.categoryarray)[-2:] == list(due.y)  # below the work, in date order


TODAY_CASES = [
    pytest.param(date(2026, 11, 23), True, id="today inside the plan"),
    pytest.param(date(2031, 1, 1), False, id="today after the plan"),
]


@pytest.mark.parametrize(("today", "drawn"), TODAY_CASES)
def test_todays_line_is_drawn_inside_the_plan_only(today, drawn):
    figure = gantt(today=today)
    assert any(a.text == "Today" for a in figure.layout.annotations) is drawn


def test_the_axis_spans_the_whole_plan_by_quarter():
    figure = gantt()
    assert (
        str(figure.layout.xaxis.range[0])[:10] == "2026-01-01"
        and str(figure.layout.xaxis.range[1])[:10] == "2029-01-01"
    )
    values, labels = quarter_ticks(PLAN["plan_start"], PLAN["plan_end"])
    assert len(values) == 12 and labels[:5] == ["Q1<br>2026", "Q2", "Q3", "Q4", "Q1<br>2027"]


def test_swimlanes_give_each_lane_a_header_and_show_shared_work_in_both_lanes():
    lanes = {"Raise renewal to 78 %": ITEMS[:2], "Win back 12,000 members": ITEMS[:1]}
    figure = swimlane_chart(lanes, **PLAN)
    rows = list(figure.layout.yaxis.categoryarray)
    assert rows[0] == "<b>Raise renewal to 78 %</b>" and rows[3] == "<b>Win back 12,000 members</b>"
    single = [r for r in rows if r.startswith("Single record")]
    assert len(single) == 2 and len(set(single)) == 2  # the same initiative, one row in each lane
    assert len(figure.layout.shapes) >= 1  # the first lane is banded


def test_a_quarter_over_capacity_is_red_and_every_plan_quarter_is_shown():
    load = {quarter_of(date(2026, 1, 1)): 30.0, quarter_of(date(2026, 4, 1)): 75.0}
    figure = capacity_chart(load, 60.0, date(2026, 1, 1), date(2026, 12, 31))
    bar = figure.data[0]
    assert list(bar.x) == ["Q1<br>2026", "Q2<br>2026", "Q3<br>2026", "Q4<br>2026"]
    assert list(bar.y) == [30.0, 75.0, 0.0, 0.0] and bar.marker.color[1] == BAD and bar.marker.color[0] != BAD


def test_value_against_effort_marks_quick_wins_green():
    ranked = prioritise([initiative(1, value_score=5, effort=2), initiative(2, value_score=2, effort=30)], {})
    figure = priority_chart(ranked, quick_win_effort=16)
    points = figure.data[0]
    assert list(points.text) == ["1", "2"] and points.marker.color[0] == GOOD and points.marker.color[1] != GOOD
    assert figure.layout.shapes[0].x1 == 16 and figure.layout.shapes[0].y0 == 4


def row_labels(figure) -> dict[str, str]:
    """Row key -> the label shown on the axis."""
    return dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))


def test_two_initiatives_whose_titles_start_alike_get_a_row_each():
    alike = "Roll out the single customer view to the stores in region"
    items = [
        RoadmapItem(initiative(n, title=f"{alike} {n}", wave=1, objective_ids=[]), date(2026, 1, 5),
                    date(2026, 4, 26), False, 0, n)
        for n in (1, 2)
    ]  # fmt: skip
    figure = gantt_chart(items, [], [], colour_by="status", **PLAN)
    rows = [y for trace in figure.data if trace.customdata for y in trace.y]
    assert len(set(rows)) == 2
    assert [row_labels(figure)[r] for r in rows] == [f"W1 · {alike[:40]}…"] * 2


def test_a_long_plan_opens_on_its_first_rows_and_scrolls_to_the_rest():
    many = [
        RoadmapItem(initiative(n, title=f"Initiative {n}", wave=1 + n // 20, objective_ids=[]), date(2026, 1, 5),
                    date(2026, 4, 26), False, 0, n)
        for n in range(1, 101)
    ]  # fmt: skip
    figure = gantt_chart(many, [], [], colour_by="status", **PLAN)
    low, high = sorted(figure.layout.yaxis.range)
    assert high - low == VISIBLE_ROWS and len(row_labels(figure)) == 100
    assert figure.layout.height < 160 + 46 * (VISIBLE_ROWS + 1)


def test_a_five_year_plan_keeps_quarter_labels_level_and_labels_every_other_quarter():
    values, labels = quarter_ticks(date(2026, 1, 1), date(2030, 12, 31))
    assert len(values) == 20
    assert labels[:5] == ["Q1<br>2026", "", "Q3", "", "Q1<br>2027"]
    assert gantt().layout.xaxis.tickangle == 0


def test_a_printed_gantt_sets_long_titles_on_two_lines_instead_of_cutting_them():
    title = "Roll out the single customer view to every store in the northern region"
    items = [RoadmapItem(initiative(1, title=title, wave=1, objective_ids=[]), date(2026, 1, 5), date(2026, 4, 26),
                         False, 0, 1)]  # fmt: skip
    due = {"id": 9, "title": "Win back 12,000 lapsed members a year by December 2027", "due_date": date(2027, 12, 1)}
    labels = list(row_labels(gantt_chart(items, [due], [], colour_by="status", wrap=True, **PLAN)).values())
    assert [label.replace("<br>", " ") for label in labels] == [f"W1 · {title}", f"◆ Due: {due['title']}"]
    assert all(len(line) <= LABEL_CHARS + 2 for label in labels for line in label.split("<br>"))
