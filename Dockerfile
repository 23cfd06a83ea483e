# The workbench as one app server. Several of them can share one PostgreSQL behind a load balancer that
# keeps each browser on one server (sticky sessions): see compose.yaml and the README's "Deploying for a
# team". Build: docker build -t crm-workbench .
FROM python:3.11-slim-bookworm

# Chromium draws the brief's charts (kaleido finds it through BROWSER_PATH); pango and harfbuzz are
# weasyprint's PDF libraries; DejaVu the font the brief is set in.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BROWSER_PATH=/usr/bin/chromium \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    WORKBENCH_SQLITE_PATH=/app/instance/workbench.db \
    WORKBENCH_ACCOUNTS=passwords

WORKDIR /app
# Every runtime package pinned to an exact version (tests/test_deploy.py holds every line to `==`).
COPY requirements.txt .
RUN pip install -r requirements.txt

# The code belongs to root and is read-only to the app; only instance/ (SQLite, when no DATABASE_URL)
# is writable, by an unprivileged user with a home for Chromium's profile.
COPY . .
RUN python -m compileall -q app.py pages ui strategy models \
    && useradd --create-home --uid 10001 workbench \
    && mkdir -p /app/instance \
    && chown workbench /app/instance
USER workbench

EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
# Upgrade the schema (and seed an empty database unless WORKBENCH_LOAD_SAMPLE=false), then serve.
CMD ["/app/scripts/container_start.sh"]
