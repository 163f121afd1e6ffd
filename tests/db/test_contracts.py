"""Contracts and orders on PostgreSQL: price resolution (a table of cases), bad input of the catalogue
and agreements, discounts within job limits, quotas under a real concurrent race, and orders from
creation to the printed route sheet and invoice -- as the contracts clerk, the registrar and the head
of registry, through the real row-level security and grants."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import text

from shared.services import catalogue, contracts, orders, pricing
from shared.services.concurrency import ConcurrentEdit
from tests.db.demo_sessions import demo_login, work

UTC = dt.UTC
TODAY = dt.date.today()
NOON = dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=UTC)  # 12:00 in Moscow


class Demo:
    """Ids of the demo contracts data of the registrar's organization."""

    def __init__(self, conn, org: int) -> None:
        self.org = org

        def one(sql: str, **params):
            return conn.scalar(text(sql), {"o": org, **params})

        def service(code: str) -> int:
            return one("SELECT id FROM medical_services WHERE organization_id = :o AND code = :c", c=code)

        self.therapist = service("B01.047.001")
        self.neurologist = service("B01.023.001")
        self.ultrasound = service("A04.16.001")
        self.xray = service("A06.09.007")
        self.company = one("SELECT id FROM payers WHERE organization_id = :o AND kind = 'company'")
        self.insurer = one("SELECT id FROM payers WHERE organization_id = :o AND kind = 'insurer'")
        self.fund = one("SELECT id FROM payers WHERE organization_id = :o AND kind = 'oms_fund'")
        self.insurer_agreement = one("SELECT id FROM agreements WHERE payer_id = :p", p=self.insurer)
        self.company_agreement = one("SELECT id FROM agreements WHERE payer_id = :p", p=self.company)
        self.offer = one("SELECT id FROM agreements WHERE organization_id = :o AND is_public_offer")
        self.retail = one("SELECT id FROM price_lists WHERE organization_id = :o AND is_default")
        self.model_company = one("SELECT id FROM agreements WHERE organization_id = :o AND kind = 'model' "
                                 "AND number LIKE 'М-К-%'")
        # An adult client (40) and a pensioner (70), made up for the tests.
        self.adult = self._client(conn, "Тестов", dt.date(TODAY.year - 40, 1, 15))
        self.pensioner = self._client(conn, "Стариков", dt.date(TODAY.year - 70, 1, 15))

    @staticmethod
    def _client(conn, last: str, birth: dt.date) -> int:
        return conn.scalar(text(
            "INSERT INTO patients (last_name, first_name, birth_date, sex) VALUES (:l, 'Тест', :b, 'M') RETURNING id"),
            {"l": last, "b": birth})


@pytest.fixture
def demo(registrar) -> Demo:
    with work(registrar) as c:
        return Demo(c, registrar.organization_id)


def _quote(session, service: int, **kwargs) -> pricing.Quote:
    with session.uow() as uow:
        return pricing.resolve_price(uow.session.connection(), service, moment=NOON, **kwargs)


# --- price resolution: a table of cases -----------------------------------------------------------------------

CASES = [
    # (case, service attr, payer attr, patient attr, expected unit price, expected amount, reason fragment)
    ("retail under the public offer", "therapist", None, "adult", "1800.00", "1800.00", "public offer"),
    ("retail, pensioner discount", "therapist", None, "pensioner", "1800.00", "1620.00", "Пенсионерам"),
    ("insurer with a 10% markup", "therapist", "insurer", "adult", "1980.00", "1980.00", "Markup"),
    ("company with its own list", "therapist", "company", "adult", "1620.00", "1620.00", "Корпоративный"),
]


@pytest.mark.parametrize("case, service, payer, patient, price, amount, why", CASES, ids=[c[0] for c in CASES])
def test_price_resolution(registrar, demo, case, service, payer, patient, price, amount, why):
    quote = _quote(registrar, getattr(demo, service), payer_id=getattr(demo, payer) if payer else None,
                   patient_id=getattr(demo, patient))
    assert quote.price == Decimal(price), case
    assert quote.amount == Decimal(amount), case
    assert any(why in r.render() for r in quote.reasons), [r.render() for r in quote.reasons]


