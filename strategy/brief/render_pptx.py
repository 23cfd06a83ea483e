"""The brief as an editable PowerPoint deck: real text and tables, charts as pictures."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from strategy.brief.content import Brief, Bullets, Chart, Facts, Missing, Paragraph, Table
from strategy.brief.escape import for_office as text

BLUE = RGBColor(0x0B, 0x5C, 0xAD)
ROWS_PER_SLIDE = 9
TITLE_ONLY, TITLE = 5, 0


class Deck:
    """Slides at 16:9; every block starts where the previous one ended, spilling to a new slide."""

    def __init__(self) -> None:
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(13.333), Inches(7.5)
        self.slide: Any = None
        self.top: int = Inches(1.4)
        self.heading = ""

    def new_slide(self, heading: str) -> None:
        self.heading = heading
        self.slide = self.prs.slides.add_slide(self.prs.slide_layouts[TITLE_ONLY])
        title = self.slide.shapes.title
        title.text = text(heading)
        title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.9)
        run = title.text_frame.paragraphs[0].runs[0]
        run.font.size, run.font.bold, run.font.color.rgb = Pt(30), True, BLUE
        self.top = Inches(1.4)

    def room(self, height: int) -> None:
        if self.top + height > int(self.prs.slide_height or 0) - Inches(0.4):
            self.new_slide(f"{self.heading} (continued)" if "(continued)" not in self.heading else self.heading)

    def lines(self, items: list[tuple[str, bool]], size: int = 18) -> None:
        height = Inches(0.45 * len(items) + 0.2)
        self.room(height)
        box = self.slide.shapes.add_textbox(Inches(0.6), self.top, Inches(12.1), height)
        frame = box.text_frame
        frame.word_wrap = True
        for n, (line, bold) in enumerate(items):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = line
            run.font.size, run.font.bold = Pt(size), bold
        self.top += height

    def table(self, block: Table) -> None:
        for start in range(0, max(len(block.rows), 1), ROWS_PER_SLIDE):
            chunk = block.rows[start : start + ROWS_PER_SLIDE]
            height = Inches(0.42 * (len(chunk) + 1))
            self.room(height)
            shape = self.slide.shapes.add_table(
                len(chunk) + 1, len(block.columns), Inches(0.6), self.top, Inches(12.1), height
            )
            for row_index, row in enumerate([block.columns, *chunk]):
                for col, value in enumerate(row):
                    cell = shape.table.cell(row_index, col)
                    cell.text = text(value)
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(13)  # python-pptx's default is far too large for a table
            self.top += height + Inches(0.2)

    def picture(self, png: bytes) -> None:
        height = Inches(5.6)
        self.room(height)
        self.slide.shapes.add_picture(BytesIO(png), Inches(1.4), self.top, height=height)
        self.top += height


def render_pptx(brief: Brief, images: dict[int, bytes]) -> bytes:
    deck = Deck()
    cover = deck.prs.slides.add_slide(deck.prs.slide_layouts[TITLE])
    cover.shapes.title.text = text(brief.title)
    cover.placeholders[1].text = f"{text(brief.organisation)}\nPrepared {brief.prepared_on:%d %B %Y}"
    for section in brief.sections:
        deck.new_slide(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                deck.lines([(text(block.text), False)])
            elif isinstance(block, Missing):
                deck.lines([(text(block.text), False)], size=16)
            elif isinstance(block, Bullets):
                deck.lines([(f"• {text(item)}", False) for item in block.items])
            elif isinstance(block, Facts):
                deck.lines([(f"{text(label)}: {text(value)}", True) for label, value in block.items], size=20)
            elif isinstance(block, Table):
                deck.table(block)
            elif isinstance(block, Chart):
                deck.picture(images[id(block)])
    buffer = BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()
