"""Crafted DOCX files that try to exhaust memory or time, or to break the reader.

Each builder writes one file from the sample's exported DOCX (`base`). The
zip archives are written by hand (`write_zip`), so a member can declare any
size, share its data with other members, or carry a deflate stream many
times its size, made quickly by repeating one fully flushed deflate block.

Run as a script to see what `layout import` does with each (exit code, first
line, peak memory, time), each in a fresh process:

    .venv/bin/python -m tests.intake.docx.hostile [ISSUE_DIR]
"""
from __future__ import annotations

import json
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass
class Member:
    name: str
    data: bytes              # as stored (raw deflate when method is 8)
    size: int                # the uncompressed size it declares
    crc: int
    method: int = 8
    offset: int | None = None   # share the local entry at this index (overlapping members)


def deflate_repeated(head: bytes, unit: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of head + unit×times + tail without compressing it all:
    (stream, uncompressed size, CRC-32)."""
    def block(data: bytes, final: bool = False) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    stream = block(head) + block(unit) * times + block(tail, final=True)
    return stream, len(head) + len(unit) * times + len(tail), crc & 0xFFFFFFFF


def stored_member(name: str, data: bytes) -> Member:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, c.compress(data) + c.flush(), len(data), zlib.crc32(data) & 0xFFFFFFFF)


def write_zip(path: Path, members: list[Member]) -> Path:
    """A zip archive with exactly the declared sizes given (no zip64)."""
    offsets: list[int] = []
    with open(path, "wb") as out:
        for m in members:
            if m.offset is not None:
                offsets.append(offsets[m.offset])
                continue
            offsets.append(out.tell())
            name = m.name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, m.method, 0, 0x21,
                                  m.crc, len(m.data), min(m.size, 0xFFFFFFFF), len(name), 0))
            out.write(name + m.data)
        directory = out.tell()
        for m, offset in zip(members, offsets):
            name = m.name.encode()
            source = members[m.offset] if m.offset is not None else m
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, source.method,
                                  0, 0x21, source.crc, len(source.data),
                                  min(m.size, 0xFFFFFFFF), len(name), 0, 0, 0, 0, 0, offset))
            out.write(name)
        size = out.tell() - directory
        count = len(members)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, min(count, 0xFFFF),
                              min(count, 0xFFFF), size, directory, 0))
    return path


def parts_of(base: Path) -> list[Member]:
    with zipfile.ZipFile(base) as z:
        return [stored_member(n, z.read(n)) for n in z.namelist()]


def replace_part(base: Path, target: Path, name: str, member: Member) -> Path:
    members = [m for m in parts_of(base) if m.name != name]
    member.name = name
    return write_zip(target, members + [member])


def document(body: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NS.encode()
            + b"><w:body>" + body + b"</w:body></w:document>")


# ------------------------------------------------------------------ the files

def _text(n: int, seed: int) -> str:
    """`n` characters of varied Chinese text (compresses like real copy, not like a bomb)."""
    import random

    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))



def bomb(base: Path, target: Path) -> Path:
    """document.xml declares and inflates to 1.5 GB (a 1.5 MB file)."""
    stream, size, crc = deflate_repeated(b"<w:document>", b" " * (16 * MB), 96, b"</w:document>")
    return replace_part(base, target, "word/document.xml", Member("", stream, size, crc))


def lying_size(base: Path, target: Path) -> Path:
    """document.xml declares 2 KB but inflates to 400 MB."""
    stream, _size, crc = deflate_repeated(b"<w:document>", b" " * (16 * MB), 25, b"")
    return replace_part(base, target, "word/document.xml", Member("", stream, 2048, crc))


def huge_document(base: Path, target: Path) -> Path:
    """200 MB of paragraphs in document.xml, 50 times smaller stored (under the ratio limit)."""
    text = _text(5_000, 3)
    unit = "".join(f"<w:p><w:r><w:t>{text[k:k + 50]}</w:t></w:r></w:p>"
                   for k in range(0, len(text), 50)).encode() * 50
    head = document(b"")[:-len(b"</w:body></w:document>")]
    stream, size, crc = deflate_repeated(head, unit, (200 * MB) // len(unit),
                                         b"</w:body></w:document>")
    return replace_part(base, target, "word/document.xml", Member("", stream, size, crc))


def paragraph_flood(base: Path, target: Path) -> Path:
    """80,000 short paragraphs of real-looking text: over the paragraph limit."""
    text = _text(80_000 * 6, 1)
    body = "".join(f"<w:p><w:r><w:t>{text[k * 6:k * 6 + 6]}</w:t></w:r></w:p>"
                   for k in range(80_000))
    return replace_part(base, target, "word/document.xml",
                        stored_member("", document(body.encode())))


def one_huge_paragraph(base: Path, target: Path) -> Path:
    """One paragraph, one run, three million characters (9 MB): over the text limit."""
    body = "<w:p><w:r><w:t>" + _text(3_000_000, 2) + "</w:t></w:r></w:p>"
    return replace_part(base, target, "word/document.xml",
                        stored_member("", document(body.encode())))


def bookmark_flood(base: Path, target: Path) -> Path:
    """300,000 anchor-like bookmarks, opened and closed, 300 to a paragraph."""
    paragraphs = []
    for k in range(1000):
        marks = "".join(f'<w:bookmarkStart w:id="{k}_{n}" w:name="_Lp{n + 1}_{k:06x}_x{k}"/>'
                        f'<w:bookmarkEnd w:id="{k}_{n}"/>' for n in range(300))
        paragraphs.append(f"<w:p>{marks}<w:r><w:t>段{k}</w:t></w:r></w:p>")
    return replace_part(base, target, "word/document.xml",
                        stored_member("", document("".join(paragraphs).encode())))


def open_bookmarks(base: Path, target: Path) -> Path:
    """2,000 bookmarks opened in one paragraph and never closed."""
    marks = "".join(f'<w:bookmarkStart w:id="{n}" w:name="_Lp1_{n:06x}_hengji"/>'
                    for n in range(2000))
    body = f"<w:p>{marks}<w:r><w:t>正文</w:t></w:r></w:p>"
    return replace_part(base, target, "word/document.xml",
                        stored_member("", document(body.encode())))


def element_flood(base: Path, target: Path) -> Path:
    """31 MB of empty formatted runs, stored uncompressed: under every size, 3.4 million
    elements."""
    unit = b"<w:r><w:rPr><w:b/></w:rPr></w:r>"
    xml = document(b"<w:p>" + unit * (31 * MB // len(unit)) + b"</w:p>")
    return replace_part(base, target, "word/document.xml",
                        Member("", xml, len(xml), zlib.crc32(xml) & 0xFFFFFFFF, method=0))


def many_members(base: Path, target: Path) -> Path:
    """60,000 members (the directory alone is 3 MB)."""
    members = parts_of(base)
    empty = stored_member("x", b"")
    members += [Member(f"word/media/i{n}.png", empty.data, 0, empty.crc) for n in range(60_000)]
    return write_zip(target, members)


def overlapping(base: Path, target: Path) -> Path:
    """600 members sharing one 30 MB-declared stream (a non-recursive zip bomb: 18 GB)."""
    stream, size, crc = deflate_repeated(b"", b"\0" * MB, 30, b"")
    members = parts_of(base) + [Member("word/media/kernel.bin", stream, size, crc)]
    first = len(members) - 1
    members += [Member(f"word/media/copy{n}.bin", b"", size, crc, offset=first)
                for n in range(600)]
    return write_zip(target, members)


def ratio(base: Path, target: Path) -> Path:
    """A 64 MB 'photo' of zeros stored in 64 KB."""
    stream, size, crc = deflate_repeated(b"", b"\0" * MB, 64, b"")
    members = parts_of(base) + [Member("word/media/image9.png", stream, size, crc)]
    return write_zip(target, members)


def huge_styles(base: Path, target: Path) -> Path:
    """styles.xml of 40 MB, 50 times smaller stored (under the ratio limit)."""
    text = _text(5_000, 4)
    unit = "".join(f'<w:style w:styleId="s{k}"><w:name w:val="{text[k:k + 20]}"/></w:style>'
                   for k in range(0, len(text), 20)).encode() * 50
    stream, size, crc = deflate_repeated(b"<w:styles " + W_NS.encode() + b">", unit,
                                         (40 * MB) // len(unit), b"</w:styles>")
    return replace_part(base, target, "word/styles.xml", Member("", stream, size, crc))


def xxe(base: Path, target: Path) -> Path:
    xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           + document(b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>")[len(b'<?xml version="1.0" '
                                                                 b'encoding="UTF-8"?>'):])
    return replace_part(base, target, "word/document.xml", stored_member("", xml))


def billion_laughs(base: Path, target: Path) -> Path:
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'.encode()
           + document(b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p>")[len(b'<?xml version="1.0" '
                                                                 b'encoding="UTF-8"?>'):])
    return replace_part(base, target, "word/document.xml", stored_member("", xml))


def deep_nesting(base: Path, target: Path) -> Path:
    """100,000 nested elements, stored uncompressed."""
    xml = document(b"<w:p>" + b"<w:hyperlink>" * 100_000 + b"</w:hyperlink>" * 100_000 + b"</w:p>")
    return replace_part(base, target, "word/document.xml",
                        Member("", xml, len(xml), zlib.crc32(xml) & 0xFFFFFFFF, method=0))


def truncated(base: Path, target: Path) -> Path:
    data = base.read_bytes()
    target.write_bytes(data[:len(data) // 2])
    return target


def not_a_zip(base: Path, target: Path) -> Path:
    target.write_text("这不是一个 DOCX 文件\n", encoding="utf-8")
    return target


HOSTILE = {f.__name__.replace("_", "-"): f for f in (
    bomb, lying_size, huge_document, paragraph_flood, one_huge_paragraph, bookmark_flood,
    open_bookmarks, element_flood, many_members, overlapping, ratio, huge_styles, xxe,
    billion_laughs, deep_nesting, truncated, not_a_zip)}

IMPORT = """
import sys
from layout.cli import app
app(["import", sys.argv[1], "--issue", sys.argv[2]])
"""
LAUNCH = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True,
                      text=True)
print(json.dumps({"code": done.returncode, "seconds": round(time.perf_counter() - start, 2),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                  "stdout": done.stdout, "stderr": done.stderr}))
"""


def measure(docx: Path, issue: Path) -> dict:
    """Run `layout import` on `docx` in a fresh interpreter: exit code, seconds, peak MB, output.

    A small launcher process starts the import and reads its peak memory with
    getrusage(RUSAGE_CHILDREN): measured from the test process itself, Linux would count
    the test process's own memory at the fork into the child's peak.
    """
    result = subprocess.run([sys.executable, "-c", LAUNCH, IMPORT, str(docx), str(issue)],
                            capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)


def main() -> None:
    import shutil

    from tests.intake.docx.helpers import export

    repo = Path(__file__).resolve().parents[3]
    with tempfile.TemporaryDirectory() as tmp:
        issue = Path(tmp) / "issue"
        shutil.copytree(Path(sys.argv[1]) if len(sys.argv) > 1 else repo / "issues/sample", issue)
        base = export(issue, Path(tmp) / "base.docx")
        print(f"{'file':<22}{'size':>10}  exit  {'seconds':>7}  {'peak MB':>7}  message")
        for name, build in HOSTILE.items():
            path = build(base, Path(tmp) / f"{name}.docx")
            got = measure(path, issue)
            line = (got["stderr"].strip().splitlines() or [""])[0]
            print(f"{name:<22}{path.stat().st_size:>10,}  {got['code']:>4}  {got['seconds']:>7}  "
                  f"{got['peak_mb']:>7}  {line[:110]}")


if __name__ == "__main__":
    main()
