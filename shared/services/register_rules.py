"""Pure rules for payer registers (no database, no Qt).

At the end of a month the services performed under an agreement with a payer (an insurer, a company,
a compulsory-insurance fund) become a register in the payer's own service codes. The contracts clerk
keeps, per agreement, a list of mapping rules: "the clinic's service X (for a woman, 18 to 60 years
old, holding a DMS policy, with result Y) is the payer's service P at price Z".

This module decides which rule maps each performed service, finds rules that contradict each other,
validates rules and per-payer export settings, and writes the register as CSV or XML bytes. The
database layer feeds it rows and stores what it returns.

Mapping never drops a line: every performed service gets exactly one `Mapping`, whose state is
'mapped', 'unmapped' (no rule matches) or 'conflict' (the best-priority rules that match disagree).
The caller refuses to export while any line is not mapped; the export functions take only mapped
rows (`register_row` refuses the others).
"""

from __future__ import annotations

import collections.abc
import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.schedule_rules import age_on  # noqa: F401 - part of this module's API

MAPPED = "mapped"
UNMAPPED = "unmapped"
CONFLICT = "conflict"

SEXES = frozenset({"M", "F"})
POLICY_KINDS = frozenset({"oms", "dms"})
MAX_AGE = 150
# A unit price at or above this is a typing slip (an extra zero or two), not a tariff.
PRICE_LIMIT = Decimal("10000000")
CENT = Decimal("0.01")


# --- errors ---------------------------------------------------------------------------------------


