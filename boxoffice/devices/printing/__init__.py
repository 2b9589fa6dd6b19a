"""Ticket and receipt printing: one layout, several printer languages, a queue.

``ticket_layout`` reads the ticket template from ``resources/tickets/`` and
fills it from ``ticket_data``; ``escpos_ticket``, ``fgl`` and ``pdf_ticket``
turn the filled layout into printer bytes; ``print_queue`` sends them off the
UI thread and ``print_log`` / ``ticket_stock`` record what happened.
"""
