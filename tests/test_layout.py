"""The package is laid out as its pipeline, and data flows one way.

Two checks, on the code itself:

* the imports (read with ``ast``, including those inside functions) only ever go to a
  module earlier in the pipeline order below: a stage never imports a later stage, the
  formats never import terminology or the pipeline;
* a real ``build`` of a dump, traced call by call: nothing calls into the pipeline but the
  pipeline itself (and the command line), so every stage returns to it.
"""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

from tmx_export.pipeline import build

PACKAGE = Path(__file__).resolve().parents[1] / "tmx_export"
DATA = Path(__file__).parent / "data"

# The pipeline order: a module may import only modules listed before it. Package
# ``__init__`` modules come after their members (they re-export them); the package root
# re-exports everything and is not a stage.
ORDER = [
    # foundation: the cores a run may use, the data model, derived data, word frequencies,
    # language tags, the one exception, text and safe XML
    "_version", "_lazy", "cores", "errors", "model", "cache", "frequencies", "lang",
    # numbers and months written as words, by language: data, which the check of numbers
    # and the paragraph aligner of parallel files (a number written out) both read
    "check.number_words", "formats",
    "formats.decoding", "formats.text", "formats.xml", "formats.kinds",
    # read -> repair -> pair (dumps)
    "dump.repair", "dump.pair_search", "dump.sides", "dump.unnumbered",
    "dump.pairing", "dump.reader", "dump.writer", "dump",
    # clean
    "clean",
    # segment -> align
    "segment.rules", "segment.srx", "segment.align_model", "segment.align_features",
    "segment.align_anchors", "segment.align_band", "segment.align_long", "segment.align_cut",
    "segment.align", "segment.units", "segment",
    # the formats: readers and writers at the two ends of the pipeline
    "formats.profiles", "formats.tsv", "formats.jsonl", "formats.rejects", "formats.table",
    "formats.ttkstore", "formats.parallel", "formats.tmx",
    # which inputs, then the one orchestrator, memories in many languages (bilingual runs
    # merged), then what works on finished memories
    "inputs", "pipeline", "multilingual", "tools.validation", "tools.merging", "tools.counts",
    "tools",
    # terminology, beside the pipeline (it reads units through it)
    "terms.termpair", "terms.stopwords", "terms.languages", "terms.lemmas", "terms.candidates",
    "terms.units", "terms.arrays", "terms.keys", "terms.patterns", "terms.occurrences",
    "terms.link", "terms.forms", "terms.slavic_cases", "terms.case_forms", "terms.citation",
    "terms.rank",
    "terms.associate", "terms.termbase", "terms.tbx", "terms.glossary", "terms._sheet_xml",
    "terms.review", "terms.report", "terms.run", "terms",
    # checking a memory (it reads units through the pipeline, terms through terms/)
    "check", "check.model", "check.text", "check.codes", "check.numbers", "check.rules",
    "check.consistency", "check.terms", "check.report",
    "check.analysis", "check.concordance", "check.tus", "check.read", "check.parts",
    "check.worker", "check.run",
    # the command line
    "cli", "cli.build", "cli.tools", "cli.terms", "cli.check", "cli.concordance",
    # the console script, which starts the command line
    "_console",
]
# The command line's __init__ defines what its command modules share and adds them to the
# group at its end: the one import that goes "down" on purpose.
ALLOWED = {("cli", "cli.build"), ("cli", "cli.tools"), ("cli", "cli.terms"),
           ("cli", "cli.check"), ("cli", "cli.concordance")}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = PACKAGE) -> set[str]:
    """The package modules ``path`` imports at run time (``TYPE_CHECKING`` blocks left out)."""
    name = module_name(path, root)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and ast.unparse(block.test) == "TYPE_CHECKING"
               for stmt in block.body for node in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("tmx_export"):
                target = node.module.removeprefix("tmx_export").lstrip(".")
            else:
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}" if target else alias.name
                found.add(candidate if candidate in ORDER else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("tmx_export"):
                    found.add(alias.name.removeprefix("tmx_export").lstrip("."))
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if p.parent.name != "__pycache__"}


def test_every_module_has_its_place_in_the_order() -> None:
    found = set(modules()) - {""}
    assert found == set(ORDER), (found - set(ORDER), set(ORDER) - found)


def test_imports_only_go_back_along_the_pipeline() -> None:
    rank = {name: i for i, name in enumerate(ORDER)}
    backward = []
    for name, path in modules().items():
        if not name:
            continue  # the package root: the public facade, re-exporting every stage
        for target in imported_modules(path):
            assert target in rank, f"{name} imports {target!r}, which is not in ORDER"
            if rank[target] >= rank[name] and (name, target) not in ALLOWED \
                    and target != name:
                backward.append(f"{name} -> {target}")
    assert backward == []


def test_formats_never_import_terminology_or_the_pipeline() -> None:
    for name, path in modules().items():
        if name.startswith("formats"):
            imported = imported_modules(path)
            assert not {t for t in imported
                        if t.startswith(("terms", "pipeline", "inputs", "cli"))}, name


def test_the_checker_sees_a_backward_import(tmp_path: Path) -> None:
    # The check itself must be able to fail: a stage importing the pipeline, even inside
    # a function, is caught; one under TYPE_CHECKING is not an import at run time.
    source = (PACKAGE / "clean.py").read_text(encoding="utf-8")
    copy = tmp_path / "tmx_export" / "clean.py"
    copy.parent.mkdir()
    copy.write_text(source + "\ndef later():\n    from .pipeline import build\n",
                    encoding="utf-8")
    assert "pipeline" in imported_modules(copy, copy.parent)
    copy.write_text(source + "\nif TYPE_CHECKING:\n    from .pipeline import build\n",
                    encoding="utf-8")
    assert "pipeline" not in imported_modules(copy, copy.parent)


def test_a_dump_build_returns_to_the_pipeline_after_every_stage(tmp_path: Path) -> None:
    edges: set[tuple[str, str]] = set()

    def stage(frame) -> str | None:  # type: ignore[no-untyped-def]
        name = frame.f_globals.get("__name__", "")
        return name.removeprefix("tmx_export.") if name.startswith("tmx_export") else None

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        # A generator resumed by its consumer (the writer pulling the next unit from the
        # pipeline's stream) is data flowing downstream, not a call back: left out.
        if event == "call" and frame.f_back is not None \
                and not frame.f_code.co_flags & inspect.CO_GENERATOR:
            callee, caller = stage(frame), stage(frame.f_back)
            if callee and caller and callee != caller:
                edges.add((caller, callee))

    sys.setprofile(profile)
    try:
        build([DATA / "ep-industrial-policy-34.txt"], tmp_path / "seed.tmx")
    finally:
        sys.setprofile(None)
    into_pipeline = {caller for caller, callee in edges if callee == "pipeline"}
    assert into_pipeline == set(), into_pipeline
    called_by_pipeline = {callee for caller, callee in edges if caller == "pipeline"}
    # The pair goes: inputs (the reader table) -> dump reader, clean, segment, TMX writer.
    assert {"inputs", "clean", "segment.units", "formats.tmx"} <= called_by_pipeline
    assert ("inputs", "dump.reader") in edges
    # No stage hands the pair on to a later stage behind the pipeline's back.
    later = {("dump.reader", "clean"), ("dump.reader", "segment.units"),
             ("clean", "segment.units"), ("segment.units", "formats.tmx"),
             ("clean", "formats.tmx"), ("inputs", "clean"), ("inputs", "segment.units")}
    assert edges & later == set()
