"""`backup` and `restore`: SQLite's online copy and the portable JSON bundle, round trip."""

from __future__ import annotations

import json
import threading

import pytest
from typer.testing import CliRunner

from models.engine import make_engine
from models.settings import get_settings
from strategy.__main__ import app
from strategy.errors import InvalidInput
from strategy.store.backup import restore_json
from strategy.store.baselines import list_baselines
from strategy.store.interchange import export_json
from strategy.store.records import list_records, update_record
from strategy.store.workspaces import list_workspaces
from tests.conftest import ACTOR, reset_app_state

runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def exports(url: str) -> dict[str, str]:
    engine = make_engine(url)
    found = {w.name: export_json(engine, w.id or 0) for w in list_workspaces(engine, include_archived=True)}
    engine.dispose()
    return found


@pytest.fixture
def empty_database(cli_db, monkeypatch):
    """Switch the CLI to a second, empty database (no sample) and return its URL."""

    def switch() -> str:
        monkeypatch.setenv("WORKBENCH_SQLITE_PATH", str(cli_db / "restored.db"))
        monkeypatch.setenv("WORKBENCH_LOAD_SAMPLE", "false")
        reset_app_state()
        return get_settings().url

    return switch


def test_the_json_bundle_restores_every_workspace_identically(cli_db, empty_database):
    invoke("init")
    invoke("import", str(get_settings().sample_path), "--name", "Second plan")
    before = exports(get_settings().url)
    invoke("backup", "--out", str(cli_db / "all.json"))
    url = empty_database()
    assert "restored 2 workspaces" in invoke("restore", str(cli_db / "all.json"))
    assert exports(url) == before


def test_a_bundle_is_not_restored_over_workspaces_of_the_same_name(cli_db):
    invoke("init")
    invoke("backup", "--out", str(cli_db / "all.json"))
    result = runner.invoke(app, ["restore", str(cli_db / "all.json")])
    assert result.exit_code == 2 and "restore into an empty database" in result.output


def test_the_sqlite_copy_is_consistent_while_someone_keeps_writing(cli_db, empty_database):
    invoke("init")
    live = make_engine(get_settings().url)
    ws = list_workspaces(live)[0]
    stop = threading.Event()

    def keep_writing() -> None:
        need = list_records(live, "need", ws.id or 0)[0]
        version = need["version"]
        while not stop.is_set():
            version = update_record(
                live, "need", ws.id or 0, need["id"], {"reach": version % 5 + 1}, expected_version=version, actor=ACTOR
            )["version"]

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        invoke("backup", "--out", str(cli_db / "copy.db"))
    finally:
        stop.set()
        writer.join()
    copied = exports(f"sqlite:///{cli_db / 'copy.db'}")
    assert list(copied) == ["Meridian Outdoor Co-op"]
    assert json.loads(copied["Meridian Outdoor Co-op"])["needs"]
    url = empty_database()
    invoke("init")
    invoke("restore", str(cli_db / "copy.db"))
    assert exports(url) == copied


def test_restore_refuses_a_file_that_is_not_a_backup(engine):
    with pytest.raises(InvalidInput, match="not a workbench backup"):
        restore_json(engine, b'{"workspaces": 1}', actor=ACTOR)


def test_the_json_bundle_keeps_each_workspaces_baselines(cli_db, empty_database):
    invoke("init")
    invoke("backup", "--out", str(cli_db / "all.json"))
    url = empty_database()
    invoke("restore", str(cli_db / "all.json"))
    restored = make_engine(url)
    [workspace] = list_workspaces(restored)
    [baseline] = list_baselines(restored, workspace.id or 0)
    assert baseline.name == "Board approved, March"
    assert baseline.document["workspace"]["discount_rate"] == 0.08
