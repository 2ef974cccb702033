"""An exporter that always fails, for the test of the export process's error path."""
from layout.errors import BuildError


def write(job, target):
    raise BuildError("cannot write this DOCX (test)")