def test_price_for_a_service_the_insurer_does_not_cover(registrar, demo):
    with pytest.raises(pricing.PriceNotResolved) as caught:
        _quote(registrar, demo.neurologist, payer_id=demo.insurer)
    assert "does not cover" in str(caught.value)


def test_expired_agreement_is_refused_with_its_period(clerk, registrar, demo):
    with work(clerk) as c:
        payer = contracts.save_payer(c, demo.org, contracts.PayerEntry(
            id=None, kind="company", name="ООО «Истёкший тест»", inn="7707083893"))
        contracts.save_agreement(c, demo.org, contracts.AgreementEntry(
            id=None, kind="individual", number="ИСТ-1", name="Истёкший договор", payer_id=payer,
            valid_from=TODAY - dt.timedelta(days=400), valid_to=TODAY - dt.timedelta(days=35), status="active"))
    with pytest.raises(pricing.PriceNotResolved) as caught:
        _quote(registrar, demo.therapist, payer_id=payer)
    assert "ИСТ-1" in str(caught.value) and "does not cover" in str(caught.value)


def test_retail_without_the_offer_uses_the_default_list(clerk, registrar, demo):
    with work(clerk) as c:
        c.execute(text("UPDATE agreements SET status = 'closed' WHERE id = :a"),
                                         {"a": demo.offer})
    quote = _quote(registrar, demo.ultrasound, patient_id=demo.adult)
    assert quote.agreement_id is None and quote.price_list_id == demo.retail
    assert quote.base_price == Decimal("2900.00")


def test_morning_ultrasound_discount_follows_day_and_time(registrar, demo):
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    morning = dt.datetime.combine(monday, dt.time(6, 0), tzinfo=UTC)  # 09:00 in Moscow
    evening = dt.datetime.combine(monday, dt.time(15, 0), tzinfo=UTC)
    with work(registrar) as c:
        early = pricing.resolve_price(c, demo.ultrasound, patient_id=demo.adult, moment=morning)
        late = pricing.resolve_price(c, demo.ultrasound, patient_id=demo.adult, moment=evening)
    assert early.discount_amount == Decimal("145.00") and late.discount_amount == 0


def test_new_price_closes_the_open_one_and_refuses_overlaps(clerk, demo):
    with work(clerk) as c:
        start = TODAY + dt.timedelta(days=10)
        catalogue.set_price(c, demo.retail, demo.therapist, "1 950,00", start)
        assert catalogue.price_on(c, demo.retail, demo.therapist, start - dt.timedelta(days=1)) == Decimal("1800.00")
        assert catalogue.price_on(c, demo.retail, demo.therapist, start) == Decimal("1950.00")
        catalogue.set_price(c, demo.retail, demo.xray, 1500, start, start + dt.timedelta(days=5))
        with pytest.raises(catalogue.PricePeriodOverlaps):
            catalogue.set_price(c, demo.retail, demo.xray, 1600, start + dt.timedelta(days=2),
                                start + dt.timedelta(days=3))
        for absurd in (-1, "10000000", "abc", "12.345", float("nan")):
            with pytest.raises(catalogue.InvalidPrice):
                catalogue.set_price(c, demo.retail, demo.xray, absurd, start + dt.timedelta(days=30))
        # Nothing of the refused prices was stored.
        assert len([p for p in catalogue.prices(c, demo.retail) if p.service_id == demo.xray]) == 3
        # Deleting the newest price puts the one it had closed back in force.
        newest = next(p for p in catalogue.prices(c, demo.retail) if p.service_id == demo.therapist
                      and p.valid_from == start)
        catalogue.delete_price(c, newest.id)
        assert catalogue.price_on(c, demo.retail, demo.therapist, start + dt.timedelta(days=400)) == Decimal("1800.00")


