"""Catalogue services: venues, events, performances, price types and prices."""
