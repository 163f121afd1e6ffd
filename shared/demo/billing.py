"""Demo contracts: service groups, a retail price list, a corporate list, payers (a company, a voluntary
insurer, the compulsory insurance fund), a public offer, model and individual agreements, discount rules,
manual-discount limits, quotas and register mapping rules. Every name, INN and number is made up (INNs
and OGRNs carry valid check digits so that forms accept them)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import Connection, text

from shared.identifiers import inn_check_digits, ogrn_check_digit

# Service code prefix -> (group code, group name, retail price)
GROUPS = (
    ("CONS", "Консультации специалистов", "B01."),
    ("XRAY", "Лучевая диагностика", "A06."),
    ("US", "Ультразвуковая диагностика", "A04."),
)
RETAIL = {
    "B01.047.001": 1800, "B01.047.002": 1500, "B01.015.001": 2600, "B01.023.001": 2500, "B01.057.001": 2000,
    "B01.050.001": 2200, "B01.029.001": 2100, "B01.028.001": 2000, "B01.001.001": 2700, "B01.053.001": 2300,
    "B01.058.001": 2600, "B01.008.001": 2100, "B01.065.001": 1200, "A06.09.007": 1400, "A04.16.001": 2900,
    "A04.20.001": 2500,
}
CHECKUP_CODE = "K01.001"
CHECKUP_STEPS = ("B01.047.001", "A06.09.007", "A04.16.001", "B01.047.002")

# Manual discounts a job may give (percent).
MANUAL_LIMITS = {"registrar": Decimal(5), "receptionist": Decimal(5), "call_centre": Decimal(0),
                 "head_of_registry": Decimal(20), "contracts": Decimal(30), "head": Decimal(50)}


def _inn10(prefix: str) -> str:
    return prefix + inn_check_digits(prefix)


def _ogrn13(prefix: str) -> str:
    return prefix + ogrn_check_digit(prefix)


def seed_billing(connection: Connection, organization_ids: list[int], *, today: dt.date) -> dict[str, int]:
    """Fills contracts data for each organization; ``connection`` acts as the owner. Does not commit."""
    year_start = dt.date(today.year, 1, 1)
    counts = {"agreements": 0, "prices": 0}
    for index, org in enumerate(organization_ids):
        services = dict(connection.execute(text(
            "SELECT code, id FROM medical_services WHERE organization_id = :o"), {"o": org}).all())
        groups = {}
        for code, name, prefix in GROUPS:
            groups[code] = connection.scalar(text(
                "INSERT INTO service_groups (organization_id, code, name) VALUES (:o, :c, :n) RETURNING id"),
                {"o": org, "c": code, "n": name})
            connection.execute(text(
                "UPDATE medical_services SET group_id = :g WHERE organization_id = :o AND code LIKE :p"),
                {"g": groups[code], "o": org, "p": prefix + "%"})
        # A complex service: the annual check-up, a specification of four steps.
        if all(code in services for code in CHECKUP_STEPS):
            checkup = connection.scalar(text(
                "INSERT INTO medical_services (organization_id, code, name, kind, duration_minutes, group_id, "
                "preparation, indications) VALUES (:o, :c, 'Профилактический осмотр взрослого (комплекс)', "
                "'complex', 90, :g, 'Натощак; взять паспорт и полис.', 'Ежегодный профилактический осмотр.') "
                "RETURNING id"), {"o": org, "c": CHECKUP_CODE, "g": groups["CONS"]})
            for position, code in enumerate(CHECKUP_STEPS, start=1):
                connection.execute(text(
                    "INSERT INTO service_components (organization_id, complex_service_id, position, "
                    "component_service_id, optional) VALUES (:o, :c, :p, :s, :opt)"),
                    {"o": org, "c": checkup, "p": position, "s": services[code], "opt": code == "A06.09.007"})
            services[CHECKUP_CODE] = checkup
        retail = connection.scalar(text(
            "INSERT INTO price_lists (organization_id, name, is_default, note) VALUES (:o, 'Розничный прейскурант', "
            "true, 'Цены для пациентов, оплачивающих услуги лично.') RETURNING id"), {"o": org})
        corporate = connection.scalar(text(
            "INSERT INTO price_lists (organization_id, name) VALUES (:o, 'Корпоративный прейскурант') RETURNING id"),
            {"o": org})
        for code, service_id in services.items():
            price = Decimal(RETAIL.get(code, 6500))
            for list_id, amount in ((retail, price), (corporate, (price * Decimal("0.9")).quantize(Decimal(1)))):
                connection.execute(text(
                    "INSERT INTO prices (organization_id, price_list_id, service_id, valid, amount) "
                    "VALUES (:o, :l, :s, daterange(:f, NULL), :a)"),
                    {"o": org, "l": list_id, "s": service_id, "f": year_start, "a": amount})
                counts["prices"] += 1
        digits = f"{77 + index:02d}"
        company = _payer(connection, org, "company", "ООО «Демо-Техника»", _inn10(f"{digits}0100001"),
                         f"{digits}0101001", _ogrn13(f"10{digits}7000000{index:1d}"[:12]), "г. Демоград, ул. Заводская, 1")
        insurer = _payer(connection, org, "insurer", "АО «Страховая компания «Демо-Полис»",
                         _inn10(f"{digits}0200002"), f"{digits}0201001",
                         _ogrn13(f"10{digits}7000001{index:1d}"[:12]), "г. Демоград, пр. Страховой, 5",
                         register_format={"format": "csv", "encoding": "cp1251", "delimiter": ";"})
        fund = _payer(connection, org, "oms_fund", "ТФОМС Демонстрационной области", _inn10(f"{digits}0300003"),
                      f"{digits}0301001", _ogrn13(f"10{digits}7000002{index:1d}"[:12]), "г. Демоград, ул. Фондовая, 9",
                      register_format={"format": "xml", "encoding": "utf-8", "xml_root": "ZL_LIST",
                                       "xml_row": "SLUCH"})
        offer = _agreement(connection, org, "model", f"ПО-{today.year}", "Публичная оферта на оказание платных "
                           "медицинских услуг", None, year_start, None, retail, 0, public_offer=True)
        model_company = _agreement(connection, org, "model", f"М-К-{today.year}", "Типовой договор с организацией "
                                   "на медицинское обслуживание сотрудников", None, year_start, None, corporate, 0,
                                   due_days=10, status="active")
        model_insurer = _agreement(connection, org, "model", f"М-С-{today.year}", "Типовой договор со страховой "
                                   "компанией (ДМС)", None, year_start, None, retail, 10, due_days=30,
                                   status="active")
        company_agreement = _agreement(connection, org, "individual", f"К-{today.year}/{index + 1}",
                                       "Договор на медицинское обслуживание сотрудников", company, year_start,
                                       dt.date(today.year, 12, 31), corporate, 0, model=model_company, due_days=10)
        insurer_agreement = _agreement(connection, org, "individual", f"ДМС-{today.year}/{index + 1}",
                                       "Договор ДМС", insurer, year_start, dt.date(today.year, 12, 31), retail, 10,
                                       model=model_insurer, due_days=30, covers_all=False)
        for code in ("B01.047.001", "B01.047.002", "B01.015.001", "A04.16.001", "A06.09.007"):
            if code in services:
                connection.execute(text(
                    "INSERT INTO agreement_services (agreement_id, service_id, organization_id) VALUES (:a, :s, :o)"),
                    {"a": insurer_agreement, "s": services[code], "o": org})
        oms_agreement = _agreement(connection, org, "individual", f"ОМС-{today.year}/{index + 1}",
                                   "Договор на оказание и оплату медицинской помощи по ОМС", fund, year_start,
                                   dt.date(today.year, 12, 31), retail, 0, covers_all=False)
        for code in ("B01.047.001", "B01.047.002", "A06.09.007"):
            if code in services:
                connection.execute(text(
                    "INSERT INTO agreement_services (agreement_id, service_id, organization_id, price) "
                    "VALUES (:a, :s, :o, :p)"),
                    {"a": oms_agreement, "s": services[code], "o": org, "p": Decimal(RETAIL[code]) / 2})
        counts["agreements"] += 6
        del offer
        # The company pays monthly: a payment schedule for the year.
        for month in range(1, 13):
            connection.execute(text(
                "INSERT INTO agreement_payments (organization_id, agreement_id, due_on, amount) VALUES (:o, :a, :d, 50000)"),
                {"o": org, "a": company_agreement, "d": dt.date(today.year, month, 10)})
        connection.execute(text(
            "INSERT INTO discount_rules (organization_id, name, percent, age_min) VALUES (:o, 'Пенсионерам', 10, 65)"),
            {"o": org})
        connection.execute(text(
            "INSERT INTO discount_rules (organization_id, name, percent, service_group_id, weekdays, time_from, "
            "time_to) VALUES (:o, 'Утренние часы УЗИ', 5, :g, '{1,2,3,4,5}', 480, 600)"), {"o": org, "g": groups["US"]})
        for job, limit in MANUAL_LIMITS.items():
            connection.execute(text(
                "INSERT INTO manual_discount_limits (organization_id, job, max_percent) VALUES (:o, :j, :p)"),
                {"o": org, "j": job, "p": limit})
        month_start = today.replace(day=1)
        month_end = (month_start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        connection.execute(text(
            "INSERT INTO quotas (organization_id, name, source, agreement_id, period_from, period_to, limit_count, "
            "limit_amount) VALUES (:o, 'ДМС: лимит месяца', 'external', :a, :f, :t, 200, 500000)"),
            {"o": org, "a": insurer_agreement, "f": month_start, "t": month_end})
        connection.execute(text(
            "INSERT INTO quotas (organization_id, name, source, agreement_id, service_group_id, period_from, "
            "period_to, limit_count) VALUES (:o, 'ОМС: рентгенография, объёмы месяца', 'external', :a, :g, :f, :t, 150)"),
            {"o": org, "a": oms_agreement, "g": groups["XRAY"], "f": month_start, "t": month_end})
        for priority, code, payer_code, payer_name in (
                (10, "B01.047.001", "2.78.1", "Посещение терапевта с профилактической целью"),
                (10, "B01.047.002", "2.78.2", "Повторное посещение терапевта"),
                (10, "A06.09.007", "4.1.7", "Рентгенография органов грудной клетки")):
            connection.execute(text(
                "INSERT INTO register_mapping_rules (organization_id, payer_id, priority, service_id, payer_code, "
                "payer_name) VALUES (:o, :p, :pr, :s, :c, :n)"),
                {"o": org, "p": fund, "pr": priority, "s": services[code], "c": payer_code, "n": payer_name})
        connection.execute(text(
            "INSERT INTO register_mapping_rules (organization_id, payer_id, priority, service_group_id, payer_code, "
            "payer_name) VALUES (:o, :p, 50, :g, 'ДМС-КОНС', 'Консультация специалиста')"),
            {"o": org, "p": insurer, "g": groups["CONS"]})
        connection.execute(text(
            "INSERT INTO register_mapping_rules (organization_id, payer_id, priority, service_group_id, payer_code, "
            "payer_name) VALUES (:o, :p, 50, :g, 'ДМС-ДИАГ', 'Инструментальная диагностика')"),
            {"o": org, "p": insurer, "g": groups["US"]})
        connection.execute(text(
            "UPDATE organizations SET kpp = :kpp, bank_name = 'ПАО «Демобанк»', bank_bik = '044500001', "
            "bank_account = '40702810000000000001', bank_corr_account = '30101810000000000001', "
            "head_name = 'Главный врач', accountant_name = 'Главный бухгалтер' WHERE id = :o"),
            {"o": org, "kpp": f"{digits}0001001"})
    return counts


def _payer(connection: Connection, org: int, kind: str, name: str, inn: str, kpp: str, ogrn: str, address: str,
           register_format: dict | None = None) -> int:
    return connection.scalar(text(
        "INSERT INTO payers (organization_id, kind, name, inn, kpp, ogrn, address, register_format) "
        "VALUES (:o, :k, :n, :i, :kpp, :ogrn, :a, CAST(:f AS jsonb)) RETURNING id"),
        {"o": org, "k": kind, "n": name, "i": inn, "kpp": kpp, "ogrn": ogrn, "a": address,
         "f": json.dumps(register_format or {})})


def _agreement(connection: Connection, org: int, kind: str, number: str, name: str, payer: int | None,
               valid_from: dt.date, valid_to: dt.date | None, price_list: int, adjustment: float, *,
               public_offer: bool = False, model: int | None = None, due_days: int | None = None,
               status: str = "active", covers_all: bool = True) -> int:
    return connection.scalar(text(
        "INSERT INTO agreements (organization_id, kind, model_id, number, name, payer_id, signed_on, valid_from, "
        "valid_to, price_list_id, adjustment_percent, covers_all_services, is_public_offer, payment_due_days, status) "
        "VALUES (:o, :k, :m, :num, :n, :p, :f, :f, :t, :l, :adj, :all, :po, :due, :st) RETURNING id"),
        {"o": org, "k": kind, "m": model, "num": number, "n": name, "p": payer, "f": valid_from, "t": valid_to,
         "l": price_list, "adj": adjustment, "all": covers_all, "po": public_offer, "due": due_days, "st": status})
