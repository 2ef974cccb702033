"""The import rule of the developers' guide: no two modules import each other.

Every import of a `layout` module counts, a lazy one inside a function too (it is
still a cycle, only deferred); imports under `if TYPE_CHECKING:` do not (they never
run). The graph is read from the source with `ast`, so a cycle fails here even when
no test happens to import the two modules in the order that breaks.
"""
from __future__ import annotations

import ast
from pathlib import Path

import layout

ROOT = Path(layout.__file__).parent


def _modules() -> dict[str, Path]:
    modules = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and isinstance(test, (ast.Name, ast.Attribute)) and \
        (getattr(test, "id", None) or getattr(test, "attr", None)) == "TYPE_CHECKING"


def _imported(tree: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The layout modules a module imports at run time (lazily too)."""
    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    found, todo = set(), [tree]
    while todo:
        node = todo.pop()
        if _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found |= {known(a.name) for a in node.names if a.name.startswith("layout.")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("layout"):
            found |= {known(f"{node.module}.{a.name}") for a in node.names}
        todo.extend(ast.iter_child_nodes(node))
    return found - {""}


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
            for name, path in modules.items()}


def test_no_two_modules_import_each_other():
    graph = import_graph()
    pairs = sorted({tuple(sorted((a, b))) for a, deps in graph.items() for b in deps
                    if a in graph.get(b, ())})
    assert not pairs, f"modules that import each other: {pairs}"


def test_the_graph_sees_lazy_imports_and_skips_type_checking():
    modules = _modules()
    lazy = ast.parse("def f():\n    from layout.preflight.report import FAIL\n")
    hinted = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                       "    from layout.preflight.report import Report\n")
    assert _imported(lazy, modules) == {"layout.preflight.report"}
    assert _imported(hinted, modules) == set()
