"""The dataclasses' generated methods, compiled once and kept between runs.

`@dataclass` writes the source of `__init__`, `__repr__`, `__eq__`, `__hash__`
and a frozen class's `__setattr__` and `__delattr__`, and compiles it, for
every class each time its module is imported: ~0.5 ms a class, ~0.1 s of CPU
for the ~170 classes a build of the three formats creates, the largest single
part of importing layout. That source depends only on the class's fields and
options, so `install()` has dataclasses compile through a memo of code objects
by their source text, kept in the disk cache (one entry, for this Python, each
code in it unpacked only when a class asks for it: a replayed build makes few
classes); a text not in it is compiled as before, and the entry is written
again when the process ends. The code objects are the ones `compile` gives for that text (as
`exec` would, without this module's `from __future__` flags), so the classes
are the same. A damaged entry is a miss (`layout.cache`); a Python whose
dataclasses does not call `exec` never calls this one either.
"""
from __future__ import annotations

import atexit
import builtins
import marshal
import sys
from types import CodeType

KIND = "classcode"
KEEP = 4000     # codes the entry holds at most (every layout class's, with room for old ones)
_CODES: dict[str, CodeType] = {}   # compiled or unpacked in this process
_STORED: dict[str, bytes] = {}      # the entry's codes, each still marshalled
_STATE = {"loaded": False, "new": False}


def install() -> None:
    """Have dataclasses compile its generated methods through the memo (once a process)."""
    import dataclasses

    if dataclasses.__dict__.get("exec") is not _exec:
        dataclasses.exec = _exec      # a module global: found before the builtin
        atexit.register(_save)


def _exec(source, globals=None, locals=None, /):
    """`exec`, with a source text's code taken from the memo when it was compiled before."""
    if isinstance(source, str):
        if not _STATE["loaded"]:
            _load()
        code = _CODES.get(source)
        if code is None:
            code = _CODES[source] = _stored(source) or _compiled(source)
        source = code
    return builtins.exec(source, globals, locals)


def _stored(source: str) -> CodeType | None:
    try:
        code = marshal.loads(_STORED[source])
    except (KeyError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _compiled(source: str) -> CodeType:
    _STATE["new"] = True
    return compile(source, "<string>", "exec", dont_inherit=True)


def _inputs() -> tuple:
    return (sys.version,)


def _load() -> None:
    from layout.cache import cached

    _STATE["loaded"] = True

    def load(raw: bytes) -> dict:
        codes = marshal.loads(raw)
        if not isinstance(codes, dict):
            raise ValueError("not a memo of code")
        return {text: code for text, code in codes.items()
                if isinstance(text, str) and isinstance(code, bytes)}

    try:
        _STORED.update(cached(KIND, _inputs(), lambda: marshal.dumps({}), load))
    except Exception:  # noqa: BLE001 - a memo that cannot be read only costs time
        pass


def _save() -> None:
    """Write the memo when this process compiled a text it did not hold."""
    if not _STATE["new"]:
        return
    from layout.cache import entry_path, write_entry

    codes = {**_STORED, **{text: marshal.dumps(code) for text, code in _CODES.items()}}
    try:
        write_entry(entry_path(KIND, _inputs()), marshal.dumps(dict(list(codes.items())[-KEEP:])))
    except Exception:  # noqa: BLE001 - nor one that cannot be written
        pass
