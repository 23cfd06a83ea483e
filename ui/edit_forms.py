"""Edit forms that never lose what was typed.

A form over stored values is opened once: its widgets get a fresh key prefix and are seeded with
the stored values, and the values and version seen at that moment are remembered. A save sends only
the fields this person changed, checked against the version they opened. When someone else saved in
between, the save is refused with their names (StaleVersion) but the typing stays; the next Save
applies this person's changes on top of the other's. A form nobody has typed into follows the store.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from strategy.errors import StaleVersion
from ui.common import attempt, flash

FORMS = "_edit_forms"
COUNTER = "_edit_forms_opened"


@dataclass
class OpenForm:
    number: int
    version: Hashable
    values: dict[str, Any] = field(default_factory=dict)
    conflicted: bool = False

    def prefix(self, name: str) -> str:
        return f"{name}_{self.number}"


def _forms() -> dict[str, OpenForm]:
    return st.session_state.setdefault(FORMS, {})


def _typed(name: str, form: OpenForm) -> dict[str, Any]:
    prefix = form.prefix(name)
    return {k: st.session_state.get(f"{prefix}_{k}", v) for k, v in form.values.items()}


def changed(name: str) -> dict[str, Any]:
    """The fields of an open form whose value differs from when it was opened."""
    form = _forms()[name]
    return {k: v for k, v in _typed(name, form).items() if form.values[k] != v}


def open_form(name: str, values: Mapping[str, Any], version: Hashable) -> str:
    """The key prefix for the form's widgets (keys are prefix + '_' + field), opening it if needed."""
    forms = _forms()
    form = forms.get(name)
    if form is not None and form.version != version:
        if form.conflicted:  # this person has seen the conflict: their next save goes on top
            form.version, form.conflicted = version, False
        elif not changed(name):  # nothing typed yet: show the new stored values
            form = None
    if form is None:
        st.session_state[COUNTER] = st.session_state.get(COUNTER, 0) + 1
        form = forms[name] = OpenForm(st.session_state[COUNTER], version, dict(values))
    prefix = form.prefix(name)
    # Seed each widget once; Streamlit drops the state of widgets a run did not draw, so re-seed those.
    for k, v in form.values.items():
        if f"{prefix}_{k}" not in st.session_state:
            st.session_state[f"{prefix}_{k}"] = v
    return prefix


def save_form(
    name: str,
    save: Callable[[dict[str, Any], Hashable], object],
    success: str,
    error_key: str,
    *,
    even_unchanged: bool = False,
) -> None:
    """A form's save callback: write only what changed (or, with even_unchanged, call `save` anyway,
    e.g. to store defaults shown for the first time); on success the form reopens from the store."""
    form = _forms()[name]
    changes = changed(name)
    if not changes and not even_unchanged:
        flash("Nothing to save: no field was changed.")
        return
    if attempt(lambda: save(changes, form.version), success, error_key):
        _forms().pop(name, None)
    elif isinstance(st.session_state.get(error_key), StaleVersion):
        form.conflicted = True


def close_form(name: str) -> None:
    """Forget a form (e.g. after its record was deleted)."""
    _forms().pop(name, None)
