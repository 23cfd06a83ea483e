"""Local single-user mode (accounts off, the default) serves this machine only: the config says so,
`init` refuses a network address, and the app shows why and stops."""

from __future__ import annotations

import tomllib

import pytest
import streamlit as st
from typer.testing import CliRunner

from models.settings import ROOT, Settings, is_local_address
from strategy.__main__ import app
from tests.conftest import open_app

runner = CliRunner()
LOCAL = ["localhost", "127.0.0.1", "127.0.1.1", "::1", "[::1]"]
NETWORK = ["0.0.0.0", "::", "", None, "192.168.1.20", "workbench.example.org"]


@pytest.mark.parametrize("address", LOCAL)
def test_loopback_addresses_are_local(address):
    assert is_local_address(address)


@pytest.mark.parametrize("address", NETWORK)
def test_every_interface_a_network_address_or_a_host_name_is_not(address):
    assert not is_local_address(address)


def test_accounts_are_off_by_default_and_the_server_listens_on_localhost(monkeypatch):
    monkeypatch.delenv("WORKBENCH_ACCOUNTS", raising=False)
    assert Settings().accounts == "off"
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "localhost"


def test_init_refuses_a_network_address_while_accounts_are_off(cli_db, monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "0.0.0.0")
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert "WORKBENCH_ACCOUNTS=off" in result.output and "localhost" in result.output
    assert not cli_db.joinpath("app.db").exists()  # refused before anything was created


def test_init_serves_the_network_once_accounts_are_on(cli_db, monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "0.0.0.0")
    monkeypatch.setenv("WORKBENCH_ACCOUNTS", "passwords")
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output


def test_the_app_stops_with_a_clear_error_on_a_network_address(app_db, monkeypatch):
    monkeypatch.setattr(st, "get_option", lambda name: "0.0.0.0" if name == "server.address" else None)
    at = open_app()
    assert [e.value for e in at.error] == [
        "This workbench is listening on 0.0.0.0, but accounts are off (WORKBENCH_ACCOUNTS=off), so anyone who "
        "can reach this server would edit every workspace; the server must listen on localhost only "
        '(server.address = "localhost"), or turn accounts on with WORKBENCH_ACCOUNTS=passwords or oidc.'
    ]
    assert not at.sidebar.selectbox  # no workspace picker, nothing else drawn
