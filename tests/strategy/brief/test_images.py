"""The brief's chart images: a palette keeps every colour a chart draws and shrinks the file."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageDraw

from strategy.brief.images import in_palette
from strategy.charts.style import BAD, GOOD, PALETTE


def chart_like_png() -> bytes:
    """Flat bars in the charts' colours, anti-aliased text and a gradient of greys, as kaleido draws."""
    image = Image.new("RGB", (800, 400), "white")
    draw = ImageDraw.Draw(image)
    for n, colour in enumerate([*PALETTE, GOOD, BAD]):
        draw.rectangle((20 + 70 * n, 100, 70 + 70 * n, 380), fill=colour)
        draw.text((20 + 70 * n, 40), f"Bar {n}", fill="#1c1c1c")
    for x in range(800):
        draw.line((x, 0, x, 20), fill=(x * 255 // 800,) * 3)
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_chart_in_a_palette_keeps_its_colours_exactly_and_is_smaller():
    original = chart_like_png()
    smaller = in_palette(original)
    before, after = Image.open(BytesIO(original)), Image.open(BytesIO(smaller)).convert("RGB")
    for n in range(len(PALETTE) + 2):
        assert after.getpixel((45 + 70 * n, 240)) == before.getpixel((45 + 70 * n, 240))
    assert len(smaller) < len(original)


def test_a_chart_is_drawn_once_for_the_same_figure_and_size_and_again_when_either_changes(monkeypatch):
    from concurrent.futures import Future
    from datetime import date

    import plotly.graph_objects as go

    from strategy.brief import images
    from strategy.brief.content import Brief, Chart, Section

    drawn: list[str] = []

    def draw(chart: Chart, kind: str) -> Future[bytes]:
        drawn.append(chart.title)
        done: Future[bytes] = Future()
        done.set_result(chart.title.encode())
        return done

    def charts(*shown: Chart) -> dict[int, bytes]:
        return images.render_charts(Brief("Brief", "Org", date(2026, 11, 23), 1, (Section("s", "S", shown),)))

    monkeypatch.setattr(images, "_start_drawing", draw)
    images.forget_drawn()
    bars = go.Figure(go.Bar(x=["Pilot", "Wave 2"], y=[3, 5]))
    first = Chart("Effort by wave", bars, "Wave 2 is larger.")
    again = Chart("Effort by wave", go.Figure(bars), "Wave 2 is larger.")
    assert charts(first)[id(first)] == charts(again)[id(again)] == b"Effort by wave"
    assert drawn == ["Effort by wave"]  # a second format of the same records
    charts(Chart("Effort by wave", bars, "Wave 2 is larger.", width=600))
    charts(Chart("Effort by wave", go.Figure(go.Bar(x=["Pilot"], y=[4])), "One wave."))
    assert len(drawn) == 3  # another size, or other records, is drawn afresh
    twice = Chart("Twice", go.Figure(go.Bar(x=["A"], y=[1])))
    charts(twice, Chart("Twice", go.Figure(go.Bar(x=["A"], y=[1]))))
    assert drawn.count("Twice") == 1  # the same chart twice in one brief is drawn once
    images.forget_drawn()


def test_every_chart_of_every_format_goes_through_one_browser_started_before_the_build(sample_db, monkeypatch):
    from concurrent.futures import Future

    from strategy.brief import builder, export, images

    started: list[object] = []
    events: list[str] = []

    class Browser:
        def __init__(self, timeout: float) -> None:
            self.timeout = timeout
            started.append(self)
            events.append("browser")

        def draw(self, figure, width, height, then, kind="png") -> Future[bytes]:  # type: ignore[no-untyped-def]
            done: Future[bytes] = Future()
            done.set_result(chart_like_png())
            return done

        def close(self) -> None:
            pass

    build = builder.build_brief
    monkeypatch.setattr(export, "build_brief", lambda *a, **k: events.append("build") or build(*a, **k))
    monkeypatch.setattr(images, "Browser", Browser)
    images._stop()
    images.forget_drawn()
    engine, workspace = sample_db
    for fmt in ("pptx", "md"):
        images.forget_drawn()
        export.export_brief(engine, workspace.id, fmt)
    assert len(started) == 1 and events[:2] == ["browser", "build"]
    images._browser.clear()
    images.forget_drawn()
