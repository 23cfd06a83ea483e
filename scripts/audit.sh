#!/usr/bin/env bash
# Audit every pinned dependency (requirements.txt and requirements-dev.txt) for known vulnerabilities.
# pip-audit runs from its own throw-away venv (not the project's) with --strict: a package it cannot
# look up fails the audit instead of being skipped, so "No known vulnerabilities" is only ever printed
# when every pin was checked. Advisory sources are tried in turn (PyPI's JSON API, then OSV); exit 0
# only if one of them audited every pin and found nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${AUDIT_VENV:-/tmp/workbench-audit-venv}"
if [ ! -x "$venv/bin/pip-audit" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "pip-audit==2.10.1" || exit 3
fi
for service in pypi osv; do
  echo "== pip-audit against $service"
  "$venv/bin/pip-audit" --strict --progress-spinner off -s "$service" --disable-pip --no-deps \
    -r requirements.txt -r requirements-dev.txt
  status=$?
  [ "$status" -eq 0 ] && exit 0
  echo "pip-audit against $service failed (exit $status): a vulnerability was found or a pin could not be audited"
done
exit 1
