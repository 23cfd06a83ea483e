"""The baseline diff names exactly what moved: one field of one record changed reads as one sentence
in its section; a record gone and one added read as removed and added, whatever their keys."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.sustain.baseline_diff import SectionDiff, compare_documents
from tests.conftest import SAMPLE

DOCUMENT = json.loads(SAMPLE.read_text(encoding="utf-8"))


@settings(deadline=None)  # the first call builds the field tables
@given(index=st.integers(0, len(DOCUMENT["needs"]) - 1), severity=st.integers(1, 5))
def test_one_changed_field_is_one_sentence_in_its_section(index, severity):
    changed = copy.deepcopy(DOCUMENT)
    need = changed["needs"][index]
    old, need["severity"] = need["severity"], severity
    expected = (
        []
        if old == severity
        else [SectionDiff("Needs", changed=[f"Need '{need['title']}': Severity changed from {old} to {severity}"])]
    )
    assert compare_documents(DOCUMENT, changed) == expected


def test_renumbered_keys_alone_are_not_a_change():
    renamed = copy.deepcopy(DOCUMENT)
    text = json.dumps(renamed).replace('"n1"', '"need-one"')
    assert compare_documents(DOCUMENT, json.loads(text)) == []


def test_a_removed_and_an_added_record_are_named_by_title():
    changed = copy.deepcopy(DOCUMENT)
    changed["principles"] = [*changed["principles"][1:], {"key": "new", "text": "Ask once", "position": 9}]
    [diff] = compare_documents(DOCUMENT, changed)
    assert (diff.section, diff.added, diff.removed) == ("Principles", ["Ask once"], [DOCUMENT["principles"][0]["text"]])
