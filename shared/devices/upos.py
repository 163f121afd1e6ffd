"""Sberbank acquiring through UPOS's command-line program: ``sb_pilot`` on Linux, ``loadparm.exe`` on
Windows.

The program is run in its own directory as ``program operation [amount in kopecks] ...``:

* ``1 <amount>`` purchase, ``3 <amount>`` refund, ``3 <amount> 0 QSELECT <RRN>`` refund of the purchase
  with that reference number (no card needed), ``8 <amount>`` cancel (void) of the last operation,
  ``7`` settlement (сверка итогов), ``12`` a copy of the last slip.
* The slip is written to the file ``p`` in that directory; the file ``e`` holds the result: its first
  line is ``<code>,<text>``, the next lines the card number (masked), its expiry, the authorization
  code, the terminal's operation number, the card type, a Sberbank-card flag, the terminal number, the
  operation's date and time, the reference number (RRN), ... (one value a line).
* Code 0 is success. The exit code carries the same code, but some sb_pilot builds always exit with 0
  and print ``return:<code>`` instead, and a POSIX exit status keeps only the low 8 bits of codes like
  2000 or 4100; so the driver trusts ``e`` first, then ``return:<code>``, then the exit status.

Both files are in the DOS code page (CP866) by default; some Linux builds write KOI8-R, hence the
``encoding`` setting.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from shared.devices.protocols import CardResult, DeviceError, DeviceUnavailable
from shared.errors import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

OP_PURCHASE = 1
OP_REFUND = 3
OP_SETTLEMENT = 7
OP_CANCEL = 8
OP_LAST_SLIP = 12

SLIP_FILE = "p"
RESULT_FILE = "e"
MAX_FILE_BYTES = 256 * 1024  # a slip is a few hundred bytes; never read a runaway file whole
MAX_AMOUNT_KOPECKS = 99_999_999_999

# Result codes as open-source UPOS integrations handle them (the codes are UPOS's own).
CODE_SUCCESS = 0
CODE_CUSTOMER_CANCELLED = 2000
CODE_PIN_TIMEOUT = 2002
CODES_NO_BANK = frozenset({4100, 4119, 3019, 3020, 3021})
CODES_SETTLEMENT_REQUIRED = frozenset({4134, 4332})
# Outcomes decided by the card, its holder or the issuer: nothing was charged, another card may work.
CODES_DECLINED = frozenset({
    CODE_CUSTOMER_CANCELLED, CODE_PIN_TIMEOUT,
    2004, 2005, 2006, 2007, 2405, 2406, 2407, 572, 574, 579, 705, 706, 707,  # card blocked
    4113, 4114, 4150,  # limits
    4451, 521,  # insufficient funds
    4117, 4137, 403, 405, 708, 709, 4455,  # PIN
    444, 507, 584, 585, 4108, 4125, 4148, 4149, 4302, 4313, 4314, 4334, 4339, 5002,  # card unusable
    4132,  # card removed too early
})

PROGRAM_FAILED = QT_TRANSLATE_NOOP(
    "DomainError",
    "The card terminal program {program} could not be started ({reason}): check the acquiring settings.")
TIMED_OUT = QT_TRANSLATE_NOOP(
    "DomainError",
    "The card terminal did not finish within {seconds} seconds and was stopped. The operation's outcome is "
    "unknown: check the terminal's last operation before trying again.")
NO_BANK = QT_TRANSLATE_NOOP(
    "DomainError",
    "The card terminal has no connection with the bank ({error}: {text}). Try again in a few minutes; if "
    "it persists, call the bank's support.")
SETTLEMENT_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "The card terminal asks to close the bank day (settlement) first ({error}: {text}).")
TERMINAL_ERROR = QT_TRANSLATE_NOOP("DomainError", "The card terminal reported error {error}: {text}")
NOTHING_TO_CANCEL = QT_TRANSLATE_NOOP("DomainError", "There is no card operation to cancel.")
INVALID_AMOUNT = QT_TRANSLATE_NOOP("DomainError", "The card operation amount {amount} is invalid.")
INVALID_RRN = QT_TRANSLATE_NOOP("DomainError", "The card operation reference number (RRN) {rrn} is invalid.")


# --- parsing -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SlipInfo:
    """What a slip tells; every field is '' (or None) when the slip does not say it."""

    rrn: str = ""
    auth_code: str = ""
    card_mask: str = ""
    amount: Decimal | None = None  # the operation's amount
    total: Decimal | None = None  # a settlement's net total
    approved: bool = False  # "ОДОБРЕНО" and no "ОТКАЗ"
    declined: bool = False
    status: str = ""  # the status line as printed
    settlement_matched: bool = False  # "Итоги совпали"


@dataclass(frozen=True)
class ResultFile:
    """The ``e`` file; ``code`` is None when its first line holds no number."""

    code: int | None = None
    text: str = ""
    card_mask: str = ""
    auth_code: str = ""
    rrn: str = ""


_MONEY = r"([0-9]{1,3}(?:[  ]?[0-9]{3}){0,4}|[0-9]{1,15})[.,]([0-9]{2})"
_AMOUNT_RE = re.compile(r"(?:СУММА|SUMMA|AMOUNT)[^0-9\n]{0,60}" + _MONEY, re.IGNORECASE)
_TOTAL_RE = re.compile(r"(?:ИТОГО|TOTAL)[^0-9\n]{0,60}" + _MONEY, re.IGNORECASE)
_RRN_RE = re.compile(r"(?:RRN|НОМЕР ССЫЛКИ|ССЫЛКА)[^\w\n]{0,60}([0-9A-Z]{6,16})\b", re.IGNORECASE)
_AUTH_RE = re.compile(
    r"(?:КОД АВТОРИЗАЦИИ|КОД АВТ\.?|К/А|AUTH(?:ORIZATION)?(?: CODE)?)[^\w\n]{0,60}([0-9A-Z]{2,8})\b",
    re.IGNORECASE)
_CARD_RE = re.compile(r"(?:КАРТА|CARD)[^\n]{0,60}?([0-9*Xx•][0-9*Xx• ]{7,30}[0-9]{4})\b", re.IGNORECASE)
_PAN_TAIL_RE = re.compile(r"([0-9]{4})\s*$")
_RETURN_RE = re.compile(rb"return\s*:\s*(-?\d{1,10})")


def _money(whole: str, cents: str) -> Decimal | None:
    try:
        value = Decimal(re.sub(r"[^0-9]", "", whole) + "." + cents)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def mask_card(text: str) -> str:
    """``"****1234"`` from any card number text ending in four digits, masked or not; else ''."""
    match = _PAN_TAIL_RE.search(text.strip())
    return "****" + match.group(1) if match else ""


def decode_text(data: bytes, encoding: str = "cp866") -> str:
    """Bytes of ``p`` or ``e`` as text: never fails, whatever the bytes or the encoding name."""
    data = data[:MAX_FILE_BYTES]
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        text = data.decode("cp866", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def parse_slip(data: bytes, encoding: str = "cp866") -> SlipInfo:
    """Reads what it can from a slip; unknown layouts and garbage give empty fields, never an error."""
    text = decode_text(data, encoding)
    upper = text.upper()
    amount = total = None
    if match := _AMOUNT_RE.search(text):
        amount = _money(*match.groups())
    if match := _TOTAL_RE.search(text):
        total = _money(*match.groups())
    rrn = match.group(1) if (match := _RRN_RE.search(text)) else ""
    auth = match.group(1) if (match := _AUTH_RE.search(text)) else ""
    card = mask_card(match.group(1)) if (match := _CARD_RE.search(text)) else ""
    declined = "ОТКАЗ" in upper or "DECLINED" in upper
    approved = not declined and ("ОДОБРЕНО" in upper or "APPROVED" in upper)
    status = ""
    for line in text.split("\n"):
        line_upper = line.upper()
        if any(word in line_upper for word in ("ОДОБРЕНО", "ОТКАЗ", "APPROVED", "DECLINED")):
            status = line.strip()[:80]
            break
    return SlipInfo(
        rrn=rrn, auth_code=auth, card_mask=card, amount=amount, total=total, approved=approved,
        declined=declined, status=status, settlement_matched="ИТОГИ СОВПАЛИ" in upper)


def parse_result_file(data: bytes, encoding: str = "cp866") -> ResultFile:
    """Reads the ``e`` file: ``<code>,<text>`` then one value a line (see the module's docstring)."""
    lines = [line.strip() for line in decode_text(data, encoding).split("\n")]
    if not lines or not lines[0]:
        return ResultFile()
    head, _, text = lines[0].partition(",")
    code = int(head) if re.fullmatch(r"-?[0-9]{1,10}", head.strip()) else None

    def line(n: int) -> str:
        return lines[n][:64] if len(lines) > n else ""

    rrn = line(9)
    return ResultFile(
        code=code, text=text.strip()[:200], card_mask=mask_card(line(1)),
        auth_code=line(3) if re.fullmatch(r"[0-9A-Za-z]{1,12}", line(3)) else "",
        rrn=rrn if re.fullmatch(r"[0-9A-Za-z]{1,24}", rrn) else "")


def result_code(returncode: int, stdout: bytes, result_file: ResultFile) -> int:
    """The operation's code: from ``e``, else ``return:<code>`` on stdout, else the exit status."""
    if result_file.code is not None:
        return result_file.code
    if match := _RETURN_RE.search(stdout[-4096:]):
        return int(match.group(1))
    return returncode


def interpret(operation: int, amount: Decimal, returncode: int, stdout: bytes, slip: bytes,
              result: bytes, encoding: str = "cp866") -> CardResult:
    """Turns what the program left behind into a `CardResult`, or raises a `DeviceError` that says what
    the cashier can do. Any bytes are safe here: garbage gives a result with empty fields or an error."""
    slip_info = parse_slip(slip, encoding)
    result_file = parse_result_file(result, encoding)
    code = result_code(returncode, stdout, result_file)
    text = result_file.text or slip_info.status
    slip_text = decode_text(slip, encoding).strip("\n")
    if operation == OP_SETTLEMENT:
        amount = slip_info.total if slip_info.total is not None else amount
    elif amount == 0 and slip_info.amount is not None:
        amount = slip_info.amount
    if code == CODE_SUCCESS:
        return CardResult(
            approved=True, amount=amount, rrn=result_file.rrn or slip_info.rrn,
            auth_code=result_file.auth_code or slip_info.auth_code,
            card_mask=result_file.card_mask or slip_info.card_mask, slip=slip_text,
            message=text or "ОДОБРЕНО", code=0)
    if code in CODES_DECLINED or (code not in CODES_NO_BANK and slip_info.declined):
        return CardResult(
            approved=False, amount=amount, rrn="", auth_code="",
            card_mask=result_file.card_mask or slip_info.card_mask, slip=slip_text,
            message=text or "ОТКАЗ", code=code)
    text = text or "—"
    if code in CODES_NO_BANK:
        raise DeviceError(NO_BANK, code=code, error=code, text=text)
    if code in CODES_SETTLEMENT_REQUIRED:
        raise DeviceError(SETTLEMENT_REQUIRED, code=code, error=code, text=text)
    raise DeviceError(TERMINAL_ERROR, code=code, error=code, text=text)


def to_kopecks(amount: Decimal) -> int:
    """Roubles to kopecks; a DeviceError for zero, negative, fractional-kopeck or absurd amounts."""
    try:
        kopecks = Decimal(amount) * 100
        valid = kopecks == kopecks.to_integral_value() and 0 < kopecks <= MAX_AMOUNT_KOPECKS
    except (InvalidOperation, TypeError, ValueError):
        valid = False
    if not valid:
        raise DeviceError(INVALID_AMOUNT, amount=amount)
    return int(kopecks)


# --- the driver --------------------------------------------------------------------------------------

class UposTerminal:
    """`AcquiringTerminal` over UPOS's command-line program.

    ``program`` is the program's path (its directory is then the working directory) or a command list
    such as ``[sys.executable, "-m", "shared.devices.emulators.upos"]`` (then give ``workdir``).
    ``timeout`` bounds one operation, the customer's card and PIN entry included.
    """

    def __init__(self, program: str | os.PathLike | Sequence[str], workdir: str | os.PathLike | None = None,
                 *, timeout: float = 180.0, encoding: str = "cp866") -> None:
        if isinstance(program, (str, os.PathLike)):
            path = Path(program).absolute()
            self.command = [str(path)]
            default_dir = path.parent
        else:
            self.command = [os.fspath(part) for part in program]
            if not self.command:
                raise ValueError("the UPOS program command is empty")
            default_dir = None
        if workdir is None and default_dir is None:
            raise ValueError("give the UPOS working directory when the program is a command list")
        self.workdir = Path(workdir) if workdir is not None else default_dir
        self.timeout = timeout
        self.encoding = encoding
        self._last: CardResult | None = None

    # AcquiringTerminal

    def purchase(self, amount: Decimal, reference: str) -> CardResult:
        kopecks = to_kopecks(amount)
        log.info("UPOS purchase of %s (reference %s)", amount, reference)
        return self._remember(self._run(OP_PURCHASE, _roubles(kopecks), [str(kopecks)]))

    def refund(self, amount: Decimal, rrn: str, reference: str) -> CardResult:
        kopecks = to_kopecks(amount)
        log.info("UPOS refund of %s, RRN %r (reference %s)", amount, rrn, reference)
        args = [str(kopecks)]
        rrn = rrn.strip()
        if rrn:
            if not re.fullmatch(r"[0-9A-Za-z]{1,24}", rrn):
                raise DeviceError(INVALID_RRN, rrn=rrn)
            args += ["0", "QSELECT", rrn]  # card type 0 (any), then the reference instead of track 2
        return self._remember(self._run(OP_REFUND, _roubles(kopecks), args))

    def cancel_last(self) -> CardResult:
        last = self._last if self._last is not None else self.last_transaction()
        if last is None or not last.approved or last.amount <= 0:
            raise DeviceError(NOTHING_TO_CANCEL)
        log.info("UPOS cancel of the last operation (%s, RRN %r)", last.amount, last.rrn)
        kopecks = to_kopecks(last.amount)
        result = self._run(OP_CANCEL, _roubles(kopecks), [str(kopecks)])
        if result.approved:
            self._last = None
        return result

    def settlement(self) -> CardResult:
        log.info("UPOS settlement")
        return self._run(OP_SETTLEMENT, Decimal(0), [])

    def last_transaction(self) -> CardResult | None:
        """The last operation as the copy of its slip (operation 12) tells it; None when it cannot tell."""
        outcome = self._execute(OP_LAST_SLIP, [])
        code = result_code(outcome.returncode, outcome.stdout, parse_result_file(outcome.result, self.encoding))
        slip_text = decode_text(outcome.slip, self.encoding).strip("\n")
        if code != CODE_SUCCESS or not slip_text.strip():
            log.info("UPOS cannot tell its last operation (code %s)", code)
            return None
        info = parse_slip(outcome.slip, self.encoding)
        return CardResult(
            approved=info.approved, amount=info.amount if info.amount is not None else Decimal(0),
            rrn=info.rrn if info.approved else "", auth_code=info.auth_code if info.approved else "",
            card_mask=info.card_mask, slip=slip_text, message=info.status, code=0)

    # internals

    def _remember(self, result: CardResult) -> CardResult:
        if result.approved:
            self._last = result
        return result

    def _program_name(self) -> str:
        return " ".join(self.command)

    def _run(self, operation: int, amount: Decimal, args: list[str]) -> CardResult:
        outcome = self._execute(operation, args)
        return interpret(operation, amount, outcome.returncode, outcome.stdout, outcome.slip, outcome.result,
                         self.encoding)

    def _execute(self, operation: int, args: list[str]) -> _Outcome:
        slip_path, result_path = self.workdir / SLIP_FILE, self.workdir / RESULT_FILE
        for stale in (slip_path, result_path):  # an old slip must never pass for this operation's
            try:
                stale.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise DeviceUnavailable(PROGRAM_FAILED, program=self._program_name(), reason=exc) from exc
        argv = [*self.command, str(operation), *args]
        try:
            completed = subprocess.run(
                argv, cwd=self.workdir, stdin=subprocess.DEVNULL, capture_output=True, timeout=self.timeout,
                check=False)
        except subprocess.TimeoutExpired as exc:
            log.error("UPOS operation %s timed out after %s s", operation, self.timeout)
            raise DeviceUnavailable(TIMED_OUT, seconds=f"{self.timeout:g}") from exc
        except OSError as exc:  # not found, not executable, no such working directory
            log.error("UPOS program %s failed to start: %s", argv, exc)
            raise DeviceUnavailable(
                PROGRAM_FAILED, program=self._program_name(), reason=exc.strerror or exc) from exc
        log.debug("UPOS operation %s exited with %s", operation, completed.returncode)
        return _Outcome(completed.returncode, completed.stdout or b"", _read(slip_path), _read(result_path))


@dataclass(frozen=True)
class _Outcome:
    returncode: int
    stdout: bytes
    slip: bytes
    result: bytes


def _roubles(kopecks: int) -> Decimal:
    return Decimal(kopecks).scaleb(-2)


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(MAX_FILE_BYTES)
    except OSError:
        return b""
