"""Editing reference data as the administrator logs in: validation, unique and foreign-key errors,
optimistic locking with "changed by X at T", deactivation and deletion, hostile input."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from shared.errors import DomainError
from shared.identifiers import inn_check_digits, ogrn_check_digit
from shared.services import reference_admin as ra
from shared.services.reference_admin import (
    AlreadyExists,
    BlankField,
    ConcurrentEdit,
    ControlCharacters,
    DepartmentCycle,
    DismissedBeforeHired,
    InUse,
    InvalidDepartmentKind,
    InvalidInn,
    InvalidOgrn,
    InvalidOkpo,
    InvalidTimeZone,
    MissingReference,
    NotDigits,
    OtherOrganization,
    OutOfRange,
    RecordGone,
    TooLong,
)
from shared.services.users import NotPermitted


@pytest.fixture
def admin(clinic):
    session = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    yield session
    session.close()


def run(session, fn):
    """``fn(conn)`` in one committed unit of work, as a button press would."""
    with session.uow() as uow:
        result = fn(uow.session.connection())
        uow.commit()
        return result


INN = "770100000" + inn_check_digits("770100000")
OGRN = "102770000000" + ogrn_check_digit("102770000000")


def org_values(**kw) -> ra.OrganizationValues:
    base = dict(name="LLC Test Clinic", short_name="Test Clinic", inn=INN, ogrn=OGRN, address="Moscow\nTverskaya 1",
                phone="+7 495 111-22-33", time_zone="Asia/Yekaterinburg")
    return ra.OrganizationValues(**{**base, **kw})


def test_create_read_update_organization(admin):
    new_id = run(admin, lambda c: ra.create(c, "organizations", org_values()))
    record = run(admin, lambda c: ra.get_record(c, "organizations", new_id))
    assert record.values == org_values()
    assert record.version == 1
    changed = org_values(short_name="  Test Clinic No. 2  ")
    run(admin, lambda c: ra.update_record(c, "organizations", new_id, changed, version=record.version))
    again = run(admin, lambda c: ra.get_record(c, "organizations", new_id))
    assert again.values.short_name == "Test Clinic No. 2" and again.version == 2
    # The clinic's rule for services neither paid nor covered (the doctor's workstation follows it).
    run(admin, lambda c: ra.update_record(c, "organizations", new_id, org_values(unpaid_performance="warn"),
                                          version=again.version))
    assert run(admin, lambda c: ra.get_record(c, "organizations", new_id)).values.unpaid_performance == "warn"


@pytest.mark.parametrize(("values", "error"), [
    (dict(name="   "), BlankField),
    (dict(short_name=""), BlankField),
    (dict(inn=INN[:-1] + str((int(INN[-1]) + 1) % 10)), InvalidInn),
    (dict(inn="77010000O1"), InvalidInn),
    (dict(inn="７７０１０００００" + inn_check_digits("770100000")), InvalidInn),  # full-width digits
    (dict(ogrn=OGRN[:-1] + str((int(OGRN[-1]) + 1) % 10)), InvalidOgrn),
    (dict(time_zone="Mars/Olympus"), InvalidTimeZone),
    (dict(time_zone="../../etc/passwd"), InvalidTimeZone),
    (dict(time_zone=""), InvalidTimeZone),
    (dict(unpaid_performance="maybe"), ra.InvalidUnpaidRule),
    (dict(name="x" * 301), TooLong),
    (dict(phone="+7\t495"), ControlCharacters),
    (dict(name="Clinic\x00"), ControlCharacters),
    (dict(name="Clinic\nNo. 1"), ControlCharacters),
])
def test_organization_validation(admin, values, error):
    with pytest.raises(error) as caught:
        run(admin, lambda c: ra.create(c, "organizations", org_values(**values)))
    assert caught.value.render()  # a message, not a traceback


def test_unique_violations_name_the_field(admin):
    run(admin, lambda c: ra.create(c, "organizations", org_values()))
    other_inn = "770200000" + inn_check_digits("770200000")
    with pytest.raises(AlreadyExists) as caught:
        run(admin, lambda c: ra.create(c, "organizations", org_values(short_name="Other", inn=other_inn)))
    assert caught.value.params["field"] == "Name"
    with pytest.raises(AlreadyExists) as caught:
        run(admin, lambda c: ra.create(c, "organizations", org_values(name="Other LLC")))
    assert caught.value.params["field"] == "INN"
    with pytest.raises(AlreadyExists) as caught:
        run(admin, lambda c: ra.create(c, "offices", ra.OfficeValues(1, _existing_office_number(c), "Dup")))
    assert caught.value.params["field"] == "Number"


def _existing_office_number(conn) -> str:
    return conn.scalar(text("SELECT number FROM offices WHERE organization_id = 1 ORDER BY id LIMIT 1"))


HOSTILE = [
    "O'Brien \"Clinic\"",
    "Room; DROP TABLE offices; --",
    "100% _done_ \\ back\\slash",
    "Кабинет № 5 — «УЗИ»",
    "' OR 1=1 --",
    "$$; SELECT pg_sleep(10); $$",
    "emoji 🩺",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_stored_verbatim(admin, name):
    new_id = run(admin, lambda c: ra.create(c, "offices", ra.OfficeValues(1, "H-1", name, floor=2,
                                                                          equipment_notes=name + "\n" + name)))
    record = run(admin, lambda c: ra.get_record(c, "offices", new_id))
    assert record.values.name == name
    assert record.values.equipment_notes == name + "\n" + name
    # The LIKE-special characters are not patterns: exactly one row has this name.
    with admin.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM offices WHERE name = :n"), {"n": name}) == 1


@pytest.mark.parametrize(("values", "error"), [
    (dict(name="x" * 201), TooLong),
    (dict(number="1" * 21), TooLong),
    (dict(number="\x1b[31m"), ControlCharacters),
    (dict(floor=1000), OutOfRange),
    (dict(floor=-50), OutOfRange),
    (dict(department_id=999_999), MissingReference),
    (dict(organization_id=999_999), MissingReference),
])
def test_office_validation(admin, values, error):
    base = dict(organization_id=1, number="X-1", name="Test office")
    with pytest.raises(error):
        run(admin, lambda c: ra.create(c, "offices", ra.OfficeValues(**{**base, **values})))


def test_office_department_of_another_organization(admin):
    with admin.engine.connect() as conn:
        foreign = conn.scalar(text("SELECT id FROM departments WHERE organization_id = 2 LIMIT 1"))
    with pytest.raises(OtherOrganization):
        run(admin, lambda c: ra.create(c, "offices", ra.OfficeValues(1, "X-2", "Test", department_id=foreign)))


def test_departments_kind_and_nesting(admin):
    with pytest.raises(InvalidDepartmentKind):
        run(admin, lambda c: ra.create(c, "departments", ra.DepartmentValues(1, "Odd", kind="secret")))
    top = run(admin, lambda c: ra.create(c, "departments", ra.DepartmentValues(1, "Top", kind="outpatient")))
    sub = run(admin, lambda c: ra.create(c, "departments", ra.DepartmentValues(1, "Sub", parent_id=top)))
    record = run(admin, lambda c: ra.get_record(c, "departments", top))
    with pytest.raises(DepartmentCycle):
        run(admin, lambda c: ra.update_record(c, "departments", top, ra.DepartmentValues(1, "Top", parent_id=sub),
                                              version=record.version))
    with pytest.raises(DepartmentCycle):
        run(admin, lambda c: ra.update_record(c, "departments", top, ra.DepartmentValues(1, "Top", parent_id=top),
                                              version=record.version))


def test_staff_dates_and_references(admin):
    with admin.engine.connect() as conn:
        position = conn.scalar(text("SELECT id FROM positions ORDER BY id LIMIT 1"))
    base = dict(organization_id=1, position_id=position, last_name="Smith", first_name="Anna",
                hired_on=dt.date(2020, 1, 10))
    with pytest.raises(DismissedBeforeHired):
        run(admin, lambda c: ra.create(c, "staff", ra.StaffValues(**base, dismissed_on=dt.date(2019, 1, 1))))
    with pytest.raises(OutOfRange):
        run(admin, lambda c: ra.create(c, "staff", ra.StaffValues(**{**base, "hired_on": dt.date(1066, 1, 1)})))
    with pytest.raises(BlankField):
        run(admin, lambda c: ra.create(c, "staff", ra.StaffValues(**{**base, "first_name": " "})))
    with pytest.raises(MissingReference):
        run(admin, lambda c: ra.create(c, "staff", ra.StaffValues(**{**base, "position_id": 999_999})))
    new_id = run(admin, lambda c: ra.create(c, "staff", ra.StaffValues(**base, middle_name="d'Arc")))
    assert run(admin, lambda c: ra.get_record(c, "staff", new_id)).values.middle_name == "d'Arc"


def test_stale_version_names_who_changed_it_and_when(clinic, admin):
    office = run(admin, lambda c: ra.create(c, "offices", ra.OfficeValues(1, "C-1", "Concurrent")))
    mine = run(admin, lambda c: ra.get_record(c, "offices", office))
    other = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    try:
        theirs = run(other, lambda c: ra.get_record(c, "offices", office))
        run(other, lambda c: ra.update_record(c, "offices", office, ra.OfficeValues(1, "C-1", "Theirs"),
                                              version=theirs.version))
    finally:
        other.close()
    with pytest.raises(ConcurrentEdit) as caught:
        run(admin, lambda c: ra.update_record(c, "offices", office, ra.OfficeValues(1, "C-1", "Mine"),
                                              version=mine.version))
    assert caught.value.params["user"] == admin.user.full_name
    assert dt.datetime.now().strftime("%d.%m.%Y") in caught.value.params["time"]
    assert "Reload" in caught.value.render()
    assert run(admin, lambda c: ra.get_record(c, "offices", office)).values.name == "Theirs"


def test_stale_version_of_a_specialty(admin):
    new_id = run(admin, lambda c: ra.create(c, "specialties", ra.SpecialtyValues("T-01", "Test specialty")))
    first = run(admin, lambda c: ra.get_record(c, "specialties", new_id))
    run(admin, lambda c: ra.update_record(c, "specialties", new_id, ra.SpecialtyValues("T-01", "Renamed"),
                                          version=first.version))
    with pytest.raises(ConcurrentEdit):
        run(admin, lambda c: ra.update_record(c, "specialties", new_id, ra.SpecialtyValues("T-01", "Again"),
                                              version=first.version))


def test_deactivate_referenced_delete_unreferenced(admin):
    record = run(admin, lambda c: ra.get_record(c, "organizations", 1))
    with pytest.raises(InUse):
        run(admin, lambda c: ra.delete(c, "organizations", 1))
    run(admin, lambda c: ra.set_active(c, "organizations", 1, False, version=record.version))
    assert run(admin, lambda c: ra.get_record(c, "organizations", 1)).values.is_active is False
    with pytest.raises(ConcurrentEdit):  # the version moved on
        run(admin, lambda c: ra.set_active(c, "organizations", 1, True, version=record.version))
    card_type = run(admin, lambda c: ra.create(c, "card_types", ra.CardTypeValues("tmp", "Temporary", "000/u")))
    run(admin, lambda c: ra.delete(c, "card_types", card_type))
    with pytest.raises(RecordGone):
        run(admin, lambda c: ra.get_record(c, "card_types", card_type))
    with pytest.raises(RecordGone):
        run(admin, lambda c: ra.delete(c, "card_types", card_type))


def test_card_type_duplicate_code(admin):
    with admin.engine.connect() as conn:
        code = conn.scalar(text("SELECT code FROM medical_card_types ORDER BY id LIMIT 1"))
    with pytest.raises(AlreadyExists) as caught:
        run(admin, lambda c: ra.create(c, "card_types", ra.CardTypeValues(code, "Some new name")))
    assert caught.value.params["field"] == "Code"


def test_non_administrator_is_refused_by_the_database(clinic):
    session = log_in(clinic.settings("ADM-01"), "registrar", DEMO_PASSWORD)
    try:
        with pytest.raises(NotPermitted):
            run(session, lambda c: ra.create(c, "positions", ra.PositionValues("Janitor")))
    finally:
        session.close()


def test_every_error_renders_without_sql(admin):
    """No message a user may see quotes SQL or a constraint name."""
    failures: list[DomainError] = []
    attempts = [
        lambda c: ra.create(c, "positions", ra.PositionValues("x" * 10_000)),
        lambda c: ra.create(c, "positions", ra.PositionValues("\x00")),
        lambda c: ra.create(c, "specialties", ra.SpecialtyValues("", "")),
        lambda c: ra.delete(c, "positions", 1),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as caught:
            run(admin, attempt)
        failures.append(caught.value)
    for failure in failures:
        message = failure.render()
        assert "SELECT" not in message and "uq_" not in message and "fk_" not in message


def test_choices_and_lists(admin):
    found = run(admin, ra.choices)
    assert {o.id for o in found.organizations} >= {1, 2}
    assert "Europe/Moscow" in found.time_zones
    assert run(admin, ra.list_positions) and run(admin, ra.list_specialties)


# --- Cash desks ------------------------------------------------------------------------------------


def desk_values(**kw) -> ra.CashDeskValues:
    base = dict(organization_id=1, name="Desk 2", registrar_serial="0012345678", okpo="12345678")
    return ra.CashDeskValues(**{**base, **kw})


def test_cash_desk_create_edit_and_stale_version(clinic, admin):
    new_id = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(name="  Desk 2  ", okpo="")))
    record = run(admin, lambda c: ra.get_record(c, "cash_desks", new_id))
    assert record.values == desk_values(okpo="") and record.version == 1
    run(admin, lambda c: ra.update_record(c, "cash_desks", new_id, desk_values(okpo="1234567890"),
                                          version=record.version))
    again = run(admin, lambda c: ra.get_record(c, "cash_desks", new_id))
    assert again.values.okpo == "1234567890" and again.version == 2
    other = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    try:
        run(other, lambda c: ra.update_record(c, "cash_desks", new_id, desk_values(registrar_serial=""),
                                              version=again.version))
    finally:
        other.close()
    with pytest.raises(ConcurrentEdit) as caught:
        run(admin, lambda c: ra.update_record(c, "cash_desks", new_id, desk_values(name="Mine"),
                                              version=again.version))
    assert caught.value.params["user"] == admin.user.full_name
    saved = run(admin, lambda c: ra.get_record(c, "cash_desks", new_id))
    assert saved.values.registrar_serial == "" and saved.values.name == "Desk 2" and saved.version == 3
    row = next(r for r in run(admin, ra.list_cash_desks) if r.id == new_id)
    assert (row.name, row.registrar_serial, row.okpo, row.is_active) == ("Desk 2", "", "12345678", True)
    assert row.organization == run(admin, lambda c: c.scalar(text("SELECT short_name FROM organizations "
                                                                  "WHERE id = 1")))


@pytest.mark.parametrize(("values", "error", "field"), [
    (dict(okpo="1234567"), InvalidOkpo, "OKPO"),
    (dict(okpo="123456789"), InvalidOkpo, "OKPO"),
    (dict(okpo="12345678901"), TooLong, "OKPO"),
    (dict(okpo="1234567X"), InvalidOkpo, "OKPO"),
    (dict(okpo="１２３４５６７８"), InvalidOkpo, "OKPO"),  # full-width digits
    (dict(okpo="1234 5678"), InvalidOkpo, "OKPO"),
    (dict(registrar_serial="SN-001"), NotDigits, "Registrar No."),
    (dict(registrar_serial="1" * 21), NotDigits, "Registrar No."),
    (dict(registrar_serial="²³"), NotDigits, "Registrar No."),
    (dict(registrar_serial="12\t34"), ControlCharacters, "Registrar No."),
    (dict(name=" "), BlankField, "Name"),
    (dict(name="x" * 101), TooLong, "Name"),
    (dict(organization_id=999_999), MissingReference, "Organization"),
])
def test_cash_desk_validation_names_the_field(admin, values, error, field):
    with pytest.raises(error) as caught:
        run(admin, lambda c: ra.create(c, "cash_desks", desk_values(**values)))
    assert caught.value.params["field"] == field
    assert field in caught.value.render()


def test_cash_desk_serial_of_twenty_digits_and_empty_values_are_fine(admin):
    new_id = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(registrar_serial="9" * 20, okpo="")))
    assert run(admin, lambda c: ra.get_record(c, "cash_desks", new_id)).values.registrar_serial == "9" * 20


def test_cash_desk_name_is_unique_within_an_organization(admin):
    with admin.engine.connect() as conn:
        taken = conn.scalar(text("SELECT name FROM cash_desks WHERE organization_id = 1 ORDER BY id LIMIT 1"))
    with pytest.raises(AlreadyExists) as caught:
        run(admin, lambda c: ra.create(c, "cash_desks", desk_values(name=taken)))
    assert caught.value.params["field"] == "Name"
    assert "already exists" in caught.value.render()
    # The same name in another organization is another desk.
    new_id = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(name="Twin desk")))
    assert run(admin, lambda c: ra.create(c, "cash_desks", desk_values(organization_id=2, name="Twin desk")))
    # Renaming onto a taken name is refused the same way.
    record = run(admin, lambda c: ra.get_record(c, "cash_desks", new_id))
    with pytest.raises(AlreadyExists):
        run(admin, lambda c: ra.update_record(c, "cash_desks", new_id, desk_values(name=taken),
                                              version=record.version))


def test_cash_desk_of_any_organization_like_offices(admin):
    org = run(admin, lambda c: ra.create(c, "organizations", org_values()))
    desk = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(organization_id=org)))
    assert run(admin, lambda c: ra.get_record(c, "cash_desks", desk)).values.organization_id == org


def test_cash_desk_deactivated_and_a_used_one_not_deleted(clinic, admin):
    used = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(name="Used desk")))
    with clinic.connect(autocommit=True) as conn:  # as the desk would journal an X-report
        conn.execute("INSERT INTO cash_operations (organization_id, desk_id, kind, idempotency_key) "
                     "VALUES (1, %s, 'x_report', gen_random_uuid())", (used,))
    with pytest.raises(InUse):
        run(admin, lambda c: ra.delete(c, "cash_desks", used))
    record = run(admin, lambda c: ra.get_record(c, "cash_desks", used))
    run(admin, lambda c: ra.set_active(c, "cash_desks", used, False, version=record.version))
    assert run(admin, lambda c: ra.get_record(c, "cash_desks", used)).values.is_active is False
    assert not next(r for r in run(admin, ra.list_cash_desks) if r.id == used).is_active
    with pytest.raises(ConcurrentEdit):
        run(admin, lambda c: ra.set_active(c, "cash_desks", used, True, version=record.version))
    unused = run(admin, lambda c: ra.create(c, "cash_desks", desk_values(name="Unused desk")))
    run(admin, lambda c: ra.delete(c, "cash_desks", unused))
    with pytest.raises(RecordGone):
        run(admin, lambda c: ra.get_record(c, "cash_desks", unused))


def test_cashier_reads_cash_desks_but_cannot_set_them_up(clinic):
    session = log_in(clinic.settings("CASH-01"), "cashier", DEMO_PASSWORD)
    try:
        assert run(session, ra.list_cash_desks)
        with pytest.raises(NotPermitted):
            run(session, lambda c: ra.create(c, "cash_desks", desk_values(name="Cashier's own")))
    finally:
        session.close()
