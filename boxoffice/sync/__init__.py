"""Sync: the client half of offline-first operation (outbox, feed, allocations)."""
