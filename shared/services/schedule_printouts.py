"""Builds the printed scheduling documents (`schedule_documents` DTOs) from the database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, text

from shared.services.schedule_documents import (
    BookingSlip,
    ScheduleDepartment,
    ScheduleRow,
    WorkScheduleDocument,
)


def work_schedule_document(connection: Connection, organization_id: int, first_day: dt.date,
                           days: int = 7) -> WorkScheduleDocument:
    """The week's (or ``days``') work schedule of staff resources, by department, from generated intervals."""
    from shared.services.calendar import calendar_between, hours_on, working_hours
    from shared.services.schedules import organization_zone, resources

    last_day = first_day + dt.timedelta(days=days - 1)
    zone = organization_zone(connection, organization_id)
    org = connection.execute(text("SELECT name, short_name, address, phone FROM organizations WHERE id = :o"),
                             {"o": organization_id}).one()
    calendar = calendar_between(connection, organization_id, first_day, last_day)
    weekly = working_hours(connection, organization_id)
    day_list = tuple(calendar)
    org_hours = tuple(h.text if (h := hours_on(calendar[d], weekly)) else "" for d in day_list)
    staff = [r for r in resources(connection, organization_id) if r.kind == "staff"]
    rows = connection.execute(text(
        "SELECT i.resource_id, i.day, lower(i.period) AS s, upper(i.period) AS e, coalesce(o.number, '') AS office "
        "FROM schedule_intervals i LEFT JOIN offices o ON o.id = i.office_id "
        "WHERE i.organization_id = :o AND i.kind = 'work' AND i.day BETWEEN :a AND :b ORDER BY i.resource_id, s"
    ), {"o": organization_id, "a": first_day, "b": last_day}).all()
    hours: dict[tuple[int, dt.date], list[str]] = {}
    offices: dict[int, list[str]] = {}
    for r in rows:
        s, e = r.s.astimezone(zone), r.e.astimezone(zone)
        end = "24:00" if e.date() > s.date() and e.hour == 0 and e.minute == 0 else e.strftime("%H:%M")
        hours.setdefault((r.resource_id, r.day), []).append(f"{s:%H:%M}–{end}")
        if r.office and r.office not in offices.setdefault(r.resource_id, []):
            offices[r.resource_id].append(r.office)
    by_department: dict[str, list[ScheduleRow]] = {}
    for res in staff:
        if not any((res.id, d) in hours for d in day_list):
            continue
        by_department.setdefault(res.department or "—", []).append(ScheduleRow(
            res.name, res.position, ", ".join(offices.get(res.id, ())),
            tuple(", ".join(hours.get((res.id, d), ())) for d in day_list)))
    departments = tuple(ScheduleDepartment(name, tuple(sorted(rows_, key=lambda x: (x.position, x.resource_name))))
                        for name, rows_ in sorted(by_department.items()))
    return WorkScheduleDocument(org.name, org.address, org.phone, day_list, org_hours, departments,
                                dt.date.today())


def booking_slip(connection: Connection, booking_id: int, printed_by: str = "") -> BookingSlip:
    from shared.services.booking import booking

    item = booking(connection, booking_id)
    org = connection.execute(text("SELECT short_name, address, phone FROM organizations WHERE id = :o"),
                             {"o": item.organization_id}).one()
    extra = connection.execute(text(
        "SELECT s.preparation, coalesce(p.name, '') AS position, r.kind, "
        "coalesce((SELECT c.number FROM medical_cards c WHERE c.patient_id = b.patient_id "
        "          AND c.organization_id = b.organization_id AND c.closed_on IS NULL ORDER BY c.id LIMIT 1), '') "
        "AS card, coalesce((SELECT o.floor FROM offices o WHERE o.number = :office "
        "                   AND o.organization_id = b.organization_id), 0) AS floor "
        "FROM bookings b JOIN medical_services s ON s.id = b.service_id "
        "JOIN schedule_resources r ON r.id = b.resource_id LEFT JOIN staff_members st ON st.id = r.staff_member_id "
        "LEFT JOIN positions p ON p.id = st.position_id WHERE b.id = :b"
    ), {"b": booking_id, "office": item.office}).one()
    office = ""
    if item.office:
        office = f"каб. {item.office}" + (f", {extra.floor} этаж" if extra.floor else "")
    return BookingSlip(
        organization_name=org.short_name, organization_address=org.address, organization_phone=org.phone,
        booking_number=str(item.id), patient_name=item.client_name, card_number=extra.card,
        service_name=item.service_name, doctor_name=item.resource_name if extra.kind == "staff" else "",
        doctor_position=extra.position, office=office, starts_at=item.starts_at, ends_at=item.ends_at,
        preparation=extra.preparation, booked_by=printed_by or item.booked_by,
        printed_at=dt.datetime.now(item.starts_at.tzinfo),
    )
