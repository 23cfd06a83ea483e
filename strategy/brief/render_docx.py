"""The brief as a Word document: real headings, paragraphs and tables; charts as pictures."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from strategy.brief.content import Brief, Bullets, Chart, Facts, Missing, Paragraph, Table
from strategy.brief.escape import for_office as text

BLUE = RGBColor(0x0B, 0x5C, 0xAD)


def render_docx(brief: Brief, images: dict[int, bytes]) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.8))
    document.styles["Normal"].font.size = Pt(10.5)
    title = document.add_heading(text(brief.title), level=0)
    title.runs[0].font.color.rgb = BLUE
    document.add_paragraph().add_run(text(brief.organisation)).bold = True
    document.add_paragraph(f"Prepared {brief.prepared_on:%d %B %Y}")
    for part in brief.sections:
        document.add_page_break()
        document.add_heading(text(part.title), level=1)
        for block in part.blocks:
            _block(document, block, images)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _block(document, block: object, images: dict[int, bytes]) -> None:  # type: ignore[no-untyped-def]
    if isinstance(block, Paragraph):
        document.add_paragraph(text(block.text))
    elif isinstance(block, Missing):
        document.add_paragraph().add_run(text(block.text)).italic = True
    elif isinstance(block, Bullets):
        for item in block.items:
            document.add_paragraph(text(item), style="List Bullet")
    elif isinstance(block, Facts):
        for label, value in block.items:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{text(label)}: ")
            paragraph.add_run(text(value)).bold = True
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, Chart):
        document.add_picture(BytesIO(images[id(block)]), width=Cm(24))
    else:
        raise TypeError(f"unknown block {block!r}")


def _table(document, block: Table) -> None:  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Light Grid Accent 1"
    for i, column in enumerate(block.columns):
        table.rows[0].cells[i].text = text(column)
    for row in block.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].text = text(value)
            if i in block.numeric:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
