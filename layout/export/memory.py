"""Memory a native library freed, given back to the system at once.

Pillow's decoders and resamplers, Little CMS, MuPDF's rasteriser and the
AVIF encoder allocate tens of MiB at a time (one 1500-pixel AVIF of an A3
page: ~82 MiB) and free it; glibc keeps what was freed in its heaps, so each
such step left the process larger than before (a web edition of four pages
grew 90 → 250 MiB over its page images). `give_back()` after each of them
returns the freed pages (malloc_trim), so the process's peak is its own
size plus one step's, not the sum of the steps': the peak memory of a build
is that of its largest process. Costs a walk of the heap, about a millisecond;
does nothing where the C library has no malloc_trim (macOS, musl, Windows).
"""
from __future__ import annotations

from functools import cache


@cache
def _trim():
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back() -> None:
    """Return the memory this process freed to the system, where the C library can."""
    trim = _trim()
    if trim is not None:
        trim(0)
