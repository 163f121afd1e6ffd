"""The accounting of sick-leave blanks (strict reporting forms): batches received, blanks handed out to a
department or a staff member, used by certificates, spoiled with a reason; the period report, the book
of blanks and the numbers skipped unnoticed.

The database keeps the rules whoever writes (sql/0013_sick_leave.sql, MC090..MC099): a batch's range may
not overlap blanks already received; only blanks in stock are handed out; a blank is used by one
certificate (the certificate's trigger marks it used); a spoiled blank is never used or changed again;
the history (batches, hand-outs) is never edited. These functions check first for a clear message.
They take the logged-in user's Connection (row-level security applies); the caller commits.

The report and the book are returned as `ReportLine` and `BookLine`, whose fields are those of the
printing layer's ``BlankReportRow`` and ``BlankBookRow`` (``medcenter_desktop.sick_leave_printing``
converts and prints them; the domain core does not import the printing layer).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.refusals import audited_refusals
from shared.services.schedules import organization_zone

#: At most this many blanks in one batch or hand-out (a typo guard; the database's check agrees).
MAX_RANGE = 100_000
#: A lower number still unused this many days after a higher one of the same holder was used is a gap.
GAP_DAYS = 3


class BlankRefused(DomainError):
    """Raised with one of the messages below."""


BAD_NUMBER = QT_TRANSLATE_NOOP("DomainError", "A blank's number is 12 digits ({number}).")
RANGE_ORDER = QT_TRANSLATE_NOOP("DomainError", "The range of numbers runs from the lower to the higher number.")
RANGE_TOO_LONG = QT_TRANSLATE_NOOP("DomainError", "A range holds at most {limit} blanks.")
RANGE_TAKEN = QT_TRANSLATE_NOOP("DomainError", "Blank {number} has already been received: the ranges overlap.")
NUMBER_UNKNOWN = QT_TRANSLATE_NOOP(
    "DomainError", "Blank {number} was not received by the organization: a number outside the received "
                   "batches cannot be used.")
NUMBER_USED = QT_TRANSLATE_NOOP("DomainError", "Blank {number} is already used by another certificate.")
BLANK_SPOILED = QT_TRANSLATE_NOOP("DomainError", "Blank {number} is spoiled and can never be used again.")
NOT_IN_STOCK = QT_TRANSLATE_NOOP(
    "DomainError", "Blank {number} is not in stock: it has already been handed out, used or spoiled.")
HOLDER_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Choose the department or staff member who receives the blanks.")
HOLDER_UNKNOWN = QT_TRANSLATE_NOOP("DomainError", "The receiver of the blanks is not of this organization.")
REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Write why the blank is spoiled.")
SPOIL_CERTIFICATE = QT_TRANSLATE_NOOP(
    "DomainError", "Blank {number} carries certificate {number}: spoil the certificate instead (it is then "
                   "refilled on a new blank).")
NO_BLANK = QT_TRANSLATE_NOOP(
    "DomainError", "You hold no blank of the certificate: ask the head of registry to hand blanks out to you "
                   "or your department, or enter the number of the blank.")
HISTORY_FIXED = QT_TRANSLATE_NOOP("DomainError", "The accounting of blanks is never edited or deleted.")
IN_FUTURE = QT_TRANSLATE_NOOP("DomainError", "The date ({date}) is in the future.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow keeping the accounting of blanks.")

_STATES = {"MC091": NUMBER_UNKNOWN, "MC092": NUMBER_USED, "MC093": BLANK_SPOILED, "MC094": NOT_IN_STOCK,
           "MC098": HISTORY_FIXED, "42501": NOT_ALLOWED}


def translated(error: DBAPIError, number: str = "") -> DomainError | None:
    """The message of a database refusal of the blanks' rules (None: not one of them)."""
    state = getattr(error.orig, "sqlstate", None)
    detail = getattr(getattr(error.orig, "diag", None), "message_detail", "") or ""
    found = next((w for w in detail.split() if len(w) == 12 and w.isdigit()), number)
    if state == "MC090":
        return BlankRefused(RANGE_TAKEN, number=found)
    if state == "MC094" and "holder" in (getattr(getattr(error.orig, "diag", None), "message_primary", "") or ""):
        return BlankRefused(HOLDER_UNKNOWN)
    if state in _STATES:
        return BlankRefused(_STATES[state], number=found)
    return None


