"""The `python -m strategy` command line: the Typer app and one module of commands per topic."""
