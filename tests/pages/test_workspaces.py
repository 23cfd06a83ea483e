"""Workspaces page: create, rename with a version check, archive, delete and restore.

Form widgets are typed into and submitted in one run, as a browser does."""

from __future__ import annotations

import pytest

from tests.conftest import open_app


def names_in_table(at) -> dict[str, str]:
    frame = at.dataframe[0].value
    return dict(zip(frame["Name"], frame["State"], strict=True))


def test_create_keeps_what_was_typed_when_refused_and_clears_on_success(app_db):
    at = open_app("pages/workspaces.py")
    at.text_input(key="new_name").input("")
    at.text_input(key="new_org").input("Harbour Bank")
    next(b for b in at.button if b.label == "Create workspace").click().run()
    assert "Name is required." in at.error[0].value
    assert at.text_input(key="new_org").value == "Harbour Bank"
    at.text_input(key="new_name").input("Harbour Bank CRM")
    next(b for b in at.button if b.label == "Create workspace").click().run()
    assert not at.error and at.success[0].value == "Created 'Harbour Bank CRM': you are working in it now."
    assert names_in_table(at)["Harbour Bank CRM"] == "active"
    assert at.text_input(key="new_org").value == ""
    at.switch_page("pages/home.py").run()
    assert at.title[0].value == "Harbour Bank CRM"  # the app works in the new workspace at once


def in_use(at) -> tuple[str, str]:
    """The workspace the app works in: the sidebar picker's name and the ?ws= a link or reload keeps."""
    picker = at.sidebar.selectbox(key="workspace_id")
    return picker.format_func(picker.value), at.query_params["ws"][0]


@pytest.mark.parametrize(
    ("field", "button", "name"),
    [("new_name", "Create workspace", "Harbour Bank CRM"), ("copy_name", "Duplicate", "Meridian, what-if")],
)
def test_a_created_or_copied_workspace_is_the_one_in_use_in_the_picker_and_the_url(app_db, field, button, name):
    at = open_app("pages/workspaces.py")
    sample_id = at.query_params["ws"][0]
    at.text_input(key=field).input(name)
    next(b for b in at.button if b.label == button).click().run()
    shown, ws = in_use(at)
    assert shown == name and ws != sample_id
    assert "you are working in it now" in at.success[0].value
    at.switch_page("pages/home.py").run()
    assert at.title[0].value == name


def test_archive_delete_and_restore(app_db):
    at = open_app("pages/workspaces.py")
    next(b for b in at.button if b.label == "Archive").click().run()
    assert names_in_table(at)["Meridian Outdoor Co-op"] == "archived"
    next(b for b in at.button if b.label == "Unarchive").click().run()
    next(b for b in at.button if b.label.startswith("Delete")).click().run()
    assert names_in_table(at)["Meridian Outdoor Co-op"] == "deleted"
    next(b for b in at.button if b.label == "Restore").click().run()
    assert names_in_table(at)["Meridian Outdoor Co-op"] == "active"


def test_a_rename_to_a_taken_name_is_refused(app_db):
    at = open_app("pages/workspaces.py")
    at.text_input(key="new_name").input("Second plan")
    next(b for b in at.button if b.label == "Create workspace").click().run()
    at.text_input(key="edit_name").input("Second plan")
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert "already exists" in at.error[0].value


def test_the_export_is_made_on_the_click_not_on_every_rerun(app_db, monkeypatch):
    from strategy.store import interchange

    made: list[int] = []
    real = interchange.export_json

    def counted(engine, workspace_id):  # type: ignore[no-untyped-def]
        made.append(workspace_id)
        return real(engine, workspace_id)

    monkeypatch.setattr(interchange, "export_json", counted)
    at = open_app("pages/workspaces.py")
    at.run()
    assert made == []
    assert any(e.proto.label == "Export as JSON" for e in at.get("download_button"))
