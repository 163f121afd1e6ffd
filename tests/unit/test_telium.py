"""Ingenico Telium: frames byte for byte, hostile bytes, and the driver against the pty emulator."""

from __future__ import annotations

import os
from decimal import Decimal
from functools import reduce

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.devices.protocols import AcquiringTerminal, DeviceError, DeviceUnavailable
from shared.devices.telium import (
    ACK,
    ENQ,
    ETX,
    STX,
    TYPE_CANCEL,
    TYPE_PURCHASE,
    TYPE_REFUND,
    FrameError,
    TeliumRequest,
    TeliumResponse,
    TeliumTerminal,
    frame,
    lrc,
    unframe,
)

# A purchase of 12.50 roubles from POS 01, full answer, card, private data blank, answer at the end of
# the transaction, the terminal deciding on authorization. The LRC (XOR of the 34 characters and ETX)
# happens to be 0x06, the value of ACK: a reader must take the byte after ETX as the LRC, whatever it is.
KNOWN_REQUEST = b"\x02" + b"0100001250" + b"110" + b"643" + b" " * 10 + b"A010" + b"B010" + b"\x03\x06"
KNOWN_ANSWER_MESSAGE = (b"01" + b"0" + b"00001250" + b"1" + b"497010******4242".ljust(55) + b"643"
                        + b"0000000001")


def test_known_request_byte_for_byte():
    request = TeliumRequest(pos_number=1, amount=1250)
    assert request.encode() == KNOWN_REQUEST
    assert len(KNOWN_REQUEST) == 37
    assert TeliumRequest.decode(KNOWN_REQUEST) == request
    # The same message with the euro's code, as pyTeliumManager's tests build it (55.10 EUR).
    euro = TeliumRequest(pos_number=1, amount=5510, currency="978").encode()
    assert euro[1:-2].decode() == "0100005510110978          A010B010"


def test_known_answer_byte_for_byte():
    response = TeliumResponse.decode(frame(KNOWN_ANSWER_MESSAGE))
    assert (response.pos_number, response.status, response.amount) == (1, "0", 1250)
    assert response.approved and response.card_mask == "****4242"
    assert response.currency == "643" and response.private == "0000000001"
    assert response.encode() == b"\x02" + KNOWN_ANSWER_MESSAGE + b"\x03\x1e"
    assert len(response.encode()) == 83
    short = TeliumResponse(pos_number=1, status="7", amount=1250, private="0000000001")
    assert short.encode() == b"\x02" + b"0170000125016430000000001" + b"\x03\x32"
    assert len(short.encode()) == 28
    assert TeliumResponse.decode(short.encode()) == short


def test_lrc():
    assert lrc(b"") == 0
    assert lrc(b"\x01\x02\x04") == 0x07
    assert lrc(b"AA") == 0
    message = b"0100001250110643          A010B010"
    assert lrc(message + bytes([ETX])) == reduce(lambda a, b: a ^ b, message + b"\x03") == 0x06


def test_unframe_rejects_broken_frames():
    good = frame(b"HELLO")
    assert unframe(good) == b"HELLO"
    for bad in (b"", b"\x02\x03", good[:-1] + bytes([good[-1] ^ 1]), b"X" + good[1:], good[:-2] + b"X" + good[-1:],
                frame(b"HE\x05LO"), frame("ПРИВЕТ".encode("cp866"))):
        with pytest.raises(FrameError):
            unframe(bad)


printable = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=1)
requests = st.builds(
    TeliumRequest, pos_number=st.integers(0, 99), amount=st.integers(0, 99_999_999),
    transaction_type=st.sampled_from([TYPE_PURCHASE, TYPE_REFUND, TYPE_CANCEL]), payment_mode=printable,
    currency=st.from_regex(r"[0-9]{3}", fullmatch=True),
    private=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=10), answer_flag=printable,
    delay=st.sampled_from(["A010", "A011"]), authorization=st.sampled_from(["B010", "B011"]))
responses = st.builds(
    TeliumResponse, pos_number=st.integers(0, 99), status=st.sampled_from("0179"), amount=st.integers(0, 99_999_999),
    payment_mode=printable, currency=st.from_regex(r"[0-9]{3}", fullmatch=True),
    private=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=10),
    report=st.none() | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=55))


@settings(max_examples=200, deadline=None)
@given(requests, responses)
def test_round_trip(request, response):
    assert TeliumRequest.decode(request.encode()) == request
    assert TeliumResponse.decode(response.encode()) == response
    assert len(request.encode()) == 37 and len(response.encode()) in (28, 83)


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.binary(max_size=120),
    st.binary(max_size=100).map(lambda body: bytes([STX]) + body + bytes([ETX, lrc(body + bytes([ETX]))])),
    st.binary(min_size=25, max_size=25).map(frame),
    st.binary(min_size=80, max_size=80).map(frame),
    st.binary(min_size=34, max_size=34).map(frame),
))
def test_hostile_bytes_are_rejected_cleanly(data):
    for decode in (TeliumResponse.decode, TeliumRequest.decode):
        try:
            decoded = decode(data)
        except FrameError:
            continue
        assert decoded.encode() == data  # whatever decodes is exactly what was sent


