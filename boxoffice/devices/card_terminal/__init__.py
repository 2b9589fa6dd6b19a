"""Card terminals: the stand-alone (keyed) flow and the integrated ZVT driver.

Whatever the terminal says, the application keeps only what a receipt may
show (design invariant 9): scheme, last four digits, authorisation code,
terminal id and the slip text.
"""
