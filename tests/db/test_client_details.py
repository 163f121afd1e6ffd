"""Documents, policies, addresses, consents and legal representatives of a client."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from shared.services import client_details as cd
from shared.services.patient_input import InvalidFields


def _in_uow(session, action):
    with session.uow() as uow:
        result = action(uow.session.connection())
        uow.commit()
        return result


def test_details_round_trip(registrar):
    child, mother = 10, 11

    def fill(conn):
        cd.add_document(conn, mother, "passport", "123456", series="45 12", issued_by="ОВД района",
                        issued_on="01.02.2010")
        cd.add_document(conn, child, "birth_certificate", "654321", series="IV-МЮ", issued_on="03.04.2015")
        cd.add_policy(conn, mother, "dms", "ДМС-77-001", insurer="СК «Пример»", valid_from="01.01.2026",
                      valid_to="31.12.2026")
        cd.set_address(conn, mother, "registration", "г. Москва,\nул. Садовая, д. 1")
        consent = cd.give_consent(conn, mother, dt.date.today(), "Обработка персональных данных для оказания услуг")
        cd.add_representative(conn, child, mother, "parent", valid_from="03.04.2015", valid_to="03.04.2033")
        return consent

    consent = _in_uow(registrar, fill)
    _in_uow(registrar, lambda c: cd.withdraw_consent(c, consent, dt.date.today()))
    details = _in_uow(registrar, lambda c: cd.client_details(c, mother))
    assert details.documents[0].series == "4512" and details.documents[0].number == "123456"
    assert any(p.kind == "dms" and p.insurer == "СК «Пример»" for p in details.policies)
    assert details.addresses[0].address == "г. Москва, ул. Садовая, д. 1"
    assert details.consents[0].withdrawn_on == dt.date.today()
    assert [w.patient_id for w in details.wards] == [child]
    active = _in_uow(registrar, lambda c: cd.active_representatives(c, child))
    assert [r.representative_id for r in active] == [mother]
    assert _in_uow(registrar, lambda c: cd.active_representatives(c, child, dt.date(2040, 1, 1))) == ()


ROWS = ("SELECT (SELECT count(*) FROM patient_documents) + (SELECT count(*) FROM patient_policies) + "
        "(SELECT count(*) FROM patient_addresses) + (SELECT count(*) FROM patient_consents) + "
        "(SELECT count(*) FROM legal_representatives)")


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (lambda c: cd.add_document(c, 10, "passport", "12345", series="4512"), "number"),
        (lambda c: cd.add_document(c, 10, "passport", "123456", series="45A2"), "series"),
        (lambda c: cd.add_document(c, 10, "passport", ""), "number"),
        (lambda c: cd.add_document(c, 10, "visa", "1"), "kind"),
        (lambda c: cd.add_document(c, 10, "other", "1", issued_on="31.02.2020"), "issued_on"),
        (lambda c: cd.add_document(c, 10, "other", "1", issued_on="01.01.2020", valid_until="01.01.2019"),
         "valid_until"),
        (lambda c: cd.add_document(c, 10, "other", "1\t2"), "number"),
        (lambda c: cd.add_policy(c, 10, "oms", "1234567890123456"), "number"),
        (lambda c: cd.add_policy(c, 10, "oms", "12345"), "number"),
        (lambda c: cd.add_policy(c, 10, "dms", "X-1"), "insurer"),
        (lambda c: cd.give_consent(c, 10, dt.date.today() + dt.timedelta(days=3), "x"), "given_on"),
        (lambda c: cd.give_consent(c, 10, dt.date.today(), ""), "scope"),
        (lambda c: cd.add_representative(c, 10, 10, "parent"), "representative"),
        (lambda c: cd.add_representative(c, 10, 11, "guardian"), "document"),
        (lambda c: cd.add_representative(c, 10, 11, "uncle"), "relation"),
        (lambda c: cd.set_address(c, 10, "registration", "x" * 501), "address"),
    ],
)
def test_bad_input_is_named_and_nothing_saved(registrar, action, field):
    with registrar.uow() as uow:
        conn = uow.session.connection()
        before = conn.scalar(text(ROWS))
        with pytest.raises(InvalidFields) as info:
            action(conn)
        assert field in info.value.errors
        assert conn.scalar(text(ROWS)) == before


def test_representative_named_twice(registrar):
    _in_uow(registrar, lambda c: cd.add_representative(c, 12, 13, "parent"))
    with registrar.uow() as uow, pytest.raises(InvalidFields):
        cd.add_representative(uow.session.connection(), 12, 13, "parent")


def test_remove_only_the_clients_own_entry(registrar):
    doc = _in_uow(registrar, lambda c: cd.add_document(c, 20, "other", "A-1"))
    with registrar.uow() as uow, pytest.raises(cd.DetailGone):
        cd.remove(uow.session.connection(), "document", doc, 21)  # not this client's
    _in_uow(registrar, lambda c: cd.remove(c, "document", doc, 20))
    with registrar.uow() as uow, pytest.raises(cd.DetailGone):
        cd.remove(uow.session.connection(), "document", doc, 20)  # already gone