def _number(value: str) -> str:
    value = "".join(str(value).split())
    if len(value) != 12 or not value.isdigit():
        raise BlankRefused(BAD_NUMBER, number=value)
    return value


def _range(number_from: str, number_to: str) -> tuple[str, str]:
    first, last = _number(number_from), _number(number_to)
    if last < first:
        raise BlankRefused(RANGE_ORDER)
    if int(last) - int(first) + 1 > MAX_RANGE:
        raise BlankRefused(RANGE_TOO_LONG, limit=MAX_RANGE)
    return first, last


def organization_today(connection: Connection, organization_id: int) -> dt.date:
    now = connection.scalar(text("SELECT now()"))
    return now.astimezone(organization_zone(connection, organization_id)).date()


def _run(connection: Connection, sql: str, params: dict, number: str = ""):
    try:
        with connection.begin_nested():
            return connection.execute(text(sql), params)
    except DBAPIError as error:
        refusal = translated(error, number)
        if refusal is None:
            raise
        raise refusal from None


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Blank:
    number: str
    organization_id: int
    batch_id: int
    state: str  # in_stock, issued, used, spoiled
    holder_staff_id: int | None
    holder_department_id: int | None
    holder: str  # the staff member's or department's name, '' in stock
    issued_on: dt.date | None
    certificate_id: int | None
    used_on: dt.date | None
    spoiled_on: dt.date | None
    spoil_reason: str
    received_on: dt.date
    version: int


@dataclass(frozen=True)
class Batch:
    id: int
    organization_id: int
    received_on: dt.date
    number_from: str
    number_to: str
    count: int
    supplier: str
    document: str
    recorded_by: str
    in_stock: int
    issued: int
    used: int
    spoiled: int


_HOLDER_SQL = """coalesce(s.last_name || ' ' || left(s.first_name, 1) || '.'
                   || CASE WHEN s.middle_name <> '' THEN ' ' || left(s.middle_name, 1) || '.' ELSE '' END,
                   d.name, '')"""

_BLANK_SELECT = f"""
SELECT b.number, b.organization_id, b.batch_id, b.state, b.holder_staff_id, b.holder_department_id,
       {_HOLDER_SQL} AS holder, b.issued_on, b.certificate_id, b.used_on, b.spoiled_on, b.spoil_reason,
       t.received_on, b.version
  FROM sick_leave_blanks b JOIN sick_leave_blank_batches t ON t.id = b.batch_id
  LEFT JOIN staff_members s ON s.id = b.holder_staff_id LEFT JOIN departments d ON d.id = b.holder_department_id
"""  # noqa: S608 - fixed fragments


def blank(connection: Connection, number: str) -> Blank | None:
    row = connection.execute(text(_BLANK_SELECT + " WHERE b.number = :n"), {"n": _number(number)}).mappings().first()
    return Blank(**row) if row else None


def blanks(connection: Connection, organization_id: int, *, states: Iterable[str] | None = None,
           holder_staff_id: int | None = None, holder_department_id: int | None = None,
           limit: int = 5000) -> list[Blank]:
    """The organization's blanks by number (``states``, holders: only those)."""
    where, params = ["b.organization_id = :o"], {"o": organization_id}
    if states is not None:
        where.append("b.state = ANY(:states)")
        params["states"] = list(states)
    if holder_staff_id is not None:
        where.append("b.holder_staff_id = :hs")
        params["hs"] = holder_staff_id
    if holder_department_id is not None:
        where.append("b.holder_department_id = :hd")
        params["hd"] = holder_department_id
    sql = _BLANK_SELECT + " WHERE " + " AND ".join(where) + f" ORDER BY b.number LIMIT {int(limit)}"
    return [Blank(**r) for r in connection.execute(text(sql), params).mappings()]


def batches(connection: Connection, organization_id: int) -> list[Batch]:
    """The batches received, newest first, with how many of their blanks are in each state."""
    rows = connection.execute(text(
        "SELECT t.id, t.organization_id, t.received_on, t.number_from, t.number_to, "
        "       (t.number_to::bigint - t.number_from::bigint + 1)::integer AS count, t.supplier, t.document, "
        "       t.recorded_by, count(*) FILTER (WHERE b.state = 'in_stock')::integer AS in_stock, "
        "       count(*) FILTER (WHERE b.state = 'issued')::integer AS issued, "
        "       count(*) FILTER (WHERE b.state = 'used')::integer AS used, "
        "       count(*) FILTER (WHERE b.state = 'spoiled')::integer AS spoiled "
        "  FROM sick_leave_blank_batches t LEFT JOIN sick_leave_blanks b ON b.batch_id = t.id "
        " WHERE t.organization_id = :o GROUP BY t.id ORDER BY t.received_on DESC, t.id DESC"),
        {"o": organization_id}).mappings()
    return [Batch(**r) for r in rows]


