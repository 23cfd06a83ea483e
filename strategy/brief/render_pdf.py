"""The brief as PDF: escaped HTML and print CSS rendered by WeasyPrint, fetching nothing from outside."""

from __future__ import annotations

import base64

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from strategy.brief.content import Brief, Bullets, Chart, Facts, Missing, Paragraph, Table
from strategy.brief.escape import for_html as h

CSS = """
@page { size: A4 landscape; margin: 16mm 16mm 18mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #666; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1c1c1c; }
h1 { font-size: 30pt; color: #0b5cad; margin: 0 0 6mm 0; }
h2 { font-size: 17pt; color: #0b5cad; border-bottom: 2px solid #0b5cad; padding-bottom: 2mm;
     break-before: page; margin-top: 0; }
.title-page { height: 150mm; display: flex; flex-direction: column; justify-content: center; }
.title-page p { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 9.5pt; }
th { background: #0b5cad; color: white; text-align: left; padding: 1.5mm 2mm; }
td { border-bottom: 1px solid #dee2e6; padding: 1.5mm 2mm; vertical-align: top; }
td.num, th.num { text-align: right; }
.facts { display: flex; flex-wrap: wrap; gap: 4mm; margin: 3mm 0; }
.fact { border: 1px solid #ced4da; border-radius: 2mm; padding: 3mm 4mm; min-width: 45mm; }
.fact .label { font-size: 9pt; color: #555; } .fact .value { font-size: 16pt; font-weight: bold; }
.missing { color: #666; font-style: italic; }
img { width: 100%; max-height: 150mm; object-fit: contain; }
"""


def _inline_only() -> URLFetcher:
    # Charts are inlined as data: URIs; no file://, no http(s): user text can never make it fetch.
    return URLFetcher(allowed_protocols={"data"})


def brief_html(brief: Brief, images: dict[int, bytes]) -> str:
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{h(brief.title)}</title>"
        f"<style>{CSS}</style></head><body>",
        f"<div class='title-page'><h1>{h(brief.title)}</h1><p><b>{h(brief.organisation)}</b></p>"
        f"<p>Prepared {brief.prepared_on:%d %B %Y} · data version {brief.version}</p></div>",
    ]
    for section in brief.sections:
        parts.append(f"<h2>{h(section.title)}</h2>")
        parts += [_block(block, images) for block in section.blocks]
    parts.append("</body></html>")
    return "".join(parts)


def _block(block: object, images: dict[int, bytes]) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{h(block.text)}</p>"
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
        body = "".join(
            "<tr>" + "".join(f"<td{cls(i)}>{h(c)}</td>" for i, c in enumerate(row)) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Chart):
        data = base64.b64encode(images[id(block)]).decode("ascii")
        return f"<img alt='{h(block.title)}' src='data:image/png;base64,{data}'>"
    raise TypeError(f"unknown block {block!r}")


def render_pdf(brief: Brief, images: dict[int, bytes]) -> bytes:
    return HTML(string=brief_html(brief, images), url_fetcher=_inline_only()).write_pdf()
