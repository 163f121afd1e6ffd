"""The administrator sets a card numbering rule; the registry's next card follows it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from shared.services import card_numbering, patients
from shared.services.patient_input import InvalidFields


def test_rule_set_by_the_administrator_numbers_the_next_card(clinic):
    admin = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    registrar = log_in(clinic.settings("REG-01"), "registrar", DEMO_PASSWORD)
    try:
        with admin.uow() as uow:
            conn = uow.session.connection()
            outpatient = conn.scalar(text("SELECT id FROM medical_card_types WHERE code = 'outpatient'"))
            rule = next(r for r in card_numbering.list_rules(conn)
                        if (r.organization_id, r.card_type_id) == (1, outpatient))
            card_numbering.set_rule(conn, 1, rule.card_type_id, prefix="Д-", with_year=False, digits=4, next_value=7)
            uow.commit()
        with admin.uow() as uow:
            updated = next(r for r in card_numbering.list_rules(uow.session.connection())
                           if (r.organization_id, r.card_type_id) == (1, rule.card_type_id))
        assert updated.example() == "Д-0007"
        with registrar.uow() as uow:  # the demo registrar keeps outpatient cards
            card = patients.open_card(uow.session.connection(), 1, 1, rule.card_type_id)
            uow.commit()
        assert card.number == "Д-0007"
    finally:
        admin.close()
        registrar.close()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"prefix": "X" * 11}, "prefix"),
        ({"prefix": "A\tB"}, "prefix"),
        ({"digits": 0}, "digits"),
        ({"digits": 13}, "digits"),
        ({"next_value": 0}, "next_value"),
        ({"digits": 2, "next_value": 100}, "next_value"),
    ],
)
def test_bad_rules_are_named(clinic, values, field):
    admin = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    try:
        args = {"prefix": "", "with_year": False, "digits": 6, "next_value": 1, **values}
        with admin.uow() as uow, pytest.raises(InvalidFields) as info:
            card_numbering.set_rule(uow.session.connection(), 1, 1, **args)
        assert field in info.value.errors
    finally:
        admin.close()
