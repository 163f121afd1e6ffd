"""Device settings of this workstation's cash desk: the ``[cash_desk]`` section of the settings file.

The desk's name, the fiscal registrar (port, baud rate, the FF45 variant its firmware speaks) and the
card terminal (none, Sberbank UPOS program, Ingenico Telium port). Check connection asks the registrar
for its status on a worker thread with what is typed, before anything is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import BackgroundOp
from shared.devices import config as device_config
from shared.devices.config import DeskSettings
from shared.devices.protocols import RegistrarStatus
from shared.errors import DomainError


def check_registrar(settings: DeskSettings) -> RegistrarStatus:
    """The registrar's status over a port opened for this check only."""
    registrar = device_config.open_registrar(settings)
    try:
        return registrar.status()
    finally:
        close = getattr(registrar, "close", None)
        if close is not None:
            close()


class DeviceSettingsDialog(QDialog):
    """Edits and saves the section; ``settings`` holds what was saved."""

    def __init__(self, path: Path, current: DeskSettings, desk_names: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.settings: DeskSettings | None = None
        self.checking = False
        self.setWindowTitle(self.tr("Cash desk devices"))

        self.desk_combo = QComboBox(self)
        self.desk_combo.setEditable(True)
        for name in desk_names or []:
            self.desk_combo.addItem(name)
        self.desk_combo.setCurrentText(current.desk)
        self.port_edit = QLineEdit(current.registrar_port, self)
        self.port_edit.setPlaceholderText(self.tr("COM3, /dev/ttyACM0 or socket://host:port"))
        self.baud_combo = self._choices([(str(b), b) for b in device_config.BAUDRATES], current.registrar_baudrate)
        self.variant_combo = self._choices([
            (self.tr("Rounding and taxes (current firmware)"), "rounding-taxes"),
            (self.tr("Discount groups (older firmware)"), "discount-groups"),
        ], current.registrar_close_variant)
        self.password_edit = QLineEdit(str(current.registrar_password), self)
        self.password_edit.setMaxLength(10)
        self.terminal_combo = self._choices([
            (self.tr("No card terminal (cash only)"), "none"),
            (self.tr("Sberbank UPOS (sb_pilot / loadparm)"), "upos"),
            (self.tr("Ingenico Telium (serial port)"), "telium"),
        ], current.terminal)
        self.upos_program_edit = QLineEdit(current.upos_program, self)
        self.upos_program_edit.setPlaceholderText(self.tr("C:\\sc552\\loadparm.exe"))
        self.upos_browse = QPushButton(self.tr("Browse…"), self)
        self.upos_browse.clicked.connect(self._browse_program)
        self.upos_workdir_edit = QLineEdit(current.upos_workdir, self)
        self.upos_workdir_edit.setPlaceholderText(self.tr("empty: the program's own folder"))
        self.telium_port_edit = QLineEdit(current.telium_port, self)
        self.telium_port_edit.setPlaceholderText(self.tr("COM4"))
        self.telium_baud_combo = self._choices([(str(b), b) for b in device_config.BAUDRATES], current.telium_baudrate)

        registrar = QGroupBox(self.tr("Fiscal registrar (Shtrih-M)"), self)
        form = QFormLayout(registrar)
        form.addRow(self.tr("Port"), self.port_edit)
        form.addRow(self.tr("Baud rate"), self.baud_combo)
        form.addRow(self.tr("Receipt closing (FF45)"), self.variant_combo)
        form.addRow(self.tr("Operator password"), self.password_edit)
        terminal = QGroupBox(self.tr("Card terminal"), self)
        tform = QFormLayout(terminal)
        tform.addRow(self.tr("Kind"), self.terminal_combo)
        program = QHBoxLayout()
        program.addWidget(self.upos_program_edit, 1)
        program.addWidget(self.upos_browse)
        tform.addRow(self.tr("UPOS program"), program)
        tform.addRow(self.tr("UPOS folder"), self.upos_workdir_edit)
        tform.addRow(self.tr("Telium port"), self.telium_port_edit)
        tform.addRow(self.tr("Telium baud rate"), self.telium_baud_combo)
        desk_form = QFormLayout()
        desk_form.addRow(self.tr("Cash desk"), self.desk_combo)

        self.check_button = QPushButton(self.tr("Check connection"), self)
        self.check_button.clicked.connect(self.check_connection)
        self.check_label = QLabel(self)
        self.check_label.setWordWrap(True)
        self.check_label.hide()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        path_label = QLabel(self.tr("Saved in {path}").format(path=path), self)
        path_label.setObjectName("mutedLabel")
        path_label.setWordWrap(True)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_label, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(desk_form)
        layout.addWidget(registrar)
        layout.addWidget(terminal)
        layout.addLayout(check_row)
        layout.addWidget(self.error_label)
        layout.addWidget(path_label)
        layout.addWidget(self.buttons)
        self.terminal_combo.currentIndexChanged.connect(lambda _i: self._terminal_fields())
        self._terminal_fields()
        self.setMinimumWidth(560)

    # --- Public API ------------------------------------------------------------------------------

    def typed_settings(self) -> DeskSettings:
        """What the form says, checked as the file would be (raises `DeviceSettingsError`)."""
        values = {
            "desk": self.desk_combo.currentText().strip(),
            "registrar": "shtrih",
            "registrar_port": self.port_edit.text().strip(),
            "registrar_baudrate": str(self.baud_combo.currentData()),
            "registrar_close_variant": str(self.variant_combo.currentData()),
            "registrar_password": self.password_edit.text().strip(),
            "terminal": str(self.terminal_combo.currentData()),
            "upos_program": self.upos_program_edit.text().strip(),
            "upos_workdir": self.upos_workdir_edit.text().strip(),
            "telium_port": self.telium_port_edit.text().strip(),
            "telium_baudrate": str(self.telium_baud_combo.currentData()),
        }
        settings = device_config.parse_desk_settings(values, self.path)
        if not settings.desk:
            raise device_config.DeviceSettingsError(path=str(self.path), key="desk", problem=device_config.NOT_SET)
        if not settings.registrar_port:
            raise device_config.DeviceSettingsError(path=str(self.path), key="registrar_port",
                                                    problem=device_config.NOT_SET)
        return settings

    def check_connection(self) -> bool:
        if self.checking:
            return False
        try:
            settings = self.typed_settings()
        except DomainError as exc:
            self._show_error(exc)
            return False
        self.error_label.hide()
        self.checking = True
        self.check_button.setEnabled(False)
        self.check_label.setText(self.tr("Asking the registrar…"))
        self.check_label.setStyleSheet("")
        self.check_label.show()
        BackgroundOp(self, lambda: check_registrar(settings)).success(self._checked).failure(
            self._check_failed).run()
        return True

    def save(self) -> None:
        try:
            settings = self.typed_settings()
            device_config.write_desk_settings(self.path, settings)
        except DomainError as exc:
            self._show_error(exc)
            return
        except OSError as exc:
            self.error_label.setText(self.tr("The settings file cannot be written: {error}").format(
                error=exc.strerror or exc))
            self.error_label.show()
            return
        self.settings = settings
        self.accept()

    # --- Internals -------------------------------------------------------------------------------

    def _choices(self, items, current) -> QComboBox:
        combo = QComboBox(self)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def _terminal_fields(self) -> None:
        kind = self.terminal_combo.currentData()
        for widget in (self.upos_program_edit, self.upos_browse, self.upos_workdir_edit):
            widget.setEnabled(kind == "upos")
        for widget in (self.telium_port_edit, self.telium_baud_combo):
            widget.setEnabled(kind == "telium")

    def _browse_program(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("UPOS program"), self.upos_program_edit.text())
        if name:
            self.upos_program_edit.setText(name)

    def _show_error(self, exc: Exception) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _checked(self, status: RegistrarStatus) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        shift = (self.tr("shift {number} open").format(number=status.shift_number) if status.shift_open
                 else self.tr("shift closed"))
        self.check_label.setText(self.tr("Connected: registrar No. {serial}, {shift}.").format(
            serial=status.serial_number or "?", shift=shift))
        self.check_label.setStyleSheet("color: #1d6b3a; font-weight: 600;")

    def _check_failed(self, exc: Exception) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.check_label.setText(error_text(exc))
        self.check_label.setStyleSheet("color: #a61b1b;")