# --- writing ----------------------------------------------------------------------------------------------


@audited_refusals("sick_leave_blank_batches", "number_from")
def receive_batch(connection: Connection, organization_id: int, number_from: str, number_to: str, *,
                  received_on: dt.date | None = None, supplier: str = "", document: str = "") -> int:
    """Records blanks received (a continuous range of numbers, both ends included); returns the batch id.
    Every blank of the range is then in stock."""
    first, last = _range(number_from, number_to)
    today = organization_today(connection, organization_id)
    received_on = received_on or today
    if received_on > today:
        raise BlankRefused(IN_FUTURE, date=received_on.strftime("%d.%m.%Y"))
    taken = connection.scalar(text("SELECT min(number) FROM sick_leave_blanks WHERE number BETWEEN :a AND :b"),
                              {"a": first, "b": last})
    if taken is not None:
        raise BlankRefused(RANGE_TAKEN, number=taken)
    return _run(connection,
                "INSERT INTO sick_leave_blank_batches (organization_id, received_on, number_from, number_to, "
                "supplier, document) VALUES (:o, :d, :a, :b, :s, :doc) RETURNING id",
                {"o": organization_id, "d": received_on, "a": first, "b": last, "s": supplier.strip(),
                 "doc": document.strip()}, first).scalar_one()


@audited_refusals("sick_leave_blank_issues", "number_from")
def issue_blanks(connection: Connection, organization_id: int, number_from: str, number_to: str, *,
                 staff_member_id: int | None = None, department_id: int | None = None,
                 issued_on: dt.date | None = None, document: str = "") -> int:
    """Hands the blanks of the range (all in stock) out to a staff member and/or a department; returns the
    hand-out's id."""
    first, last = _range(number_from, number_to)
    if staff_member_id is None and department_id is None:
        raise BlankRefused(HOLDER_REQUIRED)
    today = organization_today(connection, organization_id)
    issued_on = issued_on or today
    if issued_on > today:
        raise BlankRefused(IN_FUTURE, date=issued_on.strftime("%d.%m.%Y"))
    rows = connection.execute(text(
        "SELECT number, state FROM sick_leave_blanks WHERE organization_id = :o AND number BETWEEN :a AND :b "
        "ORDER BY number"), {"o": organization_id, "a": first, "b": last}).all()
    if len(rows) != int(last) - int(first) + 1:
        have = {r.number for r in rows}
        missing = next(f"{n:012d}" for n in range(int(first), int(last) + 1) if f"{n:012d}" not in have)
        raise BlankRefused(NUMBER_UNKNOWN, number=missing)
    busy = next((r for r in rows if r.state != "in_stock"), None)
    if busy is not None:
        raise BlankRefused(NOT_IN_STOCK, number=busy.number)
    return _run(connection,
                "INSERT INTO sick_leave_blank_issues (organization_id, issued_on, number_from, number_to, "
                "holder_staff_id, holder_department_id, document) VALUES (:o, :d, :a, :b, :s, :dep, :doc) "
                "RETURNING id",
                {"o": organization_id, "d": issued_on, "a": first, "b": last, "s": staff_member_id,
                 "dep": department_id, "doc": document.strip()}, first).scalar_one()


def usable_number(connection: Connection, organization_id: int, number: str) -> str:
    """The number checked for use by a certificate: received by the organization, not used, not spoiled."""
    number = _number(number)
    row = connection.execute(text(
        "SELECT state, organization_id FROM sick_leave_blanks WHERE number = :n"), {"n": number}).first()
    if row is None or row.organization_id != organization_id:
        raise BlankRefused(NUMBER_UNKNOWN, number=number)
    if row.state == "used":
        raise BlankRefused(NUMBER_USED, number=number)
    if row.state == "spoiled":
        raise BlankRefused(BLANK_SPOILED, number=number)
    return number


