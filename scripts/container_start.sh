#!/bin/sh
# The container's command: bring the database to the newest schema (loading the sample into an empty
# one unless WORKBENCH_LOAD_SAMPLE=false), then serve the app. Replicas starting together take turns to
# upgrade (an advisory lock on PostgreSQL). Address and port come from STREAMLIT_SERVER_ADDRESS and
# STREAMLIT_SERVER_PORT (the Dockerfile sets 0.0.0.0 and 8501).
set -eu
cd "$(dirname "$0")/.."
python -m strategy init
exec python -m streamlit run app.py
