"""DAISY Ace, the EPUB accessibility checker, on the sample edition.

Ace is installed from npm by `make test` (`make ace`: `.venv/ace`) and runs
its axe-core checks in Debian's Chromium through Puppeteer (no browser
download). It must find no violation, and of the accessibility metadata only
the optional certifier credential and report may be missing. (The 4-page
edition passes too, but takes Ace 30 s; the browser tests check it instead.)
"""
from __future__ import annotations

import json
import os
import subprocess

from tests.export.epub.browser import require_chromium
from tests.export.epub.epub_helpers import REPO

ACE = REPO / ".venv" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
OPTIONAL_METADATA = {"a11y:certifierCredential", "a11y:certifierReport"}


def run_ace(epub_path, out_dir) -> dict:
    assert ACE.exists(), f"DAISY Ace is missing at {ACE}: run `make ace` (make test does)"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": require_chromium(),
           "PUPPETEER_SKIP_DOWNLOAD": "1"}
    done = subprocess.run([str(ACE), "--silent", "-f", "-o", str(out_dir), str(epub_path)],
                          env=env, capture_output=True, text=True, timeout=300)
    report = out_dir / "report.json"
    assert report.exists(), f"Ace did not run: {done.stdout[-1500:]} {done.stderr[-1500:]}"
    return json.loads(report.read_text(encoding="utf-8"))


def violations(report: dict) -> list[str]:
    out = []
    for doc in report["assertions"]:
        for check in doc.get("assertions", []):
            if check["earl:result"]["earl:outcome"] != "pass":
                out.append(f"{doc['earl:testSubject']['url']}: {check['earl:test']['dct:title']}"
                           f" — {check['earl:result'].get('dct:description', '')}")
    return out


def test_ace_reports_no_violation(epub, tmp_path):
    report = run_ace(epub.path, tmp_path / "ace")
    assert violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"
    meta = report["a11y-metadata"]
    assert set(meta["missing"]) <= OPTIONAL_METADATA and meta["empty"] == []
    assert "dcterms:conformsTo" in meta["present"]
