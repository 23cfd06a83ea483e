"""The `python -m strategy` command line: the Typer app and what every command shares."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from pydantic_core import to_jsonable_python
from sqlalchemy import Engine

from models.settings import get_settings
from models.workspace import Workspace
from strategy.errors import InvalidInput, WorkbenchError
from strategy.store.database import ensure_database
from strategy.store.workspaces import resolve_workspace


class GuardedTyper(typer.Typer):
    """A Typer app whose every command runs inside user_errors: one error handling for all."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:  # type: ignore[override]  # passes every option through
        register = super().command(*args, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(function)
            def guarded(*call_args: Any, **call_kwargs: Any) -> Any:
                with user_errors():
                    return function(*call_args, **call_kwargs)

            return register(guarded)

        return decorator


app = GuardedTyper(
    help="CRM strategy workbench: plan, check and export CRM strategies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
BAD_INPUT = 2


def actor() -> str:
    """The audit trail's name for the command line: with accounts on, the operator, who may do anything
    (the command line runs on the server with the database's own credentials)."""
    from strategy.store.access import OPERATOR, accounts_on

    return OPERATOR if accounts_on() else get_settings().default_actor


def open_engine() -> Engine:
    """The configured database, upgraded to the newest schema (and seeded if it was empty)."""
    return ensure_database()[0]


def fail(error: Exception) -> NoReturn:
    """Print what is wrong, one problem a line, and exit with the bad-input code."""
    lines = [str(e) for e in error.errors] if isinstance(error, InvalidInput) else [str(error)]
    for line in lines:
        typer.echo(f"error: {line}", err=True)
    raise typer.Exit(BAD_INPUT)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a person can fix into a message and exit code 2."""
    try:
        yield
    except WorkbenchError as error:
        fail(error)
    except (OSError, ValueError, ArithmeticError) as error:
        # Bad stored data (a value no form would accept today) surfaces here as a plain message.
        fail(error)


def workspace_arg(engine: Engine, name_or_id: str) -> Workspace:
    with user_errors():
        return resolve_workspace(engine, name_or_id)


def emit_json(data: Any) -> None:
    json.dump(to_jsonable_python(data), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
