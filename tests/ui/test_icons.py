"""Icons come from Streamlit's Material font, never an emoji a machine without an emoji font shows as a box."""

from __future__ import annotations

import re

from models.settings import ROOT

ICON = re.compile(r"""icon=["']([^"']+)["']""")


def test_every_icon_in_the_views_is_a_material_icon():
    sources = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    emoji = {
        f"{path.name}: {icon}"
        for path in sources
        for icon in ICON.findall(path.read_text())
        if not icon.startswith(":material/")
    }
    assert not emoji
