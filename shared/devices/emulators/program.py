"""A device emulator as a program of its own (POSIX): what ``python -m shared.devices.emulators.shtrih``
and ``python -m shared.devices.emulators.telium`` share.

Command line (both programs; each adds its own options)::

    --state PATH         the journal (JSON); created when missing; a broken one stops the program
    --link PATH          a symbolic link to the pseudo-terminal (a stale link is replaced; removed on exit),
                         so that settings can name a port that does not change between runs
    --control PATH       a UNIX socket for test controls (below)
    --exit-with-parent   stop when the process that started the emulator is gone
    --lock-timeout SEC   how long to wait for another emulator on the same journal to stop (default 5)

Once serving, the program prints one line on stdout, the port a driver opens (the link when given,
else the pseudo-terminal), and flushes it. It serves until SIGTERM or SIGINT, then stops, removes the
link and the socket and exits with 0. It exits with 2, a message on stderr naming the file, when the
journal is broken or in use by another emulator (``<state>.lock`` is locked while it runs), or the link
or the socket cannot be made. The log goes to stderr.

Control channel: connect to the ``--control`` socket and send JSON objects, one a line; every line gets
one line back, ``{"ok": true, "state": {...}}`` or ``{"ok": false, "error": "..."}``. An object's keys
are checked first and applied together (``{}`` only asks for the state); `send_control` does it in one
call. The keys each emulator takes are in its ``control`` function; both take:

* ``"kill_on": {"pid": N, "phase": "before"|"after", "command": C, "signal": "SIGKILL", "skip": 0,
  "drop": false}``: one-shot: sends the signal (default SIGKILL) to process N when the emulator is at
  ``phase`` of command C (any command when absent or null), letting ``skip`` such moments pass first.
  ``before``: the request was received and not executed; ``after``: executed and saved, the answer not
  yet sent. After SIGKILL the emulator waits (up to 2 s) until the process is gone, then goes on: the
  request is executed and answered to nobody, as a real device would. With ``"drop": true`` (phase
  ``before`` only) the request is instead dropped unexecuted and unanswered, as by a device that lost
  power on receiving it;
* ``"clear": true``: drops every fault, forced error and kill rule.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.devices.emulators.journal import EmulatorStateError

log = logging.getLogger(__name__)

PHASES = ("before", "after")
MAX_LINE = 64 * 1024


class StartError(RuntimeError):
    """The program cannot start: journal in use, link or socket path taken."""


class ControlError(RuntimeError):
    """The emulator refused a control message (the reason is the message)."""


class RequestDropped(Exception):
    """Raised by an ``on_command`` hook at phase "before": the emulator drops the request unexecuted
    and sends no answer."""


# --- checking control values ------------------------------------------------------------------------


def flag(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} takes true or false, not {value!r}")
    return value


def count(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key!r} takes a non-negative integer, not {value!r}")
    return value


def seconds(value: Any, key: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 3600:
        raise ValueError(f"{key!r} takes seconds (0..3600), not {value!r}")
    return float(value)


def unknown_keys(message: dict, known: set[str]) -> None:
    extra = sorted(set(message) - known)
    if extra:
        raise ValueError(f"unknown control keys {extra}; known: {sorted(known)}")


# --- kill rules -------------------------------------------------------------------------------------


@dataclass
class KillRule:
    pid: int
    phase: str
    command: Any = None  # None: any command
    signal: int = signal.SIGKILL
    skip: int = 0
    drop: bool = False


def _signal_number(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return signal.Signals(value).value
    if isinstance(value, str):
        name = value.upper()
        return signal.Signals[name if name.startswith("SIG") else "SIG" + name].value
    raise ValueError(f"not a signal: {value!r}")


def parse_kill_rule(spec: Any, parse_command: Callable[[Any], Any]) -> KillRule:
    if not isinstance(spec, dict):
        raise ValueError("'kill_on' takes an object {pid, phase, command, signal, skip, drop}")
    unknown_keys(spec, {"pid", "phase", "command", "signal", "skip", "drop"})
    pid = spec.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1:
        raise ValueError(f"'kill_on' needs the pid of one process (> 1), not {pid!r}")
    phase = spec.get("phase")
    if phase not in PHASES:
        raise ValueError(f"'kill_on' phase is one of {PHASES}, not {phase!r}")
    drop = flag(spec.get("drop", False), "drop")
    if drop and phase != "before":
        raise ValueError("'kill_on' drops a request at phase 'before' only")
    command = spec.get("command")
    try:
        sig = _signal_number(spec.get("signal", "SIGKILL"))
    except (KeyError, ValueError) as exc:
        raise ValueError(f"'kill_on' signal {spec.get('signal')!r} is not a signal") from exc
    return KillRule(pid=pid, phase=phase, command=None if command is None else parse_command(command),
                    signal=sig, skip=count(spec.get("skip", 0), "skip"), drop=drop)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # a zombie (killed, not yet reaped by its parent) is gone for our purpose
        with open(f"/proc/{pid}/stat", "rb") as file:
            return file.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except (OSError, IndexError):
        return False


class Killer:
    """An ``on_command`` hook that fires the control channel's ``kill_on`` rules."""

    def __init__(self) -> None:
        self.rules: list[KillRule] = []
        self._lock = threading.Lock()

    def add(self, rule: KillRule) -> None:
        with self._lock:
            self.rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()

    def __call__(self, command: Any, phase: str) -> None:
        with self._lock:
            fire = []
            for rule in list(self.rules):
                if rule.phase != phase or rule.command not in (None, command):
                    continue
                if rule.skip:
                    rule.skip -= 1
                    continue
                self.rules.remove(rule)
                fire.append(rule)
        for rule in fire:
            log.info("kill_on: signal %s to process %s at %s of %r", rule.signal, rule.pid, phase, command)
            try:
                os.kill(rule.pid, rule.signal)
            except ProcessLookupError:
                log.warning("kill_on: process %s is already gone", rule.pid)
                continue
            if rule.signal == signal.SIGKILL:
                deadline = time.monotonic() + 2
                while not _gone(rule.pid) and time.monotonic() < deadline:
                    time.sleep(0.002)
        if any(rule.drop for rule in fire):
            raise RequestDropped(f"dropped at {phase} of {command!r}")


