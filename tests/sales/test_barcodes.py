"""Signed ticket barcodes (invariant 6) and terminal signing keys."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales import barcodes, signing_keys
from boxoffice.sales.barcodes import (
    DOMAIN,
    MAX_CODE_LENGTH,
    MAX_ID,
    MAX_REISSUE,
    PREFIX,
    MalformedCode,
    TicketClaim,
    TrustedKeys,
    VerifyStatus,
    decode,
    encode_payload,
    sign,
    verify,
)

KEY = signing_keys.generate()
KID = signing_keys.key_id(KEY.public_key())
OTHER = signing_keys.generate()
OTHER_KID = signing_keys.key_id(OTHER.public_key())
ISSUED = datetime(2026, 3, 14, 19, 30, 5, tzinfo=UTC)
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def claim(**changes: object) -> TicketClaim:
    fields: dict[str, object] = {
        "ticket_id": 123_456,
        "performance_id": 4_321,
        "seat_id": 876_543,
        "ga_area_id": None,
        "price_type_id": 12,
        "issued_at": ISSUED,
        "key_id": KID,
        "reissue": 0,
        "event_id": 1_234,
    }
    fields.update(changes)
    return TicketClaim(**fields)  # type: ignore[arg-type]


def trusted() -> TrustedKeys:
    return TrustedKeys.from_pairs([(signing_keys.public_bytes(KEY), "Window 1")])


def text_of(raw: bytes) -> str:
    """The documented text form: prefix + unpadded upper-case base32."""
    return PREFIX + base64.b32encode(raw).decode().rstrip("=")


def raw_of(code: str) -> bytes:
    decoded = decode(code)
    return decoded.payload + decoded.signature


GENUINE = sign(claim(), KEY)


# --------------------------------------------------------------------------- round trips


def test_genuine_round_trip() -> None:
    result = verify(GENUINE, trusted(), performance_id=4_321, event_id=1_234)

    assert result.status is VerifyStatus.GENUINE
    assert result.genuine
    assert result.claim == claim()
    assert KID in result.reason and "Window 1" in result.reason
    decoded = decode(GENUINE)
    assert decoded.claim == claim()
    assert decoded.signed_bytes == DOMAIN + encode_payload(claim())
    KEY.public_key().verify(decoded.signature, decoded.signed_bytes)  # raises if wrong
    assert GENUINE.startswith("BX")
    assert set(GENUINE[2:]) <= set(B32)


def test_signing_is_deterministic_and_needs_the_named_key() -> None:
    assert sign(claim(), KEY) == GENUINE
    with pytest.raises(ValidationError, match="signed with key"):
        sign(claim(), OTHER)


def test_issue_time_is_carried_to_the_second_in_utc() -> None:
    local = datetime(2026, 3, 14, 20, 30, 5, 987_654, tzinfo=timezone(timedelta(hours=1)))
    c = claim(issued_at=local)

    assert c.issued_at == ISSUED
    assert c.issued_at.tzinfo is UTC
    assert decode(sign(c, KEY)).claim.issued_at == ISSUED


def test_ga_ticket_round_trip() -> None:
    ga = claim(seat_id=None, ga_area_id=77)
    code = sign(ga, KEY)

    result = verify(code, trusted(), performance_id=4_321)
    assert result.status is VerifyStatus.GENUINE
    assert result.claim is not None
    assert (result.claim.seat_id, result.claim.ga_area_id) == (None, 77)
    # Same number as a seat id: the code must still say which one it is.
    assert decode(sign(claim(seat_id=77), KEY)).claim.seat_id == 77
    assert sign(claim(seat_id=77), KEY) != code


def test_ticket_without_event_round_trip() -> None:
    code = sign(claim(event_id=None), KEY)
    assert decode(code).claim.event_id is None
    assert verify(code, trusted()).status is VerifyStatus.GENUINE


def test_reissue_values_differ_in_the_code() -> None:
    codes = [sign(claim(reissue=n), KEY) for n in (0, 1, 2, 31, 32, 1000)]

    assert len(set(codes)) == len(codes)
    assert [decode(c).claim.reissue for c in codes] == [0, 1, 2, 31, 32, 1000]
    for code in codes:
        assert verify(code, trusted()).status is VerifyStatus.GENUINE
    assert "reprint 2" in verify(codes[2], trusted()).reason


claims = st.builds(
    lambda seat, ga, **kw: TicketClaim(
        seat_id=seat if ga is None else None, ga_area_id=ga, key_id=KID, **kw
    ),
    seat=st.integers(1, MAX_ID),
    ga=st.none() | st.integers(1, MAX_ID),
    ticket_id=st.integers(1, MAX_ID),
    performance_id=st.integers(1, MAX_ID),
    price_type_id=st.integers(1, MAX_ID),
    issued_at=st.datetimes(
        min_value=datetime(2020, 1, 1),
        max_value=datetime(2156, 1, 1),
        timezones=st.just(UTC),
    ),
    reissue=st.integers(0, MAX_REISSUE),
    event_id=st.none() | st.integers(1, MAX_ID),
)


@FUZZ
@given(claims)
def test_any_claim_round_trips(c: TicketClaim) -> None:
    code = sign(c, KEY)

    assert len(code) <= MAX_CODE_LENGTH
    assert decode(code).claim == c
    result = verify(code, trusted(), performance_id=c.performance_id, event_id=c.event_id)
    assert result.status is VerifyStatus.GENUINE
    assert result.claim == c


def test_code_length() -> None:
    # A typical ticket: ids up to about a million, with its event.
    assert len(GENUINE) == 138
    assert len(sign(claim(event_id=None), KEY)) == 135
    assert len(sign(claim(ticket_id=1, performance_id=1, seat_id=1, event_id=1), KEY)) <= 135
    assert len(GENUINE) <= 140
    # The worst case still fits the store's barcode column (String(200)).
    worst = claim(
        ticket_id=MAX_ID,
        performance_id=MAX_ID,
        seat_id=None,
        ga_area_id=MAX_ID,
        price_type_id=MAX_ID,
        issued_at=datetime(2150, 1, 1, tzinfo=UTC),
        reissue=MAX_REISSUE,
        event_id=MAX_ID,
    )
    assert len(sign(worst, KEY)) == MAX_CODE_LENGTH <= 200


# --------------------------------------------------------------------------- forgeries


def test_every_tampered_byte_is_refused() -> None:
    raw = raw_of(GENUINE)
    payload_len = len(decode(GENUINE).payload)
    keys = trusted()
    seen: set[VerifyStatus] = set()
    for i in range(len(raw)):
        for mask in (*(1 << bit for bit in range(8)), 0xFF):
            tampered = bytearray(raw)
            tampered[i] ^= mask
            result = verify(text_of(bytes(tampered)), keys)
            seen.add(result.status)
            assert result.status is not VerifyStatus.GENUINE, (i, mask)
            assert result.claim is None, (i, mask)
            if i == 0:
                expected = {VerifyStatus.MALFORMED}  # the version byte
            elif i <= 4:
                expected = {VerifyStatus.UNKNOWN_KEY}  # the key id
            elif i < payload_len:
                expected = {VerifyStatus.FORGED, VerifyStatus.MALFORMED}
            else:
                expected = {VerifyStatus.FORGED}  # the signature
            assert result.status in expected, (i, mask, result)
    assert VerifyStatus.FORGED in seen


def test_untrusted_key_is_unknown() -> None:
    code = sign(claim(key_id=OTHER_KID), OTHER)

    result = verify(code, trusted())
    assert result.status is VerifyStatus.UNKNOWN_KEY
    assert result.claim is None
    assert result.reason == f"signed by an unknown key {OTHER_KID}"


def test_trusted_key_id_with_another_key_is_forged() -> None:
    # An attacker writes a trusted terminal's key id but can only sign with their own key.
    payload = encode_payload(claim(key_id=KID))
    code = text_of(payload + OTHER.sign(DOMAIN + payload))

    assert decode(code).claim.key_id == KID
    result = verify(code, trusted())
    assert result.status is VerifyStatus.FORGED
    assert result.claim is None
    assert "forged" in result.reason


def test_signature_without_domain_prefix_is_forged() -> None:
    payload = encode_payload(claim())
    code = text_of(payload + KEY.sign(payload))
    assert verify(code, trusted()).status is VerifyStatus.FORGED


def test_revoked_key_is_unknown_and_stays_revoked() -> None:
    keys = trusted()
    keys.revoke(KID)

    result = verify(GENUINE, keys)
    assert result.status is VerifyStatus.UNKNOWN_KEY
    assert "revoked" in result.reason and KID in result.reason
    assert KID not in keys
    assert len(keys) == 0
    # Replaying the key (an old trust list) does not lift the revocation.
    keys.add(signing_keys.public_bytes(KEY), terminal="Window 1")
    assert verify(GENUINE, keys).status is VerifyStatus.UNKNOWN_KEY
    with pytest.raises(NotFound):
        keys.revoke("00000000")


# --------------------------------------------------------------------------- wrong place


def test_wrong_performance_and_wrong_event() -> None:
    keys = trusted()

    wrong_perf = verify(GENUINE, keys, performance_id=9, event_id=1_234)
    assert wrong_perf.status is VerifyStatus.WRONG_PERFORMANCE
    assert wrong_perf.claim == claim()
    assert "performance 4321" in wrong_perf.reason

    wrong_event = verify(GENUINE, keys, performance_id=9, event_id=5)
    assert wrong_event.status is VerifyStatus.WRONG_EVENT
    assert wrong_event.claim == claim()
    assert "event 1234" in wrong_event.reason

    assert verify(GENUINE, keys, event_id=5).status is VerifyStatus.WRONG_EVENT
    assert verify(GENUINE, keys, event_id=1_234).status is VerifyStatus.GENUINE


def test_ticket_without_event_is_placed_by_performance() -> None:
    code = sign(claim(event_id=None), KEY)
    keys = trusted()

    assert verify(code, keys, event_id=5, performance_id=4_321).status is VerifyStatus.GENUINE
    assert verify(code, keys, event_id=5, performance_id=1).status is VerifyStatus.WRONG_PERFORMANCE
    # Nothing to confirm the event with: refused rather than admitted.
    assert verify(code, keys, event_id=5).status is VerifyStatus.WRONG_EVENT


def test_forgery_is_reported_before_wrong_performance() -> None:
    payload = encode_payload(claim())
    forged = text_of(payload + OTHER.sign(DOMAIN + payload))
    assert verify(forged, trusted(), performance_id=1).status is VerifyStatus.FORGED


def test_ticket_from_the_future_is_genuine_but_noted() -> None:
    result = verify(GENUINE, trusted(), now=ISSUED - timedelta(hours=2))
    assert result.status is VerifyStatus.GENUINE
    assert "clock" in result.reason
    assert "clock" not in verify(GENUINE, trusted(), now=ISSUED).reason


# --------------------------------------------------------------------------- malformed


def _body(
    *,
    version: int = 1,
    varints: bytes = b"\x01\x01\x01\x01\x00",
    signature_len: int = 64,
) -> str:
    raw = bytes([version]) + bytes.fromhex(KID) + (1).to_bytes(4, "big") + varints
    return text_of(raw + b"\x00" * signature_len)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("QR" + GENUINE[2:], "does not start with 'BX'"),
        ("BX", "truncated"),
        (GENUINE[:70] + " " + GENUINE[70:], "not a base32 character"),
        (GENUINE[:70] + "1" + GENUINE[71:], "'1', which is not a base32"),
        (GENUINE[:70] + "=" + GENUINE[71:], "not a base32"),
        (GENUINE[:70] + "É" + GENUINE[71:], "not ASCII"),
        (GENUINE + "\x00", "not a base32"),
        (GENUINE + "A" * 100, "longer than any ticket barcode"),
        (GENUINE[:-2], "impossible length"),
        (GENUINE[:-8], "signature has 59 of 64 bytes"),
        (GENUINE + "AB", "stray bits"),
        (GENUINE + "AA", "1 unexpected bytes after the signature"),
        (_body(signature_len=63), "signature has 63 of 64 bytes"),
        (_body(signature_len=65), "1 unexpected bytes after the signature"),
        (_body(version=2), "unknown barcode version 2"),
        (_body(version=0), "unknown barcode version 0"),
        (_body(varints=b"\x81\x00\x01\x01\x01\x00"), "non-minimal number for the ticket id"),
        (_body(varints=b"\x01\x01\x00\x01\x00"), "seat_id must be"),
        (_body(varints=b"\x01\x01\x01\x00\x00"), "price_type_id must be"),
        (_body(varints=b"\x01\x01\x01\x01\x02"), "signature has 63 of 64"),  # event expected
        (_body(varints=b"\x01" + b"\xff" * 8), "over-long number for the performance"),
    ],
)
def test_malformed_codes_are_refused_with_a_reason(code: str, message: str) -> None:
    with pytest.raises(MalformedCode, match=message):
        decode(code)
    result = verify(code, trusted())
    assert result.status is VerifyStatus.MALFORMED
    assert result.claim is None
    assert message.split("'")[0] in result.reason


def test_minimal_body_helper_is_well_formed() -> None:
    """The malformed cases above differ from a readable code in one thing only."""
    c = decode(_body()).claim
    assert (c.ticket_id, c.performance_id, c.seat_id, c.price_type_id) == (1, 1, 1, 1)
    assert verify(_body(), trusted()).status is VerifyStatus.FORGED


def test_surrounding_whitespace_and_case_are_forgiven() -> None:
    assert verify(f" \t{GENUINE}\r\n", trusted()).status is VerifyStatus.GENUINE
    assert verify(GENUINE.lower(), trusted()).status is VerifyStatus.GENUINE


@pytest.mark.parametrize("junk", [None, 42, b"BXAAAA", GENUINE.encode()])
def test_non_text_is_malformed(junk: object) -> None:
    result = verify(junk, trusted())  # type: ignore[arg-type]
    assert result.status is VerifyStatus.MALFORMED
    assert "text" in result.reason


def test_bad_claims_are_refused() -> None:
    for bad in (
        {"seat_id": 1, "ga_area_id": 2},
        {"seat_id": None, "ga_area_id": None},
        {"ticket_id": 0},
        {"ticket_id": True},
        {"performance_id": MAX_ID + 1},
        {"price_type_id": "12"},
        {"event_id": -1},
        {"reissue": -1},
        {"reissue": MAX_REISSUE + 1},
        {"key_id": "EB68B9BF"},
        {"key_id": "eb68b9"},
        {"issued_at": datetime(2026, 1, 1)},
        {"issued_at": datetime(2019, 12, 31, 23, 59, 59, tzinfo=UTC)},
        {"issued_at": datetime(2157, 1, 1, tzinfo=UTC)},
    ):
        with pytest.raises(ValidationError):
            claim(**bad)


# --------------------------------------------------------------------------- fuzzing


def _never_genuine(code: str) -> None:
    result = verify(code, trusted(), performance_id=4_321, event_id=1_234)
    assert result.status is not VerifyStatus.GENUINE
    assert isinstance(result.reason, str) and result.reason
    with contextlib.suppress(MalformedCode):  # the only exception decode may raise
        decode(code)


@FUZZ
@given(st.text())
def test_fuzz_random_text(code: str) -> None:
    _never_genuine(code)


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_random_bytes_as_latin1(data: bytes) -> None:
    _never_genuine(data.decode("latin-1"))


@FUZZ
@given(st.integers(0, len(GENUINE) - 1), st.text(alphabet=B32 + "=", max_size=80))
def test_fuzz_truncations_and_extensions(cut: int, tail: str) -> None:
    _never_genuine(GENUINE[:cut])
    if tail:
        _never_genuine(GENUINE + tail)
        if GENUINE[:cut] + tail != GENUINE:  # a tail that re-spells the cut end is the real code
            _never_genuine(GENUINE[:cut] + tail)


@FUZZ
@given(st.text(alphabet=B32, max_size=MAX_CODE_LENGTH + 10))
def test_fuzz_random_base32_with_prefix(body: str) -> None:
    _never_genuine(PREFIX + body)


@FUZZ
@given(st.binary(max_size=140))
def test_fuzz_random_version_1_payloads(rest: bytes) -> None:
    # Gets past the prefix, base32 and version checks into the field parser.
    _never_genuine(text_of(b"\x01" + rest))
    _never_genuine(text_of(b"\x01" + bytes.fromhex(KID) + rest))


# --------------------------------------------------------------------------- trust lists


def test_trust_list_json_round_trip() -> None:
    keys = trusted()
    other_id = keys.add(signing_keys.public_bytes(OTHER), terminal="Door 3")
    keys.revoke(other_id)

    data = json.loads(json.dumps(keys.to_list()))
    assert data == [
        {
            "key_id": KID,
            "public_key": base64.b64encode(signing_keys.public_bytes(KEY)).decode(),
            "terminal": "Window 1",
            "revoked": False,
        },
        {
            "key_id": OTHER_KID,
            "public_key": base64.b64encode(signing_keys.public_bytes(OTHER)).decode(),
            "terminal": "Door 3",
            "revoked": True,
        },
    ]
    loaded = TrustedKeys.from_list(data)
    assert loaded.to_list() == data
    assert list(loaded) == [KID]
    assert loaded.is_revoked(OTHER_KID)
    assert verify(GENUINE, loaded).status is VerifyStatus.GENUINE
    other_code = sign(claim(key_id=OTHER_KID), OTHER)
    assert verify(other_code, loaded).status is VerifyStatus.UNKNOWN_KEY


def test_trust_list_mapping() -> None:
    keys = trusted()
    assert dict(keys).keys() == {KID}
    assert keys[KID].public_bytes_raw() == signing_keys.public_bytes(KEY)
    assert keys.add(KEY.public_key()) == KID  # idempotent, keeps the terminal name
    entry = keys.entry(KID)
    assert entry is not None and entry.terminal == "Window 1"
    assert keys.entry(OTHER_KID) is None
    with pytest.raises(KeyError):
        keys[OTHER_KID]


def _entry(**changes: object) -> dict[str, object]:
    good: dict[str, object] = {
        "key_id": KID,
        "public_key": base64.b64encode(signing_keys.public_bytes(KEY)).decode(),
        "terminal": "Window 1",
        "revoked": False,
    }
    good.update(changes)
    return good


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"key_id": KID}, "JSON list"),
        ([_entry(key_id=OTHER_KID)], "does not match its public key"),
        ([_entry(public_key="not base64!")], "not valid base64"),
        ([_entry(public_key=base64.b64encode(b"short").decode())], "5 bytes, not 32"),
        ([_entry(revoked="no")], "true or false"),
        ([_entry(terminal=None)], "must be text"),
        ([{"key_id": KID}], "expected an object"),
        ([_entry(), _entry()], "listed twice"),
    ],
)
def test_corrupt_trust_list_is_refused(data: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        TrustedKeys.from_list(data)


def test_second_key_under_a_known_id_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(barcodes, "_key_id_of", lambda _key: KID)  # force a collision
    keys = TrustedKeys()
    keys.add(signing_keys.public_bytes(KEY))
    with pytest.raises(ValidationError, match="same id"):
        keys.add(signing_keys.public_bytes(OTHER))
    assert keys[KID].public_bytes_raw() == signing_keys.public_bytes(KEY)


def test_add_refuses_a_short_key() -> None:
    with pytest.raises(ValidationError, match="32 bytes"):
        TrustedKeys().add(b"\x00" * 31)


# --------------------------------------------------------------------------- signing keys


def test_key_id_is_sha256_prefix() -> None:
    raw = signing_keys.public_bytes(KEY)
    assert len(raw) == 32
    assert hashlib.sha256(raw).hexdigest()[:8] == KID
    assert signing_keys.key_id(raw) == KID


def test_load_or_create_makes_a_private_file_and_reloads_it(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "ticket-signing.pem"

    key = signing_keys.load_or_create(path)

    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    again = signing_keys.load_or_create(path)
    assert signing_keys.public_bytes(again) == signing_keys.public_bytes(key)
    # And it signs codes the other half verifies.
    code = sign(claim(key_id=signing_keys.key_id(key.public_key())), again)
    keys = TrustedKeys.from_pairs([(signing_keys.public_bytes(key), "")])
    assert verify(code, keys).status is VerifyStatus.GENUINE


def _pem_of_other_kinds() -> list[bytes]:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    encrypted = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret"),
    )
    return [
        b"",
        b"not a key at all\n",
        signing_keys.to_pem(KEY)[:60],
        encrypted,
        ec_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    ]


@pytest.mark.parametrize(
    "content",
    _pem_of_other_kinds(),
    ids=["empty", "text", "truncated", "encrypted", "ec-key"],
)
def test_a_bad_key_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ticket-signing.pem"
    path.write_bytes(content)
    before = path.stat()

    with pytest.raises(ValidationError, match=re.escape(str(path))):
        signing_keys.load_or_create(path)

    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_racing_creators_end_with_one_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ticket-signing.pem"
    winner = signing_keys.generate()
    real_link = os.link

    def link_after_someone_else(src: object, dst: object) -> None:
        path.write_bytes(signing_keys.to_pem(winner))  # the other process got there first
        real_link(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(signing_keys.os, "link", link_after_someone_else)
    key = signing_keys.load_or_create(path)

    assert signing_keys.public_bytes(key) == signing_keys.public_bytes(winner)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@FUZZ
@given(st.binary(max_size=130))
def test_base32_reader_agrees_with_rfc4648(data: bytes) -> None:
    body = base64.b32encode(data).decode().rstrip("=")
    assert barcodes.b32decode(body) == data
