"""User text is shown as text on every page: a Markdown image or link in a title neither fetches
nor links anything, because every place that interprets Markdown gets it escaped."""

from __future__ import annotations

import json
import re

import pytest

from models.settings import get_settings
from strategy.store.database import shared_engine
from strategy.store.interchange import import_document, parse_document
from tests.conftest import APP, SAMPLE, open_app

HOSTILE = " ![x](http://ev.il/i.png) [go](http://ev.il)"
TEXT_FIELDS = ("title", "name", "statement", "description", "department", "role", "wiifm", "metric")
# The participant's phone page is routed only inside a live session; tests/pages/test_join.py shows
# what a participant typed literally there. The sign-in page (accounts on) shows no stored text.
PAGES = sorted(
    p
    for p in __import__("pathlib").Path(APP).parent.joinpath("pages").glob("[!_]*.py")
    if p.name not in ("join.py", "sign_in.py")
)
# An image or a link Markdown would act on (not preceded by a backslash), or a bare URL it would link.
ACTIVE = re.compile(r"(?<!\\)!(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\[[^\]]*(?<!\\)\]\((?:https?:)|https?://")
KINDS = ("markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader")


def hostile_sample() -> str:
    """The sample with the hostile text appended to every text field that has room for it."""
    document = json.loads(SAMPLE.read_text())
    for value in document.values():
        for item in value if isinstance(value, list) else [value]:
            for field in TEXT_FIELDS:
                if isinstance(item, dict) and isinstance(item.get(field), str) and item[field]:
                    item[field] = item[field][:15] + HOSTILE
    document["workspace"]["name"] = "Hostile"
    return json.dumps(document)


def shown_text(at) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [str(element.value) for kind in KINDS for element in getattr(at, kind)]
    texts += [str(e.label) for e in at.get("expandable")]
    texts += [str(e.label) for e in at.button]
    return texts


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_no_page_renders_an_image_or_a_link_from_user_text(app_db, page):
    at = open_app()
    engine = shared_engine(get_settings().url)
    workspace = import_document(engine, parse_document(hostile_sample()), actor="tester")
    at.run()
    at.selectbox(key="workspace_id").set_value(workspace.id).run()
    at.switch_page(f"pages/{page}").run()
    assert not at.exception, at.exception
    assert at.session_state["workspace_id"] == workspace.id
    texts = shown_text(at)
    active = [t for t in texts if ACTIVE.search(t)]
    assert active == [], "\n---\n".join(active)
