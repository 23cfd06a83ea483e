# The two commands: `make run` (the app on SQLite with the sample strategy) and `make test`.
.PHONY: run test lint bench stress audit setup

setup:
	scripts/bootstrap.sh

run: setup
	.venv/bin/python -m strategy init
	.venv/bin/streamlit run app.py

test:
	scripts/test.sh

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/lint-imports

bench: setup
	.venv/bin/python -m strategy bench --size sample --sessions 10

# Full size: the large workspace (12,428 records) with the slowest page and the PDF brief at every size,
# Chromium on it and the server's memory over 100 sessions of every page,
# then 8 processes × 500 edits on SQLite and a throw-away PostgreSQL.
stress: setup
	.venv/bin/python -m strategy bench --size large --growth
	scripts/with_postgres.sh .venv/bin/python scripts/stress.py

# Audit every pin against an advisory database; fails on a vulnerability or on a pin it could not check.
audit:
	scripts/audit.sh
