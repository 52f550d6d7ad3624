"""The benchmarks are code of the project too: each one's imports resolve against the
package as it is. A module moved or split (``check.concordance`` -> ``check.analysis``)
left ``benchmarks/concordance_languages.py`` importing a name that had moved, and nothing
ran it: the figures the README quotes could no longer be measured. Importing runs no
benchmark (each runs from its ``main()``), so this costs a second."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("path", sorted(BENCHMARKS.glob("*.py")), ids=lambda p: p.name)
def test_a_benchmark_imports(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # their shared helpers (_corpora, _process)
    name = f"_benchmark_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    assert callable(getattr(module, "main", None)) or path.name.startswith("_"), \
        f"{path.name} has no main()"