# --- the journal lock, the link, the control socket ---------------------------------------------------


class JournalLock:
    """``<state>.lock``, held (flock) while an emulator serves the journal; holds the holder's pid."""

    def __init__(self, state: Path) -> None:
        self.state = state
        self.path = state.with_name(state.name + ".lock")
        self._fd: int | None = None

    def acquire(self, timeout: float, stop: threading.Event) -> None:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline or stop.is_set():
                    holder = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip() or "?"
                    os.close(fd)
                    raise StartError(f"the journal {self.state} is in use by another emulator "
                                     f"(process {holder}); stop it first") from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # never unlinked: another emulator may be waiting on this very file
            self._fd = None


def make_link(link: Path, target: str) -> None:
    if os.path.lexists(link) and not link.is_symlink():
        raise StartError(f"{link} exists and is not a symbolic link: not replacing it")
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def remove_link(link: Path, target: str) -> None:
    try:
        if link.is_symlink() and os.readlink(link) == target:
            link.unlink()
    except OSError as exc:
        log.warning("could not remove the link %s: %s", link, exc)


class ControlServer:
    """The control socket: JSON lines in, JSON lines out, one thread a connection."""

    def __init__(self, path: Path, apply: Callable[[dict], dict]) -> None:
        self.path = path
        self.apply = apply
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        if os.path.lexists(self.path):
            if not stat.S_ISSOCK(self.path.lstat().st_mode):
                raise StartError(f"{self.path} exists and is not a socket: not replacing it")
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect(str(self.path))
                except OSError:
                    self.path.unlink()  # left by an emulator that was killed
                else:
                    raise StartError(f"another emulator listens on {self.path}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(str(self.path))
        except OSError as exc:
            sock.close()
            raise StartError(f"cannot listen on {self.path}: {exc}") from exc
        sock.listen(8)
        sock.settimeout(0.2)
        self._sock = sock
        threading.Thread(target=self._accept, name="emulator-control", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            for conn in list(self._connections):
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        if self._sock is not None:
            self._sock.close()
            self._sock = None
            try:
                self.path.unlink()
            except OSError:
                pass

    def _accept(self) -> None:
        while not self._stop.is_set():
            sock = self._sock
            if sock is None:
                return
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            with self._lock:
                self._connections.add(conn)
            threading.Thread(target=self._serve, args=(conn,), name="emulator-control-client",
                             daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            with conn, conn.makefile("rb") as lines:
                while not self._stop.is_set():
                    line = lines.readline(MAX_LINE)
                    if not line:
                        return
                    if not line.strip():
                        continue
                    conn.sendall(json.dumps(self.reply(line), ensure_ascii=False).encode("utf-8") + b"\n")
        except OSError:
            pass
        finally:
            with self._lock:
                self._connections.discard(conn)

    def reply(self, line: bytes) -> dict:
        try:
            message = json.loads(line.decode("utf-8"))
            if not isinstance(message, dict):
                raise ValueError("a control message is a JSON object")
            return {"ok": True, **self.apply(message)}
        except (ValueError, TypeError) as exc:
            return {"ok": False, "error": str(exc)}
        except Exception as exc:  # never leave a client without its answer line
            log.exception("control message %r failed", line[:200])
            return {"ok": False, "error": f"the emulator failed: {exc!r}"}


def send_control(path: str | os.PathLike, message: dict | None = None, /, *, timeout: float = 5.0,
                 **keys: Any) -> dict:
    """Sends one control message (``message`` and/or keyword keys) to an emulator program's control
    socket and returns its reply; raises `ControlError` when the emulator refuses it."""
    data = json.dumps({**(message or {}), **keys}).encode("utf-8") + b"\n"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(os.fspath(path))
        sock.sendall(data)
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = sock.recv(MAX_LINE)
            if not chunk:
                break
            answer += chunk
    reply = json.loads(answer.decode("utf-8"))
    if not reply.get("ok"):
        raise ControlError(reply.get("error", "refused"))
    return reply


# --- the program --------------------------------------------------------------------------------------


@dataclass
class Served:
    """An emulator serving on a pseudo-terminal, as `run` needs it."""

    port: str  # the pseudo-terminal's slave path
    stop: Callable[[], None]
    control: Callable[[dict], dict]  # checks and applies the emulator's own control keys; returns its state
    parse_command: Callable[[Any], Any]  # a kill rule's "command" as the emulator's on_command passes it


def parser(prog: str, description: str) -> argparse.ArgumentParser:
    out = argparse.ArgumentParser(prog=prog, description=description)
    out.add_argument("--state", required=True, type=Path, help="the journal file (JSON)")
    out.add_argument("--link", type=Path, help="a symbolic link to make to the pseudo-terminal")
    out.add_argument("--control", type=Path, help="a UNIX socket to take control messages on")
    out.add_argument("--exit-with-parent", action="store_true", help="stop when the parent process is gone")
    out.add_argument("--lock-timeout", type=float, default=5.0,
                     help="seconds to wait for another emulator on the same journal to stop")
    return out


def run(args: argparse.Namespace, name: str, open_emulator: Callable[[Killer], Served]) -> int:
    """Runs one emulator until SIGTERM/SIGINT (or its parent's end); see the module's documentation."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format=f"%(asctime)s {name}[%(process)d] %(levelname)s %(message)s")
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    parent = os.getppid()
    lock = JournalLock(args.state.absolute())
    killer = Killer()
    served: Served | None = None
    server: ControlServer | None = None
    linked = False
    try:
        try:
            lock.acquire(args.lock_timeout, stop)
            served = open_emulator(killer)
            if args.link is not None:
                make_link(args.link, served.port)
                linked = True
            if args.control is not None:
                server = ControlServer(args.control, _control(killer, served))
                server.start()
        except (EmulatorStateError, StartError, OSError) as exc:
            print(f"{name}: {exc}", file=sys.stderr, flush=True)
            return 2
        print(args.link if args.link is not None else served.port, flush=True)
        log.info("serving on %s%s, journal %s", served.port, f" (link {args.link})" if linked else "", args.state)
        while not stop.wait(0.2):
            if args.exit_with_parent and os.getppid() != parent:
                log.info("the parent process is gone: stopping")
                break
        log.info("stopping")
        return 0
    finally:
        if server is not None:
            server.stop()
        if served is not None:
            if linked:
                remove_link(args.link, served.port)
            served.stop()
        lock.release()


def _control(killer: Killer, served: Served) -> Callable[[dict], dict]:
    def apply(message: dict) -> dict:
        message = dict(message)
        spec = message.pop("kill_on", None)
        rule = None if spec is None else parse_kill_rule(spec, served.parse_command)
        state = served.control(message)  # checks every key (and "clear") before it applies any
        if message.get("clear"):
            killer.clear()
        if rule is not None:
            killer.add(rule)
        return {"state": {**state, "kill_rules": len(killer.rules)}}

    return apply