def test_agreement_bad_input(clerk, demo):
    with work(clerk) as c:
        with pytest.raises(contracts.InvalidContractEntry) as caught:
            contracts.save_agreement(c, demo.org, contracts.AgreementEntry(
                id=None, kind="individual", number="X-1", name="Задом наперёд", payer_id=demo.company,
                valid_from=TODAY, valid_to=TODAY - dt.timedelta(days=1)))
        assert "expires" in str(caught.value)
        with pytest.raises(contracts.InvalidContractEntry):
            contracts.save_agreement(c, demo.org, contracts.AgreementEntry(
                id=None, kind="individual", number="X-2", name="Без плательщика", valid_from=TODAY))
        with pytest.raises(contracts.InvalidContractEntry):
            contracts.save_agreement(c, demo.org, contracts.AgreementEntry(
                id=None, kind="model", number="X-3", name="Скидка больше цены", valid_from=TODAY,
                adjustment_percent=Decimal(-100)))
        with pytest.raises(contracts.InvalidContractEntry) as caught:
            contracts.save_payer(c, demo.org, contracts.PayerEntry(id=None, kind="company", name="ООО «Тест»",
                                                                   inn="7707083890"))
        assert "7707083890" in str(caught.value)


def test_agreement_from_model_copies_terms(clerk, demo):
    with work(clerk) as c:
        contracts.set_agreement_services(c, demo.model_company, [
            contracts.AgreementServiceEntry(demo.therapist, price=Decimal("1000.00")),
            contracts.AgreementServiceEntry(demo.xray, adjustment_percent=Decimal("-5"))])
        new = contracts.create_from_model(c, demo.model_company, number="К-ТЕСТ", name="Договор тестовый",
                                          payer_id=demo.company, signed_on=TODAY)
        created = contracts.agreement(c, new)
        model = contracts.agreement(c, demo.model_company)
        assert created.kind == "individual" and created.model_id == demo.model_company
        assert created.price_list_id == model.price_list_id and created.status == "draft"
        assert [(s.service_id, s.price, s.adjustment_percent) for s in contracts.agreement_services(c, new)] == \
            [(s.service_id, s.price, s.adjustment_percent) for s in contracts.agreement_services(c, demo.model_company)]
        with pytest.raises(contracts.InvalidContractEntry):
            contracts.set_agreement_services(c, new, [contracts.AgreementServiceEntry(demo.xray),
                                                      contracts.AgreementServiceEntry(demo.xray)])
        offer = contracts.agreement(c, demo.offer)
        with pytest.raises(contracts.InvalidContractEntry) as caught:
            contracts.save_agreement(c, demo.org, contracts.AgreementEntry(**{
                **offer.__dict__, "id": None, "number": "ПО-2", "payer_name": ""}))
        assert "public offer" in str(caught.value)
        # Stale edits are refused with who changed it.
        contracts.save_agreement(c, demo.org, contracts.AgreementEntry(**{**created.__dict__, "status": "active"}))
        with pytest.raises(ConcurrentEdit):
            contracts.save_agreement(c, demo.org, contracts.AgreementEntry(**{**created.__dict__, "note": "x"}))


def test_payment_schedule_statuses(clerk, demo):
    with work(clerk) as c:
        schedule = contracts.payment_schedule(c, demo.company_agreement)
        assert len(schedule) == 12
        first = schedule[0]
        contracts.record_payment(c, first.id, "50000", first.due_on)
        with pytest.raises(catalogue.InvalidPrice):
            contracts.record_payment(c, schedule[1].id, "-1", TODAY)
        with pytest.raises(contracts.InvalidContractEntry):
            contracts.record_payment(c, schedule[1].id, "50000.01", TODAY)
        statuses = [p.status(dt.date(TODAY.year, 12, 31)) for p in contracts.payment_schedule(c, demo.company_agreement)]
    assert statuses[0] == "paid" and statuses[1] == "overdue"


# --- orders, discounts, quotas --------------------------------------------------------------------------------


def _order(session, demo, patient=None, **kwargs) -> int:
    with work(session) as c:
        return orders.create_order(c, demo.org,
                                   patient_id=patient if patient is not None else demo.adult, **kwargs)


