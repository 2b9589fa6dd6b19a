"""Reusable widgets: the seat map (and later the PIN pad, keypads)."""
