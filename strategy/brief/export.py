"""Build a brief and render it in one format: the one call the page and the CLI make."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from strategy.brief.builder import SECTION_KEYS, build_brief
from strategy.brief.content import Brief, Chart, Section
from strategy.brief.images import Drawing, Progress, warm_up
from strategy.brief.names import BRIEF_FORMAT_KEYS, FORMAT_KEYS, WORKBOOK_FORMAT, file_stem
from strategy.brief.render_docx import render_docx
from strategy.brief.render_markdown import render_markdown
from strategy.brief.render_pdf import render_pdf
from strategy.brief.render_pptx import render_pptx
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace

Renderer = Callable[[Brief, dict[int, bytes]], bytes]


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    extension: str
    mime: str
    render: Renderer
    charts_as: str = "png"  # the image kind the renderer embeds


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("pdf", "PDF", "pdf", "application/pdf", render_pdf),
        Format(
            "pptx",
            "PowerPoint",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            render_pptx,
        ),
        Format(
            "docx",
            "Word",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            render_docx,
        ),
        Format("md", "Markdown", "md", "text/markdown", render_markdown, charts_as="svg"),
    )
}
assert tuple(FORMATS) == BRIEF_FORMAT_KEYS, "strategy/brief/names.py lists the formats"


@dataclass(frozen=True)
class BriefFile:
    filename: str
    mime: str
    content: bytes


def export_brief(
    engine: Engine,
    workspace_id: int,
    fmt: str,
    *,
    sections: Iterable[str] = SECTION_KEYS,
    progress: Progress | None = None,
    today: date | None = None,
) -> BriefFile:
    """The brief as a file; progress(share, message) is told how far it has come."""
    if fmt == WORKBOOK_FORMAT:
        return export_workbook(engine, workspace_id, today)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMAT_KEYS)}")
    chosen = FORMATS[fmt]
    report = progress or (lambda share, message: None)
    report(0.05, "gathering the records")
    warm_up()  # Chromium opens while the records are read and the sections built
    drawing = Drawing(chosen.charts_as)
    brief = build_brief(engine, workspace_id, sections, today, built=lambda section: drawing.add(_charts(section)))
    images = drawing.collect(lambda share, message: report(0.1 + 0.7 * share, message))
    report(0.85, f"writing the {chosen.label} file")
    content = chosen.render(brief, images)
    report(1.0, "done")
    return BriefFile(f"{file_stem(brief.title)}-{brief.prepared_on:%Y-%m-%d}.{chosen.extension}", chosen.mime, content)


def _charts(section: Section) -> list[Chart]:
    return [block for block in section.blocks if isinstance(block, Chart)]


def export_workbook(engine: Engine, workspace_id: int, today: date | None = None) -> BriefFile:
    """The business case as an Excel workbook with live formulas (xlsxwriter loads only now)."""
    from strategy.brief.case_workbook import MIME, case_workbook, workbook_name

    workspace = get_workspace(engine, workspace_id)
    found = workspace_records(engine, workspace_id)
    content = case_workbook(workspace, found["cost"], found["benefit"], found["scenario"])
    return BriefFile(workbook_name(workspace.name, today), MIME, content)
