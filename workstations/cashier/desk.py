"""The cash desk of this workstation: its settings, its devices and the one place device work runs.

The cash desk services commit on the connection they are given (journal first), so they are not run in
a `session_op` unit of work: `in_connection` gives each call a connection of its own on a worker thread.
Device calls block (a card payment waits for the client's PIN), so `DeskControl.run` allows one at a
time: while it runs ``busy_changed(True, label)`` lets the screens disable their actions and say what the
desk waits for. After every device operation the same worker reads the desk's state (the registrar's
status, the shift's sums, the operations waiting for a decision) and ``state_changed`` hands it on, so
the shift panel is always current and an unfinished operation is never missed.

Reads that touch no device (client search, lines to pay, the day's history) use `read` and may run
while a device operation is in progress.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from medcenter_desktop.error_dialog import show_error
from medcenter_desktop.operations import BackgroundOp, log_unexpected
from shared.devices import config as device_config
from shared.devices.protocols import RegistrarStatus
from shared.errors import DomainError
from shared.services import cash_desk

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

log = logging.getLogger(__name__)

T = TypeVar("T")


def in_connection(session: AppSession, fn: Callable[[Connection], T]) -> T:
    """``fn(connection)`` on a connection of its own; whatever ``fn`` left uncommitted is rolled back."""
    with session.engine.connect() as conn:
        return fn(conn)


@dataclass(frozen=True)
class DeskState:
    """What the shift panel shows, read right after a device operation."""

    status: RegistrarStatus | None
    status_error: Exception | None
    summary: cash_desk.ShiftSummary | None
    unfinished: tuple[cash_desk.Unfinished, ...] = ()
    read_at: dt.datetime = field(default_factory=dt.datetime.now)


@dataclass(frozen=True)
class Outcome:
    value: Any
    error: Exception | None
    state: DeskState | None


def read_state(conn: Connection, desk: cash_desk.Desk, devices: cash_desk.Devices) -> DeskState:
    status, status_error = None, None
    try:
        status = devices.registrar.status()
    except DomainError as exc:  # DeviceError, DeviceUnavailable: shown on the panel
        status_error = exc
    conn.rollback()
    summary = cash_desk.shift_summary(conn, desk)
    pending = tuple(cash_desk.unfinished(conn, desk))
    conn.rollback()
    return DeskState(status, status_error, summary, pending)


class DeskControl(QObject):
    """This workstation's desk: settings, the desk row, the devices, and the one device operation running."""

    busy_changed = Signal(bool, str)  # busy, what it waits for (translated)
    state_changed = Signal(object)  # DeskState
    ready_changed = Signal(bool)  # the desk is found and its devices set up
    unfinished_found = Signal(object)  # tuple[Unfinished, ...], after any operation that left some

    def __init__(self, session: AppSession, settings_path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.settings_path = settings_path
        self.settings = device_config.DeskSettings()
        self.settings_error: Exception | None = None
        self.start_error: Exception | None = None
        self.desk: cash_desk.Desk | None = None
        self.devices: cash_desk.Devices | None = None
        self.state: DeskState | None = None
        self.busy = False
        self.busy_label = ""
        self._parent = parent

    # --- Public API ------------------------------------------------------------------------------

    @property
    def has_database(self) -> bool:
        return getattr(self.session, "engine", None) is not None

    @property
    def ready(self) -> bool:
        return self.desk is not None and self.devices is not None

    def load_settings(self) -> None:
        """Reads the ``[cash_desk]`` section and sets the devices up (no device is asked anything yet)."""
        self.release_devices()
        self.desk = None
        self.settings_error = None
        self.start_error = None
        try:
            self.settings = device_config.read_desk_settings(self.settings_path)
            if self.settings.configured:
                self.devices = cash_desk.Devices(device_config.open_registrar(self.settings),
                                                 device_config.open_terminal(self.settings))
        except DomainError as exc:
            self.settings_error = exc
            self.devices = None
        self.ready_changed.emit(self.ready)

    def start(self, label: str) -> bool:
        """Finds the desk by its name and reconciles what an earlier run left unfinished (those left for
        the cashier come by ``unfinished_found``)."""
        if self.devices is None or not self.has_database or self.busy:
            return False
        devices, name = self.devices, self.settings.desk

        def job() -> Outcome:
            with self.session.engine.connect() as conn:
                try:
                    desk = cash_desk.desk_by_name(conn, name, self.session.organization_id)
                    conn.commit()
                except Exception as exc:  # an unknown desk, no connection: the window says so
                    return Outcome(None, exc, None)
                error = None
                try:
                    cash_desk.reconcile(conn, desk, devices)
                except Exception as exc:  # the desk works; what was left stays for the cashier
                    error = exc
                conn.rollback()
                return Outcome(desk, error, read_state(conn, desk, devices))

        def started(outcome: Outcome) -> None:
            if outcome.value is None:
                self.start_error = outcome.error
                self.ready_changed.emit(False)
                return
            self.desk = outcome.value
            self.start_error = None
            self.ready_changed.emit(True)
            if outcome.error is not None:
                if not isinstance(outcome.error, DomainError):
                    log_unexpected(outcome.error, "reconciling the cash desk")
                self._show_error(outcome.error)

        self._launch(job, label, started, None)
        return True

    def run(self, fn: Callable[[Connection, cash_desk.Desk, cash_desk.Devices], T], label: str, *,
            success: Callable[[T], Any] | None = None,
            failure: Callable[[Exception], Any] | None = None) -> bool:
        """``fn(conn, desk, devices)`` on the worker, then the desk's state; False when another runs."""
        if not self.ready or self.busy:
            return False
        desk, devices = self.desk, self.devices
        assert desk is not None and devices is not None

        def job() -> Outcome:
            with self.session.engine.connect() as conn:
                value, error = None, None
                try:
                    value = fn(conn, desk, devices)
                except Exception as exc:  # reported on the GUI thread, after the state is read
                    error = exc
                try:
                    conn.rollback()
                    state = read_state(conn, desk, devices)
                except Exception as exc:  # the state is a bonus: the operation's own outcome matters
                    log_unexpected(exc, "reading the cash desk state")
                    state = None
                return Outcome(value, error, state)

        def finished(outcome: Outcome) -> None:
            if outcome.error is not None:
                if not isinstance(outcome.error, DomainError):
                    log_unexpected(outcome.error, "cash desk operation")
                (failure or self._show_error)(outcome.error)
            elif success is not None:
                success(outcome.value)

        self._launch(job, label, finished, failure)
        return True

    def refresh(self, label: str) -> bool:
        """Asks the registrar for its status now (F5)."""
        return self.run(lambda conn, desk, devices: None, label)

    def read(self, fn: Callable[[Connection], T], success: Callable[[T], Any],
             failure: Callable[[Exception], Any] | None = None) -> bool:
        """Database work without a device (a read, or a write that commits itself) on a connection of its
        own; may overlap a device operation."""
        if not self.has_database:
            return False
        BackgroundOp(self._parent, lambda: in_connection(self.session, fn)).success(success).failure(failure).run()
        return True

    def release_devices(self) -> None:
        """Closes the registrar's port (before the settings dialog checks it, and on closing the window)."""
        if self.devices is not None and not self.busy:
            close = getattr(self.devices.registrar, "close", None)
            if close is not None:
                try:
                    close()
                except OSError:
                    log.warning("closing the registrar's port failed")

    # --- Internals -------------------------------------------------------------------------------

    def _show_error(self, exc: Exception) -> None:
        show_error(self._parent, exc)

    def _set_busy(self, busy: bool, label: str = "") -> None:
        self.busy, self.busy_label = busy, label
        self.busy_changed.emit(busy, label)

    def _launch(self, job: Callable[[], Outcome], label: str, done: Callable[[Outcome], Any],
                failure: Callable[[Exception], Any] | None) -> None:
        self._set_busy(True, label)

        def delivered(outcome: Outcome) -> None:
            self._set_busy(False)
            if outcome.state is not None:
                self.state = outcome.state
                self.state_changed.emit(outcome.state)
            done(outcome)
            if outcome.state is not None and outcome.state.unfinished:
                self.unfinished_found.emit(outcome.state.unfinished)

        def failed(exc: Exception) -> None:  # the connection itself failed
            self._set_busy(False)
            (failure or self._show_error)(exc)

        BackgroundOp(self._parent, job).success(delivered).failure(failed).run()
