"""Ticket barcodes: compact, versioned, Ed25519-signed, checkable offline.

A door scanner holds only public keys (``TrustedKeys``), so it can tell a
genuine ticket from a forged one without the network (design invariant 6).
Whether a genuine ticket is still valid (refunded, reprinted over, already
admitted) is the redemption service's job, from ``ticket_id`` and ``reissue``.

Code format (``BX`` + base32)
-----------------------------
The text is ``"BX"`` followed by RFC 4648 base32 of ``payload + signature``,
upper case, without ``=`` padding. Upper-case base32 is in QR's alphanumeric
mode (5.5 bits a character) and survives keyboard-wedge scanners, which
mistype punctuation on non-US keyboard layouts. Decoding accepts lower case
(a scanner with caps lock on) and strips surrounding whitespace only.

The payload (version 1), all integers unsigned::

    version       1 byte   = 1; anything else is refused as unknown
    key id        4 bytes  first 4 bytes of SHA-256 of the raw public key
    issued at     4 bytes  big-endian seconds since 2020-01-01T00:00:00Z
    ticket id     varint
    performance   varint
    seat / area   varint   seat_id or ga_area_id (which one: flag bit 0)
    price type    varint
    reissue+flags varint   reissue << 2 | has_event << 1 | is_ga
    event id      varint   only when has_event

followed by a 64-byte Ed25519 signature over ``DOMAIN + payload``. Varints are
LEB128 (7 bits a byte, low group first), minimal (no trailing zero groups).
Folding the two flags into the reissue number costs nothing while a ticket
has been reprinted fewer than 32 times. A typical ticket (ticket and seat
ids below 2,097,152, performance and event ids below 16,384, price type ids
below 128) is a 21-byte payload, 85 bytes in all, 138 characters; 135
without the event id; each further 7 bits of an id add a byte (1.6
characters). The longest possible code is ``MAX_CODE_LENGTH`` (191)
characters, within the store's 200-character barcode column. 138 characters
fit a version 6 QR code (41 x 41 modules) at error correction M.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales.signing_keys import key_id as _key_id_of

PREFIX = "BX"
VERSION = 1
#: Signed before the payload so a ticket signature can never be replayed as
#: (or made from) a signature over anything else this key signs.
DOMAIN = b"boxoffice-ticket\x00"
SIGNATURE_LENGTH = 64
KEY_ID_BYTES = 4
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
MAX_SECONDS = 2**32 - 1
#: Ids stay JSON-safe integers; far beyond any database this will see.
MAX_ID = 2**53 - 1
MAX_REISSUE = 2**32 - 1
_MAX_VARINT_BYTES = 8  # 56 bits: enough for MAX_ID and MAX_REISSUE << 2 | 3
_FIXED = 1 + KEY_ID_BYTES + 4
_MAX_PAYLOAD = _FIXED + 5 * _MAX_VARINT_BYTES + 5  # reissue+flags needs at most 5 bytes
MAX_CODE_LENGTH = len(PREFIX) + -(-(_MAX_PAYLOAD + SIGNATURE_LENGTH) * 8 // 5)
_BASE32_BODY = re.compile(r"[A-Z2-7]*")
#: What a code is, for its refusals: a ticket barcode or an order code.
TICKET, ORDER = "ticket", "order"
_B32_TO_INT_DIGITS = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789abcdefghijklmnopqrstuv"
)
_KEY_ID = re.compile(r"[0-9a-f]{8}")
_FLAG_GA = 1
_FLAG_EVENT = 2
#: A ticket issued later than this after the scanner's clock is noted in the reason.
CLOCK_SKEW = timedelta(minutes=5)


class MalformedCode(ValidationError):
    """The text is not a well-formed ticket barcode; the code and its params say why."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketClaim:
    """What a barcode says about its ticket, independent of the code version.

    ``issued_at`` is normalised to UTC and truncated to the second, because
    that is what the barcode carries; a claim read back equals the one signed.
    """

    ticket_id: int
    performance_id: int
    seat_id: int | None
    ga_area_id: int | None
    price_type_id: int
    issued_at: datetime
    key_id: str
    #: 0 for the first print, +1 at each reprint, so the old barcode can be revoked.
    reissue: int = 0
    #: Lets a scanner say "wrong event" rather than only "wrong performance".
    event_id: int | None = None

    def __post_init__(self) -> None:
        for name in ("ticket_id", "performance_id", "price_type_id"):
            _check_id(name, getattr(self, name))
        if (self.seat_id is None) == (self.ga_area_id is None):
            raise ValidationError(
                "barcode_seat_or_area", seat=repr(self.seat_id), area=repr(self.ga_area_id)
            )
        if self.seat_id is not None:
            _check_id("seat_id", self.seat_id)
        if self.ga_area_id is not None:
            _check_id("ga_area_id", self.ga_area_id)
        if self.event_id is not None:
            _check_id("event_id", self.event_id)
        reissue = self.reissue
        if (
            isinstance(reissue, bool)
            or not isinstance(reissue, int)
            or not 0 <= reissue <= MAX_REISSUE
        ):
            raise ValidationError(
                "barcode_reissue_invalid", limit=MAX_REISSUE, value=repr(self.reissue)
            )
        if not isinstance(self.key_id, str) or not _KEY_ID.fullmatch(self.key_id):
            raise ValidationError("barcode_key_id_invalid", value=repr(self.key_id))
        issued = self.issued_at
        if not isinstance(issued, datetime) or issued.utcoffset() is None:
            raise ValidationError("barcode_issued_naive", value=repr(issued))
        issued = issued.astimezone(UTC).replace(microsecond=0)
        if not 0 <= (issued - EPOCH).total_seconds() <= MAX_SECONDS:
            raise ValidationError(
                "barcode_issued_out_of_range",
                issued=issued.isoformat(),
                first=EPOCH.isoformat(),
                last=(EPOCH + timedelta(seconds=MAX_SECONDS)).isoformat(),
            )
        object.__setattr__(self, "issued_at", issued)

    @property
    def is_ga(self) -> bool:
        return self.ga_area_id is not None


