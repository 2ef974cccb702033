"""Bounds checked before anything in a PDF is decoded: `layout check` on any file stays small.

A few kilobytes of PDF can inflate to gigabytes (a content stream deflated
twice, an image of 40,000 × 40,000 pixels of zeros). Before the checks read
contents or images, every stream is measured without keeping its data:

- images by their declared size (width × height × components), and a JPEG
  by the size in its own header;
- other streams by inflating their Flate layers in small chunks, counting
  the bytes and stopping just past the limit; any filter after those is
  bounded by its largest possible expansion.

A stream over its limit is named and the checks that would decode it are
skipped; the report fails, as a plant's RIP would choke on the same file.
"""
from __future__ import annotations

import binascii
import io
import zlib
from dataclasses import dataclass

import pikepdf

from layout.i18n import _

MB = 1 << 20
MAX_STREAM_BYTES = 64 * MB        # decoded, one content stream, form, font or other data
MAX_CONTENT_BYTES = 4 * MB        # decoded, all page and form content streams together
MAX_PAGE_TEXT_BYTES = 150_000     # bytes of text shown on one page (the sample page: 15,000)
MAX_PAGE_TEXT_RUNS = 30_000       # text-showing operators on one page (the sample page: 1,500)
MAX_RENDER_IMAGE_PIXELS = 16_000_000   # pages with a larger image are not rendered
MAX_IMAGE_PIXELS = 64_000_000     # a broadsheet page's width of photo at 300 ppi is about 22 million
MAX_IMAGE_BYTES = 256 * MB        # decoded, one image
MAX_TOTAL_BYTES = 1024 * MB       # decoded, everything measured
CHUNK = 256 * 1024
# Largest expansion of a filter after the inflated layers (bytes out per byte in).
EXPANSION = {"/FlateDecode": 1032, "/LZWDecode": 2800, "/RunLengthDecode": 128,
             "/ASCII85Decode": 1, "/ASCIIHexDecode": 1, "/Crypt": 1}
IMAGE_FILTERS = {"/DCTDecode", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode"}
COMPONENTS = {"/DeviceGray": 1, "/CalGray": 1, "/DeviceRGB": 3, "/CalRGB": 3, "/Lab": 3,
              "/DeviceCMYK": 4, "/Indexed": 1, "/Separation": 1, "/Pattern": 1}


@dataclass(slots=True)
class Budget:
    """What was measured so far, and what exceeded a limit."""

    total: int = 0
    content: int = 0
    problems: list[str] | None = None

    def refuse(self, message: str) -> None:
        self.problems = (self.problems or []) + [message]


def inflated_size(raw: bytes, layers: int, limit: int) -> int:
    """Bytes `raw` gives when inflated `layers` times, counted to just past `limit`."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def push(level: int, data: bytes) -> bool:
        nonlocal total
        if level == layers:
            total += len(data)
            return total > limit
        decoder = decoders[level]
        while data and not decoder.eof:
            out = decoder.decompress(data, CHUNK)
            data = decoder.unconsumed_tail
            if push(level + 1, out):
                return True
        return False

    try:
        for start in range(0, len(raw), CHUNK):
            if push(0, raw[start:start + CHUNK]):
                break
    except zlib.error:
        pass   # a damaged stream: what came out before the damage is what a reader gets
    return total


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return [str(v) for v in value]
    return [str(value)]


def _ascii_decoded(name: str, data: bytes) -> bytes:
    """ASCII85 or ASCIIHex decoded (never larger than its input)."""
    import base64
    import binascii

    text = bytes(b for b in data if b not in b" \t\r\n\f\0")
    if name == "/ASCIIHexDecode":
        text = text.split(b">", 1)[0]
        return binascii.unhexlify(text + b"0" * (len(text) % 2))
    return base64.a85decode(text.split(b"~>", 1)[0], adobe=False)


def decoded_size(stream: pikepdf.Stream, limit: int) -> int:
    """An upper bound of the stream's decoded size (exact for Flate), counted to past `limit`."""
    raw = stream.read_raw_bytes()
    filters = _filters(stream)
    while filters and filters[0] in ("/ASCII85Decode", "/ASCIIHexDecode"):
        try:
            raw = _ascii_decoded(filters.pop(0), raw)
        except (ValueError, binascii.Error):
            return len(raw)   # damaged: a reader gets no more than this
    flate = 0
    while flate < len(filters) and filters[flate] == "/FlateDecode":
        flate += 1
    size = inflated_size(raw, flate, limit) if flate else len(raw)
    for name in filters[flate:]:
        if name in IMAGE_FILTERS:
            break
        size *= EXPANSION.get(name, 1032)
    return size


def _components(space) -> int:
    if isinstance(space, pikepdf.Array) and len(space):
        kind = str(space[0])
        if kind == "/ICCBased":
            return int(space[1].get("/N", 4))
        if kind == "/DeviceN":
            return len(space[1])
        return COMPONENTS.get(kind, 4)
    return COMPONENTS.get(str(space), 4)


def _jpeg_pixels(stream: pikepdf.Stream) -> int:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(stream.read_raw_bytes())) as image:   # reads the header only
            return image.width * image.height
    except Exception:  # noqa: BLE001 - not a JPEG a reader could decode either
        return 0


