"""The default of ``--jobs``: the cores this process may use, not the host's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmx_export.cli import main
from tmx_export.cores import cpu_quota, usable_cores


def _cgroup(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="ascii")
    return root


@pytest.mark.parametrize(("files", "cpus"), [
    ({"cpu.max": "200000 100000\n"}, 2),  # cgroup v2, Docker --cpus=2
    ({"cpu.max": "150000 100000\n"}, 2),  # 1.5 CPUs keep two processes busy
    ({"cpu.max": "50000 100000\n"}, 1),
    ({"cpu.max": "max 100000\n"}, None),  # no quota
    ({"cpu/cpu.cfs_quota_us": "300000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 3),  # v1
    ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
    ({}, None),  # no cgroup files: no quota known
    ({"cpu.max": "garbage\n"}, None),
])
def test_a_cgroup_cpu_quota_is_read_in_whole_cpus(tmp_path: Path, files: dict[str, str],
                                                   cpus: int | None) -> None:
    assert cpu_quota(_cgroup(tmp_path, files)) == cpus


def test_the_jobs_default_is_the_affinity_or_the_quota_if_less(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a container limited to 2 CPUs on a 64-core host: os.cpu_count() says 64
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert usable_cores(_cgroup(tmp_path / "quota", {"cpu.max": "200000 100000"})) == 2
    assert usable_cores(_cgroup(tmp_path / "none", {"cpu.max": "max 100000"})) == 64
    # a CPU set (taskset, a cpuset) of 3 cores and a larger quota: the set
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 5, 9}, raising=False)
    assert usable_cores(_cgroup(tmp_path / "large", {"cpu.max": "800000 100000"})) == 3
    # no affinity on this system: the machine's cores, the quota still applies
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    assert usable_cores(tmp_path / "missing") == 64
    assert usable_cores(tmp_path / "quota") == 2


@pytest.mark.parametrize("command", ["build", "check", "terms", "stats", "merge"])
def test_every_jobs_option_shows_its_default(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "the cores this process may use" in " ".join(result.output.split())
