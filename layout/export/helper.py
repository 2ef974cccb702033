"""Images made in a small process of their own (a web edition's page images and large AVIFs,
a PDF ad's rendering for the print PDF), so a build's peak memory is bounded.

libaom's encoder takes ~82 MiB for one 1500-pixel AVIF of an A3 page (and
gives it back after). Encoded in the web edition's process — forked from
the build, whose placed pages, fonts and imports it holds (150–200 MiB) —
that step was the peak of the whole build (sample 254 MiB, thin4 262). An
image of more than `OWN_PROCESS_PIXELS` is sent instead to one helper
process (`python -m layout.export.helperwork`, started when first needed,
~20 MiB before it encodes): the image's pixels in, the AVIF's bytes out,
through its standard input and output. The helper ends when its input
closes (the web process ended). Where it cannot start or fails, the image
is encoded here as before: slower to start, never another result (the same
Pillow, the same options, the same bytes).
"""
from __future__ import annotations

import io
import marshal
import os
import subprocess
import sys
from typing import Callable

OWN_PROCESS_PIXELS = 1_500_000    # a 1500-px page image (3.2 MP); not 750-px pages, photos
_HELPER: list = [None]            # the running helper process, once started
_SERVING = [False]                # True in the helper itself: it does its work in-process
# a process forked from one with a helper starts its own: two talking on one pipe would mix
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=lambda: _HELPER.__setitem__(0, None))


def _helper():
    process = _HELPER[0]
    if process is None or process.poll() is not None:
        process = _HELPER[0] = subprocess.Popen(
            [sys.executable, "-I", "-m", "layout.export.helperwork"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return process


def _stop() -> None:
    process, _HELPER[0] = _HELPER[0], None
    if process is not None:
        process.kill()
        process.wait()


def _ask(kind: str, payload) -> bytes | None:
    """The helper's answer to one request, or None when it could not give one."""
    if _SERVING[0]:
        return None
    try:
        process = _helper()
        marshal.dump((kind, payload), process.stdin)
        process.stdin.flush()
        status, data = marshal.load(process.stdout)
    except (OSError, EOFError, ValueError, TypeError):
        _stop()
        return None
    return data if status == "ok" and isinstance(data, bytes) else None


def encode_avif(image, options: dict) -> bytes | None:
    """`image` as AVIF bytes, encoded by the helper process when it is large; None when
    it is small or the helper could not encode it (the caller encodes it itself)."""
    if image.width * image.height <= OWN_PROCESS_PIXELS:
        return None
    return _ask("avif", (image.mode, image.size, image.tobytes(), options))


def page_images(pdf: bytes) -> bytes | None:
    """The packed images of the page whose screen copy is `pdf` (`images._page_variants`),
    made by the helper process; None when it could not (the caller makes them)."""
    return _ask("page", pdf)


def photo_images(path: str) -> bytes | None:
    """The packed images of an article's photo (`images._photo_variants`: decoded, resized,
    AVIF at 1200 px), made by the helper process; None when it could not."""
    return _ask("photo", path)


def render_artwork(path: str, cmyk: bool, dpi: int) -> tuple[str, tuple[int, int], bytes] | None:
    """A PDF ad's first page rendered by MuPDF in the helper process (`artwork.py`): its
    mode, size and pixels; None when the helper could not."""
    made = _ask("artwork", (path, cmyk, dpi))
    if made is None:
        return None
    try:
        mode, size, raw = marshal.loads(made)
        return str(mode), (int(size[0]), int(size[1])), bytes(raw)
    except (ValueError, EOFError, TypeError, IndexError):
        return None


def avif(payload) -> bytes:
    """The helper's answer to `encode_avif`: the image's pixels as AVIF."""
    from PIL import Image

    mode, size, raw, options = payload
    out = io.BytesIO()
    Image.frombytes(mode, size, raw).save(out, "AVIF", **options)
    return out.getvalue()


def serve(source, sink, answer: Callable[[str, object], bytes]) -> None:
    """Answer every request read from `source` until it closes, on `sink` (the helper's
    loop: `imagework.py` gives the answers)."""
    from layout.export.memory import give_back

    _SERVING[0] = True
    while True:
        try:
            kind, payload = marshal.load(source)
        except EOFError:
            return
        try:
            reply = ("ok", answer(kind, payload))
        except Exception as exc:  # noqa: BLE001 - reported back; the caller does the work itself
            reply = ("error", str(exc))
        del payload
        give_back()
        marshal.dump(reply, sink)
        sink.flush()
