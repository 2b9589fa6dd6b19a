"""A card terminal that speaks ZVT at the byte level over TCP, for tests and demos.

It answers registration, authorisation, reversal, refund, end of day and
repeat-receipt the way a terminal does (ACK, intermediate status, status
information, print lines, completion or abort, each waiting for the ECR's
ACK), and plays a scripted outcome for each payment: ``approve``,
``decline``, ``cancel`` (the customer pressed the red key), ``timeout``
(the charge goes through but the terminal falls silent), ``vanish`` (the
same, and the terminal is unplugged until ``plug_in``), ``hang`` (it
falls silent before charging) or ``wait_card`` (no card comes until the ECR
aborts with 06 B0). It keeps its own ledger, so a test can
check what the card was really charged.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
from collections import deque
from dataclasses import dataclass

from boxoffice.devices.base import DeviceError, DeviceTimeout
from boxoffice.devices.card_terminal import zvt
from boxoffice.devices.card_terminal.zvt_link import FramedLink

FIRST_RECEIPT = 41
OUTCOMES = ("approve", "decline", "cancel", "timeout", "vanish", "hang", "wait_card")


@dataclass
class SimTransaction:
    receipt_no: int
    trace: int
    kind: str  # sale, refund, reversal
    amount_minor: int
    state: str  # approved, declined, reversed


class ZvtSimulator:
    def __init__(
        self,
        *,
        terminal_id: str = "52500038",
        card_name: str = "Mastercard",
        pan: str = "5413330089010434",
        mask_pan: bool = True,
    ) -> None:
        self.terminal_id, self.card_name, self.pan, self.mask_pan = (
            terminal_id,
            card_name,
            pan,
            mask_pan,
        )
        self.outcomes: deque[str] = deque()
        self.transactions: list[SimTransaction] = []
        self.received: list[str] = []  # command names, e.g. "06 01"
        self.protocol_errors: list[str] = []
        self._receipt = FIRST_RECEIPT
        self._trace = 900
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.port = 0
        self.plug_in()

    def plug_in(self) -> None:
        """Listen (again, on the same port after ``unplug``)."""
        self._stop.clear()
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.port = self.server.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True, name="zvt-sim")
        self._thread.start()

    def unplug(self) -> None:
        """The cable is pulled: new connections are refused (the ledger is kept)."""
        self.close()

    # -- scripting and ledger ------------------------------------------------------
    def script(self, *outcomes: str) -> None:
        for o in outcomes:
            if o not in OUTCOMES:
                raise ValueError(f"unknown outcome {o!r}")
        self.outcomes.extend(outcomes)

    @property
    def charged_minor(self) -> int:
        """Net money taken from the card: approved sales minus refunds."""
        total = 0
        for t in self.transactions:
            if t.kind == "sale" and t.state == "approved":
                total += t.amount_minor
            elif t.kind == "refund" and t.state == "approved":
                total -= t.amount_minor
        return total

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.server.close()

    # -- the wire --------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        wire = _Wire(conn)
        try:
            command = wire.read()
            if command is not None:
                self._handle(wire, command)
        except (OSError, _ProtocolError) as exc:
            self.protocol_errors.append(str(exc))
        finally:
            conn.close()

    def _handle(self, wire: _Wire | _SerialWire, command: zvt.Apdu) -> None:
        with self._lock:
            self.received.append(command.name)
        handler = _HANDLERS.get(command.control)
        if handler is None:
            wire.send(b"\x84\x83\x00")
            return
        wire.send(zvt.ACK)
        handler(self, wire, command.data)

    def serve_serial(self, fd: int) -> threading.Thread:
        """Answer on a serial line (the master side of a pty) instead of TCP."""
        wire = _SerialWire(fd, self._stop)

        def loop() -> None:
            while not self._stop.is_set():
                try:
                    command = wire.read()
                    if command is not None:
                        self._handle(wire, command)
                except (OSError, _ProtocolError, DeviceError) as exc:
                    if self._stop.is_set():
                        return
                    self.protocol_errors.append(str(exc))

        thread = threading.Thread(target=loop, daemon=True, name="zvt-sim-serial")
        thread.start()
        return thread

    def _send(self, wire: _Wire | _SerialWire, control: bytes, data: bytes = b"") -> None:
        wire.send(zvt.apdu(control, data))
        answer = wire.read()
        if answer is None or answer.control != b"\x80\x00":
            raise _ProtocolError(f"no ACK for {control.hex(' ')}")

    def _status(self, t: SimTransaction, result: int = 0) -> bytes:
        pan = self.pan if not self.mask_pan else "E" * (len(self.pan) - 4) + self.pan[-4:]
        if len(pan) % 2:
            pan += "F"
        fields: list[tuple[int, bytes]] = [
            (0x27, bytes([result])),
            (0x04, zvt.bcd(t.amount_minor, 6)),
            (0x0B, zvt.bcd(t.trace, 3)),
            (0x0C, bytes.fromhex("143015")),
            (0x0D, bytes.fromhex("1125")),
            (0x0E, bytes.fromhex("2812")),  # expiry: the driver must drop it
            (0x17, bytes.fromhex("0001")),
            (0x19, b"\x70"),
            (0x22, bytes.fromhex(pan)),
            (0x29, zvt.bcd(self.terminal_id, 4)),
            (0x3B, f"{t.receipt_no:06d}".encode().ljust(8, b"\x00")),
            (0x49, zvt.bcd(978, 2)),
            (0x87, zvt.bcd(t.receipt_no, 2)),
            (0x88, zvt.bcd(t.trace, 3)),
            (0x8A, b"\x06"),
            (0x8B, self.card_name.encode()),
            (0x06, bytes([0x1F, 0x10, 0x01, 0x00])),  # a TLV container
        ]
        return zvt.encode_bmps(fields)

    def _slip(self, wire: _Wire | _SerialWire, *lines: str) -> None:
        for line in lines:
            self._send(wire, zvt.Cmd.PRINT_LINE.value, b"\x00" + line.encode("cp437"))

    def _book(self, kind: str, amount: int, state: str) -> SimTransaction:
        with self._lock:
            self._receipt += 1
            self._trace += 1
            t = SimTransaction(self._receipt, self._trace, kind, amount, state)
            self.transactions.append(t)
            return t

    def _money(self, wire: _Wire | _SerialWire, kind: str, amount: int) -> None:
        outcome = self.outcomes.popleft() if self.outcomes else "approve"
        self._send(wire, zvt.Cmd.INTERMEDIATE.value, b"\x0a")  # insert card
        if outcome == "hang":
            wire.wait_closed()
            return
        if outcome == "cancel":
            self._send(wire, zvt.Cmd.ABORT.value, b"\x6c")
            return
        if outcome == "wait_card":  # no card comes; only the ECR's abort ends it
            request = wire.read()
            if request is None or request.control != zvt.Cmd.ABORT_ECR.value:
                raise _ProtocolError("expected the ECR's abort while waiting for a card")
            with self._lock:
                self.received.append(request.name)
            wire.send(zvt.ACK)
            self._send(wire, zvt.Cmd.ABORT.value, b"\x6c")
            return
        if outcome == "decline":
            t = SimTransaction(0, self._trace, kind, amount, "declined")
            self._send(wire, zvt.Cmd.STATUS_INFO.value, self._status(t, result=0x05))
            self._slip(wire, "Zahlung nicht erfolgt", "Karte abgelehnt")
            self._send(wire, zvt.Cmd.ABORT.value, b"\x05")
            return
        t = self._book(kind, amount, "approved")
        if outcome == "vanish":  # charged, then the cable is pulled
            self.unplug()
        if outcome in ("timeout", "vanish"):
            wire.wait_closed()
            return
        self._send(wire, zvt.Cmd.STATUS_INFO.value, self._status(t))
        masked = "#" * (len(self.pan) - 4) + self.pan[-4:]
        self._slip(
            wire,
            "KUNDENBELEG",
            f"{self.card_name}",
            f"Karte {masked}",
            f"Betrag EUR {amount // 100},{amount % 100:02d}",
            f"Beleg-Nr. {t.receipt_no}  Trace {t.trace}",
            "Zahlung erfolgt",
        )
        self._send(wire, zvt.Cmd.COMPLETION.value, b"")

    def _registration(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        if len(data) < 4:
            self._send(wire, zvt.Cmd.ABORT.value, b"\x66")
            return
        self._send(
            wire, zvt.Cmd.COMPLETION.value, zvt.encode_bmps([(0x29, zvt.bcd(self.terminal_id, 4))])
        )

    def _authorisation(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        bmps = zvt.parse_bmps(data)
        self._money(wire, "sale", int(bmps[0x04].hex()))

    def _refund(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        bmps = zvt.parse_bmps(data[3:])
        self._money(wire, "refund", int(bmps[0x04].hex()))

    def _reversal(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        receipt = int(zvt.parse_bmps(data[3:])[0x87].hex())
        with self._lock:
            sale = next(
                (t for t in self.transactions if t.receipt_no == receipt and t.kind == "sale"),
                None,
            )
            if sale is not None and sale.state == "approved":
                sale.state = "reversed"
            else:
                sale = None
        if sale is None:
            self._send(wire, zvt.Cmd.ABORT.value, b"\x66")
            return
        t = self._book("reversal", sale.amount_minor, "approved")
        self._send(wire, zvt.Cmd.STATUS_INFO.value, self._status(t))
        self._slip(wire, "STORNO", f"Beleg-Nr. {receipt}")
        self._send(wire, zvt.Cmd.COMPLETION.value, b"")

    def _repeat_receipt(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        with self._lock:
            last = self.transactions[-1] if self.transactions else None
        if last is None:
            self._send(wire, zvt.Cmd.ABORT.value, b"\x66")
            return
        self._send(wire, zvt.Cmd.STATUS_INFO.value, self._status(last))
        self._slip(wire, "BELEGKOPIE")
        self._send(wire, zvt.Cmd.COMPLETION.value, b"")

    def _end_of_day(self, wire: _Wire | _SerialWire, data: bytes) -> None:
        total = self.charged_minor
        t = SimTransaction(self._receipt, self._trace, "eod", total, "approved")
        with self._lock:
            self._receipt = FIRST_RECEIPT  # a new day: receipt numbers start again
        self._send(wire, zvt.Cmd.STATUS_INFO.value, self._status(t))
        self._slip(wire, "KASSENSCHNITT", f"Summe EUR {total // 100},{total % 100:02d}")
        self._send(wire, zvt.Cmd.COMPLETION.value, b"")


class _ProtocolError(Exception):
    pass


class _Wire:
    def __init__(self, conn: socket.socket) -> None:
        self.conn, self.buffer = conn, b""

    def send(self, message: bytes) -> None:
        self.conn.sendall(message)

    def read(self) -> zvt.Apdu | None:
        while True:
            msg, self.buffer = zvt.split(self.buffer)
            if msg is not None:
                return msg
            chunk = self.conn.recv(4096)
            if not chunk:
                return None
            self.buffer += chunk

    def wait_closed(self) -> None:
        """Say nothing until the ECR gives up and hangs up."""
        self.conn.settimeout(30)
        try:
            while self.conn.recv(4096):
                pass
        except OSError:
            pass


class _SerialWire:
    """The terminal's end of a serial line: DLE/STX frames with CRC, byte ACKs."""

    def __init__(self, fd: int, stop: threading.Event) -> None:
        self.fd, self.stop = fd, stop

        def read(timeout: float) -> bytes:
            ready, _, _ = select.select([fd], [], [], timeout)
            return os.read(fd, 4096) if ready else b""

        self.link = FramedLink(lambda b: os.write(fd, b), read, "ECR")

    def send(self, message: bytes) -> None:
        self.link.send(message)

    def read(self) -> zvt.Apdu | None:
        while not self.stop.is_set():
            try:
                return self.link.receive(0.5)
            except DeviceTimeout:
                continue
        return None

    def wait_closed(self) -> None:
        """A serial line never closes: just stop answering this command."""


_HANDLERS = {
    zvt.Cmd.REGISTRATION.value: ZvtSimulator._registration,
    zvt.Cmd.AUTHORISATION.value: ZvtSimulator._authorisation,
    zvt.Cmd.REFUND.value: ZvtSimulator._refund,
    zvt.Cmd.REVERSAL.value: ZvtSimulator._reversal,
    zvt.Cmd.REPEAT_RECEIPT.value: ZvtSimulator._repeat_receipt,
    zvt.Cmd.END_OF_DAY.value: ZvtSimulator._end_of_day,
}
