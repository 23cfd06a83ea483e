#!/usr/bin/env bash
# Every test: unit, property, AppTest, PostgreSQL and Playwright. With CI=true a skipped browser or
# PostgreSQL test fails the run (tests/conftest.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --system
export PATH="$PWD/.venv/bin:$PATH"
scripts/with_postgres.sh python -m pytest "$@"
# Smoke test of the benchmark: it must finish (timings on shared machines are noisy; budgets are judged
# from `make stress`, not here).
python -m strategy bench --size sample --runs 2 --sessions 3 > /dev/null
