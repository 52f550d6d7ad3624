"""The fuzz stage: thousands of generated inputs of every kind end in a result or a
one-line refusal, never a traceback, and every run's account adds up.

Derandomised (see conftest.py): CI and a laptop run the same inputs. The generators are in
``fuzz_inputs.py``; ``benchmarks/fuzz.py`` runs many more of them and prints the counts.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from fuzz_inputs import GENERATORS, check_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# How many generated inputs of each kind: 2,000 and more in all (XLSX files cost most to
# make, so fewer of them).
EXAMPLES = {"dump": 500, "parallel": 300, "tmx": 400, "xliff": 300, "po": 300, "table": 300,
            "xlsx": 120}
seen: Counter[tuple[str, str]] = Counter()


@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_generated_inputs_end_in_a_result_or_a_refusal(kind: str) -> None:
    @settings(max_examples=EXAMPLES[kind], deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.integers(min_value=0, max_value=2**32))
    def one(seed: int) -> None:
        directory = Path(tempfile.mkdtemp(prefix="tmx-export-fuzz-"))
        try:
            seen[(kind, check_run(kind, seed, directory))] += 1
        finally:
            shutil.rmtree(directory, ignore_errors=True)

    one()
    outcomes = {outcome for (k, outcome) in seen if k == kind}
    # the generators reach both sides of the line: results and refusals
    assert "refused" in outcomes and outcomes & {"units", "empty"}, dict(seen)
