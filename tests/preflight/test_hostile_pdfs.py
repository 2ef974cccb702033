"""`layout check` on broken and hostile PDFs: one clean line, bounded memory (issue 17, 6–7).

Truncated, encrypted, deeply nested and cyclic files fail with a line that says
what is wrong; decompression bombs (a content stream deflated twice, an image of
40,000 × 40,000 pixels, image data inflating past its size) are refused before
anything decodes them, in well under 500 MB; a missing file and a folder without
an issue are one line each.
"""
from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from layout.cli import app
from tests.conftest import REPO

MEMORY_LIMIT_KB = 500 * 1024


def simple_pdf(content: bytes, resources: bytes = b"<< >>", extra: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF written by hand (objects 1–4, then `extra` as 5, 6 …)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /TrimBox [9 9 586 833] "
               b"/Resources " + resources + b" /Contents 4 0 R >>", content, *extra]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, keys: bytes = b"") -> bytes:
    return b"<< /Length %d " % len(data) + keys + b" >>\nstream\n" + data + b"\nendstream"


def deflated_twice(size: int, unit: bytes) -> bytes:
    once = zlib.compressobj(9)
    chunk, parts = unit * (1 << 20 // len(unit)), []
    for _ in range(size // len(chunk)):
        parts.append(once.compress(chunk))
    return zlib.compress(b"".join(parts) + once.flush(), 9)


def content_bomb() -> bytes:
    data = deflated_twice(80 << 20, b"0 0 m 1 1 l S\n")   # 80 MB of lines, a few KB on disk
    return simple_pdf(stream(data, b"/Filter [/FlateDecode /FlateDecode]"))


def image_bomb() -> bytes:
    image = stream(zlib.compress(b"\0" * 4096), b"/Type /XObject /Subtype /Image /Width 40000 "
                   b"/Height 40000 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /FlateDecode")
    return simple_pdf(stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"), b"<< /XObject << /Im0 5 0 R >> >>",
                      (image,))


def inflating_image() -> bytes:
    """A 100 × 100 image whose data inflates to 300 MB."""
    image = stream(deflated_twice(300 << 20, b"\0" * 4096), b"/Type /XObject /Subtype /Image /Width 100 "
                   b"/Height 100 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]")
    return simple_pdf(stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q"), b"<< /XObject << /Im0 5 0 R >> >>",
                      (image,))


def nested() -> bytes:
    return simple_pdf(stream(b"BT ET"), b"<< /X " + b"[" * 5000 + b"]" * 5000 + b" >>")


def cyclic_form() -> bytes:
    form = stream(b"/F0 Do /F0 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                  b"/Resources << /XObject << /F0 5 0 R >> >>")
    return simple_pdf(stream(b"/F0 Do"), b"<< /XObject << /F0 5 0 R >> >>", (form,))


def cyclic_tree() -> bytes:
    return simple_pdf(stream(b"BT ET")).replace(b"/Kids [3 0 R] /Count 1", b"/Kids [3 0 R 2 0 R] /Count 2")


def check_in_a_process(path: Path) -> tuple[int, str, int]:
    """Exit code, output and peak memory (KB) of `layout check PATH` in its own process."""
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, "
             "text=True); print(r.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
             " print(r.stdout + r.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "layout", "check", str(path)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    code, peak, output = result.stdout.split("\n", 2)
    return int(code), output, int(peak)


@pytest.mark.parametrize("make, words", [
    (content_bomb, "a stream inflating to more than 64 MB"),
    (image_bomb, "an image of 40000 × 40000 pixels"),
    (inflating_image, "image data inflates past its declared 100 × 100 pixels"),
])
def test_decompression_bombs_are_refused_in_bounded_memory(tmp_path, make, words):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(make())
    assert path.stat().st_size < 200_000
    code, output, peak = check_in_a_process(path)
    assert code == 1 and "Traceback" not in output and "internal error" not in output
    assert words in output and "contents and images are not checked" in output
    assert peak < MEMORY_LIMIT_KB, f"{peak // 1024} MB"


@pytest.fixture(scope="module")
def good(sample_issue_pdf) -> Path:
    return sample_issue_pdf


def run_check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(path)])
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    return result.exit_code, result.output


def nested_states() -> bytes:
    """200,000 nested graphics states (q): past MuPDF's limit, which the reading of the
    page's text for the typography report raised as an internal error."""
    data = b"q " * 200_000 + b"Q " * 200_000
    return simple_pdf(stream(zlib.compress(data), b"/Filter /FlateDecode"))


@pytest.mark.parametrize("name, make, words", [
    ("nested-states", nested_states, "page(s) 1 not measured: the PDF reader refuses them"),
    ("nested", nested, "deeply nested"),
    ("cyclic-form", cyclic_form, "no PDF/X output intent"),
    ("cyclic-tree", cyclic_tree, "Loop detected in /Pages"),
])
def test_nested_and_cyclic_pdfs_are_one_clean_line_each(tmp_path, name, make, words):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(make())
    code, output = run_check(path)
    assert code == 1 and words in output


def test_a_truncated_pdf_is_named_damaged(tmp_path, good):
    for keep in (0.5, 0.02):
        path = tmp_path / f"cut-{keep}.pdf"
        path.write_bytes(good.read_bytes()[:int(good.stat().st_size * keep)])
        code, output = run_check(path)
        assert code == 1
        assert "damaged or truncated" in output or "not a readable PDF" in output, output


def test_encrypted_pdfs_fail_with_the_reason(tmp_path, good):
    locked, open_ = tmp_path / "locked.pdf", tmp_path / "open.pdf"
    with pikepdf.open(good) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
        pdf.save(open_, encryption=pikepdf.Encryption(user="", owner="owner"))
    code, output = run_check(locked)
    assert code == 1 and "encrypted with a password" in output
    code, output = run_check(open_)
    assert code == 1 and "encrypted (PDF/X forbids it)" in output
    assert "Typography of" in output   # it can still be read, so the rest is checked


def test_a_missing_file_and_a_folder_without_an_issue_are_one_line(tmp_path):
    code, output = run_check(tmp_path / "nothing.pdf")
    assert code == 1 and output.strip() == f"layout: error: {tmp_path / 'nothing.pdf'}: no such file or folder"
    code, output = run_check(tmp_path)
    assert code == 1 and "no issue.yaml" in output


def test_the_sample_still_passes_with_its_figures(good):
    code, output = run_check(good)
    assert code == 0 and "PASSED" in output and "total ink ≤" in output
