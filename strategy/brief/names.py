"""The brief's section and format names, light enough for the CLI's help text (the builder and the
renderers, with plotly, weasyprint and python-pptx behind them, load only when a brief is made)."""

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
FORMAT_KEYS: tuple[str, ...] = ("pdf", "pptx", "docx", "md")
