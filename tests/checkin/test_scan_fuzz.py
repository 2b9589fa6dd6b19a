"""Whatever a scanner sends, the door answers with a clear refusal, never an exception.

Random text and bytes, genuine codes cut short or padded out, single
characters changed: none may raise, none may admit unless it is exactly a
genuine code.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boxoffice.checkin import order_codes
from boxoffice.checkin.door import read_code
from boxoffice.checkin.verdicts import Outcome
from boxoffice.sales import barcodes, signing_keys
from boxoffice.sales.barcodes import TicketClaim, TrustedKeys
from tests.checkin.conftest import DoorWorld

KEY = signing_keys.generate()
TRUSTED = TrustedKeys.from_pairs([(signing_keys.public_bytes(KEY), "Window 1")])
CLAIM = TicketClaim(
    ticket_id=1234,
    performance_id=7,
    seat_id=98765,
    ga_area_id=None,
    price_type_id=3,
    issued_at=datetime(2030, 6, 1, 12, tzinfo=UTC),
    key_id=signing_keys.key_id(KEY.public_key()),
    event_id=2,
)
GENUINE = barcodes.sign(CLAIM, KEY)
ORDER = order_codes.sign(
    "6f1c2d4e-1111-4aaa-8bbb-0123456789ab", 4, datetime(2030, 6, 1, 12, tzinfo=UTC), KEY
)
REFUSALS = {Outcome.MALFORMED, Outcome.FORGED}
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _refused(code: object) -> None:
    scanned = read_code(code, TRUSTED)
    assert scanned.kind in ("refused", "serial"), (code, scanned)
    if scanned.kind == "refused":
        assert scanned.refusal is not None
        assert scanned.refusal.outcome in REFUSALS
        assert scanned.refusal.reason.strip()


def test_the_genuine_codes_are_accepted() -> None:
    assert read_code(GENUINE, TRUSTED).claim == CLAIM
    assert read_code(ORDER, TRUSTED).kind == "order"


@given(st.text(max_size=400))
def test_random_text_is_refused(text: str) -> None:
    _refused(text)


@given(st.binary(max_size=300))
def test_random_bytes_decoded_every_which_way_are_refused(raw: bytes) -> None:
    _refused(raw)  # not even text
    _refused(raw.decode("latin-1"))
    _refused("BX" + raw.hex().upper())


@given(st.text(alphabet=BASE32, max_size=260), st.sampled_from(["BX", "bx", "BO", "bo", ""]))
def test_random_base32_under_each_prefix_is_refused(body: str, prefix: str) -> None:
    _refused(prefix + body)


@given(st.integers(min_value=0, max_value=len(GENUINE) - 1), st.sampled_from([GENUINE, ORDER]))
def test_truncated_codes_are_refused(cut: int, code: str) -> None:
    _refused(code[:cut])


@given(st.text(alphabet=BASE32, min_size=1, max_size=200), st.sampled_from([GENUINE, ORDER]))
def test_overlong_codes_are_refused(tail: str, code: str) -> None:
    _refused(code + tail)


@given(
    st.integers(min_value=2, max_value=len(GENUINE) - 1),
    st.sampled_from(BASE32),
    st.sampled_from([GENUINE, ORDER]),
)
def test_one_changed_character_never_passes(position: int, char: str, code: str) -> None:
    if position >= len(code) or code[position] == char:
        return
    _refused(code[:position] + char + code[position + 1 :])


@pytest.mark.parametrize("value", [None, 42, b"BX123", ["BX"], {"code": 1}])
def test_values_that_are_not_text_are_malformed(value: object) -> None:
    scanned = read_code(value, TRUSTED)
    assert scanned.refusal is not None and scanned.refusal.outcome is Outcome.MALFORMED


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(max_size=250), st.binary(max_size=120).map(lambda b: b.decode("latin-1"))))
def test_the_whole_door_refuses_garbage_and_records_it(dw: DoorWorld, code: str) -> None:
    door = dw.door()
    verdict = door.scan(code, now=dw.at_door)
    assert not verdict.admit
    assert verdict.outcome in (REFUSALS | {Outcome.NOT_FOUND})
