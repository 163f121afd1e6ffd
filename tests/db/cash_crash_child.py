"""A cash desk process for the crash matrix (run by tests/db/test_cash_crash.py, not by pytest itself):
logs in as the demo cashier, takes a payment through the real drivers, and kills itself with SIGKILL at
the named checkpoint. Arguments: one JSON object (settings, password, devices, lines, amounts, point)."""

from __future__ import annotations

import json
import os
import signal
import sys
import uuid
from decimal import Decimal

from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings
from shared.devices.upos import UposTerminal
from shared.services import cash_desk as cd


def main() -> int:
    job = json.loads(sys.argv[1])

    def die(name: str) -> None:
        if name == job["point"]:
            os.kill(os.getpid(), signal.SIGKILL)

    cd.checkpoint = die
    session = log_in(Settings(**job["settings"]), "cashier", job["password"])
    devices = cd.Devices(
        ShtrihRegistrar(ShtrihSettings(port=job["port"], byte_timeout=0.3, answer_timeout=5)),
        UposTerminal(job["upos_command"], job["upos_dir"], timeout=30))
    with session.engine.connect() as conn:
        desk = cd.desk_by_name(conn, job["desk"])
        result = cd.pay(conn, desk, devices, cd.PaymentRequest(
            uuid.uuid4(), tuple(job["lines"]), Decimal(job["cash"]), Decimal(job["card"])))
    print(result.state, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
