"""Seat maps: a plain plan model, importers (own, CSV, pretix), storing, export."""
