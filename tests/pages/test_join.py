"""The participant page: join by code from a phone, vote within the allowance, raise a need — and nothing else."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from models.engine import make_engine
from strategy.workshop.sessions import open_session
from tests.conftest import APP, click


def opened(app_db) -> str:
    AppTest.from_file(APP, default_timeout=30).run()  # first run seeds the sample workspace
    return open_session(make_engine(f"sqlite:///{app_db}"), 1, actor="facilitator", minutes=30, allowance=3).code


def joined(code: str, name: str = "Ana") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["join"] = code
    at.run()
    at.text_input(key="join_name").input(name)
    return click(at, "Join")


def votes_left(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Votes left")


def test_a_phone_joins_by_code_and_sees_only_the_participant_page(app_db):
    at = joined(opened(app_db))
    assert votes_left(at) == "3 of 3" and at.title[0].value == "Hi Ana"
    assert not at.sidebar.selectbox and "Workspace" not in [s.label for s in at.selectbox]
    with pytest.raises(ValueError, match=r"Known pages: \['[^']*pages/join.py'\]"):
        at.switch_page("pages/needs.py")  # the only page this browser can reach is the participant page


def test_a_fourth_vote_is_refused_with_a_clear_message(app_db):
    at = joined(opened(app_db))
    for expected in ("2 of 3", "1 of 3", "0 of 3"):
        click(at, at.button[0].label)
        assert votes_left(at) == expected
    click(at, at.button[1].label)
    assert "placed all 3 of your votes" in at.error[0].value and votes_left(at) == "0 of 3"


def test_a_wrong_code_an_empty_name_and_a_taken_name_are_refused(app_db):
    code = opened(app_db)
    assert "not open" in joined("WRONG1").error[0].value
    assert "enter the name" in joined(code, "  ").error[0].value
    joined(code, "Ana")
    assert "already called 'ana'" in joined(code, "ana").error[0].value


def test_a_raised_pain_is_sent_and_shown_back_literally(app_db):
    at = joined(opened(app_db))
    at.text_input(key="idea_title").input("=cmd|' /C calc'!A0")
    at.text_input(key="idea_department").input("Stores")
    click(at, "Send to the screen")
    assert at.success[0].value == "Sent to the screen — thank you." and at.text_input(key="idea_title").value == ""
