"""An emulator of UPOS's command-line program (``sb_pilot`` / ``loadparm.exe``) for tests and demos.

    python -m shared.devices.emulators.upos operation [amount in kopecks [card type [QSELECT [RRN]]]]

It runs in the current directory like the real program: it writes the slip to ``p`` and the result to
``e`` (``<code>,<text>`` then card, expiry, auth code, operation number, card type, Sberbank flag,
terminal, date and time, RRN, one a line), both in CP866, and exits with the result code (clamped to
255 on POSIX, where an exit status has 8 bits; the ``e`` file keeps the full code).

Operations: 1 purchase, 3 refund (``3 <amount> 0 QSELECT <RRN>`` refunds that purchase without a card),
8 cancel of the last operation (the amount, when given, must match), 7 settlement (day totals, then a
new day), 12 a copy of the last slip.

Its journal is ``upos_emulator.json`` in the directory: every transaction with its RRN, the current
day's number and the last slip. Test hooks, read on every run:

* the control file ``upos_emulator_control.json`` in the directory, a JSON object whose keys apply to
  the next operation only and are then removed: ``"decline": true`` (insufficient funds),
  ``"no_connection": true``, ``"cancel_by_customer": true``, ``"sleep": seconds``,
  ``"code": n`` with ``"text": "..."`` (any result code), ``"write_e": false`` (neither the ``e``
  file nor the ``return:<code>`` line on stdout: only the exit status tells the result);
* environment variables that apply while set: ``UPOS_EMULATOR_DECLINE=1``,
  ``UPOS_EMULATOR_NO_CONNECTION=1``, ``UPOS_EMULATOR_SLEEP=<seconds>``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

JOURNAL_FILE = "upos_emulator.json"
CONTROL_FILE = "upos_emulator_control.json"
ENCODING = "cp866"
TERMINAL_ID = "00990001"
MERCHANT_ID = "990000000001"
CARD = "220220******4242"
WIDTH = 40

SUCCESS = 0
CUSTOMER_CANCELLED = 2000
NO_CONNECTION = 4100
INSUFFICIENT_FUNDS = 4451
AMOUNT_ERROR = 4319
# Codes of the emulator's own choosing for situations the integrations seen do not name.
NOTHING_TO_CANCEL = 4340
NOT_FOUND = 4341
BAD_ARGUMENTS = 4342

OPERATION_TITLES = {"purchase": "ОПЛАТА", "refund": "ВОЗВРАТ", "cancel": "ОТМЕНА"}


class Failure(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


def _line(left: str, right: str = "") -> str:
    return left + " " * max(1, WIDTH - len(left) - len(right)) + right if right else left


def _center(text: str) -> str:
    return text.center(WIDTH).rstrip()


def _money(kopecks: int) -> str:
    return f"{Decimal(kopecks) / 100:.2f}"


class Emulator:
    def __init__(self, directory: Path, now: dt.datetime | None = None) -> None:
        self.directory = directory
        self.now = now or dt.datetime.now()
        self.journal = self._load_journal()
        self.hooks: dict = {}

    # files

    def _load_journal(self) -> dict:
        try:
            journal = json.loads((self.directory / JOURNAL_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            journal = {}
        if not isinstance(journal, dict):
            journal = {}
        journal.setdefault("day", 1)
        journal.setdefault("sequence", 0)
        journal.setdefault("transactions", [])
        journal.setdefault("last_slip", "")
        return journal

    def save_journal(self) -> None:
        path = self.directory / JOURNAL_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.journal, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, path)

    def take_hooks(self) -> dict:
        hooks: dict = {}
        if os.environ.get("UPOS_EMULATOR_DECLINE") == "1":
            hooks["decline"] = True
        if os.environ.get("UPOS_EMULATOR_NO_CONNECTION") == "1":
            hooks["no_connection"] = True
        if os.environ.get("UPOS_EMULATOR_SLEEP"):
            hooks["sleep"] = float(os.environ["UPOS_EMULATOR_SLEEP"])
        path = self.directory / CONTROL_FILE
        try:
            control = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            control = None
        if isinstance(control, dict):
            hooks.update(control)
            path.unlink(missing_ok=True)  # one-shot
        return hooks

    # operations

    def run(self, argv: list[str]) -> tuple[int, str, str, dict]:
        """Returns (code, text, slip, transaction fields for ``e``)."""
        hooks = self.hooks = self.take_hooks()
        if hooks.get("sleep"):
            time.sleep(float(hooks["sleep"]))
        if not argv or not argv[0].isdigit():
            raise Failure(BAD_ARGUMENTS, "Неверные параметры")
        operation = int(argv[0])
        if hooks.get("code") is not None:
            raise Failure(int(hooks["code"]), str(hooks.get("text", "Ошибка")))
        if operation in (1, 3, 8, 7) and hooks.get("no_connection"):
            raise Failure(NO_CONNECTION, "Нет связи с банком")
        if operation in (1, 3) and hooks.get("cancel_by_customer"):
            raise Failure(CUSTOMER_CANCELLED, "Операция прервана клиентом")
        if operation == 1:
            return self.purchase(self._amount(argv), decline=bool(hooks.get("decline")))
        if operation == 3:
            rrn = argv[4] if len(argv) > 4 and argv[3].upper() == "QSELECT" else ""
            return self.refund(self._amount(argv), rrn, decline=bool(hooks.get("decline")))
        if operation == 8:
            return self.cancel(self._amount(argv) if len(argv) > 1 else None)
        if operation == 7:
            return self.settlement()
        if operation == 12:
            return SUCCESS, "Копия чека", self.journal["last_slip"], {}
        raise Failure(BAD_ARGUMENTS, f"Операция {operation} не поддерживается")

    @staticmethod
    def _amount(argv: list[str]) -> int:
        if len(argv) < 2 or not argv[1].isdigit() or int(argv[1]) <= 0:
            raise Failure(AMOUNT_ERROR, "Неверная сумма")
        return int(argv[1])

    def _new_transaction(self, kind: str, amount: int, **extra) -> dict:
        self.journal["sequence"] += 1
        sequence = self.journal["sequence"]
        transaction = {
            "sequence": sequence, "kind": kind, "amount": amount, "day": self.journal["day"],
            "rrn": f"{self.now:%y%j}{sequence:07d}", "auth_code": f"{(sequence * 7919 + 104729) % 1000000:06d}",
            "card": CARD, "at": self.now.isoformat(timespec="seconds"), "cancelled": False, **extra,
        }
        self.journal["transactions"].append(transaction)
        return transaction

    def _slip(self, transaction: dict, status: str) -> str:
        lines = [
            _center("ПАО СБЕРБАНК"), _center("ЭМУЛЯТОР UPOS"),
            _line(f"Т: {TERMINAL_ID}", f"М: {MERCHANT_ID}"),
            _line(OPERATION_TITLES[transaction["kind"]], f"Чек {transaction['sequence']:04d}"),
            _line(f"{self.now:%d.%m.%y}", f"{self.now:%H:%M:%S}"),
            _line("Карта:", transaction["card"]),
            _line("Сумма (Руб):", _money(transaction["amount"])),
            _center(status),
        ]
        if status == "ОДОБРЕНО":
            lines += [_line("Код авторизации:", transaction["auth_code"]),
                      _line("Номер ссылки:", transaction["rrn"])]
        lines += ["=" * WIDTH]
        return "\n".join(lines) + "\n"

    def _finish(self, transaction: dict, declined: bool) -> tuple[int, str, str, dict]:
        if declined:
            transaction["declined"] = True
            slip = self._slip(transaction, "ОТКАЗ")
            self.journal["last_slip"] = slip
            return INSUFFICIENT_FUNDS, "ОТКАЗ: недостаточно средств", slip, {"card": transaction["card"]}
        slip = self._slip(transaction, "ОДОБРЕНО")
        self.journal["last_slip"] = slip
        return SUCCESS, "ОДОБРЕНО", slip, transaction

    def purchase(self, amount: int, decline: bool) -> tuple[int, str, str, dict]:
        return self._finish(self._new_transaction("purchase", amount), decline)

    def refund(self, amount: int, rrn: str, decline: bool) -> tuple[int, str, str, dict]:
        if rrn:
            original = next((t for t in self.journal["transactions"]
                             if t["rrn"] == rrn and t["kind"] == "purchase" and not t.get("declined")), None)
            if original is None or original["cancelled"]:
                raise Failure(NOT_FOUND, "Операция с таким номером ссылки не найдена")
            refunded = sum(t["amount"] for t in self.journal["transactions"]
                           if t.get("original_rrn") == rrn and not t["cancelled"] and not t.get("declined"))
            if refunded + amount > original["amount"]:
                raise Failure(AMOUNT_ERROR, "Сумма возврата больше суммы оплаты")
            return self._finish(self._new_transaction("refund", amount, original_rrn=rrn), decline)
        return self._finish(self._new_transaction("refund", amount), decline)

    def cancel(self, amount: int | None) -> tuple[int, str, str, dict]:
        live = [t for t in self.journal["transactions"] if t["kind"] != "cancel" and not t.get("declined")]
        last = live[-1] if live else None
        if last is None or last["cancelled"]:
            raise Failure(NOTHING_TO_CANCEL, "Нет операции для отмены")
        if amount is not None and amount != last["amount"]:
            raise Failure(AMOUNT_ERROR, "Сумма не совпадает с суммой последней операции")
        last["cancelled"] = True
        return self._finish(self._new_transaction("cancel", last["amount"], original_rrn=last["rrn"]), False)

    def day_totals(self, day: int | None = None) -> dict:
        day = self.journal["day"] if day is None else day
        counted = [t for t in self.journal["transactions"]
                   if t["day"] == day and t["kind"] != "cancel" and not t["cancelled"] and not t.get("declined")]
        purchases = [t["amount"] for t in counted if t["kind"] == "purchase"]
        refunds = [t["amount"] for t in counted if t["kind"] == "refund"]
        return {"purchases": len(purchases), "purchase_sum": sum(purchases), "refunds": len(refunds),
                "refund_sum": sum(refunds), "net": sum(purchases) - sum(refunds)}

    def settlement(self) -> tuple[int, str, str, dict]:
        totals = self.day_totals()
        slip = "\n".join([
            _center("ПАО СБЕРБАНК"), _center("ЭМУЛЯТОР UPOS"),
            _line(f"Т: {TERMINAL_ID}", f"М: {MERCHANT_ID}"),
            _line("СВЕРКА ИТОГОВ", f"Смена {self.journal['day']}"),
            _line(f"{self.now:%d.%m.%y}", f"{self.now:%H:%M:%S}"),
            _line(f"ОПЛАТА {totals['purchases']:>6}", _money(totals["purchase_sum"])),
            _line(f"ВОЗВРАТ {totals['refunds']:>5}", _money(totals["refund_sum"])),
            _line("ИТОГО:", _money(totals["net"])),
            _center("Итоги совпали"),
            "=" * WIDTH,
        ]) + "\n"
        self.journal["day"] += 1
        self.journal["last_slip"] = slip
        return SUCCESS, "Итоги совпали", slip, {}


def write_result(directory: Path, code: int, text: str, fields: dict) -> None:
    values = [
        f"{code},{text}", fields.get("card", ""), "12/30" if fields.get("card") else "",
        fields.get("auth_code", ""), str(fields.get("sequence", "")), "MIR" if fields.get("card") else "",
        "1" if fields.get("card") else "", TERMINAL_ID, fields.get("at", "").replace("T", " "),
        fields.get("rrn", ""),
    ]
    (directory / "e").write_bytes(("\n".join(values) + "\n").encode(ENCODING, errors="replace"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    directory = Path.cwd()
    emulator = Emulator(directory)
    try:
        code, text, slip, fields = emulator.run(argv)
    except Failure as failure:
        code, text, slip, fields = failure.code, failure.text, "", {}
    emulator.save_journal()
    (directory / "p").unlink(missing_ok=True)
    if slip:
        (directory / "p").write_bytes(slip.encode(ENCODING, errors="replace"))
    if emulator.hooks.get("write_e", True):
        write_result(directory, code, text, fields)
        print(f"return:{code}")
    if os.name != "nt" and code > 255:
        return 255
    return code


if __name__ == "__main__":
    sys.exit(main())
