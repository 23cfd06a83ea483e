"""Join codes and display names: short, unambiguous when read off a projector, typed on a phone."""

from __future__ import annotations

import secrets

from strategy.errors import FieldError, InvalidInput

# No look-alikes: 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B and U/V are left out.
JOIN_ALPHABET = "ACDEFHJKMNPRTWXY3479"
CODE_LENGTH = 6
NAME_MAX = 40


def new_code() -> str:
    """A random 6-character join code from the unambiguous alphabet."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a person typed, as a code: capitals, spaces and dashes dropped."""
    return "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")


def clean_name(typed: str) -> str:
    """A display name: trimmed, inner spaces collapsed, 1 to 40 characters."""
    name = " ".join(typed.split())
    if not name:
        raise InvalidInput([FieldError("name", "enter the name the room knows you by")])
    if len(name) > NAME_MAX:
        raise InvalidInput([FieldError("name", f"a name of at most {NAME_MAX} characters, please")])
    return name


def name_key(name: str) -> str:
    """Two names that differ only in case or spacing are the same person to the room."""
    return clean_name(name).casefold()
