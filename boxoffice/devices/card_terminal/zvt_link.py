"""How ZVT messages travel: a TCP connection, or a framed serial line.

``TcpLink`` sends APDUs as they are. ``SerialLink`` wraps each in the DLE/STX
frame with its CRC and waits for the byte-level ACK (resending on NAK, at
most three times), and acknowledges each good frame it receives. Both hand
back whole APDUs and raise ``DeviceTimeout``/``DeviceUnavailable`` — never
hang: every read has a deadline.
"""

from __future__ import annotations

import socket
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol

import serial

from boxoffice.devices.base import DeviceTimeout, DeviceUnavailable
from boxoffice.devices.card_terminal import zvt

#: How long the other side has to acknowledge a frame on a serial line.
FRAME_ACK_S = 3.0


class Link(Protocol):
    def send(self, message: bytes) -> None: ...

    def receive(self, timeout: float) -> zvt.Apdu: ...

    def close(self) -> None: ...


class NotConnected(DeviceUnavailable):
    """The line could not be opened: nothing was sent."""


class TcpLink:
    def __init__(self, host: str, port: int, timeout: float, name: str) -> None:
        self.name = name
        try:
            self.sock = socket.create_connection((host, port), timeout=timeout)
        except OSError as exc:
            raise NotConnected(
                "card_terminal_unreachable",
                terminal=name,
                address=f"{host}:{port}",
                reason=str(exc.strerror or exc),
            ) from exc
        self.buffer = b""

    def send(self, message: bytes) -> None:
        try:
            self.sock.sendall(message)
        except OSError as exc:
            raise DeviceUnavailable("card_terminal_connection_broke", terminal=self.name) from exc

    def receive(self, timeout: float) -> zvt.Apdu:
        self.sock.settimeout(timeout)
        while True:
            msg, self.buffer = zvt.split(self.buffer)
            if msg is not None:
                return msg
            try:
                chunk = self.sock.recv(4096)
            except TimeoutError as exc:
                raise DeviceTimeout(
                    "card_terminal_timeout", terminal=self.name, seconds=f"{timeout:g}"
                ) from exc
            except OSError as exc:
                raise DeviceUnavailable(
                    "card_terminal_connection_broke", terminal=self.name
                ) from exc
            if not chunk:
                raise DeviceUnavailable("card_terminal_closed_connection", terminal=self.name)
            self.buffer += chunk

    def close(self) -> None:
        self.sock.close()


class FramedLink:
    """The serial framing over any byte pipe: ``write(bytes)``, ``read(timeout) -> bytes``."""

    def __init__(
        self, write: Callable[[bytes], object], read: Callable[[float], bytes], name: str
    ) -> None:
        self._write, self._read, self.name = write, read, name
        self._unframer = zvt.Unframer()
        self._pending: deque[bytes] = deque()  # whole APDUs received, not yet handed out
        self._acks: deque[int] = deque()

    def _pump(self, deadline: float) -> bool:
        """Read once (until ``deadline``); False on timeout."""
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        data = self._read(min(left, 0.2))
        if not data:
            return time.monotonic() < deadline
        # Outside a frame, single ACK/NAK bytes answer our own frames.
        for message, ok in self._unframer.feed(self._strip_acks(data)):
            if ok:
                self._write(bytes([zvt.ACK_BYTE]))
                self._pending.append(message)
            else:
                self._write(bytes([zvt.NAK_BYTE]))  # the sender repeats the frame
        return True

    def _strip_acks(self, data: bytes) -> bytes:
        if self._unframer._buf:  # inside a frame: every byte belongs to it
            return data
        kept = bytearray()
        for i, b in enumerate(data):
            if b in (zvt.ACK_BYTE, zvt.NAK_BYTE) and not kept:
                self._acks.append(b)
                continue
            kept += data[i:]
            break
        return bytes(kept)

    def send(self, message: bytes) -> None:
        for _attempt in range(3):
            self._acks.clear()
            self._write(zvt.frame(message))
            deadline = time.monotonic() + FRAME_ACK_S
            while not self._acks:
                if not self._pump(deadline):
                    raise DeviceTimeout("card_terminal_no_serial_ack", terminal=self.name)
            if self._acks.popleft() == zvt.ACK_BYTE:
                return
        raise DeviceUnavailable("card_terminal_frame_refused", terminal=self.name)

    def receive(self, timeout: float) -> zvt.Apdu:
        deadline = time.monotonic() + timeout
        while not self._pending:
            if not self._pump(deadline):
                raise DeviceTimeout(
                    "card_terminal_timeout", terminal=self.name, seconds=f"{timeout:g}"
                )
        msg, rest = zvt.split(self._pending.popleft())
        if msg is None or rest:
            raise zvt.ZvtError("zvt_frame_not_whole", terminal=self.name)
        return msg

    def close(self) -> None:
        return None


class SerialLink(FramedLink):
    """ZVT on RS-232/USB-COM (9600 baud, 8 data bits, no parity, 2 stop bits by default)."""

    def __init__(self, url: str, name: str, baudrate: int = 9600) -> None:
        try:
            self.port = serial.serial_for_url(
                url,
                baudrate=baudrate,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_TWO,
                timeout=0.2,
                write_timeout=FRAME_ACK_S,
            )
        except (serial.SerialException, ValueError) as exc:
            raise NotConnected(
                "card_terminal_port_unavailable", terminal=name, port=url, reason=str(exc)
            ) from exc

        def read(timeout: float) -> bytes:
            self.port.timeout = timeout
            try:
                return self.port.read(self.port.in_waiting or 1)
            except serial.SerialException as exc:
                raise DeviceUnavailable(
                    "card_terminal_disconnected", terminal=name, reason=str(exc)
                ) from exc

        super().__init__(self.port.write, read, name)

    def close(self) -> None:
        self.port.close()
