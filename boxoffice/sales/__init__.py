"""Selling: availability, holds, pricing, checkout, tickets, after-sale."""
