"""The brief as PDF: escaped HTML and print CSS rendered by WeasyPrint, fetching nothing from outside."""

from __future__ import annotations

import base64

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from strategy.brief.content import Brief, Bullets, Chart, Facts, Missing, Paragraph, Table
from strategy.brief.escape import for_html as h

# A board paper: each section's name runs in the page header, so a page that continues a section says
# which; a table row, a figure with its heading and takeaway, and a short table never split; a heading or
# a lead-in line never ends a page; headers are ruled, not filled (filled cells leave hairline seams).
CSS = """
@page { size: A4 landscape; margin: 18mm 16mm 18mm 16mm;
        @top-left { content: string(section); font: 9pt 'DejaVu Sans', sans-serif; color: #555; }
        @bottom-right { content: counter(page) " / " counter(pages); font: 9pt 'DejaVu Sans', sans-serif;
                        color: #555; } }
@page :first { @top-left { content: none; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; color: #1c1c1c; orphans: 3; widows: 3; }
h1 { font-size: 30pt; color: #0b5cad; margin: 0 0 6mm 0; }
h2 { font-size: 18pt; color: #0b5cad; border-bottom: 2px solid #0b5cad; padding-bottom: 2mm;
     break-before: page; margin-top: 0; string-set: section content(); }
h3 { font-size: 13pt; color: #1c1c1c; margin: 4mm 0 2mm 0; }
h2, h3, p.lead { break-after: avoid; }
.title-page { height: 150mm; display: flex; flex-direction: column; justify-content: center; }
.title-page p { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 10pt; }
table.short { break-inside: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tr.kept { break-before: avoid; }
th { color: #0b5cad; text-align: left; padding: 1.5mm 2mm; border-bottom: 2px solid #0b5cad; }
td { border-bottom: 1px solid #dee2e6; padding: 1.1mm 2mm; vertical-align: top; }
td.num, th.num { text-align: right; }
.facts { margin: 3mm 0 1mm 0; break-inside: avoid; }
.fact { display: inline-block; vertical-align: top; margin: 0 4mm 3mm 0; border: 1px solid #ced4da;
        border-radius: 2mm; padding: 3mm 4mm; min-width: 45mm; }
.fact .label { font-size: 10pt; color: #555; } .fact .value { font-size: 16pt; font-weight: bold; }
.missing { color: #555; font-style: italic; }
figure { margin: 0 0 4mm 0; break-inside: avoid; }
figure img { display: block; max-width: 100%; max-height: 140mm; object-fit: contain; }
figcaption { font-size: 11pt; margin-top: 1mm; }
"""
SHORT_TABLE = 12  # rows: a table this short moves whole to the next page rather than leave an orphan row


def _inline_only() -> URLFetcher:
    # Charts are inlined as data: URIs; no file://, no http(s): user text can never make it fetch.
    return URLFetcher(allowed_protocols={"data"})


def brief_html(brief: Brief, images: dict[int, bytes]) -> str:
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{h(brief.title)}</title>"
        f"<style>{CSS}</style></head><body>",
        f"<div class='title-page'><h1>{h(brief.title)}</h1><p><b>{h(brief.organisation)}</b></p>"
        f"<p>Prepared {brief.prepared_on:%d %B %Y}</p></div>",
    ]
    for section in brief.sections:
        parts.append(f"<h2>{h(section.title)}</h2>")
        for block, lead in zip(section.blocks, _leads(section.blocks), strict=True):
            parts.append(_block(block, images, lead=lead))
    parts.append("</body></html>")
    return "".join(parts)


def _leads(blocks: tuple) -> list[bool]:
    """Which paragraphs lead into a table or a list, directly or through the paragraphs between them
    ('Decisions logged:', 'Shown here: 10 of 200 …', then the table): none is left at a page foot."""
    leads = [False] * len(blocks)
    for n in range(len(blocks) - 2, -1, -1):
        after = blocks[n + 1]
        leads[n] = isinstance(after, Table | Bullets) or (isinstance(after, Paragraph) and leads[n + 1])
    return leads


def _block(block: object, images: dict[int, bytes], *, lead: bool = False) -> str:
    """One block as HTML; a paragraph that leads into a table or a list is kept on its page."""
    if isinstance(block, Paragraph):
        return f"<p class='lead'>{h(block.text)}</p>" if lead else f"<p>{h(block.text)}</p>"
    if isinstance(block, Missing):
        return f"<p class='missing'>{h(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{h(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Facts):
        cells = "".join(
            f"<div class='fact'><div class='label'>{h(label)}</div><div class='value'>{h(value)}</div></div>"
            for label, value in block.items
        )
        return f"<div class='facts'>{cells}</div>"
    if isinstance(block, Table):

        def cls(i: int) -> str:
            return " class='num'" if i in block.numeric else ""

        head = "".join(f"<th{cls(i)}>{h(c)}</th>" for i, c in enumerate(block.columns))
        last = len(block.rows) - 1
        body = "".join(
            ("<tr class='kept'>" if n in (1, last) else "<tr>")  # neither the first nor the last row alone
            + "".join(f"<td{cls(i)}>{h(c)}</td>" for i, c in enumerate(row))
            + "</tr>"
            for n, row in enumerate(block.rows)
        )
        short = " class='short'" if len(block.rows) <= SHORT_TABLE else ""
        return f"<table{short}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Chart):
        data = base64.b64encode(images[id(block)]).decode("ascii")
        takeaway = f"<figcaption>{h(block.takeaway)}</figcaption>" if block.takeaway else ""
        return (
            f"<figure><h3>{h(block.title)}</h3><img alt='{h(block.title)}' style='width: {block.width}px' "
            f"src='data:image/png;base64,{data}'>{takeaway}</figure>"
        )
    raise TypeError(f"unknown block {block!r}")


def render_pdf(brief: Brief, images: dict[int, bytes]) -> bytes:
    return HTML(string=brief_html(brief, images), url_fetcher=_inline_only()).write_pdf()
