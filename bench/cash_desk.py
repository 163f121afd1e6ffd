"""A full payment at the cash desk: order lines -> card (when asked) -> fiscal receipt, journal first.

    python -m bench.cash_desk [--payments 200] [--lines 3] [--card-every 4] [--output bench/results/cash_desk.json]

Seeds the demo clinic and ``--payments`` orders of ``--lines`` lines, then pays them one after another as
the demo cashier through the real Shtrih-M driver talking to the emulator over a pseudo-terminal, and
every ``--card-every``-th one by card through the UPOS driver running the emulator program. Times each
payment from the call to the completed receipt, and the time spent inside the device drivers (the
registrar's commands and the terminal program); reports the payment's own time, i.e. minus the emulated
device time. The bytes the registrar exchanged give the wire time a real registrar at 115200 baud would
add (10 bits a byte), reported separately. Checks that the database, the registrar and the terminal agree.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

import psycopg
from sqlalchemy import text

from bench.common import bench_server, emit, latency_stats, new_namespace
from medcenter_desktop.demo import seed_clinic
from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.db.migrate import upgrade
from shared.demo.cash import DEMO_DESK
from shared.demo.generator import DEMO_PASSWORD
from shared.devices.emulators import upos as upos_emulator
from shared.devices.emulators.shtrih import ShtrihEmulator
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings
from shared.devices.upos import UposTerminal
from shared.services import cash_desk as cd

UPOS_PROGRAM = [sys.executable, "-m", "shared.devices.emulators.upos"]
BAUD = 115200


class Timed:
    """Wraps a driver: every call's time is added to ``spent``."""

    def __init__(self, target) -> None:
        self._target = target
        self.spent = 0.0

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - start

        return call


def _load(conn: psycopg.Connection, payments: int, lines: int) -> None:
    org, list_id = conn.execute("SELECT organization_id, id FROM price_lists WHERE is_default ORDER BY id LIMIT 1"
                                ).fetchone()
    prices = conn.execute(
        "SELECT p.service_id, p.amount FROM prices p WHERE p.price_list_id = %s AND p.valid @> current_date "
        "ORDER BY p.service_id LIMIT 20", (list_id,)).fetchall()
    patients = [r[0] for r in conn.execute(
        "SELECT DISTINCT patient_id FROM medical_cards WHERE organization_id = %s ORDER BY 1 LIMIT %s",
        (org, payments)).fetchall()]
    for i in range(payments):
        order = conn.execute("INSERT INTO orders (organization_id, patient_id, note) VALUES (%s, %s, 'bench') "
                             "RETURNING id", (org, patients[i % len(patients)])).fetchone()[0]
        for j in range(lines):
            service, amount = prices[(i + j) % len(prices)]
            conn.execute(
                "INSERT INTO order_lines (organization_id, order_id, service_id, base_price, price, amount, "
                "price_list_id) VALUES (%s, %s, %s, %s, %s, %s, %s)", (org, order, service, amount, amount, amount,
                                                                       list_id))
    conn.commit()


def run(payments: int, lines: int, card_every: int, keep: bool) -> dict:
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_cash"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            upgrade(clinic, namespace=namespace)
            seed_clinic(clinic, roles)
            with psycopg.connect(clinic.conninfo()) as conn:
                conn.execute(f'SET ROLE "{roles.owner}"')
                _load(conn, payments, lines)
            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH-CASH")
            session = log_in(settings, "cashier", DEMO_PASSWORD)
            emulator = ShtrihEmulator()
            port = emulator.serve_pty(byte_timeout=0.3)
            upos_dir = Path(tempfile.mkdtemp(prefix="medcenter-bench-upos-"))
            registrar = Timed(ShtrihRegistrar(ShtrihSettings(port=port)))
            terminal = Timed(UposTerminal(UPOS_PROGRAM, upos_dir, timeout=30))
            devices = cd.Devices(registrar, terminal)
            totals, device, own, wire = [], [], [], []
            card_totals, card_own = [], []
            try:
                with session.engine.connect() as conn:
                    desk = cd.desk_by_name(conn, DEMO_DESK)
                    cd.open_shift(conn, desk, devices)
                    orders = conn.scalars(text("SELECT id FROM orders WHERE note = 'bench' ORDER BY id")).all()
                    conn.commit()
                    for index, order in enumerate(orders):
                        payable = cd.payable_lines(conn, order_id=order)
                        conn.commit()
                        amount = sum((line.amount for line in payable), Decimal(0))
                        card = amount if card_every and index % card_every == card_every - 1 else Decimal(0)
                        registrar.spent = terminal.spent = 0.0
                        received = sum(len(p) for p in emulator.received)
                        start = time.perf_counter()
                        result = cd.pay(conn, desk, devices, cd.PaymentRequest(
                            uuid.uuid4(), tuple(line.order_line_id for line in payable), amount - card, card,
                            cash_given=amount - card))
                        elapsed = time.perf_counter() - start
                        assert result.completed, result
                        spent = registrar.spent + terminal.spent
                        # request payloads plus answers and framing: about twice the requests, 2 bytes a frame
                        sent = sum(len(p) for p in emulator.received) - received
                        (card_totals if card else totals).append(elapsed)
                        (card_own if card else own).append(elapsed - spent)
                        device.append(spent)
                        wire.append(sent)
                    db = conn.execute(text(
                        "SELECT coalesce(sum(cash_amount), 0), coalesce(sum(card_amount), 0) FROM cash_operations "
                        "WHERE kind = 'sale' AND state = 'completed'")).one()
                    conn.commit()
            finally:
                emulator.stop()
                session.close()
            journal = json.loads((upos_dir / upos_emulator.JOURNAL_FILE).read_text("utf-8"))
            terminal_total = Decimal(sum(t["amount"] for t in journal["transactions"] if t["kind"] == "purchase")) / 100
            agree = (Decimal(emulator.totals["sale"].get(1, 0)) / 100 == db[0]
                     and Decimal(emulator.totals["sale"].get(2, 0)) / 100 == db[1] == terminal_total)
            bytes_per_payment = sum(wire) / len(wire)
            return {
                "server": kind,
                "payments": payments, "lines_per_payment": lines, "card_every": card_every,
                "cash_payment_total": latency_stats(totals),
                "cash_payment_minus_device": latency_stats(own),
                "card_payment_total": latency_stats(card_totals) if card_totals else None,
                "card_payment_minus_device": latency_stats(card_own) if card_own else None,
                "device_time": latency_stats(device),
                "registrar_request_bytes_per_payment": round(bytes_per_payment, 1),
                # Requests, about as many answer bytes, and ENQ/ACK framing: x2.2, 10 bits per byte on the wire.
                "estimated_wire_ms_at_115200": round(bytes_per_payment * 2.2 * 10 / BAUD * 1000, 2),
                "totals_agree": agree,
            }
        finally:
            if not keep:
                drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payments", type=int, default=200)
    parser.add_argument("--lines", type=int, default=3)
    parser.add_argument("--card-every", type=int, default=4, help="every N-th payment by card (0: none)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("cash_desk", run(args.payments, args.lines, args.card_every, args.keep), args.output)


if __name__ == "__main__":
    main()
