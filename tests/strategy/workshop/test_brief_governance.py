"""What the room decided reaches the brief's governance section, and workshop text stays literal there."""

from __future__ import annotations

from datetime import date

from markdown_it import MarkdownIt

from strategy.brief.builder import build_brief
from strategy.brief.content import Table, UserText
from strategy.brief.render_markdown import render_markdown
from strategy.store.records import create_record
from strategy.workshop.participation import submit, vote
from strategy.workshop.sessions import close_session, join, open_session
from strategy.workshop.triage import decide
from tests.factories import ACTOR

NASTY = '<script>x</script>=HYPERLINK("http://evil")'


def test_decisions_are_listed_and_workshop_text_is_literal_in_the_brief(engine, sample):
    create_record(
        engine,
        "decision",
        sample.id,
        {"kind": "action", "text": NASTY, "owner": "Aisha Bello", "due": date(2027, 1, 31), "decided_on": date.today()},
        actor=ACTOR,
    )
    live = open_session(engine, sample.id, actor=ACTOR, minutes=30, allowance=3)
    seat = join(engine, live.code, "Ana")
    idea = submit(engine, seat.token, kind="pain", title=NASTY, department="Stores", size=5)
    need_id = decide(engine, sample.id, idea, "accept", actor=ACTOR)
    for _ in range(3):
        vote(engine, seat.token, need_id or 0)
    close_session(engine, live.id, actor=ACTOR)
    brief = build_brief(engine, sample.id, ["needs", "governance"])
    needs, governance = brief.sections
    decisions = next(b for b in governance.blocks if isinstance(b, Table) and b.columns[0] == "Logged")
    assert any(isinstance(cell, UserText) and cell == NASTY for row in decisions.rows for cell in row)
    ranking = next(b for b in needs.blocks if isinstance(b, Table))
    voted = [row for row in ranking.rows if row[1] == NASTY]
    assert voted and voted[0][5] == "20"  # size 5 × reach 3, plus all 5 vote points as the room's favourite
    text = render_markdown(build_brief(engine, sample.id, ["governance"]), {}).decode()
    assert "\\<script>x\\</script>" in text and "Aisha Bello" in text  # a Markdown reader shows it as text
    assert "<script>" not in MarkdownIt("commonmark").enable("table").render(text)
