"""Shifts (drawer sessions): float, cash movements, blind count, close and Z report."""