def next_blank(connection: Connection, organization_id: int, staff_member_id: int | None) -> str | None:
    """The lowest number handed out to the staff member, else to their department (None: none)."""
    return connection.scalar(text(
        "SELECT b.number FROM sick_leave_blanks b WHERE b.organization_id = :o AND b.state = 'issued' "
        "  AND (b.holder_staff_id = :s OR (b.holder_staff_id IS NULL AND b.holder_department_id = "
        "       (SELECT department_id FROM staff_members WHERE id = :s))) "
        "ORDER BY (b.holder_staff_id IS NULL), b.number LIMIT 1"), {"o": organization_id, "s": staff_member_id})


def use_blank(connection: Connection, organization_id: int, number: str | None = None, *,
              staff_member_id: int | None = None) -> str:
    """The blank a certificate issued on paper is to take: ``number`` checked (`usable_number`), or the
    lowest one handed out to the staff member (the logged-in user's by default) or their department.
    The certificate's trigger marks it used when the certificate takes the number."""
    if number:
        return usable_number(connection, organization_id, number)
    if staff_member_id is None:
        staff_member_id = connection.scalar(text("SELECT app_user_staff_id()"))
    found = next_blank(connection, organization_id, staff_member_id)
    if found is None:
        raise BlankRefused(NO_BLANK)
    return found


@audited_refusals("sick_leave_blanks", "number")
def spoil_blank(connection: Connection, number: str, reason: str, *, version: int | None = None) -> None:
    """Writes off a blank spoiled before it carried a certificate (damaged, misprinted). A blank that carries
    a certificate is spoiled with the certificate (`shared.services.sick_leave.spoil`)."""
    number = _number(number)
    if not reason.strip():
        raise BlankRefused(REASON_REQUIRED)
    row = _run(connection, "SELECT state, version, certificate_id FROM sick_leave_blanks WHERE number = :n "
                           "FOR UPDATE", {"n": number}, number).first()
    if row is None:
        raise BlankRefused(NUMBER_UNKNOWN, number=number)
    if row.state == "spoiled":
        raise BlankRefused(BLANK_SPOILED, number=number)
    if row.state == "used":
        raise BlankRefused(SPOIL_CERTIFICATE, number=number)
    if version is not None and row.version != version:
        from shared.services.concurrency import stale

        raise stale(connection, "sick_leave_blanks", number, True)  # type: ignore[arg-type]
    _run(connection, "UPDATE sick_leave_blanks SET state = 'spoiled', spoil_reason = :r, spoiled_on = "
                     "(SELECT (now() AT TIME ZONE coalesce(o.time_zone, 'Europe/Moscow'))::date FROM organizations o "
                     " WHERE o.id = sick_leave_blanks.organization_id) WHERE number = :n",
         {"r": reason.strip(), "n": number}, number)


# --- the report, the gaps and the book ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportLine:
    """A line of the period report (the fields of printing's ``BlankReportRow``): a holder's balance.
    The line of blanks not handed out (``stock``) counts as received those received from the supplier less
    those handed out to holders in the period, so every line balances and the lines add up to the
    organization's totals: opening + received - issued - spoiled = closing."""

    holder: str  # '' for the blanks in stock
    opening_balance: int
    received: int
    issued: int  # used by certificates (filled in and given to patients)
    spoiled: int
    closing_balance: int
    numbers: str = ""  # the numbers left at the end, as ranges
    stock: bool = False
    holder_staff_id: int | None = None
    holder_department_id: int | None = None


@dataclass(frozen=True)
class BookLine:
    """A line of the book of blanks (the fields of printing's ``BlankBookRow``)."""

    day: dt.date
    operation: str  # "received", "issued", "spoiled"
    counterparty: str  # the supplier, or the holder
    number_from: str
    number_to: str
    count: int
    document: str = ""  # the waybill, the order, or the reason a blank was spoiled
    signed_by: str = ""


@dataclass(frozen=True)
class BlankGap:
    """A number skipped unnoticed: still unused although a higher number of the same holder and batch was
    used (or spoiled) ``days`` days ago."""

    number: str
    holder: str
    holder_staff_id: int | None
    holder_department_id: int | None
    passed_by: str  # the higher number used
    since: dt.date
    days: int


