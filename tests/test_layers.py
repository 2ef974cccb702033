"""The developers' guide's other rules of shape: imports point one way, and every module
says what it is for.

Stages import only stages before them (manifest → model → compose → pages →
export …); the orchestrator and the commands sit on top. The import graph is
the one `tests/test_architecture.py` reads from the source (lazy imports count).
"""
from __future__ import annotations

import ast

from tests.test_architecture import ROOT, import_graph

# Each top-level part of the package, lowest first. A part may import its own rank or below.
RANK = {
    "errors": 0, "classcode": 0, "i18n": 0, "yamlio": 0, "cache": 0, "staging": 0, "options": 0, "cjk": 0,
    "style": 1, "fonts": 2, "model": 2, "manifest": 3, "compose": 4, "pages": 5,
    "export": 6, "intake": 7, "preflight": 8, "rebuild": 8,
    "pipeline": 9, "watch": 10, "bench": 10, "benchrun": 10, "benchedition": 10, "benchwatch": 10,
    "cli_frame": 11, "cli": 11, "__main__": 12, "": 12,
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_part_of_the_package_has_a_rank():
    parts = {_part(m) for m in import_graph()}
    assert parts <= RANK.keys(), f"give these a place in RANK: {sorted(parts - RANK.keys())}"


def test_imports_point_one_way():
    upward = sorted(f"{source} → {target}" for source, targets in import_graph().items()
                    for target in targets if RANK[_part(target)] > RANK[_part(source)])
    assert not upward, "imports reaching up a stage:\n" + "\n".join(upward)


def test_the_rank_check_sees_an_upward_import():
    assert RANK[_part("layout.pages.preview")] < RANK[_part("layout.pipeline")]


def test_every_module_has_a_docstring():
    bare = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py")
            if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert not bare, f"modules without a docstring: {bare}"