class InvalidMappingRule(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The mapping rule cannot be saved: {reason}")
    translatable_params = ("reason",)


RULE_REASONS = {
    "payer_code": QT_TRANSLATE_NOOP("DomainError", "enter the payer's service code."),
    "payer_name": QT_TRANSLATE_NOOP("DomainError", "enter the payer's service name."),
    "age_negative": QT_TRANSLATE_NOOP("DomainError", "an age cannot be negative."),
    "age_absurd": QT_TRANSLATE_NOOP("DomainError", "an age is a whole number of years from 0 to 150."),
    "age_order": QT_TRANSLATE_NOOP("DomainError", "the lowest age is greater than the highest age."),
    "price_negative": QT_TRANSLATE_NOOP("DomainError", "the payer's price cannot be negative."),
    "price_absurd": QT_TRANSLATE_NOOP(
        "DomainError", "the payer's price must be less than 10,000,000: check for extra digits."),
    "price_number": QT_TRANSLATE_NOOP("DomainError", "the payer's price is not a number."),
    "sex": QT_TRANSLATE_NOOP("DomainError", "the sex must be male, female or any."),
    "policy_kind": QT_TRANSLATE_NOOP("DomainError", "the policy kind must be OMS, DMS or any."),
    "blank_condition": QT_TRANSLATE_NOOP(
        "DomainError", "a service code or service group condition is blank; leave it unset to mean any."),
}


def _rule_error(reason: str) -> InvalidMappingRule:
    return InvalidMappingRule(reason=RULE_REASONS[reason])


class InvalidRegisterFormat(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The register format setting \u201c{key}\u201d is wrong: {reason}")
    translatable_params = ("reason",)


FORMAT_REASONS = {
    "not_a_dict": QT_TRANSLATE_NOOP("DomainError", "the settings must be a set of named values."),
    "unknown_key": QT_TRANSLATE_NOOP("DomainError", "there is no such setting."),
    "format": QT_TRANSLATE_NOOP("DomainError", "the format must be \u201cxml\u201d or \u201ccsv\u201d."),
    "encoding": QT_TRANSLATE_NOOP("DomainError", "the encoding must be \u201cutf-8\u201d or \u201ccp1251\u201d."),
    "delimiter": QT_TRANSLATE_NOOP(
        "DomainError",
        "the delimiter must be one character that is not a letter, a digit, a quote or a line break."),
    "delimiter_encoding": QT_TRANSLATE_NOOP(
        "DomainError", "the delimiter cannot be written in the chosen encoding."),
    "columns_type": QT_TRANSLATE_NOOP("DomainError", "the columns must be a list of column names."),
    "columns_empty": QT_TRANSLATE_NOOP("DomainError", "choose at least one column."),
    "columns_unknown": QT_TRANSLATE_NOOP(
        "DomainError",
        "a column is not one of payer_code, payer_name, service_code, service_name, patient_name, "
        "birth_date, sex, policy_number, performed_on, quantity, price, amount, result_code, order_line_id."),
    "columns_repeated": QT_TRANSLATE_NOOP("DomainError", "a column is listed twice."),
    "xml_name": QT_TRANSLATE_NOOP(
        "DomainError",
        "an XML element name starts with a letter or an underscore and contains only letters, digits, "
        "hyphens, underscores and dots (no spaces, no colons, not starting with \u201cxml\u201d)."),
    "xml_name_encoding": QT_TRANSLATE_NOOP(
        "DomainError", "the element name cannot be written in the chosen encoding."),
    "xml_names_equal": QT_TRANSLATE_NOOP("DomainError", "the register and line elements need different names."),
    "boolean": QT_TRANSLATE_NOOP("DomainError", "the value must be true or false."),
}


def _format_error(key: Any, reason: str) -> InvalidRegisterFormat:
    text = key if isinstance(key, str) else repr(key)
    if len(text) > 40:
        text = text[:40] + "\u2026"
    return InvalidRegisterFormat(key=text, reason=FORMAT_REASONS[reason])


class UnmappedRegisterLine(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "Order line {order_line_id} ({service_name}) cannot go into the register: {reason}")
    translatable_params = ("reason",)


UNMAPPED_REASONS = {
    UNMAPPED: QT_TRANSLATE_NOOP("DomainError", "no mapping rule gives it a service code of the payer."),
    CONFLICT: QT_TRANSLATE_NOOP(
        "DomainError", "mapping rules of equal priority give it different service codes or prices of the payer."),
    "blank": QT_TRANSLATE_NOOP("DomainError", "its service code of the payer is blank."),
}


class UnencodableRegisterText(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "Line {line} of the register (order line {order_line_id}) cannot be written in {encoding}: "
        "the {column} \u201c{text}\u201d contains the character \u201c{character}\u201d ({codepoint}). "
        "Correct the text or choose UTF-8 for this payer.")
    translatable_params = ("column",)


class UnencodableHeaderText(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The register header cannot be written in {encoding}: the {column} \u201c{text}\u201d contains "
        "the character \u201c{character}\u201d ({codepoint}). Correct the text or choose UTF-8 for this payer.")
    translatable_params = ("column",)


class ControlCharacterInRegister(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "Line {line} of the register (order line {order_line_id}): the {column} \u201c{text}\u201d contains "
        "an invisible control character ({codepoint}) that the register file cannot carry. Correct the text.")
    translatable_params = ("column",)


class ControlCharacterInHeader(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The register header: the {column} \u201c{text}\u201d contains an invisible control character "
        "({codepoint}) that the register file cannot carry. Correct the text.")
    translatable_params = ("column",)


class InvalidRegisterPeriod(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The register period ends before it starts.")


# --- rules and services ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MappingRule:
    """One row of an agreement's mapping table. A condition left as None matches anything."""

    id: int
    priority: int  # lower number = considered first
    service_code: str | None  # the clinic's own service code; None = any
    service_group: str | None  # code of the clinic's service group; None = any
    sex: str | None  # 'M' / 'F' / None = any
    age_min: int | None  # patient age in whole years on the performed date, inclusive
    age_max: int | None
    policy_kind: str | None  # 'oms' / 'dms' / None; matches a patient holding a valid policy of that kind
    result_code: str | None  # the result of the service ('' is a value: "no result recorded"); None = any
    payer_code: str  # the payer's service code the line becomes
    payer_name: str  # the payer's service name
    payer_price: Decimal | None  # the payer's price per unit; None = keep the clinic's amount


@dataclass(frozen=True)
class PerformedService:
    """One order line performed in the period under the agreement."""

    order_line_id: int
    service_code: str
    service_group: str | None
    service_name: str
    patient_id: int | None
    patient_name: str
    patient_sex: str | None
    patient_birth_date: dt.date | None
    policy_kinds: frozenset[str]  # kinds of policies valid on the performed date
    policy_number: str  # the policy number relevant to the register ('' when none)
    performed_on: dt.date
    quantity: int
    amount: Decimal  # the clinic's amount of the line
    result_code: str


@dataclass(frozen=True)
class Mapping:
    """What became of one performed service.

    ``candidates`` are the matching rules of the best (lowest) priority, ordered by id; ``rule`` is the
    first of them when they agree and None otherwise. For an unmapped or conflicting line
    ``payer_code`` and ``payer_name`` are '' and ``amount`` is the clinic's amount (what is at stake).
    """

    service: PerformedService
    state: str  # MAPPED / UNMAPPED / CONFLICT
    rule: MappingRule | None
    candidates: tuple[MappingRule, ...]
    payer_code: str
    payer_name: str
    amount: Decimal

    @property
    def order_line_id(self) -> int:
        return self.service.order_line_id


@dataclass(frozen=True)
class RuleConflict:
    """Two rules of one priority that can both match one service but give different codes or prices."""

    first: MappingRule  # the one with the smaller id
    second: MappingRule


def _service_age(service: PerformedService) -> int | None:
    birth = service.patient_birth_date
    if birth is None or birth > service.performed_on:
        return None  # unknown (or impossible): no rule with an age condition matches
    return age_on(birth, service.performed_on)


def _matches(rule: MappingRule, service: PerformedService, age: int | None) -> bool:
    if rule.service_code is not None and rule.service_code != service.service_code:
        return False
    if rule.service_group is not None and rule.service_group != service.service_group:
        return False
    if rule.result_code is not None and rule.result_code != service.result_code:
        return False
    if rule.sex is not None and rule.sex != service.patient_sex:
        return False
    if rule.policy_kind is not None and rule.policy_kind not in service.policy_kinds:
        return False
    if rule.age_min is not None or rule.age_max is not None:
        if age is None:
            return False
        if rule.age_min is not None and age < rule.age_min:
            return False
        if rule.age_max is not None and age > rule.age_max:
            return False
    return True


def rule_matches(rule: MappingRule, service: PerformedService) -> bool:
    """Whether every condition the rule sets holds for the service.

    A rule with a sex or age condition does not match a patient whose sex or birth date is unknown.
    """
    return _matches(rule, service, _service_age(service))


def _line_amount(rule: MappingRule, service: PerformedService) -> Decimal:
    if rule.payer_price is None:
        return service.amount
    return (rule.payer_price * service.quantity).quantize(CENT, rounding=ROUND_HALF_UP)


def _rule_order(rule: MappingRule) -> tuple[int, int]:
    return rule.priority, rule.id


def _decide(service: PerformedService, candidates: Sequence[MappingRule], age: int | None) -> Mapping:
    """``candidates`` must be sorted by (priority, id)."""
    best: int | None = None
    matched: list[MappingRule] = []
    for rule in candidates:
        if best is not None and rule.priority > best:
            break
        if _matches(rule, service, age):
            best = rule.priority
            matched.append(rule)
    if not matched:
        return Mapping(service, UNMAPPED, None, (), "", "", service.amount)
    outcomes = {(rule.payer_code, rule.payer_price) for rule in matched}
    if len(outcomes) > 1:
        return Mapping(service, CONFLICT, None, tuple(matched), "", "", service.amount)
    chosen = matched[0]
    return Mapping(service, MAPPED, chosen, tuple(matched), chosen.payer_code, chosen.payer_name,
                   _line_amount(chosen, service))


def map_service(rules: Iterable[MappingRule], service: PerformedService) -> Mapping:
    """Maps one service: the matching rules of the lowest priority number decide.

    If they all give the same payer code and price the line is mapped (by the one with the smallest
    id, whose name is used); if they disagree it is a conflict and no rule is chosen; if none matches
    the line is unmapped.
    """
    return _decide(service, sorted(rules, key=_rule_order), _service_age(service))


class _RuleIndex:
    """Rules bucketed by the condition that narrows them most: service code, else group, else none.

    A service only needs the rules for its code, those for its group that name no code, and those
    naming neither; the merged, priority-ordered list is built once per (code, group) pair.
    """

    def __init__(self, rules: Iterable[MappingRule]) -> None:
        self._by_code: dict[str, list[MappingRule]] = {}
        self._by_group: dict[str, list[MappingRule]] = {}
        self._general: list[MappingRule] = []
        for rule in rules:
            if rule.service_code is not None:
                self._by_code.setdefault(rule.service_code, []).append(rule)
            elif rule.service_group is not None:
                self._by_group.setdefault(rule.service_group, []).append(rule)
            else:
                self._general.append(rule)
        self._merged: dict[tuple[str, str | None], tuple[MappingRule, ...]] = {}

    def candidates(self, code: str, group: str | None) -> tuple[MappingRule, ...]:
        key = (code, group)
        merged = self._merged.get(key)
        if merged is None:
            pool = list(self._by_code.get(code, ()))
            if group is not None:
                pool.extend(self._by_group.get(group, ()))
            pool.extend(self._general)
            merged = self._merged[key] = tuple(sorted(pool, key=_rule_order))
        return merged


def map_all(rules: Iterable[MappingRule], services: Iterable[PerformedService]) -> list[Mapping]:
    """One `Mapping` per service, in the order of ``services``; the same result as `map_service`."""
    index = _RuleIndex(rules)
    result: list[Mapping] = []
    append = result.append
    for service in services:
        append(_decide(service, index.candidates(service.service_code, service.service_group),
                       _service_age(service)))
    return result


def _age_range(rule: MappingRule) -> tuple[float, float] | None:
    """The ages a rule admits, or None when it sets no age condition (then it admits unknown ages too)."""
    if rule.age_min is None and rule.age_max is None:
        return None
    low = 0 if rule.age_min is None else max(rule.age_min, 0)
    high = float("inf") if rule.age_max is None else rule.age_max
    return low, high


def _may_overlap(a: MappingRule, b: MappingRule) -> bool:
    """Whether some service could match both rules."""
    for x, y in ((a.service_code, b.service_code), (a.service_group, b.service_group),
                 (a.sex, b.sex), (a.result_code, b.result_code)):
        if x is not None and y is not None and x != y:
            return False
    # Policy kinds never separate two rules: a patient may hold an OMS and a DMS policy at once.
    ranges = [r for r in (_age_range(a), _age_range(b)) if r is not None]
    low = max((r[0] for r in ranges), default=0)
    high = min((r[1] for r in ranges), default=float("inf"))
    return low <= high


def find_rule_conflicts(rules: Iterable[MappingRule]) -> list[RuleConflict]:
    """Pairs of rules of one priority that can both match one service but give different payer codes or
    prices, ordered by priority and ids. Mapping would report such services as conflicts.

    A service code and a group condition are treated as independent (which group a code belongs to is
    not known here), so a code rule and a group rule of one priority are reported when they disagree.
    """
    by_priority: dict[int, list[MappingRule]] = {}
    for rule in rules:
        by_priority.setdefault(rule.priority, []).append(rule)
    conflicts: list[RuleConflict] = []
    for priority in sorted(by_priority):
        same = sorted(by_priority[priority], key=lambda r: r.id)
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if (a.payer_code, a.payer_price) != (b.payer_code, b.payer_price) and _may_overlap(a, b):
                    conflicts.append(RuleConflict(a, b))
    return conflicts


def validate_rule(rule: MappingRule) -> None:
    """Refuses a rule the clerk cannot have meant. A rule with no condition at all is a catch-all."""
    if not (rule.payer_code or "").strip():
        raise _rule_error("payer_code")
    if not (rule.payer_name or "").strip():
        raise _rule_error("payer_name")
    if (rule.service_code is not None and not rule.service_code.strip()) or (
            rule.service_group is not None and not rule.service_group.strip()):
        raise _rule_error("blank_condition")
    if rule.sex is not None and rule.sex not in SEXES:
        raise _rule_error("sex")
    if rule.policy_kind is not None and rule.policy_kind not in POLICY_KINDS:
        raise _rule_error("policy_kind")
    for age in (rule.age_min, rule.age_max):
        if age is None:
            continue
        if isinstance(age, bool) or not isinstance(age, int):
            raise _rule_error("age_absurd")
        if age < 0:
            raise _rule_error("age_negative")
        if age > MAX_AGE:
            raise _rule_error("age_absurd")
    if rule.age_min is not None and rule.age_max is not None and rule.age_min > rule.age_max:
        raise _rule_error("age_order")
    price = rule.payer_price
    if price is not None:
        if not isinstance(price, Decimal) or not price.is_finite():
            raise _rule_error("price_number")
        if price < 0:
            raise _rule_error("price_negative")
        if price >= PRICE_LIMIT:
            raise _rule_error("price_absurd")


# --- register rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterHeader:
    payer_name: str
    payer_inn: str
    agreement_number: str
    period_from: dt.date
    period_to: dt.date
    register_number: str


@dataclass(frozen=True)
class RegisterRow:
    """One mapped line of the register: the values of every known column."""

    payer_code: str
    payer_name: str
    service_code: str
    service_name: str
    patient_name: str
    birth_date: dt.date | None
    sex: str  # 'M' / 'F' / '' when unknown
    policy_number: str
    performed_on: dt.date
    quantity: int
    price: Decimal  # per unit
    amount: Decimal
    result_code: str
    order_line_id: int


def register_row(mapping: Mapping) -> RegisterRow:
    """The register row of a mapped line; refuses an unmapped or conflicting one."""
    service = mapping.service
    if mapping.state != MAPPED or mapping.rule is None:
        raise UnmappedRegisterLine(order_line_id=service.order_line_id, service_name=service.service_name,
                                   reason=UNMAPPED_REASONS.get(mapping.state, UNMAPPED_REASONS[UNMAPPED]))
    if mapping.rule.payer_price is not None:
        price = mapping.rule.payer_price
    elif service.quantity:
        price = (mapping.amount / service.quantity).quantize(CENT, rounding=ROUND_HALF_UP)
    else:
        price = mapping.amount
    return RegisterRow(
        payer_code=mapping.payer_code,
        payer_name=mapping.payer_name,
        service_code=service.service_code,
        service_name=service.service_name,
        patient_name=service.patient_name,
        birth_date=service.patient_birth_date,
        sex=service.patient_sex or "",
        policy_number=service.policy_number,
        performed_on=service.performed_on,
        quantity=service.quantity,
        price=price,
        amount=mapping.amount,
        result_code=service.result_code,
        order_line_id=service.order_line_id,
    )


def register_totals(rows: Iterable[RegisterRow]) -> tuple[int, Decimal]:
    """(number of lines, total amount rounded to kopecks)."""
    count = 0
    total = Decimal("0")
    for row in rows:
        count += 1
        total += row.amount
    return count, total.quantize(CENT, rounding=ROUND_HALF_UP)


# --- export format --------------------------------------------------------------------------------

COLUMNS: tuple[str, ...] = (
    "payer_code", "payer_name", "service_code", "service_name", "patient_name", "birth_date", "sex",
    "policy_number", "performed_on", "quantity", "price", "amount", "result_code", "order_line_id",
)

# What a person is shown when a value of a column or header field cannot be written.
COLUMN_LABELS = {
    "payer_code": QT_TRANSLATE_NOOP("DomainError", "payer's service code"),
    "payer_name": QT_TRANSLATE_NOOP("DomainError", "payer's service name"),
    "service_code": QT_TRANSLATE_NOOP("DomainError", "service code"),
    "service_name": QT_TRANSLATE_NOOP("DomainError", "service name"),
    "patient_name": QT_TRANSLATE_NOOP("DomainError", "patient name"),
    "birth_date": QT_TRANSLATE_NOOP("DomainError", "birth date"),
    "sex": QT_TRANSLATE_NOOP("DomainError", "sex"),
    "policy_number": QT_TRANSLATE_NOOP("DomainError", "policy number"),
    "performed_on": QT_TRANSLATE_NOOP("DomainError", "date performed"),
    "quantity": QT_TRANSLATE_NOOP("DomainError", "quantity"),
    "price": QT_TRANSLATE_NOOP("DomainError", "price"),
    "amount": QT_TRANSLATE_NOOP("DomainError", "amount"),
    "result_code": QT_TRANSLATE_NOOP("DomainError", "result code"),
    "order_line_id": QT_TRANSLATE_NOOP("DomainError", "order line"),
}
HEADER_LABELS = {
    "payer_name": QT_TRANSLATE_NOOP("DomainError", "payer name"),
    "payer_inn": QT_TRANSLATE_NOOP("DomainError", "payer INN"),
    "agreement_number": QT_TRANSLATE_NOOP("DomainError", "agreement number"),
    "register_number": QT_TRANSLATE_NOOP("DomainError", "register number"),
}

FORMATS = ("xml", "csv")
# Accepted spellings -> the Python codec name kept in the format.
_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "cp1251": "cp1251", "windows-1251": "cp1251"}
# The name written into an XML declaration and shown to people.
_ENCODING_NAMES = {"utf-8": "UTF-8", "cp1251": "windows-1251"}
SETTING_KEYS = ("format", "encoding", "delimiter", "columns", "xml_root", "xml_row", "csv_header")

_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
# An XML 1.0 name without colons (a colon would declare a namespace prefix that is never bound).
_XML_NAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
# Characters XML 1.0 cannot carry at all (tab, line feed and carriage return are fine); refused in CSV
# too, since the payers' importers choke on them just the same.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def is_xml_name(name: str) -> bool:
    return (isinstance(name, str) and len(name) <= 100 and _XML_NAME.fullmatch(name) is not None
            and not name.lower().startswith("xml"))


@dataclass(frozen=True)
class RegisterFormat:
    """How one payer wants its register. Constructing it validates it; `from_settings` also checks types."""

    format: str = "xml"  # 'xml' or 'csv'
    encoding: str = "utf-8"  # 'utf-8' or 'cp1251'
    delimiter: str = ";"  # CSV only
    columns: tuple[str, ...] = COLUMNS
    xml_root: str = "register"  # XML only
    xml_row: str = "line"  # XML only
    csv_header: bool = True  # CSV only: a first line with the column names

    def __post_init__(self) -> None:
        if not isinstance(self.format, str) or self.format not in FORMATS:
            raise _format_error("format", "format")
        if not isinstance(self.encoding, str) or self.encoding not in _ENCODING_NAMES:
            raise _format_error("encoding", "encoding")
        d = self.delimiter
        if not isinstance(d, str) or len(d) != 1 or d.isalnum() or d in "\"'\r\n\x00" or _CONTROL.match(d):
            raise _format_error("delimiter", "delimiter")
        if not _encodable(d, self.encoding):
            raise _format_error("delimiter", "delimiter_encoding")
        if not isinstance(self.columns, tuple) or not all(isinstance(c, str) for c in self.columns):
            raise _format_error("columns", "columns_type")
        if not self.columns:
            raise _format_error("columns", "columns_empty")
        if any(c not in COLUMNS for c in self.columns):
            raise _format_error("columns", "columns_unknown")
        if len(set(self.columns)) != len(self.columns):
            raise _format_error("columns", "columns_repeated")
        for key in ("xml_root", "xml_row"):
            name = getattr(self, key)
            if not is_xml_name(name):
                raise _format_error(key, "xml_name")
            if not _encodable(name, self.encoding):
                raise _format_error(key, "xml_name_encoding")
        if self.xml_root == self.xml_row:
            raise _format_error("xml_row", "xml_names_equal")
        if not isinstance(self.csv_header, bool):
            raise _format_error("csv_header", "boolean")

    @classmethod
    def default(cls) -> RegisterFormat:
        """XML in UTF-8 with every column."""
        return cls()

    @classmethod
    def from_settings(cls, settings: collections.abc.Mapping[str, Any] | None) -> RegisterFormat:
        """The format from a payer's stored settings (e.g. a JSON object); missing keys take defaults.

        Refuses unknown keys, values of the wrong type and bad values with an error naming the key.
        Format and encoding are case-insensitive; 'utf8' and 'windows-1251' are accepted spellings.
        """
        if settings is None:
            return cls()
        if not isinstance(settings, collections.abc.Mapping):
            raise _format_error("settings", "not_a_dict")
        for key in settings:
            if key not in SETTING_KEYS:
                raise _format_error(key, "unknown_key")
        values: dict[str, Any] = {}
        if "format" in settings:
            value = settings["format"]
            if not isinstance(value, str) or value.strip().lower() not in FORMATS:
                raise _format_error("format", "format")
            values["format"] = value.strip().lower()
        if "encoding" in settings:
            value = settings["encoding"]
            if not isinstance(value, str) or value.strip().lower() not in _ENCODINGS:
                raise _format_error("encoding", "encoding")
            values["encoding"] = _ENCODINGS[value.strip().lower()]
        if "delimiter" in settings:
            value = settings["delimiter"]
            if not isinstance(value, str):
                raise _format_error("delimiter", "delimiter")
            values["delimiter"] = value
        if "columns" in settings:
            value = settings["columns"]
            if not isinstance(value, list | tuple):
                raise _format_error("columns", "columns_type")
            values["columns"] = tuple(value)
        for key in ("xml_root", "xml_row"):
            if key in settings:
                if not isinstance(settings[key], str):
                    raise _format_error(key, "xml_name")
                values[key] = settings[key]
        if "csv_header" in settings:
            if not isinstance(settings["csv_header"], bool):
                raise _format_error("csv_header", "boolean")
            values["csv_header"] = settings["csv_header"]
        return cls(**values)

    def to_settings(self) -> dict[str, Any]:
        """The settings to store; `from_settings` reads them back to an equal format."""
        return {"format": self.format, "encoding": self.encoding, "delimiter": self.delimiter,
                "columns": list(self.columns), "xml_root": self.xml_root, "xml_row": self.xml_row,
                "csv_header": self.csv_header}

    @property
    def encoding_name(self) -> str:
        """'UTF-8' or 'windows-1251', as an XML declaration and a person name them."""
        return _ENCODING_NAMES[self.encoding]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


# --- export ---------------------------------------------------------------------------------------


def _money(value: Decimal) -> str:
    q = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # never "-0.00"
    return format(q, "f")


def _date_text(value: dt.date | None, iso: bool) -> str:
    if value is None:
        return ""
    return value.isoformat() if iso else f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _formatter(column: str, iso_dates: bool) -> Callable[[RegisterRow], str]:
    get = attrgetter(column)
    if column in ("price", "amount"):
        return lambda row: _money(get(row))
    if column in ("birth_date", "performed_on"):
        return lambda row: _date_text(get(row), iso_dates)
    if column in ("quantity", "order_line_id"):
        return lambda row: str(get(row))
    return lambda row: get(row) or ""


def _codepoint(character: str) -> str:
    return f"U+{ord(character):04X}"


def _bad_character(text: str, encoding: str) -> tuple[str, str] | None:
    """('control', character) or ('encoding', character) for the first character a register cannot carry."""
    bad = _CONTROL.search(text)
    if bad:
        return "control", bad.group()
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        return "encoding", text[exc.start]
    return None


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "\u2026"


def _check_header(header: RegisterHeader, fmt: RegisterFormat) -> None:
    if header.period_to < header.period_from:
        raise InvalidRegisterPeriod()
    for name, label in HEADER_LABELS.items():
        text = getattr(header, name) or ""
        problem = _bad_character(text, fmt.encoding)
        if problem is None:
            continue
        kind, ch = problem
        if kind == "control":
            raise ControlCharacterInHeader(column=label, text=_short(text), codepoint=_codepoint(ch))
        raise UnencodableHeaderText(encoding=fmt.encoding_name, column=label, text=_short(text),
                                    character=ch, codepoint=_codepoint(ch))


def _row_cells(rows: Iterable[RegisterRow], fmt: RegisterFormat, iso_dates: bool) -> Iterator[list[str]]:
    """The text of the exported cells of each row, after checking that the row is mapped and writable."""
    formatters = [_formatter(column, iso_dates) for column in fmt.columns]
    encoding = fmt.encoding
    for number, row in enumerate(rows, start=1):
        if not (row.payer_code or "").strip():
            raise UnmappedRegisterLine(order_line_id=row.order_line_id, service_name=row.service_name,
                                       reason=UNMAPPED_REASONS["blank"])
        cells = [f(row) for f in formatters]
        # One check of the whole row (tab is a carriable character); the cells only when it fails.
        if _bad_character("\t".join(cells), encoding) is not None:
            for column, text in zip(fmt.columns, cells, strict=True):
                problem = _bad_character(text, encoding)
                if problem is None:
                    continue
                kind, ch = problem
                if kind == "control":
                    raise ControlCharacterInRegister(line=number, order_line_id=row.order_line_id,
                                                     column=COLUMN_LABELS[column], text=_short(text),
                                                     codepoint=_codepoint(ch))
                raise UnencodableRegisterText(line=number, order_line_id=row.order_line_id,
                                              encoding=fmt.encoding_name, column=COLUMN_LABELS[column],
                                              text=_short(text), character=ch, codepoint=_codepoint(ch))
        yield cells


def export_csv(header: RegisterHeader, rows: Sequence[RegisterRow], fmt: RegisterFormat) -> bytes:
    """The register as CSV: an optional line of column names, then one line per row (CRLF line ends).

    Dates are dd.mm.yyyy, money has a dot and two decimals; values holding the delimiter, quotes or
    line breaks are quoted. The header is checked (period, writable texts) but a CSV register carries
    only the table.
    """
    _check_header(header, fmt)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=fmt.delimiter, quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    if fmt.csv_header:
        writer.writerow(fmt.columns)
    writer.writerows(_row_cells(rows, fmt, iso_dates=False))
    return buffer.getvalue().encode(fmt.encoding)


def export_xml(header: RegisterHeader, rows: Sequence[RegisterRow], fmt: RegisterFormat) -> bytes:
    """The register as XML in the format's encoding, with a declaration naming it.

    The root element carries the header as attributes (payer_name, payer_inn, agreement_number,
    period_from, period_to, register_number, total_count, total_amount); each row is an element with
    one child element per column. Dates are ISO (yyyy-mm-dd), money has a dot and two decimals.
    """
    _check_header(header, fmt)
    count, total = register_totals(rows)
    root = ET.Element(fmt.xml_root, {
        "payer_name": header.payer_name or "",
        "payer_inn": header.payer_inn or "",
        "agreement_number": header.agreement_number or "",
        "period_from": header.period_from.isoformat(),
        "period_to": header.period_to.isoformat(),
        "register_number": header.register_number or "",
        "total_count": str(count),
        "total_amount": _money(total),
    })
    # Each line is built and serialized on its own: a tree of a hundred thousand lines costs several
    # times more (mostly the garbage collector walking it) and holds it all in memory.
    end_tag = f"</{fmt.xml_root}>"
    start_tag = ET.tostring(root, encoding="unicode", short_empty_elements=False)[:-len(end_tag)]
    parts = [f'<?xml version="1.0" encoding="{fmt.encoding_name}"?>\n', start_tag]
    columns = fmt.columns
    for cells in _row_cells(rows, fmt, iso_dates=True):
        line = ET.Element(fmt.xml_row)
        for column, text in zip(columns, cells, strict=True):
            ET.SubElement(line, column).text = text
        ET.indent(line, level=1)
        parts.append("\n  ")
        parts.append(ET.tostring(line, encoding="unicode"))
    parts.append("\n" + end_tag + "\n" if len(parts) > 2 else end_tag + "\n")
    return "".join(parts).encode(fmt.encoding)
