"""Screens, one package each (``cash/``, ...): a screen calls ops and redraws on change-sets."""
