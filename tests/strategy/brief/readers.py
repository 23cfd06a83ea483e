"""Read a brief back from the file itself, as its recipient would."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

from docx import Document
from pptx import Presentation


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """The text in reading order: a table cell that wraps over lines reads whole, as a copy would."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_images(content: bytes, tmp_path: Path) -> int:
    path = tmp_path / "brief.pdf"
    path.write_bytes(content)
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.strip().splitlines()[2:]]
    return sum(row[2] == "image" for row in rows)  # not the soft masks that carry transparency


def pptx_text(content: bytes) -> str:
    parts = []
    for slide in Presentation(BytesIO(content)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def pptx_pictures(content: bytes) -> int:
    return sum(shape.shape_type == 13 for slide in Presentation(BytesIO(content)).slides for shape in slide.shapes)


def docx_text(content: bytes) -> str:
    document = Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def docx_pictures(content: bytes) -> int:
    return len(Document(BytesIO(content)).inline_shapes)
