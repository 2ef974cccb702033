"""Large AVIF images encoded in a small process of their own, so a build's peak memory is bounded.

libaom's encoder takes ~82 MiB for one 1500-pixel AVIF of an A3 page (and
gives it back after). Encoded in the web edition's process — forked from
the build, whose placed pages, fonts and imports it holds (150–200 MiB) —
that step was the peak of the whole build (sample 254 MiB, thin4 262). An
image of more than `OWN_PROCESS_PIXELS` is sent instead to one helper
process (`python -m layout.export.web.encoder`, started when first needed,
~20 MiB before it encodes): the image's pixels in, the AVIF's bytes out,
through its standard input and output. The helper ends when its input
closes (the web process ended). Where it cannot start or fails, the image
is encoded here as before: slower to start, never another result (the same
Pillow, the same options, the same bytes).
"""
from __future__ import annotations

import io
import marshal
import subprocess
import sys

OWN_PROCESS_PIXELS = 1_500_000    # a 1500-px page image (3.2 MP); not 750-px pages, photos
_HELPER: list = [None]            # the running helper process, once started


def _helper():
    process = _HELPER[0]
    if process is None or process.poll() is not None:
        process = _HELPER[0] = subprocess.Popen(
            [sys.executable, "-I", __file__], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return process


def _stop() -> None:
    process, _HELPER[0] = _HELPER[0], None
    if process is not None:
        process.kill()
        process.wait()


def encode_avif(image, options: dict) -> bytes | None:
    """`image` as AVIF bytes, encoded by the helper process when it is large; None when
    it is small or the helper could not encode it (the caller encodes it itself)."""
    if image.width * image.height <= OWN_PROCESS_PIXELS:
        return None
    try:
        process = _helper()
        marshal.dump((image.mode, image.size, image.tobytes(), options), process.stdin)
        process.stdin.flush()
        status, data = marshal.load(process.stdout)
    except (OSError, EOFError, ValueError, TypeError):
        _stop()
        return None
    return data if status == "ok" and isinstance(data, bytes) else None


def _serve(source, sink) -> None:
    """Encode every image read from `source` until it closes, answering on `sink`."""
    import ctypes

    from PIL import Image

    try:
        trim = ctypes.CDLL(None).malloc_trim    # as layout.export.memory.give_back
    except (OSError, AttributeError):
        trim = None
    while True:
        try:
            mode, size, raw, options = marshal.load(source)
        except EOFError:
            return
        try:
            out = io.BytesIO()
            Image.frombytes(mode, size, raw).save(out, "AVIF", **options)
            answer = ("ok", out.getvalue())
        except Exception as exc:  # noqa: BLE001 - reported back; the caller encodes it itself
            answer = ("error", str(exc))
        del raw
        if trim is not None:
            trim(0)
        marshal.dump(answer, sink)
        sink.flush()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
