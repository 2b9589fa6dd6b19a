"""What every screen stands on: the store worker, the op runner (an op off the UI
thread, its refusal shown by code, a supervisor's override asked for and the op
retried), the override dialog, and the one Qt adapter of the event bus."""
