"""Safe, bounded YAML with line numbers: mappings remember the line of each key.

Every YAML the project reads from users (issue.yaml, front matter, the house
style) goes through `load_yaml`: no Python tags (a SafeLoader), and bounded
cost — at most `MAX_BYTES` of text, `MAX_DEPTH` levels of nesting, and
`MAX_NODES` values once aliases are expanded (a "billion laughs" document is
refused in microseconds instead of taking minutes or gigabytes).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from layout.errors import InputError
from layout.i18n import _

MAX_BYTES = 1_000_000     # far above any manifest, front matter or house style
MAX_DEPTH = 32            # the deepest legitimate input nests 5 levels
MAX_NODES = 100_000       # values after expanding aliases


class LineDict(dict):
    """A dict that knows the (1-based) line of each of its keys."""

    lines: dict

    def line_of(self, key: str, default: int | None = None) -> int | None:
        return getattr(self, "lines", {}).get(key, default)


class LineList(list):
    """A list that knows the (1-based) line of each of its items."""

    lines: list

    def line_of(self, index: int, default: int | None = None) -> int | None:
        lines = getattr(self, "lines", [])
        return lines[index] if 0 <= index < len(lines) else default


class TooComplex(yaml.YAMLError):
    """Nesting or alias expansion beyond the limits."""

    def __init__(self, problem: str, mark):
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


class _Loader(yaml.SafeLoader):
    """SafeLoader (no Python tags) whose mappings are LineDicts, with bounded nesting."""

    def __init__(self, stream, first_line: int = 1):
        super().__init__(stream)
        self._depth = 0
        self.first_line = first_line   # the line of the file the text starts at (for messages)

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise TooComplex(_("nested more than {depth} levels deep").format(depth=MAX_DEPTH),
                                 self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_document(self):
        node = super().compose_document()
        _check_expansion(node)
        return node


def _check_expansion(root) -> None:
    """Refuse a document whose aliases expand to more than MAX_NODES values."""
    sizes: dict[int, int] = {}

    def size(node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        sizes[id(node)] = total
        if total > MAX_NODES:
            raise TooComplex(_("aliases expand to more than {count:,} values").format(
                count=MAX_NODES), node.start_mark)
        return total

    if root is not None:
        size(root)


def _refuse_repeated_keys(node: yaml.MappingNode, first_line: int) -> None:
    """A key written twice in one mapping is refused: YAML would keep the last silently.
    (Keys merged in with `<<:` may be overridden; only the mapping's own keys count.)"""
    first: dict[tuple[str, str], int] = {}
    for key_node, _value in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        line = key_node.start_mark.line + first_line
        seen = first.setdefault((key_node.tag, key_node.value), line)
        if seen != line:
            raise yaml.constructor.ConstructorError(
                None, None, _("'{key}' is written twice (also at line {line}); keep one").format(
                    key=key_node.value, line=seen), key_node.start_mark)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    _refuse_repeated_keys(node, loader.first_line)
    loader.flatten_mapping(node)
    out = LineDict()
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, _("a mapping key must be plain text"), key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


# Dates stay text: the manifest reads them itself, and names the line when one is wrong
# (PyYAML's own conversion fails on `2025-13-45` without saying where).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:  # more digits than Python converts (4,300)
        raise yaml.constructor.ConstructorError(
            None, None, _("the number {number}… is too long").format(number=node.value[:12]),
            node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _shift_lines(data, offset: int, seen: set[int]) -> None:
    """Make line numbers count from the start of the file, not of the YAML block."""
    if id(data) in seen:  # an alias: the same object, already shifted
        return
    if isinstance(data, LineDict):
        seen.add(id(data))
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift_lines(value, offset, seen)
    elif isinstance(data, LineList):
        seen.add(id(data))
        data.lines = [v + offset for v in data.lines]
        for value in data:
            _shift_lines(value, offset, seen)


def line_at(data, dotted: str) -> int | None:
    """The line of the deepest key of `dotted` (`grid.line_pitch`) present in `data`."""
    line = None
    for part in dotted.split("."):
        if not isinstance(data, LineDict) or part not in data:
            break
        line, data = data.line_of(part), data[part]
    return line


def load_yaml(text: str, path: Path, first_line: int = 1):
    """Parse `text` safely; errors become InputError with the file and line."""
    if len(text) > MAX_BYTES:
        raise InputError(_("the YAML is {size:,} characters long, more than the {limit:,} "
                           "allowed; is this the right file?").format(size=len(text), limit=MAX_BYTES),
                         path, first_line)
    try:
        loader = _Loader(text, first_line)   # a SafeLoader: no Python tags
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as exc:
        raise InputError(_constructor_problem(exc), path, _line(exc, first_line)) from None
    except TooComplex as exc:
        raise InputError(_("the YAML is too complex ({problem}); write it out plainly").format(
            problem=exc.problem), path, _line(exc, first_line)) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(_("invalid YAML: {problem}").format(problem=problem), path,
                         _line(exc, first_line)) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(_("a value YAML cannot read: {problem}").format(problem=exc), path,
                         first_line) from None
    except RecursionError:
        raise InputError(_("the YAML is nested too deeply; write it out plainly"), path,
                         first_line) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1, set())
    return data


def _line(exc: yaml.YAMLError, first_line: int) -> int | None:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + first_line if mark else None


def _constructor_problem(exc: yaml.constructor.ConstructorError) -> str:
    what = exc.problem or _("unsupported YAML")
    if "could not determine a constructor" in what:
        tag = what.split("tag ")[-1]
        return _("YAML tags such as {tag} are not allowed (plain values only)").format(tag=tag)
    return what


def load_yaml_kept(path: Path):
    """`load_yaml` of a file of the package itself (the default house style), its result
    kept in the disk cache by the file's content and this module's: PyYAML's parser
    (pure Python) took ~18 ms of CPU for the 8 KB default style in every build."""
    import marshal

    from layout.cache import cached

    def make() -> bytes:
        return marshal.dumps(_packed(load_yaml(path.read_text(encoding="utf-8"), path)))

    return cached("yaml", (path, Path(__file__)), make, lambda raw: _unpacked(marshal.loads(raw)))


def _packed(data):
    """LineDicts and LineLists as tuples marshal can store, with their lines."""
    if isinstance(data, LineDict):
        return ("d", [(k, _packed(v)) for k, v in data.items()], dict(getattr(data, "lines", {})))
    if isinstance(data, LineList):
        return ("l", [_packed(v) for v in data], list(getattr(data, "lines", [])))
    return ("v", data)


def _unpacked(packed):
    kind, value, *lines = packed
    if kind == "d":
        out = LineDict((k, _unpacked(v)) for k, v in value)
    elif kind == "l":
        out = LineList(_unpacked(v) for v in value)
    else:
        return value
    out.lines = lines[0]
    return out
