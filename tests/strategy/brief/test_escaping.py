"""User text reaches every format literally: no markup, no script, no formula, no fetch."""

from __future__ import annotations

import html
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from strategy.brief.content import Brief, Paragraph, Section, Table, UserText
from strategy.brief.escape import for_html, for_markdown, for_office
from strategy.brief.render_docx import render_docx
from strategy.brief.render_markdown import render_markdown
from strategy.brief.render_pdf import brief_html, render_pdf
from strategy.brief.render_pptx import render_pptx
from tests.strategy.brief.readers import docx_text, pdf_text, pptx_text

COMMONMARK = MarkdownIt("commonmark").enable(["table", "strikethrough"])
SCRIPT = "<script>alert('x')</script>"
FORMULA = '=HYPERLINK("http://evil","click")'
MARKDOWN = "**not bold** [link](http://evil) # not a heading"
IMAGE = "<img src='file:///etc/passwd'>"
NASTY = (SCRIPT, FORMULA, MARKDOWN, IMAGE)


def nasty_brief() -> Brief:
    from datetime import date

    rows = tuple((UserText(text), "1") for text in NASTY)
    return Brief(
        "Brief",
        "Org",
        date(2026, 11, 23),
        1,
        (Section("s", "Section", (Paragraph(UserText(SCRIPT)), Table(("Text", "n"), rows))),),
    )


@pytest.mark.parametrize("text", NASTY)
def test_html_shows_markup_as_text(text):
    assert "<" not in for_html(text) and ">" not in for_html(text)


def shown_by_markdown(markdown: str) -> str:
    """The text a Markdown reader shows for one paragraph, failing if any markup became live."""
    rendered = COMMONMARK.render(markdown).strip()
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    inner = rendered.removeprefix("<p>").removesuffix("</p>")
    assert "<" not in inner, rendered  # no emphasis, link, code, strikethrough, heading or inline HTML
    return html.unescape(inner)


MARKDOWN_PIECES = [*"ab1 2\\`*_{}[]()#+-.!|<>~^=@$:&;/", "http://x", "&amp;", "1.", "1)", "    ", "snake_case"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=14).map("".join))
def test_markdown_shows_any_text_literally(text):
    words = " ".join(text.split())
    assume(words)
    assert " ".join(shown_by_markdown(for_markdown(text)).split()) == words


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("NPV (risk-adjusted) 3.5 - 4.0.", "NPV (risk-adjusted) 3.5 - 4.0."),  # nothing here acts
        ("snake_case stays; e-mail: a@b.org", "snake_case stays; e-mail: a@b.org"),
        (MARKDOWN, r"\*\*not bold\*\* \[link\](http\://evil) # not a heading"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"1\. not a list"),
        ("a | b & c &amp; :smile:", r"a \| b & c \&amp; \:smile:"),
    ],
)
def test_markdown_escapes_only_what_acts_where_it_stands(text, escaped):
    assert for_markdown(text) == escaped


def test_only_user_text_has_its_formula_defused():
    assert for_office(UserText(FORMULA)).startswith("'=")
    assert for_office("-£1.2m") == "-£1.2m"  # a figure the workbench computed is left alone


def test_the_pdf_shows_user_text_literally_and_fetches_nothing(tmp_path):
    html = brief_html(nasty_brief(), {})
    assert "<script>" not in html and "<img src='file" not in html
    text = pdf_text(render_pdf(nasty_brief(), {}), tmp_path)
    assert "<script>alert('x')</script>" in text and "<img src='file:///etc/passwd'>" in text


def test_office_documents_defuse_formulas_and_keep_the_rest_literal():
    for text in (docx_text(render_docx(nasty_brief(), {})), pptx_text(render_pptx(nasty_brief(), {}))):
        assert "'" + FORMULA in text and SCRIPT in text and MARKDOWN in text


def test_markdown_file_has_no_live_markup():
    rendered = COMMONMARK.render(render_markdown(nasty_brief(), {}).decode())
    assert "<script>" not in rendered and "<strong>not bold" not in rendered and "<a " not in rendered
    assert "<img" not in rendered and "<h1>" in rendered  # the brief's own title is a heading, user text is not


# OWASP CSV injection: a cell is a formula if, after leading blanks, it starts with = + - @ (or their
# fullwidth forms), or if it starts with a tab or a carriage return.
DISGUISED_FORMULAS = [
    "\t=1+1",
    " =1+1",
    "   @SUM(A1)",
    "\r=cmd|'/c calc'!A0",
    "\n+1",
    '＝HYPERLINK("http://evil")',
    "＋1",
    "－1",
    "＠SUM(A1)",
    "\u00a0=1+1",
]


@pytest.mark.parametrize("text", DISGUISED_FORMULAS)
def test_formulas_behind_blanks_or_in_fullwidth_are_defused(text):
    assert for_office(UserText(text)) == "'" + text


@pytest.mark.parametrize("text", ["Cut cost – 2 days", "a=b", "1+1", "email@example.org"])
def test_text_that_only_contains_a_sign_is_left_alone(text):
    assert for_office(UserText(text)) == text


def test_office_cells_of_every_format_defuse_disguised_formulas():
    rows = tuple((UserText(text), "1") for text in DISGUISED_FORMULAS)
    brief = Brief("Brief", "Org", date(2026, 11, 23), 1, (Section("s", "Section", (Table(("Text", "n"), rows),)),))
    for text in (docx_text(render_docx(brief, {})), pptx_text(render_pptx(brief, {}))):
        assert "'＝HYPERLINK" in text and "'＠SUM" in text
