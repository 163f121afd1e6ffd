"""Sick-leave certificates on PostgreSQL, as the demo doctor (who writes them), registrar (who prints,
spoils and duplicates), head of registry (who keeps the blanks) and cashier (who has nothing to do with
them): the whole life -- a draft prefilled from the patient, issue on a blank held by the doctor, extension
beyond 15 days refused without the commission's chair and accepted with it, closing, printing (the PDF
rasterized at 600 dpi, its DataMatrix decoded, the printing audited) -- a spoiled blank refilled and a
duplicate; continuation chains without gaps or overlaps; the care age rules; future dates; the database's
own rules for a writer that skips the service; row security, grants and the audit of refused attempts."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from pylibdmtx import pylibdmtx
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from medcenter_desktop import sick_leave_printing as slp
from printing.printer_profiles import DEFAULT_PROFILES
from printing.sick_leave import datamatrix_geometry, datamatrix_payload, validate_for_print
from printing.sick_leave_layout import load_layout
from shared.errors import DomainError
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as bl
from shared.services.session import session_user
from shared.services.sick_leave_rules import SickLeaveRulesBroken
from tests.db.demo_sessions import demo_login, work
from tests.db.security_helpers import connect_as, is_permission_denied, make_login
from tests.printing.pdf_helpers import is_pdf, rasterize

FIRST = "000000000101"


def n(i: int) -> str:
    return f"{100 + i:012d}"


class Setup:
    """The demo doctor's staff member and organization (with an OGRN), a chair of the medical commission,
    a patient, and blanks 101..130 received by the head of registry, 101..110 handed out to the doctor."""

    def __init__(self, clinic, doctor, head, registrar) -> None:
        self.clinic = clinic
        with work(doctor) as c:
            me = session_user(c)
            self.staff = me.staff_member_id
            self.org = doctor.organization_id
            self.chair = c.scalar(text(
                "SELECT s.id FROM staff_members s JOIN positions p ON p.id = s.position_id "
                "WHERE s.organization_id = :o AND s.id <> :me AND s.dismissed_on IS NULL "
                "ORDER BY (p.name = 'Главный врач') DESC, s.id LIMIT 1"), {"o": self.org, "me": self.staff})
        assert self.staff is not None and self.chair is not None
        with clinic.connect() as admin:
            admin.execute("UPDATE organizations SET ogrn = '1027700132195' WHERE id = %s", (self.org,))
        with work(registrar) as c:
            self.patient = c.scalar(text(
                "INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex) "
                "VALUES ('Больничнов', 'Иван', 'Петрович', '1980-03-04', 'M') RETURNING id"))
            self.today = bl.organization_today(c, self.org)
        with work(head) as c:
            self.batch = bl.receive_batch(c, self.org, n(1), n(30), supplier="Фонд социального страхования",
                                          document="Накладная 12", received_on=self.today - dt.timedelta(days=40))
            bl.issue_blanks(c, self.org, n(1), n(10), staff_member_id=self.staff,
                            issued_on=self.today - dt.timedelta(days=39), document="Требование 1")

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def draft(self, session, **fields) -> int:
        with work(session) as c:
            cert_id = sl.create_draft(c, self.patient, employer="ООО Ромашка")
            version = sl.certificate(c, cert_id).version
            sl.set_fields(c, cert_id, version, organization_name="ООО «Медцентр»",
                          organization_address="г. Демоград, ул. Лечебная, 1", **fields)
        return cert_id

    def issued(self, session, first: int, last: int, **kwargs) -> tuple[int, str]:
        cert_id = self.draft(session)
        with work(session) as c:
            version = sl.add_period(c, cert_id, sl.certificate(c, cert_id).version, self.day(first), self.day(last))
            number = sl.issue(c, cert_id, version, issue_date=self.day(first), **kwargs)
        return cert_id, number


@pytest.fixture
def s(clinic, doctor, head, registrar) -> Setup:
    return Setup(clinic, doctor, head, registrar)


def _version(session, cert_id: int) -> int:
    with work(session) as c:
        return sl.certificate(c, cert_id).version


def _audit(clinic, table: str, key: str, action: str | None = None) -> list[tuple]:
    with clinic.connect() as admin:
        sql = ("SELECT action, patient_id, details, login_role FROM audit_log WHERE table_name = %s AND row_key = %s")
        params: tuple = (table, key)
        if action:
            sql += " AND upper(action) = %s"
            params += (action,)
        return admin.execute(sql + " ORDER BY id", params).fetchall()


def test_the_whole_life_issue_extend_with_the_commission_close_and_print(clinic, s, doctor, registrar):
    cert_id = s.draft(doctor)
    with work(doctor) as c:
        draft = sl.certificate(c, cert_id)
        assert (draft.status, draft.surname, draft.first_name, draft.patronymic, draft.sex) == (
            "draft", "Больничнов", "Иван", "Петрович", "M")
        assert draft.birth_date == dt.date(1980, 3, 4) and draft.organization_ogrn == "1027700132195"
        assert draft.organization_name == "ООО «Медцентр»" and draft.employer == "ООО Ромашка" and draft.job == "main"
        assert draft.doctor_staff_id == s.staff and draft.number is None
        version = sl.add_period(c, cert_id, draft.version, s.day(-20), s.day(-11))
        period = sl.certificate(c, cert_id).periods[0]
        assert period.doctor_staff_id == s.staff and period.doctor_position and period.doctor_name
        assert period.days == 10 and not period.chair_name
        number = sl.issue(c, cert_id, version, issue_date=s.day(-20))
    assert number == FIRST  # the lowest blank handed out to the doctor
    with work(doctor) as c:
        issued = sl.certificate(c, cert_id)
        assert (issued.status, issued.number, issued.issue_date) == ("issued", FIRST, s.day(-20))
        blank = bl.blank(c, FIRST)
        assert (blank.state, blank.certificate_id) == ("used", cert_id)
        # Day 17 of the case without the commission's chair: refused, whatever the writer.
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.extend(c, cert_id, issued.version, s.day(-4))
        assert [v.code for v in refused.value.violations] == ["single_doctor_days"]
        assert "day 17 of the case" in str(refused.value) and "chair of the medical commission" in str(refused.value)
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text(
            "INSERT INTO sick_leave_periods (certificate_id, organization_id, row_no, date_from, date_to, "
            "doctor_position, doctor_name) VALUES (:c, :o, 2, :a, :b, 'ТЕРАПЕВТ', 'ИВАНОВ И.И.')"),
            {"c": cert_id, "o": s.org, "a": s.day(-10), "b": s.day(-4)})
    assert error.value.orig.sqlstate == "MC097"
    with work(doctor) as c:
        version = sl.extend(c, cert_id, _version(doctor, cert_id), s.day(-4), chair_staff_id=s.chair)
        extended = sl.certificate(c, cert_id)
        assert [(p.date_from, p.date_to) for p in extended.periods] == [(s.day(-20), s.day(-11)),
                                                                           (s.day(-10), s.day(-4))]
        assert extended.periods[1].chair_staff_id == s.chair and extended.periods[1].chair_name
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.close(c, cert_id, version, return_date=s.day(-4))
        assert [v.code for v in refused.value.violations] == ["return_after_periods"]
        sl.close(c, cert_id, version, return_date=s.day(-3))
        closed = sl.certificate(c, cert_id)
        assert (closed.status, closed.return_date) == ("closed", s.day(-3))

    # The registrar prints it: valid for the blank, the DataMatrix decodes at 600 dpi, the printing audited.
    profile = DEFAULT_PROFILES[sorted(DEFAULT_PROFILES)[0]]
    layout = load_layout()
    with work(registrar) as c:
        data = slp.to_print(c, cert_id)
        assert validate_for_print(data, layout) == []
        assert slp.print_problems(c, cert_id) == []
        pdf = slp.print_pdf(c, cert_id, profile, on_blank=True)
        plain = slp.print_pdf(c, cert_id, profile, on_blank=False)
        events = sl.print_events(c, cert_id)
    assert is_pdf(pdf) and is_pdf(plain)
    assert data.number == FIRST and data.surname == "БОЛЬНИЧНОВ" and data.return_date == s.day(-3)
    assert [p.date_to for p in data.periods] == [s.day(-11), s.day(-4)]
    payload = datamatrix_payload(data).encode("utf-8")
    assert payload.startswith(f"LN1|{FIRST}|БОЛЬНИЧНОВ|ИВАН|ПЕТРОВИЧ|04.03.1980|".encode())
    image = rasterize(pdf, 600)[0].convert("L")
    left, top, modules, dots = datamatrix_geometry(layout, profile, payload)
    quiet = 2 * dots
    region = image.crop((left - quiet, top - quiet, left + modules * dots + quiet, top + modules * dots + quiet))
    assert [d.data for d in pylibdmtx.decode(region, max_count=1, timeout=20000)] == [payload]
    assert [(e.on_blank, e.number, e.printer_model) for e in events] == [(True, FIRST, profile.model),
                                                                          (False, FIRST, profile.model)]
    assert {e.printed_by for e in events} == {"registrar"}  # the login, not the namespaced role
    rows = _audit(clinic, "sick_leave_print_events", str(events[0].id))
    assert [(a.upper(), p, who) for a, p, _d, who in rows] == [("INSERT", s.patient, registrar.params.user)]
    # A draft is not printed.
    other = s.draft(doctor)
    with work(registrar) as c, pytest.raises(sl.SickLeaveRefused) as refused:
        sl.record_print(c, other, on_blank=True)
    assert "Only an issued or closed certificate" in str(refused.value)


def test_a_spoiled_blank_is_refilled_on_a_new_one_and_a_duplicate_replaces_the_original(clinic, s, doctor, registrar):
    cert_id, number = s.issued(doctor, -5, -1)
    with work(doctor) as c:
        sl.close(c, cert_id, _version(doctor, cert_id), return_date=s.day(0))
    # The registrar spoiled the blank while printing: refilled on a blank from stock.
    with work(registrar) as c, pytest.raises(sl.SickLeaveRefused) as refused:
        sl.spoil(c, cert_id, _version(registrar, cert_id), "   ", number=n(20))
    assert "reason" in str(refused.value)
    with work(registrar) as c:
        refill_id = sl.spoil(c, cert_id, _version(registrar, cert_id), "Замялся в принтере", number=n(20))
        spoiled, refill = sl.certificate(c, cert_id), sl.certificate(c, refill_id)
        assert (spoiled.status, spoiled.spoil_reason) == ("spoiled", "Замялся в принтере")
        assert (refill.status, refill.number, refill.replaces_id) == ("closed", n(20), cert_id)
        assert refill.issue_date == spoiled.issue_date and refill.return_date == s.day(0)
        assert [(p.date_from, p.date_to) for p in refill.periods] == [(p.date_from, p.date_to) for p in spoiled.periods]
        old_blank = bl.blank(c, number)
        assert (old_blank.state, old_blank.spoil_reason) == ("spoiled", "Замялся в принтере")
    # A spoiled blank is never used again: refused by the service and by the database.
    draft = s.draft(doctor)
    with work(doctor) as c:
        version = sl.add_period(c, draft, _version(doctor, draft), s.day(0), s.day(2))
        with pytest.raises(bl.BlankRefused) as refused:
            sl.issue(c, draft, version, number=number)
        assert "spoiled and can never be used again" in str(refused.value)
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE sick_leave_certificates SET status = 'issued', number = :n, issue_date = :d "
                       "WHERE id = :id"), {"n": number, "d": s.day(0), "id": draft})
    assert error.value.orig.sqlstate == "MC093"
    with clinic.connect() as admin, pytest.raises(psycopg.Error) as raw:
        admin.execute("UPDATE sick_leave_blanks SET state = 'in_stock' WHERE number = %s", (number,))
    assert raw.value.sqlstate == "MC093"
    # The patient lost the certificate: a duplicate on a new blank, the original marked.
    with work(registrar) as c:
        dup_id = sl.duplicate(c, refill_id, _version(registrar, refill_id), number=n(21))
        original, dup = sl.certificate(c, refill_id), sl.certificate(c, dup_id)
    assert original.status == "duplicate_issued"
    assert (dup.status, dup.duplicate, dup.original_id, dup.number) == ("closed", True, refill_id, n(21))
    with work(registrar) as c:
        assert slp.to_print(c, dup_id).duplicate is True
        with pytest.raises(sl.SickLeaveRefused):
            sl.duplicate(c, refill_id, _version(registrar, refill_id), number=n(22))
    # A registrar writes no new certificate of their own, nor releases from work.
    with work(registrar) as c, pytest.raises(sl.SickLeaveRefused) as refused:
        sl.create_draft(c, s.patient)
    assert "Only a doctor" in str(refused.value)
    fresh = s.draft(doctor)
    with work(registrar) as c, pytest.raises(sl.SickLeaveRefused) as refused:
        sl.add_period(c, fresh, _version(registrar, fresh), s.day(0), s.day(1),
                      doctor_position="ТЕРАПЕВТ", doctor_name="ИВАНОВ И.И.")
    assert "Only a doctor" in str(refused.value)


def test_a_number_is_used_once_and_only_from_the_received_batches(clinic, s, doctor):
    _cert, number = s.issued(doctor, -2, 2)
    draft = s.draft(doctor)
    with work(doctor) as c:
        version = sl.add_period(c, draft, _version(doctor, draft), s.day(0), s.day(2))
        with pytest.raises(bl.BlankRefused) as refused:
            sl.issue(c, draft, version, number=number)
        assert f"Blank {number} is already used" in str(refused.value)
        with pytest.raises(bl.BlankRefused) as refused:
            sl.issue(c, draft, version, number="000000009999")
        assert "outside the received batches" in str(refused.value)
    for bad, state in ((number, "MC092"), ("000000009999", "MC091")):
        with work(doctor) as c, pytest.raises(DBAPIError) as error:
            c.execute(text("UPDATE sick_leave_certificates SET status = 'issued', number = :n, issue_date = :d "
                           "WHERE id = :id"), {"n": bad, "d": s.day(0), "id": draft})
        assert error.value.orig.sqlstate == state
    # Even the owner cannot mark a blank used without its certificate, nor reuse a used one.
    with clinic.connect() as admin, pytest.raises(psycopg.Error) as raw:
        admin.execute("UPDATE sick_leave_blanks SET state = 'in_stock' WHERE number = %s", (number,))
    assert raw.value.sqlstate == "MC092"
    with work(doctor) as c:
        assert sl.issue(c, draft, _version(doctor, draft)) == n(2)  # the next blank the doctor holds


def test_continuation_chains_have_no_gap_nor_overlap(s, doctor):
    first_id, first_number = s.issued(doctor, -10, -3)
    with work(doctor) as c:
        cont_id = sl.continue_certificate(c, first_id, _version(doctor, first_id))
        cont = sl.certificate(c, cont_id)
        assert (cont.previous_id, cont.previous_number, cont.status) == (first_id, first_number, "draft")
        for start in (s.day(-1), s.day(-3)):  # a gap, an overlap
            with pytest.raises(SickLeaveRulesBroken) as refused:
                sl.add_period(c, cont_id, cont.version, start, s.day(3))
            assert [v.code for v in refused.value.violations] == ["continuation_chain"]
            expected = f"continuation of certificate {first_number} must start on {s.day(-2):%d.%m.%Y}"
            assert expected in str(refused.value)
        version = sl.add_period(c, cont_id, cont.version, s.day(-2), s.day(3))
        number = sl.issue(c, cont_id, version, issue_date=s.day(-2))
        previous = sl.certificate(c, first_id)
        assert (previous.status, previous.next_number, previous.other_code) == ("closed", number, "31")
        # Day 15 of the case is the last a doctor releases alone, across the chain.
        cont = sl.certificate(c, cont_id)
        with pytest.raises(SickLeaveRulesBroken):
            sl.extend(c, cont_id, cont.version, s.day(5))
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.continue_certificate(c, first_id, previous.version)
        assert "Only an issued certificate" in str(refused.value)


def test_care_for_a_family_member_follows_the_age_rules(s, doctor):
    member = {"age_years": 16, "age_months": 2, "relation_code": "38", "full_name": "Больничнова Анна Ивановна"}
    cert_id = s.draft(doctor, cause_code="09", care=[member])
    with work(doctor) as c:
        cert = sl.certificate(c, cert_id)
        assert cert.care == (sl.CareEntry(16, 2, "38", "Больничнова Анна Ивановна"),)
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.add_period(c, cert_id, cert.version, s.day(-4), s.day(0))
        assert [v.code for v in refused.value.violations] == ["care_commission"]
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.add_period(c, cert_id, cert.version, s.day(-8), s.day(0), chair_staff_id=s.chair)
        assert [v.code for v in refused.value.violations] == ["care_age"]
        assert "at most 7 days per case (9 days given)" in str(refused.value)
        version = sl.add_period(c, cert_id, cert.version, s.day(-6), s.day(0), chair_staff_id=s.chair)
        sl.issue(c, cert_id, version, issue_date=s.day(-6))
    child = dict(member, age_years=5)
    small = s.draft(doctor, cause_code="09", care=[child])
    with work(doctor) as c:
        version = sl.add_period(c, small, _version(doctor, small), s.day(-9), s.day(0))  # a child under 7: 10 days
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.set_fields(c, small, version, care=[child, child, child])
        assert "two family members" in str(refused.value)
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.set_fields(c, small, version, care=[dict(child, relation_code="99")])
        assert "99 is not a known family relation code" in str(refused.value)
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE sick_leave_certificates SET care = CAST(:c AS jsonb) WHERE id = :id"),
                  {"c": '[{"relation_code": "99", "full_name": "X"}]', "id": small})
    assert error.value.orig.sqlstate == "MC096"


def test_dates_in_the_future_are_refused(s, doctor):
    cert_id = s.draft(doctor)
    with work(doctor) as c:
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.add_period(c, cert_id, _version(doctor, cert_id), s.day(1), s.day(5))
        assert "is in the future" in str(refused.value)
        version = sl.add_period(c, cert_id, _version(doctor, cert_id), s.day(0), s.day(5))
        with pytest.raises(SickLeaveRulesBroken) as refused:
            sl.issue(c, cert_id, version, issue_date=s.day(1))
        assert {v.code for v in refused.value.violations} == {"no_future_dates"}
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.set_fields(c, cert_id, version, cause_code="77")
        assert "77 is not a known cause of incapacity code" in str(refused.value)
        assert sl.check(c, cert_id) == []
        number = sl.issue(c, cert_id, version)
        assert sl.certificate(c, cert_id).issue_date == s.today and number == FIRST
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.set_fields(c, cert_id, sl.certificate(c, cert_id).version, surname="Другой")
        assert "cannot be changed" in str(refused.value)


def test_row_security_grants_and_refused_attempts_audited(clinic, s, doctor, registrar, cashier):
    cert_id, number = s.issued(doctor, -2, 2)
    draft = s.draft(doctor)
    with work(doctor) as c:
        version = sl.add_period(c, draft, _version(doctor, draft), s.day(0), s.day(2))
    for _ in range(2):
        with pytest.raises(DomainError), work(doctor) as c:
            sl.issue(c, draft, version, number=number)
    rows = _audit(clinic, "sick_leave_certificates", str(draft), "REFUSED")
    assert len(rows) == 2 and {r[1] for r in rows} == {s.patient} and "already used" in rows[0][2]
    with pytest.raises(DomainError) as refused, work(registrar) as c:
        bl.spoil_blank(c, number, "Порван")  # a used blank is spoiled with its certificate
    assert "spoil the certificate instead" in str(refused.value)
    with pytest.raises(DomainError) as refused, work(doctor) as c:
        bl.spoil_blank(c, n(5), "Порван")  # the doctor does not write blanks off
    assert "does not allow" in str(refused.value)
    assert len(_audit(clinic, "sick_leave_blanks", number, "REFUSED")) == 1
    assert len(_audit(clinic, "sick_leave_blanks", n(5), "REFUSED")) == 1
    # The cashier has no access at all.
    with work(cashier) as c, pytest.raises(DBAPIError) as error:
        sl.certificate(c, cert_id)
    assert error.value.orig.sqlstate == "42501"
    # A doctor of the other organization sees none of the first's certificates, periods or blanks.
    other = make_login(clinic, ["medical_worker"], organization_ids=(2,))
    with connect_as(clinic, other) as conn:
        for table in ("sick_leave_certificates", "sick_leave_periods", "sick_leave_blanks",
                      "sick_leave_blank_batches", "sick_leave_print_events"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table  # noqa: S608
        assert conn.execute("SELECT count(*) FROM sick_leave_codes").fetchone()[0] == 38
        error = None
        try:
            conn.execute("UPDATE sick_leave_certificates SET employer = 'X' WHERE id = %s", (cert_id,))
        except psycopg.Error as exc:
            error = exc
        assert error is None  # no row visible: nothing updated
    with clinic.connect() as admin:
        assert admin.execute("SELECT employer FROM sick_leave_certificates WHERE id = %s",
                             (cert_id,)).fetchone()[0] == "ООО Ромашка"
    cashier_login = make_login(clinic, ["cashier"])
    with connect_as(clinic, cashier_login) as conn:
        try:
            conn.execute("SELECT count(*) FROM sick_leave_certificates")
        except psycopg.Error as exc:
            assert is_permission_denied(exc)
        else:
            raise AssertionError("the cashier reads certificates")


def test_the_rules_are_data_the_chief_doctor_tunes(clinic, s, doctor, registrar):
    with work(registrar) as c:
        assert [(x.code, x.name) for x in sl.codes(c, "relation")][:2] == [("38", "mother"), ("39", "father")]
        assert len(sl.codes(c)) == 38 and {x.kind for x in sl.codes(c)} == {
            "cause", "additional", "relation", "violation", "other"}
        rules = sl.active_rules(c)
        assert [r.code for r in rules][:2] == ["periods_required", "periods_count"]
        assert next(r for r in rules if r.code == "single_doctor_days").parameters == {"max_days": 15}
        with pytest.raises(sl.SickLeaveRefused) as refused:
            sl.set_rule(c, "single_doctor_days", parameters={"max_days": 20})
        assert "does not allow" in str(refused.value)
    chief = demo_login(clinic, "head", "HEAD-02")
    try:
        with work(chief) as c:
            sl.set_rule(c, "single_doctor_days", parameters={"max_days": 20})
    finally:
        chief.close()
    cert_id, _number = s.issued(doctor, -16, -7)
    with work(doctor) as c:
        sl.extend(c, cert_id, _version(doctor, cert_id), s.day(0))  # day 17, a doctor alone may now go to 20
        assert [c_.id for c_ in sl.certificates(c, s.org, statuses=["issued"])] == [cert_id]
        assert sl.certificate_by_number(c, FIRST).id == cert_id
