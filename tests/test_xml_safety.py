"""Hostile XML: entity expansion and external entities are refused, nothing is fetched.

"Nothing read" is checked, not assumed: the external resources are a named pipe (a reader
opening it would be seen by the writer thread) and a local TCP port (a fetch would be a
pending connection).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tmx_export.errors import InputError
from tmx_export.formats.tmx import read_tmx
from tmx_export.formats.xml import check_prolog

UNIT = '<tu><tuv xml:lang="en"><seg>{src}</seg></tuv><tuv xml:lang="fr"><seg>b</seg></tuv></tu>'


def tmx(doctype: str, src: str = "a") -> str:
    return (f'<?xml version="1.0"?>\n{doctype}\n<tmx version="1.4"><header srclang="en"/>'
            f"<body>{UNIT.format(src=src)}</body></tmx>\n")


BILLION_LAUGHS = """<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as err:
        read_tmx(path, source_lang="en", target_lang="fr")
    assert "refused" in str(err.value)
    return err.value


def test_billion_laughs_refused_quickly(tmp_path):
    path = tmp_path / "laughs.tmx"
    path.write_text(tmx(BILLION_LAUGHS, "&lol9;"), encoding="utf-8")
    start = time.perf_counter()
    error = refused(path)
    assert time.perf_counter() - start < 1.0
    assert str(error).startswith(f"{path}:3: refused: the DOCTYPE declares entities")


def test_billion_laughs_in_utf16_refused(tmp_path):
    path = tmp_path / "laughs16.tmx"
    path.write_bytes(tmx(BILLION_LAUGHS, "&lol9;").replace("\n", "\r\n").encode("utf-16"))
    refused(path)