def number_ranges(numbers: Iterable[str]) -> str:
    """"000000000101-000000000103, 000000000107" for the sorted numbers."""
    values = sorted(int(n) for n in numbers)
    parts: list[str] = []
    start = prev = None
    for value in values:
        if start is None:
            start = prev = value
            continue
        if value == prev + 1:
            prev = value
            continue
        parts.append(f"{start:012d}" if start == prev else f"{start:012d}-{prev:012d}")
        start = prev = value
    if start is not None:
        parts.append(f"{start:012d}" if start == prev else f"{start:012d}-{prev:012d}")
    return ", ".join(parts)


@dataclass(frozen=True)
class _Life:
    number: str
    holder_key: tuple[int | None, int | None]
    holder: str
    received: dt.date
    handed: dt.date | None  # to the holder
    left: dt.date | None  # used or spoiled
    spoiled: bool


def _lives(connection: Connection, organization_id: int) -> list[_Life]:
    rows = connection.execute(text(
        f"SELECT b.number, b.holder_staff_id, b.holder_department_id, {_HOLDER_SQL} AS holder, t.received_on, "  # noqa: S608 - fixed fragments
        "       b.issued_on, coalesce(b.used_on, b.spoiled_on) AS left_on, b.state = 'spoiled' AS spoiled "
        "  FROM sick_leave_blanks b JOIN sick_leave_blank_batches t ON t.id = b.batch_id "
        "  LEFT JOIN staff_members s ON s.id = b.holder_staff_id "
        "  LEFT JOIN departments d ON d.id = b.holder_department_id "
        " WHERE b.organization_id = :o ORDER BY b.number"), {"o": organization_id}).all()
    lives = []
    for r in rows:
        # Dates clamped to the blank's order of life, so every balance adds up whatever was typed.
        handed = max(r.issued_on, r.received_on) if r.issued_on else None
        left = max(r.left_on, handed or r.received_on) if r.left_on else None
        key = (r.holder_staff_id, r.holder_department_id) if handed else (None, None)
        lives.append(_Life(r.number, key, r.holder if handed else "", r.received_on, handed, left, r.spoiled))
    return lives


