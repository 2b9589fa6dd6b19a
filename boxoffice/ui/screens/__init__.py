"""The screens, one package each (sell, orders, cash, door, devices, admin)."""
