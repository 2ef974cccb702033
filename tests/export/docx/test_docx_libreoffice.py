"""LibreOffice (headless) converts the DOCX to PDF, with the aliased Chinese faces.

Uses the committed fontconfig alias file (宋体 → Noto Serif CJK SC, 黑体 →
Noto Sans CJK SC, 楷体 → Layout Kai from fonts/) and a throwaway LibreOffice
profile, so the test touches nothing of the user's.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

FONTCONFIG = Path(__file__).resolve().parents[3] / "layout/export/docx/fontconfig/fonts.conf"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: Path, out_dir: Path, to: str = "pdf") -> Path:
    profile = out_dir / "lo-profile"
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG), HOME=str(out_dir))
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(out_dir), str(docx)],
        env=env, capture_output=True, text=True, timeout=180)
    pdf = out_dir / (docx.stem + "." + to.split(":")[0])
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


NO_SOFFICE = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                "`make test` installs libreoffice-writer-nogui")


@NO_SOFFICE
def test_libreoffice_converts_both_views_with_the_aliased_faces(sample_docx, pages_docx,
                                                                  sample_issue, tmp_path):
    import pymupdf

    for source in (sample_docx, pages_docx):
        pdf = convert(source, tmp_path)
        with pymupdf.open(pdf) as doc:
            text = "".join(page.get_text() for page in doc)
            fonts = {f[3] for page in doc for f in page.get_fonts()}
        flat = "".join(text.split())
        for article in sample_issue.articles():
            first = article.paragraphs[0].text if article.paragraphs else article.photos[0].caption
            assert first[:12] in flat, article.id
        names = " ".join(fonts)
        assert "NotoSerifCJK" in names and "NotoSansCJK" in names and "LayoutKai" in names, names


@NO_SOFFICE
def test_a_docx_saved_by_libreoffice_still_imports_without_change(sample_docx, sample_dir,
                                                                 tmp_path):
    """Editors on Linux save with LibreOffice: the anchors and style names must survive."""
    from layout.errors import Diagnostics
    from layout.intake.docx import import_docx

    (tmp_path / "lo").mkdir()
    saved = convert(sample_docx, tmp_path / "lo", 'docx:MS Word 2007 XML')
    issue = tmp_path / "issue"
    shutil.copytree(sample_dir, issue)
    before = {p.name: p.read_bytes() for p in (issue / "articles").iterdir()}
    outcome = import_docx(saved, issue, dry_run=False, diag=Diagnostics())
    assert {p.name: p.read_bytes() for p in (issue / "articles").iterdir()} == before
    assert "changed 0 article file(s)" in outcome.text and outcome.complete
