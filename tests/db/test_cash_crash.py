"""The crash matrix: the cash desk process is killed with SIGKILL at every step of a card + cash payment
(between the journal's steps, and inside the registrar's commands while the receipt is open or just
closed). After a restart and reconciliation there is never a double charge, never a receipt-less payment
left unnoticed, and the totals of the database, the emulated registrar and the emulated terminal agree."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.cash import DEMO_DESK
from shared.demo.generator import DEMO_PASSWORD
from shared.devices.shtrih import commands as c
from shared.services import cash_desk as cd
from tests.db.cash_helpers import UPOS_PROGRAM, database_totals, emulated_desk

CHILD = Path(__file__).with_name("cash_crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
# Moments inside the registrar's commands: (command, phase) at which the emulator kills the desk process.
DEVICE_POINTS = {
    "item_added": (c.FN_OPERATION_V2, "after"),  # the receipt is open on the registrar
    "closing": (c.FN_CLOSE_CHECK_V2, "before"),  # the close command arrived: the receipt becomes fiscal
    "closed": (c.FN_CLOSE_CHECK_V2, "after"),  # fiscal, the answer never read
}
POINTS = [*cd.CHECKPOINTS, *DEVICE_POINTS]


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("card_share", ["card", "mixed", "cash"])
def test_killed_at_every_step(clinic, tmp_path, point, card_share):
    if card_share == "cash" and point.startswith("card"):
        pytest.skip("no card step in a cash payment")
    session = log_in(clinic.settings("CASH-01"), "cashier", DEMO_PASSWORD)
    try:
        with emulated_desk(tmp_path) as bench, session.engine.connect() as conn:
            desk = cd.desk_by_name(conn, DEMO_DESK)
            devices = bench.devices()
            cd.open_shift(conn, desk, devices)
            cd.cash_in(conn, desk, devices, "10000")  # change for the "cash" side
            patient = conn.scalar(text(
                "SELECT min(o.patient_id) FROM orders o JOIN order_lines l ON l.order_id = o.id "
                "WHERE o.note = 'Демо: оплата в кассе' AND l.status = 'ordered'"))
            lines = cd.payable_lines(conn, patient_id=patient)
            conn.commit()
            total = sum((line.amount for line in lines), Decimal(0))
            card = {"card": total, "mixed": (total / 2).quantize(Decimal("0.01")), "cash": Decimal(0)}[card_share]

            child: subprocess.Popen | None = None
            if point in DEVICE_POINTS:
                command, phase = DEVICE_POINTS[point]

                def kill(cmd: int, at: str) -> None:
                    if cmd == command and at == phase and child is not None:
                        os.kill(child.pid, signal.SIGKILL)
                        child.wait()

                bench.emulator.on_command = kill
            job = {"settings": dataclasses.asdict(clinic.settings("CASH-01")), "password": DEMO_PASSWORD,
                   "port": bench.emulator.path, "upos_command": UPOS_PROGRAM, "upos_dir": str(bench.upos_dir),
                   "desk": DEMO_DESK, "lines": [line.order_line_id for line in lines], "cash": str(total - card),
                   "card": str(card), "point": point if point not in DEVICE_POINTS else ""}
            child = subprocess.Popen([sys.executable, str(CHILD), json.dumps(job)], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            out, err = child.communicate(timeout=120)
            bench.emulator.on_command = None
            applies = not (point.startswith("card") and card == 0)
            if applies:
                assert child.returncode == -signal.SIGKILL, (out, err)
            else:
                assert child.returncode == 0, err

            # The restart: fresh drivers, reconcile, and the cashier's decisions where asked.
            devices = bench.devices()
            left = cd.reconcile(conn, desk, devices)
            for op in left:
                if op.card_amount > 0 and not op.card_charged:
                    charged = [t for t in bench.terminal_journal()["transactions"]
                               if t["kind"] == "purchase" and not t.get("declined")]
                    if charged:
                        cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_RECEIPT, rrn=charged[-1]["rrn"])
                    else:
                        cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_VOID)
                else:
                    # The cashier holds the client's money: the receipt is printed now.
                    cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_RECEIPT)
            assert cd.unfinished(conn, desk) == []
            sale = conn.execute(text("SELECT state FROM cash_operations WHERE kind = 'sale'")).scalars().all()
            conn.commit()
            assert len(sale) == 1 and sale[0] in ("completed", "voided")
            db = database_totals(conn, desk.id)
            conn.commit()
            assert db == bench.registrar_totals()
            assert db["card"] == bench.terminal_net()
            receipts = [d for d in bench.emulator.documents.values() if d.receipt_number is not None]
            assert len(receipts) == (1 if sale[0] == "completed" else 0)
            assert bench.emulator.check is None  # no receipt left open
            statuses = {_status(conn, line.order_line_id) for line in lines}
            assert statuses == {"paid" if sale[0] == "completed" else "ordered"}
    finally:
        session.close()


def _status(conn, line_id: int) -> str:
    status = conn.scalar(text("SELECT status FROM order_lines WHERE id = :id"), {"id": line_id})
    conn.commit()
    return status
