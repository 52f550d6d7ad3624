"""The cache of derived data: one folder per release of the data, whatever the install."""

from __future__ import annotations

import os
import time
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


def _folder(parent: Path, name: str, days_old: float) -> Path:
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "data.bin").write_bytes(b"x" * 10)
    stamp = time.time() - days_old * 24 * 3600
    os.utime(folder, (stamp, stamp))
    return folder


def test_filling_a_folder_removes_the_folders_of_its_kind_no_run_has_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    source = tmp_path / "model.bin"
    source.write_bytes(b"a release of the data")
    new = cache.derived_folder("model", source)
    stale = _folder(tmp_path, "model-999-0123abcd", cache.STALE_DAYS + 1)
    in_use = _folder(tmp_path, "model-998-89abcdef", cache.STALE_DAYS - 1)  # another venv's
    other_kind = _folder(tmp_path, "words-en-999-0123abcd", cache.STALE_DAYS + 1)
    longer_kind = _folder(tmp_path, "model-x-999-0123abcd", cache.STALE_DAYS + 1)
    killed = _folder(tmp_path, ".model-999-0123abcd.k1ll3d", 2)  # a killed run's
    filling = _folder(tmp_path, ".model-998-89abcdef.n0w", 0)  # a run filling it now
    cache.fill_atomically(new, lambda work: (work / "data.bin").write_bytes(b"derived"))
    assert (new / "data.bin").read_bytes() == b"derived"
    assert not stale.exists() and not killed.exists()
    assert in_use.exists() and other_kind.exists() and longer_kind.exists() and filling.exists()


def test_a_run_marks_the_folder_it_uses_so_it_is_not_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMX_EXPORT_CACHE", str(tmp_path))
    source = tmp_path / "model.bin"
    source.write_bytes(b"a release of the data")
    name = cache.derived_folder("model", source).name
    used = _folder(tmp_path, name, cache.STALE_DAYS + 5)  # filled long ago
    assert cache.derived_folder("model", source) == used
    assert used.stat().st_mtime > time.time() - 60
    other = tmp_path / "model2.bin"
    other.write_bytes(b"another release of the data")
    cache.fill_atomically(cache.derived_folder("model", other), lambda work: None)
    assert (used / "data.bin").exists()
