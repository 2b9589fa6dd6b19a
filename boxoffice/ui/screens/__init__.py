"""The screens, one package each (sell, orders, cash, door, devices, admin): a screen calls ops
and redraws on change-sets."""