def test_order_lines_discount_and_limits(registrar, head, demo):
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        personal = orders.add_line(c, order_id, demo.therapist, moment=NOON)
        insured = orders.add_line(c, order_id, demo.xray, payer_id=demo.insurer, moment=NOON)
        info = orders.order(c, order_id)
        assert info.to_pay == Decimal("1800.00") and info.total() == Decimal("1800.00") + Decimal("1540.00")
        line = next(x for x in info.lines if x.id == personal)
        orders.apply_manual_discount(c, personal, line.version, "5", "Постоянный клиент")
        line = next(x for x in orders.order(c, order_id).lines if x.id == personal)
        assert line.amount == Decimal("1710.00") and "Manual discount" in line.reasons[-1].render()
        with pytest.raises(orders.DiscountAboveLimit) as caught:
            orders.apply_manual_discount(c, personal, line.version, "20", "Слишком щедро")
        assert "5" in str(caught.value)
        with pytest.raises(orders.OrderRefused):
            orders.apply_manual_discount(c, personal, line.version, "5", "  ")
        insured_line = next(x for x in orders.order(c, order_id).lines if x.id == insured)
        orders.cancel_line(c, insured, insured_line.version, "Пациент передумал")
        assert orders.order(c, order_id).total() == Decimal("1710.00")
    # The head of registry may give more.
    with work(head) as c:
        line = next(x for x in orders.order(c, order_id).lines if x.id == personal)
        orders.apply_manual_discount(c, personal, line.version, "20", "Решение заведующего")
        recorded = c.execute(text("SELECT manual, percent, reason FROM order_line_discounts WHERE order_line_id = :l "
                                  "ORDER BY id"), {"l": personal}).all()
    assert [(r.manual, r.percent) for r in recorded] == [(True, Decimal("5.00")), (True, Decimal("20.00"))]


def test_registrar_cannot_fake_a_discount_or_quota_usage(registrar, demo):
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        line = orders.add_line(c, order_id, demo.therapist, moment=NOON)
    with pytest.raises(Exception) as caught, registrar.uow() as uow:
        uow.session.connection().execute(text(
            "INSERT INTO order_line_discounts (organization_id, order_line_id, manual, percent, amount, reason) "
            "VALUES (:o, :l, true, 90, 1, 'обход')"), {"o": demo.org, "l": line})
    assert "discount_above_limit" in str(caught.value)
    with pytest.raises(Exception) as caught, registrar.uow() as uow:
        uow.session.connection().execute(text("UPDATE quotas SET used_count = 0"))
    assert "permission denied" in str(caught.value)


def _quota(clerk, demo, limit: int, **conditions) -> int:
    with work(clerk) as c:
        return contracts.save_quota(c, demo.org, contracts.QuotaEntry(
            id=None, name="Тестовая квота", period_from=TODAY - dt.timedelta(days=1),
            period_to=TODAY + dt.timedelta(days=1), limit_count=limit, source="own", **conditions))


