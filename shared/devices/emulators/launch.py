"""Emulated cash desk devices for the demo and the tests, each in its own process (POSIX).

::

    from shared.devices.emulators.launch import start_emulators

    devices = start_emulators(Path(data_dir) / "devices")
    registrar = ShtrihRegistrar(ShtrihSettings(port=devices.registrar_port))
    acquiring = UposTerminal(devices.upos_command, devices.upos_workdir)
    devices.registrar_control(paper_out=True)  # a control message, see shared.devices.emulators.shtrih
    ...
    devices.stop()  # or: with start_emulators(...) as devices:

`start_emulators` starts ``python -m shared.devices.emulators.shtrih`` (and, with ``telium=True``,
``... .telium``) as a subprocess, waits until it prints its port, and returns an `EmulatedDevices`.
The UPOS emulator is a program the driver runs once per operation, so nothing runs for it: the result
carries its command line (``python -m shared.devices.emulators.upos``, which needs the package
importable from any directory: installed, as installer/setup-dev.sh does, or on PYTHONPATH) and its
work directory. The journals live in ``directory``, so a second
start from the same directory continues the same shift, receipts and card operations::

    directory/shtrih/journal.json   the fiscal journal      directory/shtrih/port   link to its pty
    directory/shtrih/emulator.log   the program's log       directory/shtrih/control.sock
    directory/upos/                 the UPOS work directory (journal upos_emulator.json, files p and e)
    directory/telium/...            as shtrih/, when asked for

A control socket whose path would be too long for a UNIX socket goes to a temporary directory instead
(see ``registrar_control_path``). By default the programs stop by themselves when the process that
started them is gone (``--exit-with-parent``), so a killed demo leaves no emulator behind and the next
start takes over the same journals (it waits for the old program to let go of them). Only one
emulator serves a journal at a time: a second `start_emulators` on a directory whose emulators still
run fails with `EmulatorStartError` naming the journal.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.devices.emulators.program import send_control

ROOT = Path(__file__).resolve().parents[3]  # the source tree holding the `shared` package
UPOS_COMMAND = (sys.executable, "-m", "shared.devices.emulators.upos")
MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to 104..108 bytes


class EmulatorStartError(RuntimeError):
    """An emulator program exited or stayed silent instead of printing its port; the message carries
    the end of its log (e.g. which journal is broken or busy)."""


@dataclass
class EmulatorProcess:
    """One running emulator program."""

    name: str
    process: subprocess.Popen
    port: str  # what the program printed: the link to its pseudo-terminal
    control_path: Path
    log_path: Path
    _socket_dir: Path | None = None

    def control(self, message: dict | None = None, /, **keys: Any) -> dict:
        """Sends a control message; returns the emulator's state (see `send_control`)."""
        return send_control(self.control_path, message, **keys)["state"]

    def stop(self, timeout: float = 5.0) -> int | None:
        """SIGTERM, then SIGKILL after ``timeout``; returns the exit status."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None
        return self.process.returncode


@dataclass
class EmulatedDevices:
    directory: Path
    registrar_port: str  # ShtrihSettings.port
    upos_command: list[str]  # UposTerminal(program=...)
    upos_workdir: Path  # UposTerminal(workdir=...)
    registrar: EmulatorProcess
    telium: EmulatorProcess | None = None
    processes: list[EmulatorProcess] = field(default_factory=list)

    @property
    def registrar_control_path(self) -> Path:
        return self.registrar.control_path

    def registrar_control(self, message: dict | None = None, /, **keys: Any) -> dict:
        """A control message to the fiscal registrar emulator (``paper_out``, ``cover_open``,
        ``force_error``, ``kill_on``...); returns its state."""
        return self.registrar.control(message, **keys)

    @property
    def telium_port(self) -> str | None:
        return self.telium.port if self.telium is not None else None

    def stop(self) -> None:
        """Stops every emulator program (their journals stay in the directory)."""
        for proc in reversed(self.processes):
            proc.stop()

    def __enter__(self) -> EmulatedDevices:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_emulators(directory: str | os.PathLike, *, telium: bool = False, exit_with_parent: bool = True,
                    timeout: float = 20.0, shtrih_args: tuple[str, ...] = ()) -> EmulatedDevices:
    """Starts the emulator programs on the journals in ``directory`` (created when missing) and waits
    for their ports. ``shtrih_args`` are extra options of the Shtrih program (``--serial-number``,
    ``--close-variant``...). Raises `EmulatorStartError` when a program does not start."""
    directory = Path(directory).absolute()
    upos_workdir = directory / "upos"
    upos_workdir.mkdir(parents=True, exist_ok=True)
    started: list[EmulatorProcess] = []
    try:
        registrar = _start("shtrih", directory / "shtrih", timeout, exit_with_parent, shtrih_args)
        started.append(registrar)
        terminal = None
        if telium:
            terminal = _start("telium", directory / "telium", timeout, exit_with_parent, ())
            started.append(terminal)
    except BaseException:
        for proc in started:
            proc.stop()
        raise
    return EmulatedDevices(directory=directory, registrar_port=registrar.port, upos_command=list(UPOS_COMMAND),
                           upos_workdir=upos_workdir, registrar=registrar, telium=terminal, processes=started)


def _start(name: str, directory: Path, timeout: float, exit_with_parent: bool,
           extra: tuple[str, ...]) -> EmulatorProcess:
    directory.mkdir(parents=True, exist_ok=True)
    control, socket_dir = directory / "control.sock", None
    if len(os.fsencode(control)) > MAX_SOCKET_PATH:
        socket_dir = Path(tempfile.mkdtemp(prefix="medcenter-emu-"))
        control = socket_dir / f"{name}.sock"
    argv = [sys.executable, "-m", f"shared.devices.emulators.{name}", "--state", str(directory / "journal.json"),
            "--link", str(directory / "port"), "--control", str(control), *extra]
    if exit_with_parent:
        argv.append("--exit-with-parent")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    log_path = directory / "emulator.log"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log,
                                   cwd=directory, env=env)
    proc = EmulatorProcess(name, process, "", control, log_path, socket_dir)
    try:
        proc.port = _read_port(process, timeout)
    except BaseException:
        proc.stop()
        raise
    if not proc.port:
        status = proc.stop()
        raise EmulatorStartError(f"The {name} emulator did not start (exit status {status}): "
                                 f"{_tail(log_path) or 'no message'} (log: {log_path})")
    return proc


def _read_port(process: subprocess.Popen, timeout: float) -> str:
    """The first line the program prints, or '' when it exits first; EmulatorStartError on a timeout."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise EmulatorStartError(f"{process.args[2]} printed no port within {timeout:g} s")
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.5))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                return ""
            data += chunk
    return data.split(b"\n", 1)[0].decode(errors="replace").strip()


def _tail(path: Path, lines: int = 5) -> str:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return ""
    return " | ".join(line for line in text.strip().splitlines()[-lines:] if line.strip())
