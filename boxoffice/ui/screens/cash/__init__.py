"""The Cash screen: open a shift, move cash, count and close it, X report, Z slips, day end.

``screen.CashScreen`` holds four pages, one module each (``drawer_page``,
``close_page``, ``x_page``, ``day_end_page``) and the Z slip printing
(``slips``); the pages talk to the screen only through ``host.CashHost``.
Every step is a cash op (``boxoffice.ops.cash``) run on the store worker by
a job of ``jobs`` (``slip_jobs`` for the receipt printer).
"""

from boxoffice.ui.screens.cash.screen import CashScreen
from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute

__all__ = ["CashScreen", "ReceiptPrinterRoute"]
