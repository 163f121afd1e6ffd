"""Background operations: run a service call on a worker thread, then update the screen.

Modelled on Anki's ``CollectionOp``::

    BackgroundOp(self, lambda: reference.list_offices(session.uow())) \\
        .success(self._show_offices) \\
        .with_progress(self.tr("Loading offices…")) \\
        .changes("offices") \\
        .run()

``fn`` runs on a `QThreadPool` thread and must not touch widgets. ``success`` and ``failure`` run on
the GUI thread. Without a ``failure`` callback a `DomainError` is shown translated in a message box,
anything else as a generic "unexpected error" message; the traceback of an unexpected error goes to
the log without the exception's text, which may quote personal data from the database.

After a successful operation that declared ``changes(...)``, the `OperationBus` of the application
emits ``changed`` with those names, so every open screen can refresh what it shows.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from medcenter_desktop.error_dialog import show_error
from shared.errors import DomainError

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long an operation may run before a progress indicator appears (ms): quick ones never flash it.
PROGRESS_DELAY_MS = 400

_BUS_OBJECT_NAME = "medcenter-operation-bus"


class OperationBus(QObject):
    """Tells open screens what an operation changed (``changed(frozenset[str])``)."""

    changed = Signal(object)

    def notify(self, changes: Iterable[str]) -> None:
        changes = frozenset(changes)
        if changes:
            self.changed.emit(changes)


def operation_bus(app: QCoreApplication | None = None) -> OperationBus:
    """The bus of ``app`` (the running application by default); created on first use, owned by the app."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("operation_bus() needs a QApplication")
    bus = app.findChild(OperationBus, _BUS_OBJECT_NAME)
    if bus is None:
        bus = OperationBus(app)
        bus.setObjectName(_BUS_OBJECT_NAME)
    return bus


def log_unexpected(exc: BaseException, what: str = "background operation") -> None:
    """Logs where ``exc`` came from: its type and stack, not its message (it may quote patient data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    stack = "".join(f"\n  {f.filename}:{f.lineno} in {f.name}" for f in frames)
    log.error("%s failed with %s.%s%s", what, type(exc).__module__, type(exc).__qualname__, stack)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, so `deliver` runs on the GUI thread."""

    finished = Signal(object, object)  # result, exception

    def __init__(self, callback: Callable[[Any, Exception | None], None]) -> None:
        super().__init__()
        self._callback = callback
        self.finished.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def deliver(self, result: Any, exc: Exception | None) -> None:
        self._callback(result, exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


# Operations in flight, so that neither the op nor its relay is collected before it reports.
_running: set[BackgroundOp] = set()


class BackgroundOp(Generic[T]):
    """``fn()`` on a worker thread; ``success(result)`` / ``failure(exc)`` on the GUI thread."""

    def __init__(self, parent: QWidget | None, fn: Callable[[], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[Exception], Any] | None = None
        self._progress_label: str | None = None
        self._changes: frozenset[str] = frozenset()
        self._bus: OperationBus | None = None
        self._progress: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._relay: _Relay | None = None

    # --- Public API ------------------------------------------------------------------------------

    def success(self, callback: Callable[[T], Any] | None) -> BackgroundOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any] | None) -> BackgroundOp[T]:
        """Handles every exception of ``fn`` instead of the error dialog (unexpected ones are still logged)."""
        self._failure = callback
        return self

    def with_progress(self, label: str) -> BackgroundOp[T]:
        """Shows a busy indicator with ``label`` (already translated) if ``fn`` takes a while."""
        self._progress_label = label
        return self

    def changes(self, *names: str) -> BackgroundOp[T]:
        """Names what a successful run changed; announced on the operation bus."""
        self._changes = frozenset(names)
        return self

    def bus(self, bus: OperationBus) -> BackgroundOp[T]:
        """Announces changes on ``bus`` instead of the application's own."""
        self._bus = bus
        return self

    def run(self, pool: QThreadPool | None = None) -> None:
        self._relay = _Relay(self._finished)
        _running.add(self)
        if self._progress_label is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(PROGRESS_DELAY_MS)
        (pool or QThreadPool.globalInstance()).start(_Job(self._fn, self._relay))

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        """The progress indicator while it is shown (for tests)."""
        return self._progress

    # --- Internals -------------------------------------------------------------------------------

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _show_progress(self) -> None:
        if not self._parent_alive():
            return
        dialog = QProgressDialog(self._progress_label or "", "", 0, 0, self._parent)
        dialog.setCancelButton(None)
        dialog.setWindowTitle(QCoreApplication.translate("BackgroundOp", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._progress = dialog

    def _stop_progress(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._progress is not None:
            if shiboken6.isValid(self._progress):
                self._progress.close()
                self._progress.deleteLater()
            self._progress = None

    def _finished(self, result: Any, exc: Exception | None) -> None:
        _running.discard(self)
        self._stop_progress()
        if self._relay is not None:
            self._relay.deleteLater()
            self._relay = None
        if not self._parent_alive():
            # The screen that asked was closed meanwhile; nobody is left to show the result to.
            if exc is not None and not isinstance(exc, DomainError):
                log_unexpected(exc)
            return
        if exc is not None:
            self._report(exc)
            return
        try:
            if self._success is not None:
                self._success(result)
        finally:
            if self._changes:
                (self._bus or operation_bus()).notify(self._changes)

    def _report(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):
            log_unexpected(exc)
        if self._failure is not None:
            self._failure(exc)
        else:
            show_error(self._parent, exc)


def wait_for_background_ops(timeout_ms: int = 5000) -> None:
    """Blocks until worker threads finish and their results were delivered (tests, shutdown)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
    QCoreApplication.processEvents()


# --- Units of work on a worker thread --------------------------------------------------------------


def in_uow(session: AppSession, fn: Callable[[Connection], T], *, commit: bool = True) -> T:
    """``fn(connection)`` in one unit of work of ``session``, committed unless ``commit`` is false."""
    with session.uow() as uow:
        assert uow.session is not None
        result = fn(uow.session.connection())
        if commit:
            uow.commit()
        return result


def session_op(parent: QWidget, session: AppSession, fn: Callable[[Connection], T], *changes: str,
               commit: bool = True) -> BackgroundOp[T]:
    """The usual user verb: ``fn(connection)`` in one unit of work on a worker thread; on success
    the bus announces ``changes``. Workstations' ops.py build their functions on this."""
    return BackgroundOp(parent, lambda: in_uow(session, fn, commit=commit)).changes(*changes)
