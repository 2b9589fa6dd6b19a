"""Numbers both ends of the wire must agree on, defined once."""

from __future__ import annotations

#: Every route of the central server's API is under this path (``/api/v1/...``).
API_PREFIX = "/api/v1"

#: The server takes at most this many operations in one batch.
MAX_BATCH = 500

#: A hold or an allocation names at most this many seats.
MAX_SEATS = 1000

#: How long a server hold lives, in seconds: at least, at most, and when not asked.
MIN_HOLD_TTL, MAX_HOLD_TTL, DEFAULT_HOLD_TTL = 30, 3600, 600

#: How long an enrolment code is valid when the administrator does not say, in hours.
DEFAULT_ENROL_HOURS = 24