def test_external_entity_etc_passwd_refused(tmp_path):
    path = tmp_path / "xxe.tmx"
    path.write_text(tmx('<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"))
    error = refused(path)
    assert "root:" not in str(error)


def test_parameter_entity_refused(tmp_path):
    path = tmp_path / "param.tmx"
    path.write_text(tmx('<!DOCTYPE tmx [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'))
    refused(path)


def test_entities_hidden_after_a_fake_root_in_a_processing_instruction(tmp_path):
    path = tmp_path / "pi.tmx"
    path.write_text('<?xml version="1.0"?><?pi <tmx>?>\n'
                    + tmx(BILLION_LAUGHS, "&lol9;").split("\n", 1)[1])
    refused(path)


def test_check_prolog_ignores_entity_text_in_the_body():
    doc = tmx("", "&lt;!ENTITY is fine as text").encode()
    check_prolog(doc, "ok.tmx")


class PipeWatch:
    """A named pipe whose opening by any reader is recorded by a writer thread."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "secret.pipe"
        os.mkfifo(self.path)
        self.opened = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with open(self.path, "w") as pipe:  # blocks until someone opens it for reading
            self.opened.set()
            pipe.write("SECRET-CONTENT")

    def close(self) -> None:
        if not self.opened.is_set():
            # release the writer thread with a reader of our own
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
            self.thread.join(timeout=5)
            os.close(fd)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_external_entity_never_opens_the_file(tmp_path):
    watch = PipeWatch(tmp_path)
    try:
        path = tmp_path / "xxe-pipe.tmx"
        path.write_text(tmx(f'<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{watch.path}">]>', "&x;"))
        refused(path)
        assert not watch.opened.is_set()
    finally:
        watch.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_external_dtd_is_not_loaded_and_the_file_is_read(tmp_path):
    # Real TMX names a DTD ("tmx14.dtd"); it must be ignored, not fetched.
    watch = PipeWatch(tmp_path)
    try:
        path = tmp_path / "dtd.tmx"
        path.write_text(tmx(f'<!DOCTYPE tmx SYSTEM "file://{watch.path}">'))
        pairs = read_tmx(path, source_lang="en", target_lang="fr").pairs
        assert [(p.source, p.target) for p in pairs] == [("a", "b")]
        assert not watch.opened.is_set()
    finally:
        watch.close()


@pytest.fixture
def listener():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server
    server.close()


def connections(server: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = server.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_no_network_for_external_dtd_or_entity(tmp_path, listener):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/tmx14.dtd"
    dtd_only = tmp_path / "net-dtd.tmx"
    dtd_only.write_text(tmx(f'<!DOCTYPE tmx SYSTEM "{url}">'))
    assert len(read_tmx(dtd_only, source_lang="en", target_lang="fr").pairs) == 1
    entity = tmp_path / "net-entity.tmx"
    entity.write_text(tmx(f'<!DOCTYPE tmx [<!ENTITY x SYSTEM "{url}">]>', "&x;"))
    refused(entity)
    time.sleep(0.05)
    assert connections(listener) == 0


@pytest.mark.parametrize(("src", "what"), [
    ("x" * 10_000_001, "a text or an attribute value of more than 10 MB"),
    ("<hi>" * 300 + "x" + "</hi>" * 300, "elements nested more than 256 deep"),
])
def test_a_file_past_the_parsers_limits_is_too_large_not_ill_formed(tmp_path, src, what):
    # libxml2's limits stay on against hostile files; a file past them is well-formed, and
    # the error said "not well-formed XML: Resource limit exceeded: ... try XML_PARSE_HUGE",
    # an lxml flag the user cannot set
    from click.testing import CliRunner

    from tmx_export.cli.tools import merge_command, validate_command

    path = tmp_path / "big.tmx"
    path.write_text(tmx("", src=src), encoding="utf-8")
    expected = f"{path}:3: too large to read safely: {what} (a limit kept against hostile files)"
    with pytest.raises(InputError) as err:
        read_tmx(path, source_lang="en", target_lang="fr")
    assert str(err.value) == expected
    out = tmp_path / "merged.tmx"
    merged = CliRunner().invoke(merge_command, [str(path), "-o", str(out)])
    assert (merged.exit_code, merged.stderr) == (1, f"tmx-export: error: {expected}\n")
    assert not out.exists()
    checked = CliRunner().invoke(validate_command, [str(path)])
    assert checked.exit_code == 1 and expected in checked.stdout.splitlines()


NBSP_UNITS = ('<tu><tuv xml:lang="en-GB"><seg>The sitting is open.</seg></tuv>'
              '<tuv xml:lang="fr-FR"><seg>La séance est ouverte.</seg></tuv></tu>\n'
              '<tu><tuv xml:lang="en-GB"><seg>Article&nbsp;5 applies.</seg></tuv>'
              '<tuv xml:lang="fr-FR"><seg>L&rsquo;article 5 s’applique.</seg></tuv></tu>\n')


@pytest.mark.parametrize("doctype", ['<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
                                     "<!DOCTYPE tmx\r\nPUBLIC '-//LISA//DTD TMX 1.4//EN'\r\n"
                                     "  'tmx14.dtd'>", ""])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_an_undefined_entity_is_refused_at_its_line_whatever_the_doctype(tmp_path, doctype,
                                                                       encoding):
    # a DOCTYPE naming a DTD (DGT-TM's, OmegaT's and the LISA kit's files all have one) let
    # "&nbsp;" through as a reference the text then lost: "Article5 applies." was written,
    # counted as a repair; without a DOCTYPE the same unit stopped the run with "no element
    # found" and no line. Now both are the entity, at its line, and nothing is written.
    from click.testing import CliRunner

    from tmx_export.cli import main

    text = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n{doctype}\n<tmx version="1.4">\n'
            '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" '
            'adminlang="en" srclang="en-GB" datatype="plaintext"/>\n<body>\n'
            f"{NBSP_UNITS}</body>\n</tmx>\n")
    path = tmp_path / "memory.tmx"
    path.write_bytes(text.encode(encoding))
    line = text[:text.index("&nbsp;")].count("\n") + 1
    expected = f"{path}:{line}: undefined entity &nbsp; "
    with pytest.raises(InputError) as raised:
        read_tmx(path, source_lang="en-GB", target_lang="fr-FR")
    assert str(raised.value).startswith(expected)
    for command in (["build", str(path), "-o", str(tmp_path / "out.tmx")],
                    ["check", str(path)], ["stats", str(path)], ["validate", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == (2 if command[0] == "check" else 1), command
        assert expected in result.output and "Traceback" not in result.output, command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx"]
    # the same file with the characters themselves reads, the DOCTYPE kept
    path.write_bytes(text.replace("&nbsp;", "\u00a0").replace("&rsquo;", "’").encode(encoding))
    pairs = read_tmx(path, source_lang="en-GB", target_lang="fr-FR").pairs
    assert [p.source for p in pairs] == ["The sitting is open.", "Article\u00a05 applies."]


def test_an_undefined_entity_in_a_tbx_or_xliff_naming_a_dtd_is_refused(tmp_path):
    from tmx_export.formats.ttkstore import read_ttk
    from tmx_export.terms.tbx import read_tbx

    tbx = tmp_path / "glossary.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
        '<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p>'
        "</sourceDesc></fileDesc></martifHeader><text><body>\n"
        '<termEntry id="c1"><langSet xml:lang="en"><tig><term>value chain</term></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>chaîne&nbsp;de valeur</term></tig></langSet>'
        "</termEntry>\n</body></text></martif>\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"glossary\.tbx:4: undefined entity &nbsp;"):
        read_tbx(tbx, "en", "fr")
    xliff = tmp_path / "doc.xlf"
    xliff.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "xliff.dtd">\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="a" source-language="en" target-language="fr" datatype="plaintext">'
        "<body>\n"
        '<trans-unit id="1"><source>Article 5</source><target>Article&nbsp;5</target>'
        "</trans-unit>\n</body></file></xliff>\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"doc\.xlf:5: undefined entity &nbsp;"):
        read_ttk(xliff, source_lang="en", target_lang="fr")


def test_a_utf16_memory_saved_again_as_utf8_with_its_declaration_is_refused_saying_so(
        tmp_path):
    # DGT-TM's UTF-16 export, saved as UTF-8 by an editor that kept encoding="UTF-16LE":
    # libxml2 read the rest as UTF-16 and stopped with "line 1: not well-formed XML: Blank
    # needed here", which says nothing of the cause
    from tmx_export.tools import validate

    original = Path(__file__).parent / "data" / "tmx" / "dgt-tm" / "22019D0391.tmx"
    text = original.read_bytes().decode("utf-16")
    assert text.startswith('<?xml version="1.0" encoding="UTF-16LE"?>')
    resaved = tmp_path / "resaved.tmx"
    resaved.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError) as caught:
        read_tmx(resaved, source_lang="en-GB", target_lang="fr-FR")
    assert caught.value.line == 1
    assert 'declares encoding="UTF-16LE" but is written a byte a character' in str(caught.value)
    [problem] = validate([resaved])
    assert "declares encoding" in problem.message
    # after a UTF-8 byte order mark the declaration is not followed: the file is read
    resaved.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert len(read_tmx(resaved, source_lang="en-GB", target_lang="fr-FR").pairs) == 19
