"""The Define charts show the stored figures: radar values, continuum markers, SMART grid, sankey."""

from __future__ import annotations

from models.define import DirectionBase
from strategy.charts.define import continuum_bar, discipline_radar, gap_radar, smart_grid, trace_sankey
from strategy.charts.style import FONT_SIZE
from strategy.define.capabilities import Gap
from strategy.define.smart import check_objective
from strategy.define.traceability import trace_links
from tests.factories_define import CONTEXT, kpi, need, objective


def test_the_discipline_radar_shows_today_and_target_with_the_lead_starred():
    direction = DirectionBase(
        lead_discipline="operational_excellence", customer_intimacy_current=2.0, operational_excellence_target=4.5
    ).model_dump()
    figure = discipline_radar(direction)
    today = next(t for t in figure.data if t.name == "Today")
    target = next(t for t in figure.data if t.name == "Target")
    assert list(today.r) == [2.0, 3.0, 3.0, 2.0] and list(target.r) == [3.0, 4.5, 3.0, 3.0]
    assert [label for label in today.theta if label.startswith("★")] == ["★ Operational<br>excellence"]
    assert figure.layout.font.size == FONT_SIZE


def test_the_continuum_bar_marks_today_and_the_target_with_their_stage():
    figure = continuum_bar(0.33, 1.83)
    markers = {t.name: (t.x[0], t.text[0]) for t in figure.data}
    assert markers == {"Today": (0.33, "Today: Technology (0.33)"), "Target": (1.83, "Target: Strategy (1.83)")}
    assert list(figure.layout.xaxis.ticktext) == ["<b>Technology</b>", "<b>Process</b>", "<b>Strategy</b>"]


def test_the_gap_radar_labels_each_dimension_with_its_gap():
    figure = gap_radar([Gap(1, "culture", 2, 4, ""), Gap(2, "people", 3, 3, ""), Gap(3, "process", 1, 4, "")])
    today = next(t for t in figure.data if t.name == "Today")
    assert list(today.theta)[:3] == ["<b>Culture</b><br>gap +2", "<b>People</b>", "<b>Process</b><br>gap +3"]
    assert list(today.r) == [2, 3, 1, 2]


def test_the_smart_grid_puts_the_worst_objective_on_top():
    checks = [
        check_objective(objective(id=1, title="Good one: 80 % by mid-2027"), CONTEXT),
        check_objective(objective(id=2, title="Vague one", metric=""), CONTEXT),
    ]
    heatmap = smart_grid(checks).data[0]
    assert list(heatmap.z[-1]) == [2, 0, 0, 0, 0] and heatmap.text[-1][0] == "✗"
    assert smart_grid(checks).layout.yaxis.ticktext[-1] == "Vague one"


def test_a_long_smart_grid_shows_only_the_weakest_objectives():
    """150 rows do not read on a projector: the grid keeps the weakest, the page's table lists the rest."""
    good = [check_objective(objective(id=n, title=f"Good {n}: 80 % by mid-2027"), CONTEXT) for n in range(1, 29)]
    vague = [check_objective(objective(id=n, title=f"Vague {n}", metric=""), CONTEXT) for n in (29, 30)]
    figure = smart_grid(good[:10] + vague + good[10:], limit=20)
    titles = list(figure.layout.yaxis.ticktext)
    assert len(titles) == 20 and set(titles[-2:]) == {"Vague 29", "Vague 30"}
    assert len(figure.data[0].z) == 20 and figure.layout.height < 90 + 64 * 21


def test_the_sankey_flows_from_needs_to_kpis_and_sends_orphans_to_none_yet():
    needs = [need(7), need(8, "Quotes take a week")]
    objectives = [objective(id=1, need_ids=[7]), objective(id=2, title="Unmeasured", need_ids=[7])]
    kpis = [kpi(1, objective_id=1)]
    sankey = trace_sankey(needs, objectives, kpis, trace_links(needs, objectives, kpis)).data[0]
    labels = list(sankey.node.label)
    flows = {(labels[s], labels[t]) for s, t in zip(sankey.link.source, sankey.link.target, strict=True)}
    assert flows == {
        ("Members lapse unnoticed", objectives[0]["title"][:29] + "…"),
        ("Members lapse unnoticed", "Unmeasured"),
        ("Quotes take a week", "No objective yet"),
        (objectives[0]["title"][:29] + "…", "KPI 1"),
        ("Unmeasured", "No KPI yet"),
    }
    assert sankey.node.x[labels.index("No objective yet")] == sankey.node.x[labels.index("Unmeasured")]