def period_report(connection: Connection, organization_id: int, date_from: dt.date,
                  date_to: dt.date) -> list[ReportLine]:
    """The use of blanks over the period (both days included): the blanks not handed out first, then each
    holder by name; opening balance, received, used, spoiled, closing balance, the numbers left."""
    if date_to < date_from:
        raise BlankRefused(RANGE_ORDER)

    def before(day: dt.date | None) -> bool:
        return day is not None and day < date_from

    def within(day: dt.date | None) -> bool:
        return day is not None and date_from <= day <= date_to

    def by_end(day: dt.date | None) -> bool:
        return day is not None and day <= date_to

    counts: dict[tuple[int | None, int | None], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[tuple[int | None, int | None], str] = {(None, None): ""}
    left_numbers: dict[tuple[int | None, int | None], list[str]] = defaultdict(list)
    stock = (None, None)
    for life in _lives(connection, organization_id):
        names.setdefault(life.holder_key, life.holder)
        # In stock from its receipt until handed out (or used or spoiled from stock).
        stock_end = life.handed or life.left
        if before(life.received) and not before(stock_end):
            counts[stock]["opening"] += 1
        if within(life.received):
            counts[stock]["received"] += 1
        if life.handed is None:
            if within(life.left):
                counts[stock]["spoiled" if life.spoiled else "used"] += 1
        else:
            if within(life.handed):
                counts[stock]["received"] -= 1  # handed out: received by the holder below
            holder = counts[life.holder_key]
            if before(life.handed) and not before(life.left):
                holder["opening"] += 1
            if within(life.handed):
                holder["received"] += 1
            if within(life.left):
                holder["spoiled" if life.spoiled else "used"] += 1
        key = life.holder_key if by_end(life.handed) else stock
        if by_end(life.received) and not by_end(life.left):
            counts[key]["closing"] += 1
            left_numbers[key].append(life.number)
        else:
            counts.setdefault(key, defaultdict(int))
    lines = []
    for key in sorted(counts, key=lambda k: (k != stock, names.get(k, ""), k[0] or 0, k[1] or 0)):
        c = counts[key]
        if not any(c.values()):
            continue
        lines.append(ReportLine(
            holder=names.get(key, ""), opening_balance=c["opening"], received=c["received"], issued=c["used"],
            spoiled=c["spoiled"], closing_balance=c["closing"], numbers=number_ranges(left_numbers[key]),
            stock=key == stock, holder_staff_id=key[0], holder_department_id=key[1]))
    return lines


def gaps(connection: Connection, organization_id: int, *, older_than_days: int = GAP_DAYS,
         today: dt.date | None = None) -> list[BlankGap]:
    """Numbers skipped unnoticed: a blank still unused (in stock or with its holder) while a higher number of
    the same batch and holder was used or spoiled more than ``older_than_days`` days ago."""
    today = today or organization_today(connection, organization_id)
    rows = connection.execute(text(
        f"SELECT b.number, b.holder_staff_id, b.holder_department_id, {_HOLDER_SQL} AS holder, "  # noqa: S608 - fixed fragments
        "       u.number AS passed_by, u.left_on AS since "
        "  FROM sick_leave_blanks b "
        "  LEFT JOIN staff_members s ON s.id = b.holder_staff_id "
        "  LEFT JOIN departments d ON d.id = b.holder_department_id "
        "  CROSS JOIN LATERAL ("
        "     SELECT x.number, coalesce(x.used_on, x.spoiled_on) AS left_on FROM sick_leave_blanks x "
        "      WHERE x.batch_id = b.batch_id AND x.number > b.number AND x.state IN ('used', 'spoiled') "
        "        AND x.holder_staff_id IS NOT DISTINCT FROM b.holder_staff_id "
        "        AND x.holder_department_id IS NOT DISTINCT FROM b.holder_department_id "
        "        AND coalesce(x.used_on, x.spoiled_on) <= :limit "
        "      ORDER BY coalesce(x.used_on, x.spoiled_on), x.number LIMIT 1) u "
        " WHERE b.organization_id = :o AND b.state IN ('in_stock', 'issued') ORDER BY b.number"),
        {"o": organization_id, "limit": today - dt.timedelta(days=older_than_days)}).all()
    return [BlankGap(r.number, r.holder, r.holder_staff_id, r.holder_department_id, r.passed_by, r.since,
                     (today - r.since).days) for r in rows]


_OPERATION_ORDER = {"received": 0, "issued": 1, "spoiled": 2}


def blank_book(connection: Connection, organization_id: int, date_from: dt.date, date_to: dt.date) -> list[BookLine]:
    """The book of blanks over the period: batches received, blanks handed out and blanks spoiled, by day."""
    if date_to < date_from:
        raise BlankRefused(RANGE_ORDER)
    params = {"o": organization_id, "a": date_from, "b": date_to}
    lines: list[BookLine] = []
    for r in connection.execute(text(
            "SELECT received_on, supplier, number_from, number_to, document FROM sick_leave_blank_batches "
            "WHERE organization_id = :o AND received_on BETWEEN :a AND :b"), params):
        lines.append(BookLine(r.received_on, "received", r.supplier, r.number_from, r.number_to,
                              int(r.number_to) - int(r.number_from) + 1, r.document))
    for r in connection.execute(text(
            f"SELECT i.issued_on, {_HOLDER_SQL} AS holder, i.number_from, i.number_to, i.document "  # noqa: S608 - fixed fragments
            "  FROM sick_leave_blank_issues i LEFT JOIN staff_members s ON s.id = i.holder_staff_id "
            "  LEFT JOIN departments d ON d.id = i.holder_department_id "
            " WHERE i.organization_id = :o AND i.issued_on BETWEEN :a AND :b"), params):
        lines.append(BookLine(r.issued_on, "issued", r.holder, r.number_from, r.number_to,
                              int(r.number_to) - int(r.number_from) + 1, r.document))
    for r in connection.execute(text(
            f"SELECT b.spoiled_on, {_HOLDER_SQL} AS holder, b.number, b.spoil_reason "  # noqa: S608 - fixed fragments
            "  FROM sick_leave_blanks b LEFT JOIN staff_members s ON s.id = b.holder_staff_id "
            "  LEFT JOIN departments d ON d.id = b.holder_department_id "
            " WHERE b.organization_id = :o AND b.state = 'spoiled' AND b.spoiled_on BETWEEN :a AND :b"), params):
        lines.append(BookLine(r.spoiled_on, "spoiled", r.holder, r.number, r.number, 1, r.spoil_reason))
    lines.sort(key=lambda x: (x.day, _OPERATION_ORDER[x.operation], x.number_from))
    return lines
