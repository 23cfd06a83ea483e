"""Escaping per format, so that user text appears literally and never acts as markup or a formula."""

from __future__ import annotations

import html
import re

from strategy.brief.content import UserText

# OWASP's CSV-injection guidance: these start a formula, also in their fullwidth forms, and also
# after leading blanks; a cell that starts with a tab or a carriage return is treated as one too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
FORMULA_LEADS = ("\t", "\r")
# What Markdown acts on wherever it stands: emphasis, code, links, inline HTML, table cells, GFM
# strikethrough, and in Streamlit's Markdown $ (LaTeX). The rest acts only in a certain position.
MARKDOWN_ANYWHERE = re.compile(
    r"([\\`*\[\]<|~$])"  # always active
    r"|(?<![A-Za-z0-9])(_)|(_)(?![A-Za-z0-9])"  # _ emphasises unless inside a word (snake_case stays)
    r"|(&)(?=#?[A-Za-z0-9]+;)"  # an entity such as &amp;
    r"|(:)(?=[A-Za-z]|//)"  # a bare URL (GFM autolink); Streamlit's :emoji:, :material/icon:, :red[x]
)
# At the start of a line: a quote, a heading (# and a blank), a list item (- or + and a blank, 1. or 1)
# and a blank), or a line of only - or = (a rule or a setext underline).
MARKDOWN_LINE_START = re.compile(r"^(\s*)(?:([>]|#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=](?=[-=\s]*$))|(\d+)([.)])(?=\s|$))")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_LEADS) or text.lstrip().startswith(FORMULA_PREFIXES)


def defuse_formula(text: str) -> str:
    """A spreadsheet pasting this cell would evaluate it as a formula; a leading ' stops that."""
    if isinstance(text, UserText) and looks_like_formula(text):
        return "'" + text
    return str(text)


def for_html(text: str) -> str:
    return html.escape(str(text), quote=True)


def for_markdown(text: str) -> str:
    """Backslash-escape only the characters Markdown (or inline HTML) would act on where they stand,
    so "(3.5 - 4.0)" stays as written and "**x**", "[x](y)", "# x" or "1. x" stay literal."""
    line = str(text).replace("\r", " ").replace("\n", " ").strip()  # 4 leading blanks would start code
    line = MARKDOWN_ANYWHERE.sub(lambda m: "\\" + m.group(0), line)
    return MARKDOWN_LINE_START.sub(_escape_line_start, line, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    blank, mark, number, dot = match.groups()
    return f"{blank}\\{mark}" if mark else f"{blank}{number}\\{dot}"


def for_office(text: str) -> str:
    """Word and PowerPoint show text as is; only the formula prefix needs defusing."""
    return defuse_formula(text)
