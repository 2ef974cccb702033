"""The default house style's parse kept in the disk cache (`yamlio.load_yaml_kept`) is the
parse itself: the same data, every mapping and list knowing the same lines; a damaged
entry is parsed again."""
from __future__ import annotations

from layout.style.house import DEFAULT_PATH
from layout.yamlio import LineDict, LineList, load_yaml, load_yaml_kept


def same(a, b) -> None:
    assert type(a) is type(b)
    assert a == b
    if isinstance(a, (LineDict, LineList)):
        assert a.lines == b.lines
        for x, y in zip(a.values() if isinstance(a, dict) else a,
                        b.values() if isinstance(b, dict) else b):
            same(x, y)


def test_the_kept_parse_is_the_parse_with_its_lines(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_yaml(DEFAULT_PATH.read_text(encoding="utf-8"), DEFAULT_PATH)
    made = load_yaml_kept(DEFAULT_PATH)                  # parsed and stored
    entries = [p for p in (tmp_path / "layout").rglob("*") if p.is_file() and p.name != ".usage"]
    assert entries
    kept = load_yaml_kept(DEFAULT_PATH)                  # read back
    same(made, fresh)
    same(kept, fresh)
    for entry in entries:                                # damaged: parsed again, not trusted
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    same(load_yaml_kept(DEFAULT_PATH), fresh)
