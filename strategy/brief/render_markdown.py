"""The brief as Markdown; charts are embedded as SVG data URIs so the file stands alone (and its charts
stay sharp at any zoom)."""

from __future__ import annotations

import base64

from strategy.brief.content import Brief, Bullets, Chart, Facts, Missing, Paragraph, Table
from strategy.brief.escape import for_markdown as md


def render_markdown(brief: Brief, images: dict[int, bytes]) -> bytes:
    lines = [
        f"# {md(brief.title)}",
        "",
        f"**{md(brief.organisation)}** · prepared {brief.prepared_on:%d %B %Y}",
        "",
    ]
    for section in brief.sections:
        lines += [f"## {md(section.title)}", ""]
        for block in section.blocks:
            lines += [*_block(block, images), ""]
    return "\n".join(lines).encode("utf-8")


def _block(block: object, images: dict[int, bytes]) -> list[str]:
    if isinstance(block, Paragraph):
        return [md(block.text)]
    if isinstance(block, Missing):
        return [f"*{md(block.text)}*"]
    if isinstance(block, Bullets):
        return [f"- {md(item)}" for item in block.items]
    if isinstance(block, Facts):
        return [f"- **{md(label)}:** {md(value)}" for label, value in block.items]
    if isinstance(block, Table):
        align = ["---:" if i in block.numeric else "---" for i in range(len(block.columns))]
        return [
            "| " + " | ".join(md(c) for c in block.columns) + " |",
            "| " + " | ".join(align) + " |",
            *("| " + " | ".join(md(cell) for cell in row) + " |" for row in block.rows),
        ]
    if isinstance(block, Chart):
        data = base64.b64encode(images[id(block)]).decode("ascii")
        return [f"![{md(block.title)}](data:image/svg+xml;base64,{data})"]
    raise TypeError(f"unknown block {block!r}")
