"""Long lists in a board paper: the few that matter most, and where the rest are.

A brief of a 1,000-initiative programme that listed everything would run to ninety pages nobody reads.
Each long list shows its first few in the order that matters to a board (priority, recency, severity),
led in by a line that counts the whole list from the stored records and names the workbench page where
the full list is.
"""

from __future__ import annotations

from models.labels import plural
from strategy.brief.content import Paragraph

TABLE_ROWS = 10  # rows of a summarised table: it fits on its page with its lead-in
BULLETS = 6  # points of a summarised list of findings

# Where each full list is: the titles of the workbench's pages, as app.py's navigation names them.
NEEDS_PAGE = "Business need"
STAKEHOLDERS_PAGE = "Stakeholders & champions"
OBJECTIVES_PAGE = "Objectives (SMART)"
KPIS_PAGE = "KPIs and traceability"
ROADMAP_PAGE = "Roadmap"
TRACKING_PAGE = "Tracking"
GOVERNANCE_PAGE = "Change, data and reviews"
WORKSHOP_PAGE = "Workshop in the room"
HEALTH_PAGE = "Health check"
PAGES = (
    NEEDS_PAGE,
    STAKEHOLDERS_PAGE,
    OBJECTIVES_PAGE,
    KPIS_PAGE,
    ROADMAP_PAGE,
    TRACKING_PAGE,
    GOVERNANCE_PAGE,
    WORKSHOP_PAGE,
    HEALTH_PAGE,
)


def where_the_rest_are(total: int, shown: int, noun: str, order: str, page: str, many: str | None = None) -> str:
    """'Shown here: 10 of 200 change requests, the most recent first; the other 190 are on the Change,
    data and reviews page of the workbench.' Empty when nothing is left out."""
    if total <= shown:
        return ""
    return (
        f"Shown here: {shown:,} of {plural(total, noun, many)}, {order}; "
        f"the other {total - shown:,} are on the {page} page of the workbench."
    )


def lead_in(total: int, shown: int, noun: str, order: str, page: str, many: str | None = None) -> list[Paragraph]:
    """The line before a summarised table or list (none when the whole list is shown)."""
    text = where_the_rest_are(total, shown, noun, order, page, many)
    return [Paragraph(text)] if text else []


def shortened(text: str, limit: int) -> str:
    """The text cut at the last word that fits in `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
