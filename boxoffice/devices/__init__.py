"""Devices (built in later issues)."""
