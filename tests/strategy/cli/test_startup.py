"""`python -m strategy list` answers at once: the renderers, charts, data-frame and maths libraries
are imported only by the commands that use them, so a quick command does not pay for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from models.settings import ROOT, Settings
from strategy.store.database import ensure_database, load_sample
from tests.conftest import SAMPLE

HEAVY = (
    "weasyprint",
    "pptx",
    "docx",
    "kaleido",
    "plotly",
    "pandas",
    "numpy",
    "numpy_financial",
    "hypothesis",
    "PIL",
    "xlsxwriter",
    "alembic",
    "streamlit",
)
# Runs the command line as `python -m strategy list` does, then reports what it imported.
PROBE = f"""
import json, runpy, sys
sys.argv = ["strategy", "list"]
try:
    runpy.run_module("strategy", run_name="__main__", alter_sys=True)
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
"""


def test_list_shows_the_workspaces_without_importing_any_heavy_library(tmp_path):
    database = tmp_path / "cli.db"
    engine, _ = ensure_database(Settings(database_url=f"sqlite:///{database}", load_sample=False))
    load_sample(engine, SAMPLE, actor="tester")
    env = os.environ | {"WORKBENCH_SQLITE_PATH": str(database), "WORKBENCH_LOAD_SAMPLE": "false"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    listing, imported = done.stdout.strip().rsplit("\n", 1)
    assert "Meridian Outdoor Co-op" in listing
    assert json.loads(imported) == []
