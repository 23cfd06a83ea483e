"""Plotly figures built by pure functions from records, so tests can inspect them and the brief
can render the very same figures as the app."""
