"""Reading an untrusted JSON file: capped in size, refusing duplicate keys and runaway nesting."""

from __future__ import annotations

import json
from typing import Any

from strategy.errors import FieldError, InvalidInput

MB = 1024 * 1024


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once (json keeps the last)."""

    repeated: list[str]


def _remember_repeats(pairs: list[tuple[str, Any]]) -> _Object:
    found = _Object(pairs)
    keys = [key for key, _ in pairs]
    found.repeated = sorted({key for key in keys if keys.count(key) > 1}) if len(found) < len(keys) else []
    return found


def repeated_keys(data: Any, path: str = "") -> list[FieldError]:
    """Every object in the file that names a key twice, with its path."""
    errors = []
    if isinstance(data, _Object):
        where = path or "the file"
        errors += [FieldError(path, f"the key {key!r} appears twice in {where}; keep one") for key in data.repeated]
        for key, value in data.items():
            errors += repeated_keys(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for number, value in enumerate(data):
            errors += repeated_keys(value, f"{path}[{number}]")
    return errors


def load_json(text: str | bytes, max_mb: float) -> Any:
    """The parsed file, or InvalidInput saying in words why it cannot be read."""
    if len(text) > max_mb * MB:
        message = f"the file is {len(text) / MB:,.1f} MB, larger than the {max_mb:g} MB import limit"
        raise InvalidInput([FieldError("", message + " (WORKBENCH_MAX_IMPORT_MB)")])
    try:
        data = json.loads(text, object_pairs_hook=_remember_repeats)
        errors = repeated_keys(data)
    except RecursionError as exc:
        raise InvalidInput([FieldError("", "the file is nested too deeply to be a workspace")]) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput([FieldError("", f"the file is not valid JSON ({exc})")]) from exc
    if errors:
        raise InvalidInput(errors)
    return data
