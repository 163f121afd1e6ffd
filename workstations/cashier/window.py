"""Main window of the cash desk workstation, made for the keyboard.

Tabs on the left -- Payment (Ctrl+1), Refunds (Ctrl+2), Day history (Ctrl+3), Documents (Ctrl+4) -- and
the shift panel always on the right (`shift_panel`). Above them a notice when the desk's devices are not
set up (Device settings…, Ctrl+Shift+D, on the toolbar) and a bar saying what the desk waits for while a device works.

On opening, the window finds its desk and reconciles what an earlier run left unfinished; operations the
devices could not settle open the modal `ReconcileDialog`, which only closes when each is decided. Every
device operation goes through one `DeskControl`, so only one runs at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.lazy_tab import LazyTab
from medcenter_desktop.settings import default_settings_path
from medcenter_desktop.workstation_window import WorkstationWindow
from shared.devices.config import desk_settings_file
from shared.services import cash_desk
from workstations.cashier import WORKSTATION
from workstations.cashier.desk import DeskControl
from workstations.cashier.device_dialog import DeviceSettingsDialog
from workstations.cashier.history_page import HistoryPage
from workstations.cashier.payment_page import PaymentPage
from workstations.cashier.reconcile_dialog import ReconcileDialog
from workstations.cashier.refund_page import RefundPage
from workstations.cashier.shift_panel import ShiftPanel

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class UnavailablePage(QLabel):
    """Stands in for a page this release does not have."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mutedLabel")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(QCoreApplication.translate(
            "CashierWindow", "This part of the workstation is not available in this version."))


def _documents(desk: DeskControl, parent: QWidget) -> QWidget:
    try:
        from workstations.cashier.documents_page import DocumentsPage
    except ImportError:
        return UnavailablePage(parent)
    return DocumentsPage(desk, parent)


