"""boxoffice: offline-first point of sale for venue box offices.

The core (everything outside ``boxoffice.ui`` and ``boxoffice.devices``) never
imports Qt, so every rule can be tested and scripted without a display.
"""

__version__ = "0.1.0"
