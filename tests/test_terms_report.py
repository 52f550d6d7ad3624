"""The HTML report: self-contained, highlighted concordance, and it runs in a browser."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from tmx_export.model import Pair
from tmx_export.terms import extract_terms
from tmx_export.terms.report import fold, render_report, write_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def seed_terms():
    with (DATA / "terms_seed_pair.tsv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle, delimiter="\t"))
    pair = Pair(row["source"], row["target"], "en-GB", "fr-FR", file="ep-34.txt",
                tuid="1")
    return extract_terms([pair])


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
             file="a", tuid="1"),
        Pair("Each cluster works.", "Chaque conglomérat travaille.", "en-GB", "fr-FR",
             file="a", tuid="2"),
        Pair("A cluster of firms.", "Une grappe d'entreprises.", "en-GB", "fr-FR", file="a",
             tuid="3"),
        Pair("Another cluster of firms.", "Une autre grappe d'entreprises.", "en-GB", "fr-FR",
             file="a", tuid="4"),
        Pair("The cluster policy.", "La politique des conglomérats.", "en-GB", "fr-FR",
             file="a", tuid="5"),
        Pair("The third cluster of firms.", "La troisième grappe d'entreprises.", "en-GB",
             "fr-FR", file="a", tuid="6"),
    ]
    found = extract_terms(units, glossary=[("cluster", "grappe")])
    path = tmp_path / "r.html"
    write_report(found, path)
    html = path.read_text(encoding="utf-8")
    assert "&lt;b&gt;<mark>cluster</mark>&lt;/b&gt;" in html
    assert 'data-flag="inconsistent"' in html
    assert "grappe (3)" in html


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell"):
        path = shutil.which(name)
        if path:
            return path
    return None


# Appended to a copy of the report in the browser test only: drives the page as a user
# would (sort, filter, open a row) and writes what it saw on <body> for --dump-dom.
_DRIVER = """<script>
(function () {
  var body = document.body, table = document.getElementById("pairs");
  function order() {
    return Array.prototype.map.call(table.querySelectorAll("tbody.entry"),
                                    function (e) { return e.dataset.count; }).join(",");
  }
  table.querySelector('th[data-key="count"]').click();
  body.dataset.ascending = order();
  table.querySelector('th[data-key="count"]').click();
  body.dataset.descending = order();
  var filter = document.getElementById("filter");
  var scope = document.getElementById("filter-scope");
  function visible() {
    return Array.prototype.filter.call(
      table.querySelectorAll("tbody.entry"), function (e) { return !e.hidden; }).map(
      function (e) { return e.dataset.source; }).join("|");
  }
  filter.value = "CONGLOMERAT";  // no accent, capitals: terms only, by default
  filter.dispatchEvent(new Event("input"));
  body.dataset.terms = visible();
  scope.value = "all";
  scope.dispatchEvent(new Event("input"));
  filter.value = "RÉGIONALES";
  filter.dispatchEvent(new Event("input"));
  body.dataset.visible = visible();
  var row = table.querySelector("tbody.entry tr.pair");
  row.click();
  body.dataset.opened = row.getAttribute("aria-expanded");
  body.dataset.driven = "yes";
})();
</script>"""


def _allowed(html: str, script: str) -> str:
    """``html`` whose Content-Security-Policy also lets ``script`` (a ``<script>`` the test
    adds) run, known by its hash as the page's own script is."""
    body = script[len("<script>"):-len("</script>")]
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    return html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)


def _dump_dom(tmp_path: Path, page: Path) -> tuple[str, str]:
    """The DOM of ``page`` once its scripts ran in headless Chromium, offline, and the
    browser's log."""
    result = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}",
         # no network at all: a page that needed a CDN would break here
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    return result.stdout, result.stderr


