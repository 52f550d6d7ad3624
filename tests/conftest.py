"""Test settings shared by the whole suite."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore a fixed, reproducible set of examples: a run on CI and a run on a
# laptop see the same cases, so a red CI is never a coin toss. Explore new cases locally
# with `pytest --hypothesis-profile=explore`.
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile("default")

# Derived data (the unpacked language model) goes to a cache of the test run's own, not to
# the user's cache directory, removed when the run ends: a quarter of a gigabyte left behind
# by every run fills a disk.
if "TMX_EXPORT_CACHE" not in os.environ:
    os.environ["TMX_EXPORT_CACHE"] = _cache = tempfile.mkdtemp(prefix="tmx-export-test-cache-")
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)


@pytest.fixture
def folder_walks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders a test's run walks (``Path.rglob``), in order: gathering inputs walks
    each folder once per run (:func:`tmx_export.inputs.one_listing`)."""
    walks: list[Path] = []
    rglob = Path.rglob

    def counted(self, pattern, *args, **kwargs):  # type: ignore[no-untyped-def]
        walks.append(self)
        return rglob(self, pattern, *args, **kwargs)

    monkeypatch.setattr(Path, "rglob", counted)
    return walks


@pytest.fixture
def session_pairs() -> list:
    """The two Europarl dev sessions kept in ``tests/data/europarl-sessions`` as their
    paragraph pairs (one paragraph a block of the English and French files), in order."""
    from tmx_export.model import Pair

    folder = Path(__file__).parent / "data" / "europarl-sessions"
    pairs = []
    for session in ("ep-00-01-17", "ep-00-01-21"):
        english, french = ([p.strip() for p in (folder / f"{session}.{lang}.txt").read_text(
            encoding="utf-8").split("\n\n") if p.strip()] for lang in ("en", "fr"))
        pairs += [Pair(e, f, "en-GB", "fr-FR") for e, f in zip(english, french, strict=True)]
    return pairs
