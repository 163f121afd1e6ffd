"""BackgroundOp: results on the GUI thread, errors shown translated, changes announced."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp, OperationBus, operation_bus
from shared.db.connection import ServerUnreachable


def _wait(qtbot, predicate):
    qtbot.waitUntil(lambda: bool(predicate()), timeout=5000)


def test_success_runs_fn_on_a_worker_and_callback_on_gui_thread(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    threads = {}
    results = []

    def fn():
        threads["fn"] = threading.current_thread()
        return 42

    def done(value):
        threads["success"] = threading.current_thread()
        results.append(value)

    BackgroundOp(parent, fn).success(done).run()
    _wait(qtbot, lambda: results)
    assert results == [42]
    assert threads["fn"] is not threading.main_thread()
    assert threads["success"] is threading.main_thread()


def test_success_announces_changes_on_the_bus(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    bus = OperationBus()
    with qtbot.waitSignal(bus.changed, timeout=5000) as blocker:
        BackgroundOp(parent, lambda: None).changes("offices", "staff").bus(bus).run()
    assert blocker.args == [frozenset({"offices", "staff"})]


def test_application_bus_is_one_per_application(qapp):
    assert operation_bus() is operation_bus(qapp)


def test_domain_error_is_shown_translated(qtbot, no_message_boxes):
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail():
        raise ServerUnreachable(host="db.clinic.local", port=5432)

    from medcenter_desktop import i18n

    i18n.install_translations("ru")
    BackgroundOp(parent, fail).run()
    _wait(qtbot, lambda: no_message_boxes)
    kind, text = no_message_boxes[0]
    assert kind == "warning"
    assert text.startswith("Сервер базы данных db.clinic.local:5432 не отвечает")


def test_unexpected_error_shows_generic_text_and_logs_no_message(qtbot, no_message_boxes, caplog):
    parent = QWidget()
    qtbot.addWidget(parent)

    def crash():
        raise ValueError("patient Ivanov, passport 4510 123456")

    with caplog.at_level(logging.ERROR, logger="medcenter_desktop.operations"):
        BackgroundOp(parent, crash).run()
        _wait(qtbot, lambda: no_message_boxes)
    kind, text = no_message_boxes[0]
    assert kind == "critical"
    assert "unexpected error" in text
    assert "Ivanov" not in text and "Traceback" not in text
    assert "ValueError" in caplog.text and "crash" in caplog.text
    assert "Ivanov" not in caplog.text and "4510" not in caplog.text


def test_failure_callback_replaces_the_dialog(qtbot, no_message_boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []
    BackgroundOp(parent, lambda: 1 / 0).failure(errors.append).run()
    _wait(qtbot, lambda: errors)
    assert isinstance(errors[0], ZeroDivisionError)
    assert no_message_boxes == []


def test_progress_appears_only_for_slow_operations(qtbot, monkeypatch):
    from medcenter_desktop import operations

    monkeypatch.setattr(operations, "PROGRESS_DELAY_MS", 10)
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    results = []
    op = BackgroundOp(parent, lambda: release.wait(5)).success(results.append).with_progress("Loading…")
    op.run()
    _wait(qtbot, lambda: op.progress_dialog is not None)
    assert op.progress_dialog.labelText() == "Loading…"
    release.set()
    _wait(qtbot, lambda: results)
    assert op.progress_dialog is None


def test_result_for_a_closed_window_is_dropped(qtbot):
    parent = QWidget()
    release = threading.Event()
    results = []
    BackgroundOp(parent, lambda: release.wait(5)).success(results.append).run()
    parent.deleteLater()
    qtbot.wait(20)
    release.set()
    from medcenter_desktop.operations import wait_for_background_ops

    wait_for_background_ops()
    qtbot.wait(50)
    assert results == []
