"""Health page: the checks, the score and the way to fix a failure."""

from __future__ import annotations

import json

from tests.conftest import open_app


def test_health_page_scores_the_sample_and_links_failures_to_their_page(app_db):
    at = open_app("pages/health.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Pass"]) + int(metrics["Warn"]) + int(metrics["Fail"]) > 0
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert "Retention rules, strictest on personal data" in bars["y"]
    texts = " ".join(m.value for m in at.markdown)
    assert "Event sign-ups (legacy)" in texts  # the dataset without a retention rule is named


def test_fix_it_links_keep_the_workspace_in_use(app_db):
    at = open_app("pages/health.py")
    links = [link.proto for link in at.get("page_link") if link.proto.label == "Fix it"]
    assert links and all("ws=1" in link.query_string for link in links)
