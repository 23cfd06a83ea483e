"""The benchmark's seeded workspace: valid in the import format, the same for a seed, and imported in a
number of statements that does not grow with the number of records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from strategy.store.generator import SIZES, generate
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.snapshot import workspace_records
from tests.factories import ACTOR


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_a_seed_gives_the_same_workspace():
    assert generate("medium", seed=3) == generate("medium", seed=3)
    assert generate("medium", seed=3) != generate("medium", seed=4)


def test_the_medium_workspace_imports_whole_and_round_trips(engine):
    document = parse_document(json.dumps(generate("medium")))
    workspace = import_document(engine, document, actor=ACTOR)
    stored = workspace_records(engine, workspace.id)
    counts = SIZES["medium"]
    assert len(stored["initiative"]) == counts["initiatives"]
    assert len(stored["measurement"]) == counts["kpis"] * counts["measurements_per_kpi"]
    dependencies = sum(len(i["depends_on_ids"]) for i in stored["initiative"])
    assert dependencies > 1.5 * counts["initiatives"]
    first = export_json(engine, workspace.id)
    again = import_document(engine, parse_document(first), actor=ACTOR, name="copy")
    assert export_json(engine, again.id) == first.replace('"Benchmark (medium)"', '"copy"')


def test_import_statements_do_not_grow_with_the_records(engine):
    sample, medium = (parse_document(json.dumps(generate(size))) for size in ("sample", "medium"))
    with counted(engine) as small:
        import_document(engine, sample, actor=ACTOR)
    with counted(engine) as large:
        import_document(engine, medium, actor=ACTOR)
    assert len(large) <= len(small) + 5
