"""The door: scan-to-verdict check-in, offline first, with re-entry and order codes.

No Qt here: the door screen, the admin CLI and a turnstile script all call
``door.Door.scan`` (or ``door.check_in``) and show the ``Verdict``.
"""
