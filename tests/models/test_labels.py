"""Every field and every stored value has words a person uses."""

from __future__ import annotations

import enum
import re
from datetime import date

import pytest

from models import base
from models.labels import day_text, field_label, number_text, plural, value_label
from models.registry import ENTITIES

FIELDS = sorted({name for e in ENTITIES for name in [*e.fields, *e.refs, *(link.field for link in e.links)]})
ENUMS = [o for o in vars(base).values() if isinstance(o, type) and issubclass(o, enum.Enum) and o is not enum.Enum]
VALUES = sorted({member.value for kind in ENUMS for member in kind})
RAW = re.compile(r"_|^[a-z]")


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_of_every_record_has_a_label_not_its_name(name: str):
    assert not RAW.search(field_label(name)), field_label(name)


@pytest.mark.parametrize("value", VALUES)
def test_every_stored_value_reads_as_words(value: str):
    assert not RAW.search(value_label(value)), value_label(value)


@pytest.mark.parametrize(
    ("name", "label"),
    [("requested_by", "Requested by"), ("owner_id", "Owner"), ("objective_ids", "Objectives"), ("kpi_id", "KPI")],
)
def test_labels_read_as_the_forms_say_them(name: str, label: str):
    assert field_label(name) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [("wish_list", "Wish list"), ("it", "IT"), (None, "—"), (True, "Yes"), ("revenue_uplift", "Revenue uplift")],
)
def test_values_read_as_words(value: object, label: str):
    assert value_label(value) == label


@pytest.mark.parametrize(
    ("count", "noun", "many", "text"),
    [
        (1, "sponsor", None, "1 sponsor"),
        (0, "initiative", None, "0 initiatives"),
        (1200, "person", "people", "1,200 people"),
    ],
)
def test_counts_agree_with_their_noun(count: int, noun: str, many: str | None, text: str):
    assert plural(count, noun, many) == text


@pytest.mark.parametrize(
    ("value", "shown"),
    [(261_500.0, "261,500"), (58_000, "58,000"), (71.2, "71.2"), (73.125, "73.12"), (24.0, "24"), (-4.5, "−4.5")],
)
def test_figures_read_as_people_write_them(value, shown):
    assert number_text(value) == shown


def test_a_day_reads_the_same_everywhere():
    assert day_text(date(2026, 12, 1)) == "01 Dec 2026" and day_text(None) == "—"
