"""The Shtrih-M link layer: frames and control bytes. Pure: no I/O.

A frame is ``STX | LEN | PAYLOAD | LRC`` where PAYLOAD is the command code (one byte, or ``0xFF xx``
for the fiscal-drive commands) followed by the command's data, LEN is the payload's length (1..255)
and LRC is the XOR of LEN and every payload byte. An answer's payload is ``CMD | ERRCODE | DATA``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce

STX = 0x02
ENQ = 0x05
ACK = 0x06
NAK = 0x15

MAX_PAYLOAD = 255


class FrameError(ValueError):
    """Bytes that are not a well-formed frame."""


class FrameTimeout(FrameError):
    """The frame stopped before its end (the byte timeout passed)."""


class BadLrc(FrameError):
    """A complete frame whose check byte does not match: the receiver asks for it again (NAK)."""


def lrc(data: bytes) -> int:
    """XOR of all bytes (the caller passes LEN and the payload)."""
    return reduce(lambda a, b: a ^ b, data, 0)


def encode_frame(payload: bytes) -> bytes:
    if not 1 <= len(payload) <= MAX_PAYLOAD:
        raise FrameError(f"payload length {len(payload)} is outside 1..{MAX_PAYLOAD}")
    body = bytes((len(payload),)) + bytes(payload)
    return bytes((STX,)) + body + bytes((lrc(body),))


def decode_frame(frame: bytes) -> bytes:
    """The payload of one complete frame; raises `FrameError` (or `BadLrc`) otherwise."""
    frame = bytes(frame)
    if len(frame) < 4:
        raise FrameError("a frame has at least 4 bytes")
    if frame[0] != STX:
        raise FrameError(f"a frame starts with STX, not 0x{frame[0]:02X}")
    length = frame[1]
    if length == 0:
        raise FrameError("empty payload")
    if len(frame) != length + 3:
        raise FrameError(f"LEN says {length} payload bytes, the frame has {len(frame) - 3}")
    body = frame[1:-1]
    if lrc(body) != frame[-1]:
        raise BadLrc(f"LRC 0x{frame[-1]:02X} does not match 0x{lrc(body):02X}")
    return body[1:]


def read_frame_after_stx(read: Callable[[int], bytes]) -> bytes:
    """Reads LEN, the payload and the LRC with ``read(n)`` (which returns fewer bytes on a timeout), the
    STX having been read already; returns the payload. Raises `FrameTimeout` on a short read and
    `BadLrc` on a complete frame that fails its check (so the caller NAKs it)."""
    head = read(1)
    if len(head) != 1:
        raise FrameTimeout("no LEN byte after STX")
    length = head[0]
    if length == 0:
        raise FrameError("empty payload")
    rest = read(length + 1)
    if len(rest) != length + 1:
        raise FrameTimeout(f"frame cut short: {len(rest)} of {length + 1} bytes")
    body = head + rest[:-1]
    if lrc(body) != rest[-1]:
        raise BadLrc(f"LRC 0x{rest[-1]:02X} does not match 0x{lrc(body):02X}")
    return bytes(rest[:-1])


def command_payload(cmd: int, data: bytes = b"") -> bytes:
    """``cmd`` is 0x00..0xFE, or 0xFF00..0xFFFF for an extended (fiscal-drive) command."""
    if 0 <= cmd <= 0xFE:
        return bytes((cmd,)) + bytes(data)
    if 0xFF00 <= cmd <= 0xFFFF:
        return bytes((0xFF, cmd & 0xFF)) + bytes(data)
    raise FrameError(f"no such command code 0x{cmd:X}")


def split_payload(payload: bytes) -> tuple[int, bytes]:
    """(command code, the rest) of a request or answer payload."""
    payload = bytes(payload)
    if not payload:
        raise FrameError("empty payload")
    if payload[0] == 0xFF:
        if len(payload) < 2:
            raise FrameError("an extended command needs two code bytes")
        return 0xFF00 | payload[1], payload[2:]
    return payload[0], payload[1:]