@pytest.mark.skipif(_chromium() is None, reason="no Chromium installed (CI conformance stage)")
def test_report_runs_in_headless_chromium_offline(tmp_path, seed_terms):
    path = tmp_path / "report.html"
    write_report(seed_terms, path)
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"https?://", html)  # nothing to fetch: works offline
    driven = tmp_path / "driven.html"
    driven.write_text(_allowed(html, _DRIVER).replace("</body>", _DRIVER + "\n</body>"),
                      encoding="utf-8")
    dom, log = _dump_dom(tmp_path, driven)
    assert 'data-ready="yes"' in dom, log[-2000:]  # the page's own script ran to its end
    assert 'data-driven="yes"' in dom, log[-2000:]
    assert "Uncaught" not in log, log[-2000:]
    assert re.search(r'<div id="errors" role="alert">\s*</div>', dom)  # no error reported
    body = etree.fromstring(dom.encode("utf-8"), etree.HTMLParser()).find("body")
    counts = sorted(p.count for p in seed_terms)
    assert body.get("data-ascending") == ",".join(map(str, counts))
    assert body.get("data-descending") == ",".join(map(str, reversed(counts)))
    # the search ignores case and accents, and looks in the terms and their variants only
    # unless asked to look in the contexts too
    in_terms = [p.source_term for p in seed_terms
                if "conglomérat" in (p.target_term + " " + " ".join(p.target_variants))]
    assert 0 < len(in_terms) < len(seed_terms)
    assert sorted(body.get("data-terms").split("|")) == sorted(in_terms)
    expected = [p.source_term for p in seed_terms
                if any("régionales" in c.target for c in p.contexts)]
    assert 0 < len(expected) < len(seed_terms)
    assert sorted(body.get("data-visible").split("|")) == sorted(expected)
    assert f"{len(expected)} of {len(seed_terms)} shown" in dom
    assert body.get("data-opened") == "true"


def test_the_search_finds_hyphenated_words_ligatures_and_sharp_s_either_way(tmp_path):
    # "value chain" found no "value-chain" (nor "etats unis" "États-Unis" the other way),
    # "oeuvre" no "œuvre", "strasse" no "Straße": the page folded neither ligatures nor ß,
    # and a query word with a hyphen was looked for as it was typed
    units = [Pair("The value-chain of United States industrial policy and the Strasse.",
                  "La chaîne de valeur de la politique industrielle des États-Unis, l'œuvre "
                  "et la Straße.", "en-GB", "fr-FR", file="a", tuid=str(n)) for n in (1, 2)]
    found = extract_terms(units, glossary=[("industrial policy", "politique industrielle")])
    path = tmp_path / "report.html"
    write_report(found, path)
    html = path.read_text(encoding="utf-8")
    contexts = re.findall(r'data-contexts="([^"]*)"', html)
    assert contexts and all("etats unis" in c and "oeuvre" in c and "strasse" in c
                            and "value chain" in c for c in contexts)
    node = shutil.which("node")
    if node is None:
        pytest.skip("no Node.js to run the page's search")
    queries = ["value chain", "value-chain", "Etats-Unis", "etats unis", "OEUVRE", "œuvre",
               "Strasse", "STRAẞE"]
    folded = _page_fold(node, html, queries)
    for query, words in zip(queries, folded, strict=True):
        # the page shows an entry when every word of the query is in its text
        assert all(word in contexts[0] for word in words.split()), (query, words)


def _page_fold(node: str, html: str, texts: list[str]) -> list[str]:
    """``texts`` folded by the page's own script (its fold function and its tables)."""
    script = re.search(r"  var SPELLED_OUT = .*?function fold\(text\) \{.*?\n  \}", html,
                       re.S)
    assert script is not None
    program = (script.group(0) + "\nconsole.log(JSON.stringify("
               + json.dumps(texts) + ".map(function (q) { return fold(q); })));")
    return json.loads(subprocess.run([node, "-e", program], capture_output=True, text=True,
                                     check=True, timeout=60).stdout)


# (query, a text it must find), as users of each language type them
_FOLDING_CASES = [
    ("ΟΔΟΣ", "Οδοσήμανση"),  # capitals lowered with a final sigma, inside a longer word
    ("οδοσ", "ΟΔΟΣ"),
    ("czlonkowskie", "państwa członkowskie"),  # a letter with a stroke, typed without
    ("LODZ", "Łódź"),
    ("Sostrom", "Søstrøm"),
    ("Dordevic", "Đorđević"),
    ("ısparta", "ISPARTA"),  # dotless and dotted I, either way
    ("istanbul", "İstanbul"),
    ("l'Union", "l’Union européenne"),  # the keyboard's apostrophe for the typographic one
    ("l’union", "l'Union"),
    ("e\u0301tat membre", "États membres"),  # combining accents (NFD) in the query
    ("etat", "E\u0301tats"),  # and in the text
    ("strasse", "Straße"), ("oeuvre", "Œuvre"), ("aequo", "æquo"),
    ("हिन्दी", "हिन्दी भाषा"),  # a virama, a mark the data lost
]


