"""What the projector pays each tick and a phone each tap, with a full room that has voted."""

from __future__ import annotations

from strategy.cli.bench_measure import Row, Workspace, timed
from strategy.store.records import list_records
from strategy.workshop.board import news_since, session_version
from strategy.workshop.participation import vote
from strategy.workshop.sessions import join, open_session


def workshop(ws: Workspace, people: int = 30, runs: int = 20) -> list[Row]:
    engine, ws_id = ws.engine, ws.workspace_id
    live = open_session(engine, ws_id, actor="bench", minutes=60, allowance=3)
    needs = [n["id"] for n in list_records(engine, "need", ws_id)]
    seats = [join(engine, live.code, f"Person {n}").token for n in range(people)]
    for n, token in enumerate(seats):
        for dot in range(3):
            vote(engine, token, needs[(n + dot) % len(needs)])
    spare = iter([join(engine, live.code, f"Late {n}").token for n in range(runs)])
    tick, _ = timed(lambda: session_version(engine, live.id), runs)
    news, _ = timed(lambda: news_since(engine, live.id, 0), runs)
    tap, _ = timed(lambda: vote(engine, next(spare), needs[0]), runs)
    return [
        Row("workshop", f"board tick, nothing new ({people} people, {people * 3} votes)", tick),
        Row("workshop", "board news since the last version (totals, new ideas)", news),
        Row("workshop", "place one vote (row lock + allowance check)", tap),
    ]