class CashierWindow(WorkstationWindow):
    PAYMENT_TAB, REFUNDS_TAB, HISTORY_TAB, DOCUMENTS_TAB = range(4)

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 settings_path: Path | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.resize(1360, 820)
        self.reconcile_dialog: ReconcileDialog | None = None
        self.device_dialog: DeviceSettingsDialog | None = None
        self.desk = DeskControl(session, settings_path or desk_settings_file(default_settings_path()), self)

        self.notice = QFrame(self)
        self.notice.setObjectName("notice")
        self.notice_label = QLabel(self.notice)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("background: transparent; border: none;")
        self.notice_button = QPushButton(self.notice)
        self.notice_button.clicked.connect(self.show_device_settings)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(10, 6, 10, 6)
        notice_layout.addWidget(self.notice_label, 1)
        notice_layout.addWidget(self.notice_button)
        self.busy_bar = QFrame(self)
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setStyleSheet("#busyBar { background: #fff6db; border: 1px solid #ecd27a; border-radius: 6px; }"
                                    "#busyBar QLabel { background: transparent; font-size: 11pt; font-weight: 600; }")
        self.busy_label = QLabel(self.busy_bar)
        self.busy_progress = QProgressBar(self.busy_bar)
        self.busy_progress.setRange(0, 0)
        self.busy_progress.setFixedWidth(160)
        self.busy_progress.setTextVisible(False)
        busy_layout = QHBoxLayout(self.busy_bar)
        busy_layout.setContentsMargins(10, 6, 10, 6)
        busy_layout.addWidget(self.busy_label, 1)
        busy_layout.addWidget(self.busy_progress)
        self.busy_bar.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.payment_page = PaymentPage(self.desk, self.tabs)
        self.refund_page = RefundPage(self.desk, self.tabs)
        self._history_tab = LazyTab(lambda parent: HistoryPage(self.desk, parent), self.tabs)
        self._documents_tab = LazyTab(lambda parent: _documents(self.desk, parent), self.tabs)
        for page in (self.payment_page, self.refund_page, self._history_tab, self._documents_tab):
            self.tabs.addTab(page, "")
        self.shift_panel = ShiftPanel(self.desk, self)

        central = QWidget(self)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.tabs, 1)
        body.addWidget(self.shift_panel)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.notice)
        layout.addWidget(self.busy_bar)
        layout.addLayout(body, 1)
        self.set_central(central)

        self._build_menu()
        self.payment_page.customer_opened.connect(self.refund_page.open_customer)
        self.payment_page.paid.connect(lambda _r: self._history_changed())
        self.payment_page.deposit_taken.connect(lambda _r: self._history_changed())
        for signal in (self.refund_page.refunded, self.refund_page.deposit_returned):
            # the lines refunded are to pay again; the deposit shown on the payment screen changed
            signal.connect(lambda _r: (self._history_changed(), self.payment_page.reload()))
        self.shift_panel.operation_done.connect(lambda _kind: self._history_changed())
        self.desk.busy_changed.connect(self._busy_changed)
        self.desk.ready_changed.connect(lambda _ready: self._update_notice())
        self.desk.unfinished_found.connect(self.show_unfinished)
        self.retranslate_ui()
        self.connect_desk()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def history_page(self) -> HistoryPage:
        return self._history_tab.page  # type: ignore[return-value]

    @property
    def documents_page(self) -> QWidget:
        return self._documents_tab.page

    def connect_desk(self) -> None:
        """Reads the device settings, finds the desk and reconciles what was left unfinished."""
        self.desk.load_settings()
        self._update_notice()
        self.shift_panel.show_state()
        self.desk.start(self.tr("Connecting to the cash desk and checking unfinished operations…"))

    def show_unfinished(self, operations) -> ReconcileDialog | None:
        if not operations:
            return None
        if self.reconcile_dialog is not None and self.reconcile_dialog.isVisible():
            self.reconcile_dialog.show_operations(operations)
            return self.reconcile_dialog
        dialog = ReconcileDialog(self.desk, operations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: self._reconciled())
        self.reconcile_dialog = dialog
        dialog.open()
        return dialog

    def show_device_settings(self) -> DeviceSettingsDialog | None:
        if self.desk.busy:
            return None
        self.desk.release_devices()  # the check opens the registrar's port itself
        dialog = DeviceSettingsDialog(self.desk.settings_path, self.desk.settings, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.connect_desk)
        self.device_dialog = dialog
        self.desk.read(lambda conn: [d.name for d in cash_desk.desks(conn)],
                       lambda names: self._desk_names(dialog, names), lambda exc: None)
        dialog.open()
        return dialog

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        if index == self.PAYMENT_TAB and self.payment_page.customer is None:
            self.payment_page.finder.focus_box()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "tabs"):
            return  # the frame translates itself before this window built its tabs
        for index, text in enumerate((self.tr("Payment (Ctrl+1)"), self.tr("Refunds (Ctrl+2)"),
                                      self.tr("Day history (Ctrl+3)"), self.tr("Documents (Ctrl+4)"))):
            self.tabs.setTabText(index, text)
        self.settings_action.setText(self.tr("Device settings… (Ctrl+Shift+D)"))
        self.unfinished_action.setText(self.tr("Check unfinished operations (Ctrl+Shift+U)"))
        self.notice_button.setText(self.tr("Device settings…"))
        self._update_notice()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.desk.busy:
            QMessageBox.information(self, self.tr("Cash desk"), self.tr(
                "A device is still working ({what}). Wait until it finishes, then close the window.").format(
                    what=self.desk.busy_label))
            event.ignore()
            return
        self.desk.release_devices()
        super().closeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        # A toolbar, not a menu: every workstation frame has the same File/Help menus.
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("cashierToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.settings_action = self._add_action(QKeySequence("Ctrl+Shift+D"), self.show_device_settings)
        self.unfinished_action = self._add_action(QKeySequence("Ctrl+Shift+U"), self._check_unfinished)
        self.toolbar.addAction(self.unfinished_action)
        self.toolbar.addAction(self.settings_action)
        self._tab_shortcuts = []
        for index in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda index=index: self.show_tab(index))
            self._tab_shortcuts.append(shortcut)

    def _add_action(self, sequence: QKeySequence | None, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        if sequence is not None:
            action.setShortcut(sequence)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _check_unfinished(self) -> None:
        self.desk.run(lambda conn, desk, devices: cash_desk.reconcile(conn, desk, devices),
                      self.tr("Asking the devices about unfinished operations…"))

    def _reconciled(self) -> None:
        self.reconcile_dialog = None
        self.payment_page.reload()
        self._history_changed()

    def _history_changed(self) -> None:
        if self._history_tab.isVisible():
            self.history_page.reload()

    def _desk_names(self, dialog: DeviceSettingsDialog, names: list[str]) -> None:
        if self.device_dialog is dialog and dialog.isVisible():
            current = dialog.desk_combo.currentText()
            dialog.desk_combo.clear()
            dialog.desk_combo.addItems(sorted(set(names)))
            dialog.desk_combo.setCurrentText(current)

    def _busy_changed(self, busy: bool, label: str) -> None:
        self.busy_label.setText(label)
        self.busy_bar.setVisible(busy)
        self.settings_action.setEnabled(not busy)
        self.notice_button.setEnabled(not busy)

    def _update_notice(self) -> None:
        desk = self.desk
        if desk.settings_error is not None:
            text = self.tr("The cash desk settings cannot be used: {error} Open the device settings to fix them.").format(
                error=error_text(desk.settings_error))
        elif not desk.settings.configured:
            text = self.tr("The cash desk devices are not set up on this workstation: choose the desk, the fiscal "
                           "registrar's port and the card terminal in the device settings. Until then no money can "
                           "be taken here.")
        elif desk.start_error is not None:
            text = self.tr("The cash desk could not start: {error}").format(error=error_text(desk.start_error))
        else:
            text = ""
        self.notice_label.setText(text)
        self.notice.setVisible(bool(text))
