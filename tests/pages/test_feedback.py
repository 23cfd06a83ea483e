"""Feedback page: a suggestion sent, triaged into a change request or declined with a reason; an
unused capability turned into an initiative."""

from __future__ import annotations

import json

from tests.conftest import click, open_app, tab_opener

open_tab = tab_opener("feedback_tabs")


def open_feedback(tab: str):  # type: ignore[no-untyped-def]
    return open_tab(open_app("pages/feedback.py"), tab)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_a_sent_suggestion_is_accepted_into_a_change_request(app_db):
    at = open_app("pages/feedback.py")
    assert (metric(at, "New"), metric(at, "Accepted")) == ("2", "1")
    at.text_area(key="fb_text").input("Let agents see open web-shop orders")
    at.text_input(key="fb_department").input("Contact centre")
    at = click(at, "Send")
    assert metric(at, "New") == "3"
    pick = at.selectbox(key="fb_pick")
    pick.select_index(pick.options.index("Contact centre: Let agents see open web-shop orders")).run()
    at = click(at, "Accept as change request")
    assert (metric(at, "New"), metric(at, "Accepted")) == ("2", "2")
    assert any("accepted into a change request" in s.value for s in at.success)
    at.switch_page("pages/sustain.py").run()
    assert metric(at, "Awaiting decision") == "3"


def test_declining_needs_a_reason_and_keeps_it(app_db):
    at = open_app("pages/feedback.py")
    at = click(at, "Decline")
    assert "say why" in at.error[0].value and metric(at, "Declined") == "1"
    at.text_input(key="fb_reason").input("Covered by the next release")
    at = click(at, "Decline")
    assert metric(at, "Declined") == "2"
    table = next(d.value for d in at.dataframe if "Reason" in d.value.columns)
    assert "Covered by the next release" in set(table["Reason"])


def test_only_the_open_tab_runs(app_db):
    at = open_app("pages/feedback.py")
    assert metric(at, "New") == "2" and not any(b.key == "cw_pick" for b in at.selectbox)
    at = open_tab(at, "Change what-if")
    assert at.selectbox(key="cw_pick") and not any(m.label == "New" for m in at.metric)


def test_an_unused_capability_becomes_an_initiative(app_db):
    at = open_feedback("Unused capability")
    assert metric(at, "Brought into play") == "0 of 2"
    at = click(at, "Make it an initiative")
    assert any("'Next-best-action panel' is now an initiative" in s.value for s in at.success)
    assert metric(at, "Brought into play") == "1 of 2"
    at.switch_page("pages/initiatives.py").run()
    titles = {title for frame in at.dataframe if "title" in frame.value.columns for title in frame.value["title"]}
    assert "Next-best-action panel" in titles


def test_the_what_if_shows_the_later_end_and_approval_adds_the_initiative(app_db):
    at = open_feedback("Change what-if")
    pick = at.selectbox(key="cw_pick")
    pick.select_index(pick.options.index("Push trip offers through the member app")).run()
    assert metric(at, "Critical path") == "touched"
    end = next(m for m in at.metric if m.label == "Roadmap ends")
    assert end.delta.startswith("+") and "weeks" in end.delta
    at = click(at, "Approve with its effect")
    assert any("its initiative, cost and benefit are in the plan" in s.value for s in at.success)
    at.switch_page("pages/roadmap.py").run()
    assert "Member app push offers" in json.dumps([json.loads(c.proto.spec) for c in at.get("plotly_chart")])


def test_an_accepted_suggestion_gets_an_effect_and_a_what_if(app_db):
    at = open_app("pages/feedback.py")
    at = click(at, "Accept as change request")  # the first new suggestion
    at = open_tab(at, "Change what-if")
    pick = at.selectbox(key="cw_pick")
    title = "Show the member's last store visit on the contact-centre screen."
    pick.select_index(pick.options.index(title)).run()
    after = next(box for box in at.selectbox if box.label == "Starts after")
    after.select_index(after.options.index("Next-trip recommendations"))
    next(n for n in at.number_input if n.label == "Duration (weeks)").set_value(10)
    next(n for n in at.number_input if n.label.startswith("One-off cost")).set_value(40000).run()
    assert next(t for t in at.text_input if t.label == "New initiative").value == title
    at = click(at, "Describe the effect")
    assert metric(at, "Critical path") == "touched"
    assert next(m for m in at.metric if m.label == "NPV with it").delta.startswith("-")


def test_a_new_workspace_says_how_feedback_starts_not_tiles_of_zeros(app_db):
    from tests.factories_define import open_on_new_workspace

    at = open_on_new_workspace("pages/feedback.py")
    assert not at.exception and not at.metric  # not "New 0" … nor "Brought into play 0 of 0"
    assert any("No suggestions yet" in i.value for i in at.info)
    at = open_tab(at, "Unused capability")
    assert not at.exception and not at.metric
    assert any("No unused capability listed yet" in i.value for i in at.info)
