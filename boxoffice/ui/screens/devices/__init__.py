"""The device settings screen: this terminal's printers, drawer, scanners and card terminal."""

from boxoffice.ui.screens.devices.settings_panel import DeviceSettingsPanel

__all__ = ["DeviceSettingsPanel"]
