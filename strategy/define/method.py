"""The rule book (docs/METHOD.md) read into rules, so every verdict can cite and quote its rule.

One heading per rule, `### FAMILY-ID · title`, then `**Rule:**`, `**Why it matters:**`, `**Weak:**`,
`**Strong:**` and optionally `**Setting:** ENV_VARIABLE = default`. Families (SMART, KPI, TRACE,
HEALTH …) share the format, so nothing here knows which rules exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.settings import ROOT

RULE_BOOK = ROOT / "docs" / "METHOD.md"
RULE_HEADING = re.compile(r"^#{2,4}\s+(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\s*[·:—–-]\s*(?P<title>.+?)\s*$")
ANY_HEADING = re.compile(r"^#{1,6}\s")
FIELD = re.compile(r"\*\*(Rule|Why it matters|Weak|Strong|Setting):\*\*")
REQUIRED = ("Rule", "Why it matters", "Weak", "Strong")
SETTING = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)\s*=\s*(?P<default>\S+)$")


class RuleBookError(ValueError):
    """The rule book is malformed: a rule misses a field, or an id is used twice."""


@dataclass(frozen=True)
class Setting:
    """A bound the rule uses that a person can tune, with the default the book documents."""

    env: str
    default: str


@dataclass(frozen=True)
class Rule:
    """One rule of the method, as written in the rule book."""

    rule_id: str
    title: str
    rule: str
    why: str
    weak: str
    strong: str
    setting: Setting | None = None
    chapter: str = ""  # the book's `##` heading the rule sits under, e.g. "Strategy health"

    @property
    def family(self) -> str:
        return family_of(self.rule_id)

    def cite(self) -> str:
        """The rule quoted with its id, for the end of a verdict's message."""
        return f"{self.rule_id}: “{self.rule}”"


@dataclass(frozen=True)
class Finding:
    """A rule a record breaks: which rule, which record, what was found; `message` quotes the rule."""

    rule_id: str
    subject: str  # the record kind: "need", "objective", "kpi" …
    subject_id: int
    title: str
    detail: str

    @property
    def message(self) -> str:
        return f"{self.detail} — {rule(self.rule_id).cite()}"


def family_of(rule_id: str) -> str:
    """SMART-S1 → SMART; HEALTH-REVIEW → HEALTH."""
    return rule_id.split("-", 1)[0]


def _sections(text: str) -> list[tuple[str, str, str, str]]:
    """(chapter, id, title, body) for every rule heading; a body ends at the next heading of any kind."""
    found: list[tuple[str, str, str, list[str]]] = []
    current: list[str] | None = None
    chapter = ""
    for line in text.splitlines():
        heading = RULE_HEADING.match(line)
        if heading:
            current = []
            found.append((chapter, heading["id"], heading["title"], current))
        elif ANY_HEADING.match(line):
            current = None
            if line.startswith("## "):
                chapter = line[3:].strip()
        elif current is not None:
            current.append(line)
    return [(chapter, rule_id, title, "\n".join(body)) for chapter, rule_id, title, body in found]


def _fields(rule_id: str, body: str) -> dict[str, str]:
    parts = FIELD.split(body)
    fields = {label: " ".join(value.split()) for label, value in zip(parts[1::2], parts[2::2], strict=True)}
    missing = [name for name in REQUIRED if not fields.get(name)]
    if missing:
        raise RuleBookError(f"rule {rule_id} has no {', '.join(repr(m) for m in missing)}")
    return fields


def _setting(rule_id: str, text: str | None) -> Setting | None:
    if text is None:
        return None
    match = SETTING.match(text)
    if match is None:
        raise RuleBookError(f"rule {rule_id}: write its setting as ENV_VARIABLE = default, not {text!r}")
    return Setting(match["name"], match["default"])


def parse_rule_book(text: str) -> dict[str, Rule]:
    """Every rule in the text, by id, in the order written."""
    rules: dict[str, Rule] = {}
    for chapter, rule_id, title, body in _sections(text):
        if rule_id in rules:
            raise RuleBookError(f"rule id {rule_id} is used twice")
        fields = _fields(rule_id, body)
        rules[rule_id] = Rule(
            rule_id,
            title,
            fields["Rule"],
            fields["Why it matters"],
            fields["Weak"],
            fields["Strong"],
            _setting(rule_id, fields.get("Setting")),
            chapter,
        )
    return rules


@lru_cache(maxsize=4)
def _load(path: Path, modified: float) -> dict[str, Rule]:
    return parse_rule_book(path.read_text(encoding="utf-8"))


def rule_book(path: Path = RULE_BOOK) -> dict[str, Rule]:
    """The rule book, re-read only when the file changes."""
    return _load(path, path.stat().st_mtime)


def rule(rule_id: str) -> Rule:
    """One rule; a KeyError names the id, so a check citing an unwritten rule fails loudly."""
    try:
        return rule_book()[rule_id]
    except KeyError:
        raise KeyError(f"rule {rule_id} is not in the rule book {RULE_BOOK.name}") from None
