"""The brief's section and format names, light enough for the CLI's help text (the builder and the
renderers, with plotly, weasyprint and python-pptx behind them, load only when a brief is made)."""

import re

SECTION_KEYS: tuple[str, ...] = (
    "summary",
    "needs",
    "vision",
    "direction",
    "objectives",
    "capabilities",
    "case",
    "tracking",
    "roadmap",
    "people",
    "governance",
)
BRIEF_FORMAT_KEYS: tuple[str, ...] = ("pdf", "pptx", "docx", "md")
WORKBOOK_FORMAT = "xlsx"  # the business case as a workbook with live formulas, for Finance to audit
FORMAT_KEYS: tuple[str, ...] = (*BRIEF_FORMAT_KEYS, WORKBOOK_FORMAT)


def file_stem(title: str) -> str:
    """A file name from a title: 'Acme CRM 2027' → 'acme-crm-2027'."""
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower() or "strategy-brief"
