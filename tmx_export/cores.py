"""How many processes ``--jobs`` starts by default: the cores this process may use.

``os.cpu_count()`` is the machine's cores, not this process's: in a container or a CI
runner limited to two CPUs on a 64-core host it says 64, and 64 processes, each loading
its word lists and language models (100 MB or more), run slower than two and may exhaust
the memory. A CPU set (taskset, a container's cpuset) is the process's affinity; a CPU
quota (Docker's ``--cpus``, Kubernetes' limits) is the cgroup's ``cpu.max`` (cgroup v2) or
``cpu.cfs_quota_us`` over ``cpu.cfs_period_us`` (v1).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")


def usable_cores(cgroup: Path = CGROUP) -> int:
    """The cores this process may run on: its CPU affinity, fewer where a cgroup CPU quota
    allows less (rounded up: a quota of 1.5 CPUs keeps two processes busy), at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity on this system (macOS, Windows)
        cores = os.cpu_count() or 1
    quota = cpu_quota(cgroup)
    return max(1, min(cores, quota) if quota else cores)


def cpu_quota(cgroup: Path = CGROUP) -> int | None:
    """The CPUs a cgroup CPU quota allows this process, rounded up, or None when there is
    no quota (or no cgroup file to tell)."""
    try:
        fields = (cgroup / "cpu.max").read_text(encoding="ascii").split()  # v2: "max 100000"
    except (OSError, UnicodeDecodeError):
        fields = []
    if len(fields) == 2:
        return _cpus(fields[0], fields[1])
    try:  # cgroup v1: quota -1 for none
        quota = (cgroup / "cpu" / "cpu.cfs_quota_us").read_text(encoding="ascii").strip()
        period = (cgroup / "cpu" / "cpu.cfs_period_us").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return _cpus(quota, period)


def _cpus(quota: str, period: str) -> int | None:
    """``quota`` microseconds of CPU time per ``period`` as whole CPUs, rounded up; None
    for no quota ("max", -1) or what cannot be read."""
    try:
        quota_us, period_us = int(quota), int(period)
    except ValueError:
        return None  # "max": no quota
    if quota_us <= 0 or period_us <= 0:
        return None
    return max(1, math.ceil(quota_us / period_us))
