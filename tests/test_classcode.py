"""The dataclasses' generated methods come from the memo on disk, and the classes are the same."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from layout import cache, classcode

PROBE = """
import dataclasses, layout
from layout import classcode
compiled = []
real = compile
def counting(*args, **kwargs):
    compiled.append(args[0])
    return real(*args, **kwargs)
classcode.compile = counting
@dataclasses.dataclass(frozen=True, slots=True)
class Probe:
    name: str
    size: int = 3
p = Probe("a")
assert (p, hash(p) == hash(Probe("a", 3)), repr(p)) == (Probe("a", 3), True, "Probe(name='a', size=3)")
try:
    p.size = 4
except dataclasses.FrozenInstanceError:
    pass
else:
    raise SystemExit("not frozen")
print(len(compiled))
"""


def _compiled_in_a_new_process(env: dict) -> int:
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


@pytest.fixture
def env(tmp_path):
    import os

    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}


def test_a_second_process_compiles_nothing_and_gets_the_same_classes(env):
    assert _compiled_in_a_new_process(env) > 0      # an empty cache: compiled, then kept
    assert _compiled_in_a_new_process(env) == 0     # every method from the memo, same behaviour


def test_a_damaged_memo_is_compiled_again(env, tmp_path, monkeypatch):
    _compiled_in_a_new_process(env)
    monkeypatch.setenv("XDG_CACHE_HOME", env["XDG_CACHE_HOME"])
    entry = cache.entry_path(classcode.KIND, classcode._inputs())
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-40] + bytes(40))
    assert _compiled_in_a_new_process(env) > 0
    assert _compiled_in_a_new_process(env) == 0     # and written whole again


def test_dataclasses_compiles_through_the_memo_in_this_process():
    assert dataclasses.__dict__.get("exec") is classcode._exec