def test_quota_reached_refuses_then_head_overrides(clerk, registrar, head, demo):
    quota = _quota(clerk, demo, 1, service_id=demo.ultrasound)
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        quote = orders.quote_line(c, order_id, demo.ultrasound, moment=NOON)
        assert [q.quota_id for q in quote.quotas if q.fits] == [quota]
        first = orders.add_line(c, order_id, demo.ultrasound, moment=NOON)
        assert orders.quote_line(c, order_id, demo.ultrasound, moment=NOON).quota_exceeded
        with pytest.raises(orders.QuotaExceeded) as caught:
            orders.add_line(c, order_id, demo.ultrasound, moment=NOON)
        assert not caught.value.can_override and "Тестовая квота" in str(caught.value)
        with pytest.raises(orders.QuotaOverrideDenied):
            orders.add_line(c, order_id, demo.ultrasound, moment=NOON, override_quota=True)
    with work(head) as c:
        with pytest.raises(orders.QuotaExceeded) as caught:
            orders.add_line(c, order_id, demo.ultrasound, moment=NOON)
        assert caught.value.can_override
        orders.add_line(c, order_id, demo.ultrasound, moment=NOON, override_quota=True)
    with work(clerk) as c:
        entry = next(q for q in contracts.quotas(c, demo.org) if q.id == quota)
        assert (entry.used_count, entry.load_percent) == (2, 200.0)
        with pytest.raises(contracts.QuotaBelowUsage):
            contracts.save_quota(c, demo.org, contracts.QuotaEntry(**{**entry.__dict__, "limit_count": 0}))
        for absurd in ("abc", "NaN", "-5", 10**13):
            with pytest.raises(catalogue.InvalidPrice):
                contracts.save_quota(c, demo.org, contracts.QuotaEntry(**{**entry.__dict__, "limit_amount": absurd}))
        with pytest.raises(contracts.InUse):
            contracts.delete_quota(c, quota)
    # Cancelling gives the quota back.
    with work(registrar) as c:
        line = next(x for x in orders.order(c, order_id).lines if x.id == first)
        orders.cancel_line(c, first, line.version, "Ошибка регистратора")
    with clerk.uow() as uow:
        assert next(q for q in contracts.quotas(uow.session.connection(), demo.org) if q.id == quota).used_count == 1


