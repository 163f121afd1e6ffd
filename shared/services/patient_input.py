"""Validation of what a registrar types about a client: every problem is reported at its field,
in one `InvalidFields` error, before anything is saved."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.identifiers import is_valid_enp, is_valid_snils

_NAME_RE = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'\- ]*$")
_EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
OLDEST_BIRTH = dt.date(1900, 1, 1)


class InvalidFields(DomainError):
    """Several fields are wrong; ``errors`` maps a field name to its (translatable) message."""

    message = QT_TRANSLATE_NOOP("DomainError", "Some fields are filled in wrongly: {fields}.")

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(fields=", ".join(self.errors))


@dataclass(frozen=True)
class PatientInput:
    last_name: str
    first_name: str
    middle_name: str = ""
    birth_date: str | dt.date = ""
    sex: str = ""
    snils: str = ""
    oms_policy: str = ""
    phones: tuple[str, ...] = field(default_factory=tuple)
    email: str = ""
    notify_sms: bool = True
    notify_email: bool = False


@dataclass(frozen=True)
class CleanPatient:
    last_name: str
    first_name: str
    middle_name: str
    birth_date: dt.date
    sex: str
    snils: str | None
    oms_policy: str | None
    phones: tuple[str, ...]
    email: str
    notify_sms: bool
    notify_email: bool


def parse_date(value: str | dt.date) -> dt.date:
    """dd.mm.yyyy, d.m.yy, yyyy-mm-dd; ValueError with a message for anything else."""
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})", text)
    if m:
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            this = dt.date.today().year % 100
            year += 2000 if year <= this else 1900
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if not m:
            raise ValueError(QT_TRANSLATE_NOOP("DomainError", "Enter the date as dd.mm.yyyy."))
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "There is no such date.")) from None


def normalize_phone(value: str) -> str:
    """Digits of a phone number; Russian numbers as 7XXXXXXXXXX. ValueError with a message."""
    text = value.strip()
    if re.search(r"[^\d\s+()\-.]", text):
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "A phone number has only digits, spaces, +, (, ) and -."))
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    elif len(digits) == 10 and digits[0] == "9":
        digits = "7" + digits
    if not 5 <= len(digits) <= 15:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "A phone number has 5 to 15 digits."))
    return digits


def digits_of(value: str) -> str:
    return re.sub(r"[\s\-]", "", value.strip())


def _name(value: str, errors: dict, key: str, required: bool) -> str:
    if any(unicodedata.category(c).startswith("C") for c in value):
        errors[key] = QT_TRANSLATE_NOOP("DomainError", "Remove tabs and line breaks.")
        return ""
    text = " ".join(value.split())
    if not text:
        if required:
            errors[key] = QT_TRANSLATE_NOOP("DomainError", "Required.")
        return ""
    if len(text) > 100:
        errors[key] = QT_TRANSLATE_NOOP("DomainError", "At most 100 characters.")
    elif not _NAME_RE.fullmatch(text):
        errors[key] = QT_TRANSLATE_NOOP("DomainError", "Only letters, spaces, hyphens and apostrophes.")
    return text[:1].upper() + text[1:]


def validate_patient(data: PatientInput, today: dt.date | None = None) -> CleanPatient:
    """Checks every field; raises `InvalidFields` naming each wrong one."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    last = _name(data.last_name, errors, "last_name", True)
    first = _name(data.first_name, errors, "first_name", True)
    middle = _name(data.middle_name, errors, "middle_name", False)
    birth = None
    if isinstance(data.birth_date, str) and not data.birth_date.strip():
        errors["birth_date"] = QT_TRANSLATE_NOOP("DomainError", "Required.")
    else:
        try:
            birth = parse_date(data.birth_date)
            if birth > today:
                errors["birth_date"] = QT_TRANSLATE_NOOP("DomainError", "The birth date is in the future.")
            elif birth < OLDEST_BIRTH:
                errors["birth_date"] = QT_TRANSLATE_NOOP("DomainError", "The birth date is before 1900.")
        except ValueError as exc:
            errors["birth_date"] = str(exc)
    if data.sex not in ("M", "F"):
        errors["sex"] = QT_TRANSLATE_NOOP("DomainError", "Choose the sex.")
    snils = digits_of(data.snils) or None
    if snils is not None and (len(snils) != 11 or not snils.isdigit()):
        errors["snils"] = QT_TRANSLATE_NOOP("DomainError", "A SNILS has 11 digits.")
    elif snils is not None and not is_valid_snils(snils):
        errors["snils"] = QT_TRANSLATE_NOOP("DomainError", "The SNILS check number does not match: a typo?")
    policy = digits_of(data.oms_policy) or None
    if policy is not None and (len(policy) != 16 or not policy.isdigit()):
        errors["oms_policy"] = QT_TRANSLATE_NOOP("DomainError", "A compulsory insurance policy number has 16 digits.")
    elif policy is not None and not is_valid_enp(policy):
        errors["oms_policy"] = QT_TRANSLATE_NOOP("DomainError", "The policy number's check digit does not match: a typo?")
    phones = []
    for raw in data.phones:
        if not raw.strip():
            continue
        try:
            phones.append(normalize_phone(raw))
        except ValueError as exc:
            errors["phones"] = str(exc)
    email = data.email.strip()
    if email and (len(email) > 254 or not _EMAIL_RE.fullmatch(email)):
        errors["email"] = QT_TRANSLATE_NOOP("DomainError", "Not an e-mail address.")
    if data.notify_email and not email:
        errors["email"] = QT_TRANSLATE_NOOP("DomainError", "E-mail notifications need an address.")
    if errors:
        raise InvalidFields(errors)
    return CleanPatient(last, first, middle, birth, data.sex, snils, policy, tuple(dict.fromkeys(phones)),
                        email, data.notify_sms, data.notify_email)
