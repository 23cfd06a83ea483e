"""SQLModel tables, engine and migrations of the workbench.

Importing the package loads nothing else, so `from models.settings import …` stays cheap for a quick
command such as `python -m strategy list`; `models.tables` registers every table (Alembic, tests).
"""
