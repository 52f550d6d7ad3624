"""Names a package exports, imported on first use (PEP 562), so that importing the package
(and the command line's ``--help``) loads none of the heavy modules behind them."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


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
