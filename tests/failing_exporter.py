"""Exporters that fail, for the tests of the build's error paths (see tests/test_staging.py)."""
import errno
import os

from layout.errors import BuildError


def write(job, target):
    raise BuildError("cannot write this DOCX (test)")


def write_half_then_fill_the_disk(job, target):
    """Start writing, then fail as a full disk does."""
    with open(target, "wb") as fh:
        fh.write(b"PK\x03\x04 half a file")
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def write_then_crash(job, target):
    target.write_bytes(b"%PDF-1.4 half")
    raise ZeroDivisionError("a bug in an exporter (test)")


def write_into_a_read_only_folder(job, target):
    """Fail as opening the temporary file in a read-only folder does."""
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(target))


def real_pdf_onto_a_full_disk(job, target):
    """The real PDF writer, its file on /dev/full (every write: ENOSPC)."""
    from pathlib import Path

    from layout.export.pdf import write_pdf

    return write_pdf(job, Path("/dev/full"))


def write_half_then_ctrl_c(job, target):
    """Start writing, then get the Ctrl-C a page editor presses."""
    target.write_bytes(b"%PDF-1.4 half")
    raise KeyboardInterrupt
