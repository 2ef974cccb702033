"""The process forked to write the DOCX and EPUB imports nothing the drawing process
imports too (Pillow, lxml, the loss check): those are imported once, before the fork
(`pipeline.import_shared`), not once in each process."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from layout.export import REGISTRY, shared_imports
from tests.conftest import REPO, SAMPLE

RECORD = """
import json, sys
import layout.pipeline as P
out, child_start = sys.argv[1], P._export_child
state = {}

def start(*args, **kwargs):
    state["fork"] = set(sys.modules)
    return original(*args, **kwargs)

def child(*args, **kwargs):
    before = set(sys.modules)
    try:
        return child_start(*args, **kwargs)
    finally:
        json.dump({"child": sorted(set(sys.modules) - before)}, open(out + ".child", "w"))

original, P.start_export_process, P._export_child = P.start_export_process, start, child
from layout.cli import app
try:
    app(sys.argv[2:])
finally:
    json.dump({"parent": sorted(set(sys.modules) - state.get("fork", set()))}, open(out, "w"))
"""


def modules_imported(tmp_path, formats: str) -> tuple[set[str], set[str]]:
    """Build the sample in FORMATS in a new process; the modules the drawing process
    imported after the fork and those the forked process imported."""
    out = tmp_path / "modules.json"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "LAYOUT_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", RECORD, str(out), "build", str(SAMPLE), "-o",
                           str(tmp_path / "out"), "--format", formats],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    parent = set(json.loads(out.read_text())["parent"])
    child = set(json.loads((tmp_path / "modules.json.child").read_text())["child"])
    return parent, child


def test_the_forked_process_imports_nothing_the_drawing_process_imports(tmp_path):
    parent, child = modules_imported(tmp_path, "pdf,docx,epub")
    assert "docx" in child and "reportlab" in parent     # each process did its own work
    assert child & parent == set()


def test_pillow_and_lxml_are_shared_by_the_pdf_and_the_docx():
    pdf, docx, epub = REGISTRY["pdf"], REGISTRY["docx"], REGISTRY["epub"]
    assert {"PIL.Image", "lxml.etree"} <= set(shared_imports([pdf], [docx, epub]))
    assert "lxml.etree" not in shared_imports([pdf], [epub])
    assert shared_imports([pdf], []) == []


def test_the_web_edition_is_written_beside_the_pdf_sharing_its_drawing_code(tmp_path):
    """The web edition's page images (screen copies drawn by the PDF's code, rasterised
    and encoded) are made in a forked process of their own, beside the PDF: the drawing
    code is imported once, before the fork, and the PDF's process never encodes them."""
    from layout.pipeline import split_exporters

    formats = [REGISTRY[f] for f in ("pdf", "docx", "epub", "web")]
    here, groups = split_exporters(formats)
    assert [e.name for e in here] == ["pdf"]
    assert [[e.name for e in g] for g in groups] == [["web"], ["docx", "epub"]]
    assert split_exporters([REGISTRY["web"]]) == ([REGISTRY["web"]], [])
    assert split_exporters([REGISTRY["pdf"], REGISTRY["docx"]]) == ([REGISTRY["pdf"]], [[REGISTRY["docx"]]])
    assert split_exporters([REGISTRY["docx"], REGISTRY["epub"]]) == ([], [])
    parent, child = modules_imported(tmp_path, "pdf,web")
    assert "layout.export.web.images" in child and "layout.export.web.images" not in parent
    assert child & parent == set()
    assert (tmp_path / "out" / "web" / "index.html").is_file()
