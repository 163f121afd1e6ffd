"""The accounting of sick-leave blanks on PostgreSQL, as the demo head of registry (who receives and hands
out blanks), doctor (who uses them) and registrar (who writes spoiled ones off): overlapping receipts and
hand-outs of blanks not in stock refused by the service and the database, the period report balancing
per holder (opening + received - used - spoiled = closing) and over the organization, the book of blanks,
numbers skipped unnoticed, the printed report and book, and who may keep the accounting."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from medcenter_desktop import sick_leave_printing as slp
from printing.sick_leave import BlankBookRow, BlankReportRow
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as bl
from tests.db.demo_sessions import work
from tests.db.test_sick_leave import Setup, n
from tests.printing.pdf_helpers import is_pdf, page_texts


@pytest.fixture
def s(clinic, doctor, head, registrar) -> Setup:
    return Setup(clinic, doctor, head, registrar)


def _department(session, org: int) -> int:
    with work(session) as c:
        return c.scalar(text("SELECT id FROM departments WHERE organization_id = :o ORDER BY id LIMIT 1"), {"o": org})


def test_receipts_and_hand_outs_keep_to_the_blanks_received(clinic, s, head, registrar, doctor):
    with work(head) as c:
        batches = bl.batches(c, s.org)
        assert [(b.number_from, b.number_to, b.count, b.in_stock, b.issued) for b in batches] == [
            (n(1), n(30), 30, 20, 10)]
        for first, last, words in ((n(25), n(35), f"Blank {n(25)} has already been received"),
                                   (n(50), n(40), "from the lower to the higher"),
                                   ("12345", n(40), "12 digits"),
                                   ("000000000001", "000000200000", "at most 100000")):
            with pytest.raises(bl.BlankRefused) as refused:
                bl.receive_batch(c, s.org, first, last)
            assert words in str(refused.value)
        with pytest.raises(bl.BlankRefused) as refused:
            bl.receive_batch(c, s.org, n(40), n(45), received_on=s.day(1))
        assert "in the future" in str(refused.value)
        for first, last, words in ((n(5), n(12), f"Blank {n(5)} is not in stock"),
                                   (n(28), n(33), f"Blank {n(31)} was not received")):
            with pytest.raises(bl.BlankRefused) as refused:
                bl.issue_blanks(c, s.org, first, last, staff_member_id=s.staff)
            assert words in str(refused.value)
        with pytest.raises(bl.BlankRefused) as refused:
            bl.issue_blanks(c, s.org, n(11), n(12))
        assert "Choose the department or staff member" in str(refused.value)
    # The database refuses the same, whoever writes; the history is never edited.
    with clinic.connect() as admin:
        for sql, params, state in (
            ("INSERT INTO sick_leave_blank_batches (organization_id, received_on, number_from, number_to) "
             "VALUES (%s, current_date, %s, %s)", (s.org, n(30), n(31)), "MC090"),
            ("INSERT INTO sick_leave_blank_issues (organization_id, issued_on, number_from, number_to, "
             "holder_staff_id) VALUES (%s, current_date, %s, %s, %s)", (s.org, n(29), n(31), s.staff), "MC091"),
            ("INSERT INTO sick_leave_blank_issues (organization_id, issued_on, number_from, number_to, "
             "holder_staff_id) VALUES (%s, current_date, %s, %s, %s)", (s.org, n(10), n(11), s.staff), "MC094"),
            ("DELETE FROM sick_leave_blank_batches WHERE id = %s", (s.batch,), "MC098"),
            ("DELETE FROM sick_leave_blanks WHERE number = %s", (n(20),), "MC098"),
            ("UPDATE sick_leave_blanks SET number = '000000000999' WHERE number = %s", (n(20),), "MC098"),
        ):
            with pytest.raises(psycopg.Error) as error, admin.transaction():
                admin.execute(sql, params)
            assert error.value.sqlstate == state, sql
    # Only the head of registry receives and hands out blanks.
    for session in (registrar, doctor):
        with work(session) as c, pytest.raises(bl.BlankRefused) as refused:
            bl.receive_batch(c, s.org, n(40), n(45))
        assert "does not allow" in str(refused.value)


def test_the_period_report_balances_and_the_book_lists_every_movement(s, head, doctor, registrar):
    department = _department(head, s.org)
    with work(head) as c:
        bl.receive_batch(c, s.org, n(101), n(110), supplier="ФСС", document="Накладная 31",
                         received_on=s.day(-20))
        bl.issue_blanks(c, s.org, n(11), n(15), department_id=department, issued_on=s.day(-10),
                        document="Требование 2")
    first, _ = s.issued(doctor, -1, 3)  # blank 101
    s.issued(doctor, -1, 3)  # blank 102
    with work(registrar) as c:
        bl.spoil_blank(c, n(30), "Типографский брак")  # in stock
        sl.spoil(c, first, sl.certificate(c, first).version, "Ошибка в фамилии", number=n(3))
        with pytest.raises(bl.BlankRefused) as refused:
            bl.spoil_blank(c, n(30), "Еще раз")
        assert "spoiled and can never be used again" in str(refused.value)
    with work(head) as c:
        lines = bl.period_report(c, s.org, s.day(-35), s.today)
        early = bl.period_report(c, s.org, s.day(-40), s.day(-30))
        book = bl.blank_book(c, s.org, s.day(-45), s.today)
        report_pdf = slp.blank_report_pdf(c, s.org, s.day(-35), s.today)
        book_pdf = slp.blank_book_pdf(c, s.org, s.day(-45), s.today)
        department_name = c.scalar(text("SELECT name FROM departments WHERE id = :d"), {"d": department})
    for line in (*lines, *early):
        assert line.opening_balance + line.received - line.issued - line.spoiled == line.closing_balance, line
    by_holder = {(x.stock, x.holder_staff_id, x.holder_department_id): x for x in lines}
    stock = by_holder[(True, None, None)]
    assert (stock.opening_balance, stock.received, stock.issued, stock.spoiled, stock.closing_balance) == (
        20, 10 - 5, 0, 1, 24)
    assert stock.numbers == f"{n(16)}-{n(29)}, {n(101)}-{n(110)}"
    mine = by_holder[(False, s.staff, None)]
    assert (mine.opening_balance, mine.received, mine.issued, mine.spoiled, mine.closing_balance) == (10, 0, 2, 1, 7)
    assert mine.numbers == f"{n(4)}-{n(10)}" and mine.holder
    dept = by_holder[(False, None, department)]
    assert (dept.opening_balance, dept.received, dept.closing_balance, dept.holder) == (0, 5, 5, department_name)
    totals = [sum(getattr(x, k) for x in lines) for k in ("opening_balance", "received", "issued", "spoiled",
                                                          "closing_balance")]
    assert totals == [30, 10, 2, 2, 36]
    assert [(x.stock, x.opening_balance, x.received, x.closing_balance) for x in early] == [
        (True, 0, 20, 20), (False, 0, 10, 10)]

    assert [(b.day, b.operation, b.number_from, b.number_to, b.count) for b in book] == [
        (s.day(-40), "received", n(1), n(30), 30),
        (s.day(-39), "issued", n(1), n(10), 10),
        (s.day(-20), "received", n(101), n(110), 10),
        (s.day(-10), "issued", n(11), n(15), 5),
        (s.today, "spoiled", n(1), n(1), 1),
        (s.today, "spoiled", n(30), n(30), 1),
    ]
    assert book[0].counterparty == "Фонд социального страхования" and book[0].document == "Накладная 12"
    assert book[3].counterparty == department_name and book[4].document == "Ошибка в фамилии"

    rows, book_rows = slp.report_rows(lines), slp.book_rows(book)
    assert all(isinstance(r, BlankReportRow) for r in rows) and all(isinstance(r, BlankBookRow) for r in book_rows)
    assert rows[0].holder == slp.STOCK_HOLDER
    assert is_pdf(report_pdf) and is_pdf(book_pdf)
    assert "Отчет о расходовании бланков" in " ".join(page_texts(report_pdf))
    assert "Книга учета бланков" in " ".join(page_texts(book_pdf))


def test_numbers_skipped_unnoticed_are_reported(s, doctor):
    s.issued(doctor, -1, 2)  # blank 101
    s.issued(doctor, -1, 2, number=n(4))  # 102 and 103 skipped
    with work(doctor) as c:
        assert bl.gaps(c, s.org) == []  # not yet: the skip is too recent
        found = bl.gaps(c, s.org, today=s.day(5))
        assert bl.use_blank(c, s.org) == n(2)  # the doctor's next blank is still the lowest
    assert [(g.number, g.passed_by, g.since, g.days, g.holder_staff_id) for g in found] == [
        (n(2), n(4), s.today, 5, s.staff), (n(3), n(4), s.today, 5, s.staff)]
    assert found[0].holder
    assert bl.number_ranges([n(3), n(1), n(2), n(7)]) == f"{n(1)}-{n(3)}, {n(7)}"
