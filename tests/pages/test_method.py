"""Rule book page: every rule of docs/METHOD.md readable in the app, found by a word."""

from __future__ import annotations

from strategy.define.method import rule_book
from tests.conftest import open_app


def test_the_rule_book_shows_every_rule_under_its_chapter(app_db):
    at = open_app("pages/method.py")
    assert not at.exception
    assert [e.label for e in at.expander] == [r.title for r in rule_book().values()]
    assert "Strategy health" in [h.value for h in at.header]


def test_a_word_finds_the_rules_that_mention_it_and_nothing_says_so_plainly(app_db):
    at = open_app("pages/method.py")
    at.text_input[0].input("champion").run()
    titles = [e.label for e in at.expander]
    assert "Champions with backups in each department" in titles
    assert len(titles) < len(rule_book())
    at.text_input[0].input("zebra crossing").run()
    assert not at.expander
    assert "No rule mentions “zebra crossing”" in at.info[0].value


def test_the_health_check_links_to_the_rule_book_and_shows_names_not_ids(app_db):
    at = open_app("pages/health.py")
    assert "Every rule, explained: the rule book" in [link.value for link in at.get("page_link")]
    assert not [m.value for m in at.markdown if "HEALTH-" in m.value]
