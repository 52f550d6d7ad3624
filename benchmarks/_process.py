"""Run one benchmark command as a process of its own and measure it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measured:
    """What one run printed, its wall and CPU seconds and its peak RSS in MB."""

    stdout: bytes
    wall: float
    cpu: float
    peak_mb: float


def measure(command: list[str], *, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> Measured:
    """Run ``command``; exit with its error output when it fails.

    The peak comes from ``/usr/bin/time`` where there is one: a child forked from the
    benchmark would report the benchmark's own memory at the fork as its peak (Linux
    carries it over the exec). CPU time is from ``os.wait4``: this child's own usage and
    its waited-for child's (``RUSAGE_CHILDREN`` would mix all children)."""
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(timer + command, stdout=out, stderr=errors, env=env,
                                   cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(command[:4])}...\n{err}")
        peak = int(err.strip().splitlines()[-1]) / 1024 if timer else usage.ru_maxrss / 1024
        out.seek(0)
        return Measured(out.read(), wall, usage.ru_utime + usage.ru_stime, peak)
