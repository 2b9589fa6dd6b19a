"""Sync (built in later issues)."""
