"""What a brief is made of, independent of any file format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go


class UserText(str):
    """Text a person typed. Renderers show it literally: markup and formula prefixes are escaped."""

    __slots__ = ()


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()  # column positions to right-align


@dataclass(frozen=True)
class Facts:
    """Headline figures: label and value pairs, shown large."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, eq=False)
class Chart:
    """A plotly figure under its own heading with a one-line takeaway; the renderers embed it as a PNG
    made by kaleido. Drawn 1,000 px wide it prints one CSS px a pixel on an A4 landscape page, so the
    charts' 16 px type prints at 12 pt."""

    title: str
    figure: go.Figure
    takeaway: str = ""
    width: int = 1000
    height: int = 500


@dataclass(frozen=True)
class Missing:
    """Why a section has no content yet, said briefly instead of leaving it out."""

    text: str


Block = Paragraph | Bullets | Table | Facts | Chart | Missing


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Brief:
    title: str
    organisation: str
    prepared_on: date
    version: int  # the workspace's data version the brief was built from (for the file, not the reader)
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def charts(self) -> list[Chart]:
        return [block for section in self.sections for block in section.blocks if isinstance(block, Chart)]