def check_image(stream: pikepdf.Stream, label: str, budget: Budget) -> None:
    width, height = int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
    bits = int(stream.get("/BitsPerComponent", 1 if stream.get("/ImageMask", False) else 8))
    pixels = max(width * height, _jpeg_pixels(stream) if "/DCTDecode" in _filters(stream) else 0)
    expected = width * height * _components(stream.get("/ColorSpace", "/DeviceGray")) * bits // 8
    if pixels > MAX_IMAGE_PIXELS or expected > MAX_IMAGE_BYTES:
        budget.refuse(_("{label}: an image of {width} × {height} pixels ({mb:,} MB decoded), over the "
                        "limit of {limit:,} megapixels").format(
            label=label, width=width, height=height, mb=expected // MB, limit=MAX_IMAGE_PIXELS // 10 ** 6))
        return
    if not set(_filters(stream)) & IMAGE_FILTERS:
        size = decoded_size(stream, expected + MB)
        if size > expected + MB:
            budget.refuse(_("{label}: image data inflates past its declared {width} × {height} "
                            "pixels (a decompression bomb)").format(label=label, width=width, height=height))
        budget.total += min(size, expected + MB)
    else:
        budget.total += expected


def check_stream(stream: pikepdf.Stream, label: str, budget: Budget, content: bool) -> None:
    size = decoded_size(stream, MAX_STREAM_BYTES)
    budget.total += min(size, MAX_STREAM_BYTES)
    if size > MAX_STREAM_BYTES:
        budget.refuse(_("{label}: a stream inflating to more than {limit:,} MB").format(
            label=label, limit=MAX_STREAM_BYTES // MB))
    elif content:
        budget.content += size
        if budget.content > MAX_CONTENT_BYTES:
            budget.refuse(_("{label}: page content over {limit:,} MB decoded in all").format(
                label=label, limit=MAX_CONTENT_BYTES // MB))


def _is_content(stream: pikepdf.Stream, page_contents: set) -> bool:
    return stream.objgen in page_contents or str(stream.get("/Subtype", "")) == "/Form"


def bomb_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Why decoding this PDF's streams could take unbounded memory or time ([] if it cannot)."""
    budget = Budget()
    page_contents = set()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        items = contents if isinstance(contents, pikepdf.Array) else [contents]
        page_contents |= {c.objgen for c in items if isinstance(c, pikepdf.Stream)}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        label = _("object {number}").format(number=obj.objgen[0])
        if str(obj.get("/Subtype", "")) == "/Image":
            check_image(obj, label, budget)
        else:
            check_stream(obj, label, budget, _is_content(obj, page_contents))
        if budget.problems:
            break
        if budget.total > MAX_TOTAL_BYTES:
            budget.refuse(_("more than {limit:,} MB of decoded data in all").format(
                limit=MAX_TOTAL_BYTES // MB))
            break
    return budget.problems or []
