"""Sustain: change control, data decay and retention, strategy reviews."""
