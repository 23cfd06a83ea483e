"""`import models` is cheap and registers nothing; `models.tables` registers every table the
migrations build, so Alembic and `create_all` in tests see the whole schema."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import inspect

from models.engine import make_engine
from models.migrate import upgrade_to_head
from models.settings import ROOT

# In a fresh interpreter: the tables on the metadata after `import models`, then after `models.tables`.
PROBE = """
import json
from sqlmodel import SQLModel
import models
before = sorted(SQLModel.metadata.tables)
import models.tables
print(json.dumps([before, sorted(SQLModel.metadata.tables)]))
"""


def registered() -> tuple[list[str], list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    before, after = json.loads(done.stdout)
    return before, after


def test_models_tables_registers_every_table_the_migrations_build(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    upgrade_to_head(engine)
    migrated = set(inspect(engine).get_table_names()) - {"alembic_version"}
    before, after = registered()
    assert before == []  # the package alone loads no table: quick commands do not pay for them
    assert set(after) == migrated
    assert len(after) == len(set(after))
