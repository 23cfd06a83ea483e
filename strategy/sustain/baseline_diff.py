"""What moved between two versions of a strategy (two export documents, as plain JSON dicts), by
section, in words: what the change-control committee and the board read to see what changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from models.labels import change_text
from models.registry import ENTITIES, Entity

Document = Mapping[str, Any]
WORKSPACE = "Workspace settings"


@dataclass(frozen=True)
class SectionDiff:
    """One section's differences: record titles added and removed, and changed fields as sentences."""

    section: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _items(document: Document, ent: Entity) -> list[dict[str, Any]]:
    value = document.get(ent.collection)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _titles_by_key(document: Document) -> dict[str, dict[str, str]]:
    """Keys are positions ('need-3'), which shift when a record goes: compare by title instead."""
    return {
        ent.kind: {
            item["key"]: str(item.get(ent.title_field, item["key"])) for item in _items(document, ent) if "key" in item
        }
        for ent in ENTITIES
    }


def _readable(ent: Entity, item: Mapping[str, Any], titles: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """The item without its key, its references and link lists as the titles they point at."""
    out = {name: value for name, value in item.items() if name != "key"}
    for ref, target in ent.refs.items():
        name = ref.removesuffix("_id")
        if out.get(name) is not None:
            out[name] = titles[target].get(out[name], out[name])
    for link in ent.links:
        out[link.json_field] = sorted(titles[link.target].get(k, k) for k in out.get(link.json_field) or [])
    return out


def _by_title(document: Document, ent: Entity, titles: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, Any]]:
    """Records by title; a title used twice gets '(2)', '(3)' in order, so both sides pair alike."""
    seen: dict[str, int] = defaultdict(int)
    found: dict[str, dict[str, Any]] = {}
    for item in _items(document, ent):
        title = str(item.get(ent.title_field, "")) if not ent.singleton else ent.label
        seen[title] += 1
        found[title if seen[title] == 1 else f"{title} ({seen[title]})"] = _readable(ent, item, titles)
    return found


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return [change_text(name, old.get(name), new.get(name)) for name in new if old.get(name) != new.get(name)]


def _section(
    ent: Entity,
    old: Document,
    new: Document,
    old_titles: Mapping[str, Mapping[str, str]],
    new_titles: Mapping[str, Mapping[str, str]],
) -> SectionDiff:
    before, after = _by_title(old, ent, old_titles), _by_title(new, ent, new_titles)
    changed = [
        f"{ent.label} '{title}': {line}"
        for title in after
        if title in before
        for line in _changes(before[title], after[title])
    ]
    if ent.singleton:
        changed = [line.removeprefix(f"{ent.label} '{ent.label}': ") for line in changed]
    return SectionDiff(
        section=ent.collection.replace("_", " ").capitalize(),
        added=[t for t in after if t not in before],
        removed=[t for t in before if t not in after],
        changed=changed,
    )


def compare_documents(old: Document, new: Document) -> list[SectionDiff]:
    """Every section that differs, in the document's order; an empty list means nothing moved."""
    found = [SectionDiff(WORKSPACE, changed=_changes(old.get("workspace", {}), new.get("workspace", {})))]
    old_titles, new_titles = _titles_by_key(old), _titles_by_key(new)
    found += [_section(ent, old, new, old_titles, new_titles) for ent in ENTITIES]
    return [diff for diff in found if diff.added or diff.removed or diff.changed]
