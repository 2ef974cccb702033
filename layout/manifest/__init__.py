"""Reading and validating an issue folder: issue.yaml, article files, photos.

`load_issue(folder)` returns a `model.Issue` or raises `InputError` naming the
file and line; survivable problems (unknown keys, control characters) become
warnings on the `Diagnostics` passed in.
"""
from layout.manifest.issue import load_issue

__all__ = ["load_issue"]
