"""Escaping per format, so that user text appears literally and never acts as markup or a formula."""

from __future__ import annotations

import html
import re

from strategy.brief.content import UserText

# OWASP's CSV-injection guidance: these start a formula, also in their fullwidth forms, and also
# after leading blanks; a cell that starts with a tab or a carriage return is treated as one too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
FORMULA_LEADS = ("\t", "\r")
# $ starts LaTeX and : an emoji or icon short code in Streamlit's Markdown; the rest is CommonMark.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^=@$:&])")


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
    """Backslash-escape every character Markdown (or inline HTML) could interpret."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def for_office(text: str) -> str:
    """Word and PowerPoint show text as is; only the formula prefix needs defusing."""
    return defuse_formula(text)
