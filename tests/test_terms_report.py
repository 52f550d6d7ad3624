"""The HTML report: self-contained, highlighted concordance, and it runs in a browser."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tmx_export.model import Pair
from tmx_export.terms import clause_units, extract_terms
from tmx_export.terms.report import render_report, write_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def seed_terms():
    with (DATA / "terms_seed_pair.tsv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle, delimiter="\t"))
    pair = Pair(row["source"], row["target"], "en-GB", "fr-FR", file="ep-34.txt",
                props={"tuid": "1"})
    return extract_terms(list(clause_units([pair])))


def test_report_is_self_contained_and_highlights_terms(seed_terms):
    html = render_report(seed_terms)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched
    assert "<mark>value chains</mark>" in html
    assert "<mark>chaînes de valeur</mark>" in html
    assert "<mark>conglomérats</mark>" in html
    assert html.count('class="entry"') == len(seed_terms)
    assert "clusters (4), cluster (2)" in html


def test_report_escapes_text_and_flags_inconsistency(tmp_path):
    units = [
        Pair("The <b>cluster</b> grows.", "Le conglomérat grandit.", "en-GB", "fr-FR",
             file="a", props={"tuid": "1"}),
        Pair("Each cluster works.", "Chaque conglomérat travaille.", "en-GB", "fr-FR",
             file="a", props={"tuid": "2"}),
        Pair("A cluster of firms.", "Une grappe d'entreprises.", "en-GB", "fr-FR", file="a",
             props={"tuid": "3"}),
    ]
    found = extract_terms(units, glossary=[("cluster", "grappe")])
    path = tmp_path / "r.html"
    write_report(found, path)
    html = path.read_text(encoding="utf-8")
    assert "&lt;b&gt;<mark>cluster</mark>&lt;/b&gt;" in html
    assert 'data-flag="inconsistent"' in html
    assert "grappe (1)" in html


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(_chromium() is None, reason="no Chromium installed (CI conformance stage)")
def test_report_runs_in_headless_chromium(tmp_path, seed_terms):
    path = tmp_path / "report.html"
    write_report(seed_terms, path)
    result = subprocess.run(
        [_chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom",
         path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    dom = result.stdout
    assert 'data-ready="yes"' in dom, result.stderr[-2000:]
    assert re.search(r'<div id="errors" role="alert">\s*</div>', dom)
    assert f"{len(seed_terms)} of {len(seed_terms)} shown" in dom
