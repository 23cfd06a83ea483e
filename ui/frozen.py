"""Records shared by every session without a copy per read, and refusing any change in place.

`st.cache_data` hands each caller a fresh copy (it unpickles the stored value on every hit): 13 ms a
rerun for the large workspace's 12,428 records, more than twice the whole trivial page. The view caches
records once per data version with `st.cache_resource` instead, so every session reads the same
objects; these types make a change in place fail loudly instead of leaking into other sessions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NoReturn

REFUSED = "records read through ui.common are shared by every session: copy one (dict(r), list(rows)) to change it"


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise TypeError(REFUSED)


class ReadOnlyRecord(dict[str, Any]):
    """A record (a plain dict to every reader) that refuses to change; `dict(r)` or `{**r}` copies it."""

    __setitem__ = __delitem__ = __ior__ = _refuse
    update = pop = popitem = clear = setdefault = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # copy, deepcopy and pickle give a plain, changeable dict
        return (dict, (dict(self),))

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return self.__reduce__()


class ReadOnlyList(list[Any]):
    """A list of records (or a record's links) that refuses to change; `list(rows)` or `sorted` copies it."""

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = remove = pop = clear = sort = reverse = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return self.__reduce__()


def _freeze_value(value: Any) -> Any:
    if isinstance(value, list):
        return ReadOnlyList(_freeze_value(v) for v in value)
    if isinstance(value, dict):
        return ReadOnlyRecord((k, _freeze_value(v)) for k, v in value.items())
    return value


def frozen_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records as read-only dicts in a read-only list (their link lists read-only too)."""
    return ReadOnlyList(ReadOnlyRecord((k, _freeze_value(v)) for k, v in row.items()) for row in rows)
