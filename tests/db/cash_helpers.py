"""Shared by the cash desk tests: the emulated devices (the real drivers over a pseudo-terminal and the
UPOS emulator program) and the totals three ledgers keep -- the database, the registrar, the terminal."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from shared.devices.emulators import upos as upos_emulator
from shared.devices.emulators.shtrih import ShtrihEmulator
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings
from shared.devices.upos import UposTerminal
from shared.services import cash_desk as cd

UPOS_PROGRAM = [sys.executable, "-m", "shared.devices.emulators.upos"]


@dataclass
class Bench:
    """The emulated devices of one desk, and drivers talking to them."""

    emulator: ShtrihEmulator
    upos_dir: Path

    def devices(self) -> cd.Devices:
        registrar = ShtrihRegistrar(ShtrihSettings(port=self.emulator.path, byte_timeout=0.3, answer_timeout=5))
        return cd.Devices(registrar=registrar, terminal=UposTerminal(UPOS_PROGRAM, self.upos_dir, timeout=30))

    def hook_terminal(self, **hooks) -> None:
        (self.upos_dir / upos_emulator.CONTROL_FILE).write_text(json.dumps(hooks), "utf-8")

    def terminal_journal(self) -> dict:
        path = self.upos_dir / upos_emulator.JOURNAL_FILE
        return json.loads(path.read_text("utf-8")) if path.exists() else {"transactions": []}

    def terminal_net(self) -> Decimal:
        """Money the terminal took net: purchases minus refunds minus cancels (approved only)."""
        total = 0
        for t in self.terminal_journal()["transactions"]:
            if t.get("declined"):
                continue
            sign = {"purchase": 1, "refund": -1}.get(t["kind"], 0)
            if t["kind"] == "cancel":
                sign = -1
            total += sign * t["amount"]
        return Decimal(total) / 100

    def registrar_totals(self) -> dict[str, Decimal]:
        """Cash and card by the registrar's journal: sales minus returns (kopecks -> roubles)."""
        sale = self.emulator.totals.get("sale", {})
        ret = self.emulator.totals.get("return", {})
        return {"cash": Decimal(sale.get(1, 0) - ret.get(1, 0)) / 100,
                "card": Decimal(sale.get(2, 0) - ret.get(2, 0)) / 100}


@contextmanager
def emulated_desk(tmp_path: Path):
    emulator = ShtrihEmulator()
    emulator.path = emulator.serve_pty(byte_timeout=0.3)
    upos_dir = tmp_path / "upos"
    upos_dir.mkdir()
    try:
        yield Bench(emulator, upos_dir)
    finally:
        emulator.stop()


def database_totals(conn, desk_id: int) -> dict[str, Decimal]:
    row = conn.execute(text(
        "SELECT coalesce(sum(CASE WHEN kind IN ('sale', 'deposit') THEN cash_amount ELSE -cash_amount END), 0), "
        "coalesce(sum(CASE WHEN kind IN ('sale', 'deposit') THEN card_amount ELSE -card_amount END), 0) "
        "FROM cash_operations WHERE desk_id = :d AND state = 'completed' "
        "AND kind IN ('sale', 'refund', 'deposit', 'deposit_refund')"), {"d": desk_id}).one()
    return {"cash": row[0], "card": row[1]}
