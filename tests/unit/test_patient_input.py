"""Validation of registration input: every bad field gets its own message, nothing else passes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.services.patient_input import (
    InvalidFields,
    PatientInput,
    normalize_phone,
    parse_date,
    validate_patient,
)

GOOD = PatientInput(last_name="Иванова", first_name="Мария", middle_name="Петровна", birth_date="12.03.1985",
                    sex="F", snils="112-233-445 95", oms_policy="8451999122899990", phones=("+7 (916) 123-45-67",),
                    email="m@example.org")


def test_good_input_is_cleaned():
    clean = validate_patient(GOOD)
    assert clean.birth_date == dt.date(1985, 3, 12)
    assert clean.snils == "11223344595" and clean.oms_policy == "8451999122899990"
    assert clean.phones == ("79161234567",)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"snils": "112-233-445 96"}, "snils"),
        ({"snils": "1122334459"}, "snils"),
        ({"birth_date": "31.02.1990"}, "birth_date"),
        ({"birth_date": (dt.date.today() + dt.timedelta(days=1)).strftime("%d.%m.%Y")}, "birth_date"),
        ({"birth_date": "01.01.1850"}, "birth_date"),
        ({"birth_date": "yesterday"}, "birth_date"),
        ({"birth_date": ""}, "birth_date"),
        ({"oms_policy": "845199912289999"}, "oms_policy"),
        ({"oms_policy": "8451999122899991"}, "oms_policy"),
        ({"phones": ("8 916 ABC-45-67",)}, "phones"),
        ({"phones": ("123",)}, "phones"),
        ({"last_name": "Иван0ва"}, "last_name"),
        ({"last_name": "И" * 500}, "last_name"),
        ({"last_name": ""}, "last_name"),
        ({"first_name": "   "}, "first_name"),
        ({"first_name": "Мария\tПетровна"}, "first_name"),
        ({"middle_name": "Петровна\n"}, "middle_name"),
        ({"sex": "X"}, "sex"),
        ({"email": "not an address"}, "email"),
        ({"email": "", "notify_email": True}, "email"),
    ],
)
def test_each_bad_field_is_named(changes, field):
    with pytest.raises(InvalidFields) as info:
        validate_patient(PatientInput(**{**GOOD.__dict__, **changes}))
    assert field in info.value.errors and info.value.errors[field]


def test_all_problems_at_once():
    with pytest.raises(InvalidFields) as info:
        validate_patient(PatientInput(last_name="", first_name="1", birth_date="32.13.2000", sex=""))
    assert {"last_name", "first_name", "birth_date", "sex"} <= set(info.value.errors)


def test_phone_formats():
    for typed in ("+7 916 123-45-67", "8(916)1234567", "9161234567", "7 916 123 45 67"):
        assert normalize_phone(typed) == "79161234567"


def test_dates():
    assert parse_date("1985-03-12") == parse_date("12.03.1985") == parse_date("12/3/1985") == dt.date(1985, 3, 12)


@given(st.text(max_size=200), st.text(max_size=200), st.text(max_size=30), st.text(max_size=30))
def test_any_text_validates_or_names_fields(last, first, birth, snils):
    try:
        validate_patient(PatientInput(last_name=last, first_name=first, birth_date=birth, sex="M", snils=snils))
    except InvalidFields as exc:
        assert exc.errors
