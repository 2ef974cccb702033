"""Safe YAML with line numbers: mappings remember the line of each key."""
from __future__ import annotations

from pathlib import Path

import yaml

from layout.errors import InputError


class LineDict(dict):
    """A dict that knows the (1-based) line of each of its keys."""

    lines: dict

    def line_of(self, key: str, default: int | None = None) -> int | None:
        return self.lines.get(key, default)


class _Loader(yaml.SafeLoader):
    """SafeLoader (no Python tags) whose mappings are LineDicts."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be plain text", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _shift_lines(data, offset: int) -> None:
    """Make line numbers count from the start of the file, not of the YAML block."""
    if isinstance(data, LineDict):
        if offset:
            data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, offset)


def load_yaml(text: str, path: Path, first_line: int = 1):
    """Parse `text` safely; errors become InputError with the file and line."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
        _shift_lines(data, first_line - 1)
        return data
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line = mark.line + first_line if mark else None
        what = exc.problem or "unsupported YAML"
        if "could not determine a constructor" in what:
            what = f"YAML tags such as {what.split('tag ')[-1]} are not allowed (plain values only)"
        raise InputError(what, path, line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"invalid YAML: {problem}", path, line) from None
