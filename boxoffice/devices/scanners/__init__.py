"""Barcode scanners: serial/USB-COM readers (``serial_scanner``), what a scan is
(``codes``) and where it goes (``router``).

Keyboard-wedge scanners type into the application; they are caught by the Qt
event filter in ``boxoffice.ui.widgets.keyboard_wedge``.
"""
