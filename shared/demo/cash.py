"""Demo cash desk data: one desk per organization (its registrar is the emulator's factory number) and a
few clients with unpaid orders, so a new user can take a payment at once."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, text

from shared.services.pricing import R_RETAIL

#: The factory number the Shtrih-M emulator reports by default (shared.devices.emulators.shtrih).
DEMO_REGISTRAR_SERIAL = "12345678"
DEMO_DESK = "Касса 1"
#: Services the demo orders ask for (each from the organization's default price list, when priced there).
DEMO_ORDER_SERVICES = (("B01.047.001", "A04.16.001"), ("B01.023.001",), ("A06.09.007", "B01.047.001"))


def seed_cash(connection: Connection, organization_ids: list[int], *, today: dt.date,
              orders_per_organization: int = 6) -> dict[str, int]:
    """``connection`` acts as the owner. Does not commit."""
    counts = {"desks": 0, "orders": 0, "lines": 0}
    for org in organization_ids:
        connection.execute(text(
            "INSERT INTO cash_desks (organization_id, name, registrar_serial, okpo) VALUES (:o, :n, :s, '')"),
            {"o": org, "n": DEMO_DESK, "s": DEMO_REGISTRAR_SERIAL})
        counts["desks"] += 1
        prices = {r.code: (r.amount, r.id) for r in connection.execute(text(
            "SELECT s.code, p.amount, s.id FROM prices p JOIN price_lists pl ON pl.id = p.price_list_id "
            "JOIN medical_services s ON s.id = p.service_id WHERE pl.organization_id = :o AND pl.is_default "
            "AND p.valid @> CAST(:d AS date)"), {"o": org, "d": today})}
        price_list = connection.execute(text(
            "SELECT id, name FROM price_lists WHERE organization_id = :o AND is_default"), {"o": org}).first()
        if not prices or price_list is None:
            continue
        list_id, list_name = price_list
        patients = connection.scalars(text(
            "SELECT DISTINCT p.id FROM patients p JOIN medical_cards c ON c.patient_id = p.id "
            "WHERE c.organization_id = :o AND p.merged_into_id IS NULL ORDER BY p.id LIMIT :n"),
            {"o": org, "n": orders_per_organization}).all()
        for index, patient in enumerate(patients):
            wanted = [code for code in DEMO_ORDER_SERVICES[index % len(DEMO_ORDER_SERVICES)] if code in prices]
            if not wanted:
                continue
            order = connection.scalar(text(
                "INSERT INTO orders (organization_id, patient_id, channel, note) "
                "VALUES (:o, :p, 'registry', 'Демо: оплата в кассе') RETURNING id"), {"o": org, "p": patient})
            counts["orders"] += 1
            for code in wanted:
                amount, service = prices[code]
                reason = json.dumps([{"text": R_RETAIL, "params": {"list": list_name}}], ensure_ascii=False)
                connection.execute(text(
                    "INSERT INTO order_lines (organization_id, order_id, service_id, quantity, price_list_id, "
                    "base_price, price, amount, price_reason) VALUES (:o, :order, :s, 1, :pl, :a, :a, :a, "
                    "CAST(:why AS jsonb))"),
                    {"o": org, "order": order, "s": service, "pl": list_id, "a": amount, "why": reason})
                counts["lines"] += 1
    return counts
