"""Screens: one package each (sell, orders, cash, door, devices, backoffice), over ops."""
