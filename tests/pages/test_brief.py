"""Brief page: a new workspace hears that its brief would be empty and where to start."""

from __future__ import annotations

from tests.conftest import open_app
from tests.factories_define import open_on_new_workspace

PAGE = "pages/brief.py"


def test_a_new_workspace_is_told_its_brief_would_be_empty_and_where_to_start(app_db):
    at = open_on_new_workspace(PAGE)
    assert not at.exception
    note = next(i.value for i in at.info if "Nothing recorded yet" in i.value)
    assert "Business need" in note


def test_a_workspace_with_records_is_offered_the_brief_without_that_note(app_db):
    at = open_app(PAGE)
    assert not at.exception
    assert not any("Nothing recorded yet" in i.value for i in at.info)
    assert any(b.label == "Build the brief" for b in at.button)
