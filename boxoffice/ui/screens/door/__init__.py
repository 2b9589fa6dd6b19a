"""The door screen: scan to a verdict, big and coloured, with the door's counts."""

from boxoffice.ui.screens.door.screen import COLOURS, DoorScreen

__all__ = ["COLOURS", "DoorScreen"]