def test_quota_holds_under_concurrent_orders(clinic, clerk, registrar, demo):
    """Twelve registrars add lines against a quota of five at the same moment: exactly five succeed."""
    quota = _quota(clerk, demo, 5, service_id=demo.xray)
    sessions = [demo_login(clinic, "registrar", f"REG-{i:02d}") for i in range(12)]
    order_ids = [_order(registrar, demo) for _ in sessions]
    barrier = threading.Barrier(len(sessions))
    results: list[str] = []

    def attempt(session, order_id):
        try:
            with work(session) as c:
                barrier.wait(timeout=30)
                orders.add_line(c, order_id, demo.xray, moment=NOON)
            results.append("ok")
        except orders.QuotaExceeded:
            results.append("refused")

    threads = [threading.Thread(target=attempt, args=(s, o)) for s, o in zip(sessions, order_ids, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in sessions:
        s.close()
    assert sorted(results) == ["ok"] * 5 + ["refused"] * 7
    with work(clerk) as c:
        used = c.scalar(text("SELECT used_count FROM quotas WHERE id = :q"), {"q": quota})
        charged = c.scalar(text("SELECT count(*) FROM quota_charges WHERE quota_id = :q"), {"q": quota})
        lines = c.scalar(text("SELECT count(*) FROM order_lines WHERE order_id = ANY(:ids)"), {"ids": order_ids})
    assert used == charged == lines == 5


def test_anonymous_order_is_personalized_with_its_bookings(registrar, demo):
    with work(registrar) as c:
        with pytest.raises(orders.OrderRefused):
            orders.create_order(c, demo.org, contact_name="Аноним", contact_phone="")
        order_id = orders.create_order(c, demo.org, contact_name="Звонящий Тест", contact_phone="+79990000000",
                                       channel="call_centre")
        line = orders.add_line(c, order_id, demo.therapist)
        from shared.services import booking as bk

        slot = bk.first_free(c, demo.org, demo.therapist, first_day=TODAY + dt.timedelta(days=1))
        assert slot is not None
        info = orders.book_line(c, line, orders.order(c, order_id).lines[0].version, slot)
        assert info.patient_id is None and info.channel == "call_centre"
        order = orders.order(c, order_id)
        assert order.lines[0].status == "booked" and order.lines[0].starts_at == slot.starts_at
        orders.personalize_order(c, order_id, order.version, demo.adult)
        assert bk.booking(c, info.id).patient_id == demo.adult
        assert orders.orders_of_patient(c, demo.adult)[0].id == order_id


def test_performing_needs_payment_unless_covered(registrar, demo):
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        personal = orders.add_line(c, order_id, demo.therapist, moment=NOON)
        insured = orders.add_line(c, order_id, demo.xray, payer_id=demo.insurer, moment=NOON)
        lines = {x.id: x for x in orders.order(c, order_id).lines}
        with pytest.raises(orders.OrderRefused):
            orders.mark_performed(c, personal, lines[personal].version, performed_at=NOON)
        orders.mark_performed(c, insured, lines[insured].version, performed_at=NOON)
        line = next(x for x in orders.order(c, order_id).lines if x.id == insured)
        assert line.status == "performed"
        with pytest.raises(orders.OrderRefused):
            orders.cancel_line(c, insured, line.version, "Поздно")


def test_route_sheet_and_invoice(registrar, demo):
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        orders.add_line(c, order_id, demo.ultrasound, moment=NOON)
        orders.add_line(c, order_id, demo.therapist, moment=NOON)
        orders.add_line(c, order_id, demo.xray, payer_id=demo.insurer, moment=NOON)
        sheet = orders.route_sheet(c, order_id, printed_by="Регистратор", now=NOON)
        personal = orders.invoice(c, order_id, today=TODAY)
        insurer = orders.invoice(c, order_id, payer_id=demo.insurer, today=TODAY)
        with pytest.raises(orders.OrderRefused):
            orders.invoice(c, order_id, payer_id=demo.company, today=TODAY)
    assert [s.service_name[:5] for s in sheet.stops] and len(sheet.stops) == 3
    assert "Натощак" in sheet.stops[0].preparation and not sheet.stops[0].paid and sheet.stops[2].paid
    assert personal.total == Decimal("4700.00") and personal.basis.startswith("Публичная оферта")
    assert personal.total_in_words == "Четыре тысячи семьсот рублей 00 копеек"
    assert insurer.payer.inn and insurer.basis.startswith("Договор №") and insurer.pay_by == TODAY + dt.timedelta(30)
    assert insurer.supplier.bank_bik == "044500001" and insurer.vat_total == 0


def test_amount_in_words():
    assert orders.amount_in_words(Decimal("1.01")) == "Один рубль 01 копейка"
    assert orders.amount_in_words(Decimal("22.22")) == "Двадцать два рубля 22 копейки"
    assert orders.amount_in_words(Decimal("111311.11")) == "Сто одиннадцать тысяч триста одиннадцать рублей 11 копеек"


def test_complex_service_is_ordered_whole_and_done_step_by_step(registrar, demo):
    order_id = _order(registrar, demo)
    with work(registrar) as c:
        checkup = c.scalar(text("SELECT id FROM medical_services WHERE organization_id = :o AND code = 'K01.001'"),
                           {"o": demo.org})
        with pytest.raises(orders.OrderRefused):
            orders.add_line(c, order_id, checkup, quantity=2, moment=NOON)
        parent = orders.add_line(c, order_id, checkup, payer_id=demo.company, moment=NOON)
        info = orders.order(c, order_id)
        steps = [x for x in info.lines if x.parent_line_id == parent]
        assert [x.service_id for x in steps][:1] == [demo.therapist] and len(steps) == 4
        assert all(x.amount == 0 for x in steps) and [x.step_optional for x in steps] == [False, True, False, False]
        assert info.total() == next(x.amount for x in info.lines if x.id == parent) == Decimal("5850.00")
        with pytest.raises(orders.OrderRefused):
            orders.apply_manual_discount(c, steps[0].id, steps[0].version, "5", "Шаг")
        # Each step is booked and performed on its own; the company pays, so no cash desk is needed.
        orders.mark_performed(c, steps[0].id, steps[0].version, performed_at=NOON)
        sheet = orders.route_sheet(c, order_id, printed_by="Регистратор", now=NOON)
        assert len(sheet.stops) == 4 and all(s.paid for s in sheet.stops)
        bill = orders.invoice(c, order_id, payer_id=demo.company, today=TODAY)
        assert [x.amount for x in bill.lines] == [Decimal("5850.00")]
        line = next(x for x in orders.order(c, order_id).lines if x.id == parent)
        orders.cancel_line(c, parent, line.version, "Передумал")
        statuses = [x.status for x in orders.order(c, order_id).lines if x.parent_line_id == parent]
    assert statuses == ["performed", "cancelled", "cancelled", "cancelled"]
