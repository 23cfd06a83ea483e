"""The layers of docs/ARCHITECTURE.md hold: no module imports upward (store → a journey step's charts,
a journey step → the views, the domain → streamlit), checked by import-linter's contracts in pyproject."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from models.settings import ROOT


def test_every_import_contract_is_kept():
    linter = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([linter, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout
