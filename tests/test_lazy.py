"""Regular expressions compiled on first use (:func:`tmx_export._lazy.lazy_pattern`)."""

from __future__ import annotations

import re
import subprocess
import sys

from tmx_export._lazy import lazy_pattern


def test_a_lazy_pattern_is_compiled_at_first_use_and_then_is_the_pattern() -> None:
    namespace = {"lazy_pattern": lazy_pattern, "re": re}  # a module's globals
    exec("NUMBER = lazy_pattern(r'(\\d+)\\.', re.I)\n"
         "KEPT = (NUMBER,)\n"
         "def numbers(text):\n    return NUMBER.findall(text)\n", namespace)
    assert not isinstance(namespace["NUMBER"], re.Pattern)
    assert namespace["numbers"]("12. and 3. but 4") == ["12", "3"]
    # the global now names the compiled pattern: no step added to later calls
    compiled = namespace["NUMBER"]
    assert isinstance(compiled, re.Pattern)
    assert (compiled.pattern, compiled.flags & re.I) == (r"(\d+)\.", re.I)
    # a reference kept elsewhere still works, as the pattern would
    kept = namespace["KEPT"][0]
    assert kept.sub("#", "7. x") == "# x" and kept.pattern == compiled.pattern


def test_the_pairing_patterns_are_compiled_when_used() -> None:
    # importing the dump's pairing compiles none of its own patterns; using one compiles it
    code = ("import re, sys\n"
            "from tmx_export.dump import pairing\n"
            "def compiled():\n"
            "    return {k for k, v in vars(pairing).items() if isinstance(v, re.Pattern)}\n"
            "before = compiled()\n"
            "pairing.NUMBER_RE.match('34. Calls')\n"
            "print(len(before), sorted(compiled() - before), sorted(before))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    # what is compiled on import is another module's (lang's words), not pairing's
    assert done.stdout.split() == ["1", "['NUMBER_RE']", "['WORD_RE']"]