def test_the_search_folds_greek_polish_turkish_letters_and_apostrophes(tmp_path):
    # The report folded with lower() and spelled out œ, æ, ß only, the page's script removed
    # the marks of one Unicode block only: "ΟΔΟΣ" (lowered with a final sigma) found no
    # "οδοσήμανση", "czlonkowskie" no "członkowskie" (as the concordance finds it),
    # "l'Union" no "l’Union", "ısparta" no "ISPARTA", and a Hindi query no Hindi at all
    for query, text in _FOLDING_CASES:
        assert all(word in fold(text) for word in fold(query).split()), (query, text)
    node = shutil.which("node")
    if node is None:
        pytest.skip("no Node.js to run the page's search")
    units = [Pair("The value chain of the Member States.", "La chaîne de valeur des États "
                  "membres.", "en-GB", "fr-FR", file="a", tuid=str(n)) for n in (1, 2)]
    html = render_report(extract_terms(units, glossary=[("value chain", "chaîne de valeur")]))
    texts = [text for case in _FOLDING_CASES for text in case]
    # the page folds a query as the report folded its data, whatever the script
    assert _page_fold(node, html, texts) == [fold(text) for text in texts]


# Texts of a memory from anywhere: markup, quotes that would end an attribute, comment and
# CDATA openers, line separators that end a JavaScript string
_HOSTILE = ['<script>document.body.dataset.ran = "script";</script>',
            '<img src=x onerror="document.body.dataset.ran = 1">', '" onclick="alert(4)',
            "' onclick='alert(5)", "</textarea><!-- ]]> \u2028\u2029 &amp; &"]
# Put into the page past its escaping, as a bug (or a hand) might: the policy stops it
_INJECTED = ('<script>document.body.dataset.ran = "script";</script>'
             '<img src="x" onerror="document.body.dataset.ran = &quot;handler&quot;">')


def test_the_page_runs_no_script_but_its_own_and_fetches_nothing(tmp_path):
    # the page had no Content-Security-Policy: a text of the corpus that escaped its
    # escaping would have run as the page's own script, and could have fetched anything
    units = [Pair(f"The value chain {text} of industrial policy.",
                  f"La chaîne de valeur {text} de la politique industrielle.", "en-GB",
                  "fr-FR", file=f"{text}.tmx", tuid=text) for text in _HOSTILE for _ in (1, 2)]
    found = extract_terms(units, glossary=[("value chain", "chaîne de valeur"),
                                           (_HOSTILE[0], _HOSTILE[1])])
    html = render_report(found, title=_HOSTILE[0])
    page = lxml.html.document_fromstring(html)
    assert len(page.xpath("//script")) == 1 and not page.xpath("//img | //textarea")
    assert not [name for element in page.iter() if isinstance(element.tag, str)
                for name in element.attrib if name.startswith("on")]
    assert "<!--" not in html and "\u2028" not in html.split("<script>")[1]
    policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy and "default-src 'none'" in policy[0]
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)  # type: ignore
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy[0]
    # before the title and anything else the corpus writes
    assert html.index("Content-Security-Policy") < html.index("<title>")
    if _chromium() is None:
        pytest.skip("no Chromium installed (CI conformance stage)")
    injected = tmp_path / "injected.html"
    injected.write_text(html.replace('<div id="errors"', _INJECTED + '<div id="errors"', 1),
                        encoding="utf-8")
    dom, log = _dump_dom(tmp_path, injected)
    assert 'data-ready="yes"' in dom, log[-2000:]  # the page's own script ran
    body = etree.fromstring(dom.encode("utf-8"), etree.HTMLParser()).find("body")
    assert body.get("data-ran") is None, log[-2000:]


_WIDTHS = """<script>
document.querySelectorAll("tr.details").forEach(function (row) { row.hidden = false; });
document.body.dataset.widths = document.documentElement.scrollWidth + "," + window.innerWidth;
</script>"""


@pytest.mark.skipif(_chromium() is None, reason="no Chromium installed (CI conformance stage)")
def test_a_word_longer_than_a_line_does_not_push_the_page_past_the_window(tmp_path):
    # a context holding a word longer than a line (a URL, a code, a run of letters from a
    # broken file) widened its column past the window: the target side went out of sight
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 8
    units = [Pair(f"The value chain of {word} matters.", f"La chaîne de valeur de {word} "
                  "compte.", "en-GB", "fr-FR", file="a", tuid=str(n)) for n in (1, 2)]
    html = render_report(extract_terms(units, glossary=[("value chain", "chaîne de valeur")]))
    page = tmp_path / "widths.html"
    page.write_text(_allowed(html, _WIDTHS).replace("</body>", _WIDTHS + "</body>"),
                    encoding="utf-8")
    dom, log = _dump_dom(tmp_path, page)
    body = etree.fromstring(dom.encode("utf-8"), etree.HTMLParser()).find("body")
    assert body.get("data-widths"), log[-2000:]
    scrolled, window = map(int, body.get("data-widths").split(","))
    assert scrolled <= window
