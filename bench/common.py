"""Shared set-up for benchmarks: a PostgreSQL server (embedded, or MEDCENTER_BENCH_DATABASE_URL),
timing helpers and JSON output."""

from __future__ import annotations

import json
import os
import platform
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from shared.db.connection import ConnectionParams


@contextmanager
def bench_server() -> Iterator[tuple[ConnectionParams, str]]:
    url = os.environ.get("MEDCENTER_BENCH_DATABASE_URL")
    if url:
        yield ConnectionParams.from_url(url), "external"
        return
    from medcenter_desktop.embedded_server import EmbeddedServer

    server = EmbeddedServer(Path(tempfile.mkdtemp(prefix="medcenter-bench-")))
    try:
        yield server.ensure_running(), "embedded"
    finally:
        server.destroy()


def new_namespace() -> str:
    return f"mcb{secrets.token_hex(4)}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def latency_stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def emit(name: str, results: dict, output: Path | None) -> None:
    record = {
        "benchmark": name,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        **results,
    }
    text = json.dumps(record, ensure_ascii=False, indent=2)
    print(text)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")