# --- the driver against the emulator ------------------------------------------------------------------

posix_only = pytest.mark.skipif(os.name != "posix", reason="the emulator serves a POSIX pseudo-terminal")


@pytest.fixture
def emulator():
    from shared.devices.emulators.telium import TeliumEmulator

    with TeliumEmulator() as running:
        yield running


@pytest.fixture
def terminal(emulator) -> TeliumTerminal:
    # Generous step timeouts: they only cost time when something is missing, and a loaded machine must
    # never turn a good exchange into a failure.
    return TeliumTerminal(emulator.port, byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)


@posix_only
def test_purchase_approved(terminal, emulator):
    assert isinstance(terminal, AcquiringTerminal)
    result = terminal.purchase(Decimal("12.50"), "order-1")
    assert result.approved and result.code == 0 and result.message == "ОДОБРЕНО"
    assert result.amount == Decimal("12.50") and result.card_mask == "****4242"
    assert result.rrn == emulator.journal[-1].transaction_id
    assert emulator.requests == [TeliumRequest(pos_number=1, amount=1250, private="order-1")]
    assert terminal.last_transaction() == result


@posix_only
def test_purchase_declined(terminal, emulator):
    emulator.decline_next = True
    result = terminal.purchase(Decimal("5.00"), "order-2")
    assert not result.approved and result.code == 7 and result.rrn == ""
    assert terminal.last_transaction() is None
    assert terminal.purchase(Decimal("5.00"), "order-2").approved


@posix_only
def test_refund_and_cancel_last(terminal, emulator):
    refund = terminal.refund(Decimal("3.00"), "0000000001", "order-3")
    assert refund.approved and emulator.requests[-1].transaction_type == TYPE_REFUND
    cancel = terminal.cancel_last()
    assert cancel.approved and emulator.requests[-1].transaction_type == TYPE_CANCEL
    assert emulator.requests[-1].amount == 300 and emulator.journal[0].cancelled
    with pytest.raises(DeviceError):
        terminal.cancel_last()
    with pytest.raises(DeviceError):
        terminal.settlement()


@posix_only
def test_garbled_answer_is_asked_again(terminal, emulator):
    emulator.garble_answers = 2
    assert terminal.purchase(Decimal("1.00"), "a").approved


@posix_only
def test_garbled_answers_end_in_an_error(terminal, emulator):
    emulator.garble_answers = 100
    with pytest.raises(DeviceError) as caught:
        terminal.purchase(Decimal("1.00"), "a")
    assert not isinstance(caught.value, DeviceUnavailable)
    assert "could not be read" in str(caught.value)
    emulator.garble_answers = 0
    assert terminal.purchase(Decimal("2.00"), "b").approved  # the line recovers


@posix_only
def test_silent_terminal_is_unavailable(emulator):
    emulator.silent = True
    terminal = TeliumTerminal(emulator.port, byte_timeout=0.3, retry_pause=0.01)
    with pytest.raises(DeviceUnavailable) as caught:
        terminal.purchase(Decimal("1.00"), "a")
    assert emulator.port in str(caught.value)
    assert emulator.requests == []


@posix_only
def test_silence_after_the_request_leaves_the_outcome_unknown(emulator):
    emulator.silent_after_request = True
    terminal = TeliumTerminal(emulator.port, byte_timeout=2.0, answer_timeout=0.7, retry_pause=0.01)
    with pytest.raises(DeviceUnavailable) as caught:
        terminal.purchase(Decimal("1.00"), "a")
    assert "outcome is unknown" in str(caught.value)
    assert len(emulator.requests) == 1


def test_missing_port_is_unavailable(tmp_path):
    with pytest.raises(DeviceUnavailable):
        TeliumTerminal(str(tmp_path / "ttyACM9"), byte_timeout=0.1).purchase(Decimal("1.00"), "a")


def test_invalid_amounts(tmp_path):
    terminal = TeliumTerminal(str(tmp_path / "ttyACM9"))
    for amount in (Decimal(0), Decimal("-1"), Decimal("0.001"), Decimal("1000000.00"), Decimal("NaN")):
        with pytest.raises(DeviceError) as caught:
            terminal.purchase(amount, "a")
        assert not isinstance(caught.value, DeviceUnavailable)


def test_control_bytes_are_what_the_protocol_names():
    assert (STX, ETX, ENQ, ACK) == (0x02, 0x03, 0x05, 0x06)
