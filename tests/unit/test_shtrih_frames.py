"""Shtrih-M frames and command layouts: known bytes, LRC, round trips, hostile input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.devices.emulators.shtrih import ShtrihEmulator
from shared.devices.shtrih import commands as c
from shared.devices.shtrih.frames import (
    BadLrc,
    FrameError,
    FrameTimeout,
    command_payload,
    decode_frame,
    encode_frame,
    lrc,
    read_frame_after_stx,
    split_payload,
)

# Frames logged from the vendor's Windows driver and a Go driver (short status and fiscal drive
# status with the default password 30, and with password 2).
KNOWN = [
    ("02 05 10 1E 00 00 00 0B", 0x10, "1E 00 00 00"),
    ("02 06 FF 01 1E 00 00 00 E6", 0xFF01, "1E 00 00 00"),
    ("02 06 FF 01 02 00 00 00 FA", 0xFF01, "02 00 00 00"),
    ("02 05 10 02 00 00 00 17", 0x10, "02 00 00 00"),
]


@pytest.mark.parametrize(("frame", "cmd", "data"), KNOWN)
def test_known_frames(frame, cmd, data):
    raw = bytes.fromhex(frame)
    payload = command_payload(cmd, bytes.fromhex(data))
    assert encode_frame(payload) == raw
    assert decode_frame(raw) == payload
    assert split_payload(decode_frame(raw)) == (cmd, bytes.fromhex(data))


def test_lrc_is_xor_of_len_and_payload():
    assert lrc(bytes.fromhex("05 10 1E 00 00 00")) == 0x0B
    assert lrc(b"") == 0


def test_bad_lrc_and_malformed_frames():
    good = bytes.fromhex("02 05 10 1E 00 00 00 0B")
    with pytest.raises(BadLrc):
        decode_frame(good[:-1] + b"\x0c")
    for bad in (b"", b"\x02", good[1:], good[:-2], b"\x03" + good[1:], bytes.fromhex("02 00 00")):
        with pytest.raises(FrameError):
            decode_frame(bad)
    with pytest.raises(FrameError):
        encode_frame(b"")
    with pytest.raises(FrameError):
        encode_frame(bytes(256))


def test_command_payload_codes():
    assert command_payload(0xFF46, b"\x01") == b"\xff\x46\x01"
    assert split_payload(b"\xff\x45\x00") == (0xFF45, b"\x00")
    with pytest.raises(FrameError):
        command_payload(0x1FFFF)
    with pytest.raises(FrameError):
        split_payload(b"\xff")


def test_operation_v2_layout_is_160_bytes_with_its_code():
    # The Go driver checks the same total: 2 code bytes + password + 154 bytes with a 128-byte name.
    op = c.OperationV2(type=1, quantity=1_000_000, price=150000, amount=150000, tax_rate=4, department=1,
                       payment_method=4, payment_object=4, name="x" * 200)
    payload = command_payload(c.FN_OPERATION_V2, c.password(30) + op.encode())
    assert len(payload) == 160
    assert payload[:7] == bytes.fromhex("FF 46 1E 00 00 00 01")
    assert payload[7:13] == (1_000_000).to_bytes(6, "little")
    assert payload[23:28] == b"\xff" * 5  # tax sum left to the registrar
    assert c.OperationV2.decode(op.encode()) == c.OperationV2(**{**op.__dict__, "name": "x" * 128})


def test_close_check_variants():
    sums = (100, 200) + (0,) * 14
    standard = c.CloseCheck(sums, tax_system=1)
    payload = command_payload(c.FN_CLOSE_CHECK_V2, c.password(30) + standard.encode())
    assert len(payload) == 2 + 4 + 80 + 1 + 30 + 1  # 118, plus up to 64 bytes of text = 182
    assert c.CloseCheck.decode(standard.encode(), c.CloseVariant.ROUNDING_TAXES) == standard
    legacy = c.CloseCheck(sums, tax_system=2, text="Спасибо", variant=c.CloseVariant.DISCOUNT_GROUPS)
    assert len(c.password(30) + legacy.encode()) == 131  # the documented length of the older layout
    assert c.CloseCheck.decode(legacy.encode(), c.CloseVariant.DISCOUNT_GROUPS) == legacy
    at = dt.datetime(2025, 3, 1, 10, 30)
    result = c.CloseCheckResult(499, 7, 123456, at)
    assert c.CloseCheckResult.decode(result.encode(c.CloseVariant.ROUNDING_TAXES)) == result
    assert c.CloseCheckResult.decode(result.encode(c.CloseVariant.DISCOUNT_GROUPS)) == c.CloseCheckResult(499)


def test_correction_layout_is_69_bytes():
    corr = c.Correction(0, 1, 500, (500, 0, 0, 0, 0), tax_system=1)
    assert len(command_payload(c.FN_CORRECTION_V2, c.password(30) + corr.encode())) == 69
    assert c.Correction.decode(corr.encode()) == corr


def test_status_layouts_round_trip():
    short = c.ShortStatus(30, c.FLAG_COVER_OPEN | c.FLAG_RECEIPT_ROLL, 0x28, 0, 300)
    assert len(short.encode()) == 14  # 15 bytes with the error code
    decoded = c.ShortStatus.decode(short.encode())
    assert decoded == short and decoded.cover_open and decoded.mode_number == 8 and decoded.mode_status == 2
    fn = c.FnStatus(3, 0, True, 0, dt.datetime(2025, 1, 2, 3, 4), "9999078900012345", 42)
    assert len(fn.encode()) == 30 and c.FnStatus.decode(fn.encode()) == fn
    full = c.FullStatus(5, 0x82, 4, 0, 12345678, 9, dt.datetime(2025, 1, 2, 3, 4, 5))
    assert c.FullStatus.decode(full.encode()) == full


def test_error_codes_name_the_fix():
    assert isinstance(c.error_for(0x6B), c.PaperOut)
    assert isinstance(c.error_for(0x6B, cover_open=True), c.CoverOpen)
    assert isinstance(c.error_for(0x4E), c.ShiftExpired)
    assert isinstance(c.error_for(0x16), c.ShiftExpired)
    err = c.error_for(0x99)
    assert err.code == 0x99 and "0x99" in str(err)
    assert "Z-report" in str(c.error_for(0x4E))


@given(st.binary(min_size=1, max_size=255))
def test_encode_decode_round_trip(payload):
    frame = encode_frame(payload)
    assert decode_frame(frame) == payload
    buf = bytearray(frame[1:])

    def read(n: int) -> bytes:
        out = bytes(buf[:n])
        del buf[:n]
        return out

    assert read_frame_after_stx(read) == payload


@given(st.binary(max_size=300))
def test_hostile_bytes_only_raise_frame_errors(raw):
    try:
        decode_frame(raw)
    except FrameError:
        pass
    buf = bytearray(raw)

    def read(n: int) -> bytes:
        out = bytes(buf[:n])
        del buf[:n]
        return out

    try:
        read_frame_after_stx(read)
    except (FrameError, FrameTimeout):
        pass


@given(st.binary(max_size=200))
def test_hostile_answers_never_crash_parsers(data):
    for parse in (c.ShortStatus.decode, c.FullStatus.decode, c.FnStatus.decode, c.ShiftParams.decode,
                  c.FoundDocument.decode, c.CloseCheckResult.decode, c.CorrectionResult.decode,
                  c.OperationV2.decode, c.Correction.decode, c.parse_tlvs):
        try:
            parse(data)
        except c.CommandError:
            pass


@given(st.binary(max_size=200))
def test_emulator_answers_any_request_cleanly(payload):
    answer = ShtrihEmulator().handle(payload)
    assert len(answer) >= 2