def _check_id(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ValidationError("barcode_id_invalid", name=name, limit=MAX_ID, value=repr(value))


# --------------------------------------------------------------------------- encoding


def varint(value: int) -> bytes:
    """An unsigned LEB128 number, as the payloads carry them."""
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def encode_payload(claim: TicketClaim) -> bytes:
    """The signed part of a barcode (without domain prefix or signature)."""
    seconds = int((claim.issued_at - EPOCH).total_seconds())
    location = claim.ga_area_id if claim.ga_area_id is not None else claim.seat_id
    assert location is not None  # TicketClaim guarantees exactly one
    flags = (_FLAG_GA if claim.is_ga else 0) | (_FLAG_EVENT if claim.event_id is not None else 0)
    parts = [
        bytes([VERSION]),
        bytes.fromhex(claim.key_id),
        seconds.to_bytes(4, "big"),
        varint(claim.ticket_id),
        varint(claim.performance_id),
        varint(location),
        varint(claim.price_type_id),
        varint(claim.reissue << 2 | flags),
    ]
    if claim.event_id is not None:
        parts.append(varint(claim.event_id))
    return b"".join(parts)


def _to_text(raw: bytes) -> str:
    return PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def sign(claim: TicketClaim, private_key: Ed25519PrivateKey) -> str:
    """The barcode text for ``claim``, signed by this terminal's key.

    Ed25519 is deterministic: the same claim always gives the same code, and a
    reprint differs only because its ``reissue`` does.
    """
    signer_id = _key_id_of(private_key.public_key())
    if claim.key_id != signer_id:
        raise ValidationError("barcode_wrong_signing_key", key=claim.key_id, signer=signer_id)
    payload = encode_payload(claim)
    return _to_text(payload + private_key.sign(DOMAIN + payload))


# --------------------------------------------------------------------------- decoding


class Decoded(NamedTuple):
    """A structurally valid code; nothing here is verified yet."""

    claim: TicketClaim
    #: Exactly the bytes the signature covers: ``DOMAIN + payload``.
    signed_bytes: bytes
    signature: bytes

    @property
    def payload(self) -> bytes:
        """The payload as carried in the code (``signed_bytes`` without ``DOMAIN``)."""
        return self.signed_bytes[len(DOMAIN) :]


class Reader:
    """Reads a payload's fields, turning every shortfall into ``MalformedCode``.

    ``kind`` (``TICKET`` or ``ORDER``) names the code in the refusals; ``what``
    names the field (a ``barcode_field`` term).
    """

    def __init__(self, data: bytes, kind: str = TICKET) -> None:
        self.data = data
        self.pos = 0
        self.kind = kind

    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise MalformedCode("barcode_truncated_field", kind=self.kind, field=what)
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def varint(self, what: str) -> int:
        value = 0
        for i in range(_MAX_VARINT_BYTES):
            if self.pos >= len(self.data):
                raise MalformedCode("barcode_truncated_field", kind=self.kind, field=what)
            byte = self.data[self.pos]
            self.pos += 1
            value |= (byte & 0x7F) << (7 * i)
            if not byte & 0x80:
                if byte == 0 and i > 0:
                    raise MalformedCode("barcode_nonminimal_number", kind=self.kind, field=what)
                return value
        raise MalformedCode("barcode_overlong_number", kind=self.kind, field=what)


def decode(code: str) -> Decoded:
    """Parse a barcode without checking its signature.

    Raises ``MalformedCode`` naming the first problem for anything that is not
    exactly a code this version writes: a wrong prefix, characters outside
    base32, stray bits, truncation, trailing bytes, an unknown version or a
    field out of range. Whitespace around the code is ignored; inside, nothing.
    """
    body = check_text(code, PREFIX, MAX_CODE_LENGTH, TICKET)
    return _parse(b32decode(body, TICKET, len(PREFIX) + len(body)))


def check_text(code: object, prefix: str, max_length: int, kind: str = TICKET) -> str:
    """The base32 body of a scanned code, after the checks every code shares.

    Refuses (``MalformedCode``) anything that is not text, empty, not ASCII,
    longer than ``max_length``, not starting with ``prefix`` (case-blind), or
    holding a character outside base32 (A-Z, 2-7). Whitespace around the code
    is ignored. ``kind`` (``TICKET`` or ``ORDER``) names the code in refusals.
    Ticket barcodes and order codes (``checkin.order_codes``) both read
    through here.
    """
    if not isinstance(code, str):
        raise MalformedCode("barcode_not_text", type=type(code).__name__)
    text = code.strip()
    if not text:
        raise MalformedCode("barcode_empty", kind=kind)
    if not text.isascii():
        raise MalformedCode("barcode_not_ascii", kind=kind)
    if len(text) > max_length:
        raise MalformedCode("barcode_too_long", kind=kind, length=len(text), limit=max_length)
    text = text.upper()
    if not text.startswith(prefix):
        raise MalformedCode("barcode_wrong_prefix", kind=kind, prefix=prefix)
    body = text[len(prefix) :]
    if not _BASE32_BODY.fullmatch(body):
        bad = next(ch for ch in body if not ("A" <= ch <= "Z" or "2" <= ch <= "7"))
        raise MalformedCode("barcode_bad_character", kind=kind, char=repr(bad))
    return body


def b32decode(body: str, kind: str = TICKET, text_length: int | None = None) -> bytes:
    """Strict, fast base32: ``int(..., 32)`` in C instead of ``base64.b32decode``.

    Refuses lengths no byte string encodes to and non-zero unused final bits,
    so each byte string has exactly one accepted spelling. ``body`` is
    already known to hold only A-Z and 2-7.
    """
    bits = len(body) * 5
    stray = bits % 8
    if stray >= 5:
        length = len(body) if text_length is None else text_length
        raise MalformedCode("barcode_impossible_length", kind=kind, length=length)
    if not body:
        return b""
    value = int(body.translate(_B32_TO_INT_DIGITS), 32)
    if value & ((1 << stray) - 1):
        raise MalformedCode("barcode_stray_bits", kind=kind)
    return (value >> stray).to_bytes(bits // 8, "big")


def _parse(raw: bytes) -> Decoded:
    if not raw:
        raise MalformedCode("barcode_no_data", kind=TICKET)
    if raw[0] != VERSION:
        raise MalformedCode("barcode_unknown_version", version=raw[0], supported=VERSION)
    r = Reader(raw)
    r.take(1, "version")
    key_id = r.take(KEY_ID_BYTES, "key id").hex()
    seconds = int.from_bytes(r.take(4, "issue time"), "big")
    ticket_id = r.varint("ticket id")
    performance_id = r.varint("performance")
    location = r.varint("seat or area")
    price_type_id = r.varint("price type")
    reissue_flags = r.varint("reissue")
    if reissue_flags & _FLAG_EVENT:
        event_id: int | None = r.varint("event")
    else:
        event_id = None
    payload_end = r.pos
    rest = len(raw) - payload_end
    if rest < SIGNATURE_LENGTH:
        raise MalformedCode(
            "barcode_signature_truncated", kind=TICKET, length=rest, needed=SIGNATURE_LENGTH
        )
    if rest > SIGNATURE_LENGTH:
        raise MalformedCode("barcode_trailing_bytes", kind=TICKET, count=rest - SIGNATURE_LENGTH)
    is_ga = bool(reissue_flags & _FLAG_GA)
    try:
        claim = TicketClaim(
            ticket_id=ticket_id,
            performance_id=performance_id,
            seat_id=None if is_ga else location,
            ga_area_id=location if is_ga else None,
            price_type_id=price_type_id,
            issued_at=EPOCH + timedelta(seconds=seconds),
            key_id=key_id,
            reissue=reissue_flags >> 2,
            event_id=event_id,
        )
    except ValidationError as exc:
        raise MalformedCode("barcode_bad_field", error=exc) from None
    return Decoded(claim, DOMAIN + raw[:payload_end], raw[payload_end:])


# --------------------------------------------------------------------------- trust


@dataclass(frozen=True, slots=True)
class TrustedKey:
    """One entry of the trust list: revoked keys are kept so they stay revoked."""

    key_id: str
    public_key: Ed25519PublicKey
    raw: bytes
    terminal: str = ""
    revoked: bool = False


class TrustedKeys(Mapping[str, Ed25519PublicKey]):
    """The public keys a terminal or scanner accepts ticket signatures from.

    As a mapping it holds only the keys currently trusted (``key_id in keys``
    is false for a revoked key); ``entries()`` also lists revoked ones. The list
    is data that other terminals and scanners load (``to_list``/``from_list``).
    A key id is always derived from its key, and a second key with an id
    already present is refused, so nobody can slip in a look-alike key.
    """

    def __init__(self) -> None:
        self._entries: dict[str, TrustedKey] = {}

    # Mapping over the trusted (not revoked) keys.
    def __getitem__(self, key_id: str) -> Ed25519PublicKey:
        entry = self._entries[key_id]
        if entry.revoked:
            raise KeyError(key_id)
        return entry.public_key

    def __iter__(self) -> Iterator[str]:
        return (k for k, e in self._entries.items() if not e.revoked)

    def __len__(self) -> int:
        return sum(1 for e in self._entries.values() if not e.revoked)

    def __repr__(self) -> str:
        return f"TrustedKeys({len(self)} trusted, {len(self._entries) - len(self)} revoked)"

    def entry(self, key_id: str) -> TrustedKey | None:
        """The entry for ``key_id``, revoked or not, or None if never seen."""
        return self._entries.get(key_id)

    def entries(self) -> list[TrustedKey]:
        """Every key ever added, revoked ones included, in insertion order."""
        return list(self._entries.values())

    def add(
        self, public_bytes: bytes | Ed25519PublicKey, *, terminal: str = "", revoked: bool = False
    ) -> str:
        """Trust a terminal's public key (raw 32 bytes); returns its key id.

        Adding a key already present only updates its terminal name; it never
        lifts a revocation, so replaying an old trust list cannot un-revoke.
        """
        if isinstance(public_bytes, Ed25519PublicKey):
            raw = public_bytes.public_bytes_raw()
        elif isinstance(public_bytes, bytes | bytearray | memoryview):
            raw = bytes(public_bytes)
        else:
            raise ValidationError("public_key_not_bytes", type=str(type(public_bytes)))
        if len(raw) != 32:
            raise ValidationError("public_key_wrong_length", length=len(raw))
        if not isinstance(terminal, str):
            raise ValidationError("trust_terminal_not_text", value=repr(terminal))
        kid = _key_id_of(raw)
        old = self._entries.get(kid)
        if old is not None and old.raw != raw:
            raise ValidationError("trust_key_id_taken", key=kid, terminal=repr(old.terminal))
        try:
            public_key = Ed25519PublicKey.from_public_bytes(raw)
        except ValueError as exc:
            raise ValidationError("public_key_invalid", error=str(exc)) from None
        self._entries[kid] = TrustedKey(
            key_id=kid,
            public_key=public_key,
            raw=raw,
            terminal=terminal or (old.terminal if old else ""),
            revoked=revoked or (old is not None and old.revoked),
        )
        return kid

    def revoke(self, key_id: str) -> None:
        """Stop trusting a key (a lost terminal): its tickets become UNKNOWN_KEY."""
        old = self._entries.get(key_id)
        if old is None:
            raise NotFound("signing_key_not_found", key=repr(key_id))
        self._entries[key_id] = TrustedKey(old.key_id, old.public_key, old.raw, old.terminal, True)

    def is_revoked(self, key_id: str) -> bool:
        entry = self._entries.get(key_id)
        return entry is not None and entry.revoked

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[bytes | Ed25519PublicKey, str]] = ()) -> TrustedKeys:
        """Trust each ``(public key, terminal name)`` pair."""
        keys = cls()
        for public_key, terminal in pairs:
            keys.add(public_key, terminal=terminal)
        return keys

    def to_list(self) -> list[dict[str, Any]]:
        """JSON-able list of ``{"key_id", "public_key" (base64 raw), "terminal", "revoked"}``."""
        return [
            {
                "key_id": e.key_id,
                "public_key": base64.b64encode(e.raw).decode("ascii"),
                "terminal": e.terminal,
                "revoked": e.revoked,
            }
            for e in self._entries.values()
        ]

    @classmethod
    def from_list(cls, data: object) -> TrustedKeys:
        """Load a trust list from ``to_list`` output; all or nothing.

        Any bad entry (wrong shape, bad base64, key id that does not match the
        key) refuses the whole list with a ``ValidationError`` naming it, so a
        corrupt download never leaves a scanner trusting half a list.
        """
        if not isinstance(data, list):
            raise ValidationError("trust_list_not_list", type=type(data).__name__)
        keys = cls()
        fields = {"key_id", "public_key", "terminal", "revoked"}
        for i, item in enumerate(data):
            where = i
            if not isinstance(item, dict) or set(item) != fields:
                raise ValidationError("trust_entry_fields", entry=where, fields=str(sorted(fields)))
            kid, pub, terminal, revoked = (
                item[f] for f in ("key_id", "public_key", "terminal", "revoked")
            )
            if not isinstance(pub, str) or not isinstance(terminal, str):
                raise ValidationError("trust_entry_not_text", entry=where)
            if not isinstance(revoked, bool):
                raise ValidationError("trust_entry_revoked_flag", entry=where)
            try:
                raw = base64.b64decode(pub, validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError("trust_entry_bad_base64", entry=where) from None
            if len(raw) != 32:
                raise ValidationError("trust_entry_key_length", entry=where, length=len(raw))
            if kid != _key_id_of(raw):
                raise ValidationError(
                    "trust_entry_key_id_mismatch",
                    entry=where,
                    key=repr(kid),
                    actual=_key_id_of(raw),
                )
            if kid in keys._entries:
                raise ValidationError("trust_entry_duplicate", entry=where, key=kid)
            keys.add(raw, terminal=terminal, revoked=revoked)
        return keys


# --------------------------------------------------------------------------- verifying


class VerifyStatus(enum.StrEnum):
    GENUINE = "genuine"
    #: The signature does not verify: a tampered or made-up ticket.
    FORGED = "forged"
    #: Not a ticket barcode at all, or garbled beyond reading.
    MALFORMED = "malformed"
    #: Signed by a key this scanner does not trust, or one that was revoked.
    UNKNOWN_KEY = "unknown_key"
    WRONG_PERFORMANCE = "wrong_performance"
    WRONG_EVENT = "wrong_event"


@dataclass(frozen=True, slots=True)
class Verification:
    """A scanner's verdict on a code.

    ``claim`` is set only when the signature verified (GENUINE, WRONG_EVENT,
    WRONG_PERFORMANCE), so nobody acts on what a forged code says.
    """

    status: VerifyStatus
    claim: TicketClaim | None
    #: Why, as a message code (``barcode_forged``, ...) and its parameters.
    code: str
    params: dict[str, Any]

    @property
    def reason(self) -> str:
        """Why, in English."""
        return self.message("en")

    def message(self, lang: str = "en") -> str:
        """Why, in ``lang`` (``"en"`` or ``"zh_CN"``)."""
        from boxoffice.messages import render

        return render(self.code, self.params, lang)

    @property
    def genuine(self) -> bool:
        return self.status is VerifyStatus.GENUINE


def verify(
    code: str,
    trusted: TrustedKeys,
    *,
    performance_id: int | None = None,
    event_id: int | None = None,
    now: datetime | None = None,
) -> Verification:
    """Tell a genuine ticket from a forged or garbled one, with public keys only.

    Checks in order: malformed → unknown or revoked key → forged → wrong event
    → wrong performance. Never raises for any ``code``. When ``event_id`` is
    given but the ticket does not carry its event, the verdict falls back to
    ``performance_id``; with neither able to confirm it, it is WRONG_EVENT (a
    door refuses what it cannot place). ``now`` (default: the clock) is used
    only to point out a ticket issued in the future, i.e. a wrong terminal
    clock; that does not make it less genuine.
    """
    if now is not None and now.utcoffset() is None:
        raise ValidationError("barcode_now_naive")
    try:
        decoded = decode(code)
    except MalformedCode as exc:
        return Verification(VerifyStatus.MALFORMED, None, exc.code, exc.params)
    claim = decoded.claim
    entry = trusted.entry(claim.key_id)
    if entry is None:
        return Verification(
            VerifyStatus.UNKNOWN_KEY, None, "barcode_unknown_key", {"key": claim.key_id}
        )
    signer = entry.key_id + (f" ({entry.terminal})" if entry.terminal else "")
    if entry.revoked:
        return Verification(
            VerifyStatus.UNKNOWN_KEY, None, "barcode_revoked_key", {"signer": signer}
        )
    try:
        entry.public_key.verify(decoded.signature, decoded.signed_bytes)
    except InvalidSignature:
        return Verification(VerifyStatus.FORGED, None, "barcode_forged", {"signer": signer})
    what = f"{claim.ticket_id}" + (f" (reprint {claim.reissue})" if claim.reissue else "")
    if event_id is not None:
        if claim.event_id is not None and claim.event_id != event_id:
            return Verification(
                VerifyStatus.WRONG_EVENT,
                claim,
                "barcode_wrong_event",
                {"ticket": what, "event": claim.event_id, "expected": event_id},
            )
        if claim.event_id is None and performance_id is None:
            return Verification(
                VerifyStatus.WRONG_EVENT,
                claim,
                "barcode_event_unknown",
                {"ticket": what, "expected": event_id},
            )
    if performance_id is not None and claim.performance_id != performance_id:
        return Verification(
            VerifyStatus.WRONG_PERFORMANCE,
            claim,
            "barcode_wrong_performance",
            {"ticket": what, "performance": claim.performance_id, "expected": performance_id},
        )
    params: dict[str, Any] = {"ticket": what, "signer": signer}
    current = now if now is not None else utc_now()
    if claim.issued_at > current + CLOCK_SKEW:
        params["issued"] = claim.issued_at.isoformat()
        return Verification(VerifyStatus.GENUINE, claim, "barcode_genuine_future", params)
    return Verification(VerifyStatus.GENUINE, claim, "barcode_genuine", params)
