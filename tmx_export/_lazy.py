"""Names a package exports, imported on first use (PEP 562), so that importing the package
(and the command line's ``--help``) loads none of the heavy modules behind them; regular
expressions compiled on first use (:func:`lazy_pattern`)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, cast


def lazy_exports(package: str, namespace: dict[str, Any], exports: dict[str, str]
                 ) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: ``exports`` maps each name to the module
    (relative to ``package``) that defines it; a name once imported is kept in
    ``namespace``, the package's globals."""

    def attribute(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return attribute


class _Pattern:
    """A regular expression compiled on first use (see :func:`lazy_pattern`)."""

    __slots__ = ("_namespace", "_source", "_flags", "_compiled")

    def __init__(self, namespace: dict[str, Any], source: str, flags: int) -> None:
        self._namespace = namespace
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            # the module's globals holding this object now hold the pattern itself: the
            # functions that name it call the pattern's methods directly from then on
            for key, value in list(self._namespace.items()):
                if value is self:
                    self._namespace[key] = compiled
        return getattr(compiled, name)


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` for a module-level name, compiled when the pattern is
    first used rather than when the module is imported: a one-paragraph run compiles only
    the patterns its text reaches. At that first use the calling module's global naming it
    is replaced by the compiled pattern, so later uses cost no more than with
    ``re.compile``; a reference kept elsewhere (another module's import, a container)
    keeps working through one more step."""
    namespace = sys._getframe(1).f_globals
    return cast("re.Pattern[str]", _Pattern(namespace, source, flags))
