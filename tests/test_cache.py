"""The cache of derived data: one folder per release of the data, whatever the install."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tmx_export import cache


@pytest.mark.parametrize("size", [1000, 300_000])  # read whole, and by its two ends
def test_a_folder_is_named_by_content_not_by_install_time(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         size: int) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path / "cache"))
    data = bytes(range(256)) * (size // 256)
    first, second, changed = (tmp_path / n for n in ("a.bin", "b.bin", "c.bin"))
    first.write_bytes(data)
    second.write_bytes(data)
    os.utime(second, (1_000_000, 1_000_000))  # installed at another time
    changed.write_bytes(data[:-1] + b"\x00")  # a new release: its end differs
    named = [cache.derived_folder("model", p) for p in (first, second, changed)]
    assert named[0] == named[1] != named[2]
    assert named[0].parent == tmp_path / "cache" and named[0].name.startswith(f"model-{len(data)}-")
