"""Chinese character classes and composition rules, loaded once from `rules.yaml`.

The composer asks this module three things: the class of a character
(`Rules.class_of`), whether a line may break between two classes
(`Rules.pair`), and the punctuation widths and squeeze levels of a class.
Everything it answers comes from the data file, whose rows cite clreq and
GB/T 15834/15835; no rule is spelled out in code.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

RULES_PATH = Path(__file__).with_name("rules.yaml")

# Pair verdicts.
MAY_BREAK = 0
NEVER = 1
DEAR = 2      # allowed at `dear_penalty`: only where keeping the pair would spread a line

INK_SIDES = ("left", "right", "centre", "pair")


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled tables: per-class flags as tuples indexed by class id."""

    names: tuple[str, ...]                    # class id → name
    explicit: dict[str, int]                  # char → class id
    ranges: tuple[tuple[int, int, int], ...]  # (first, last, class id)
    no_start: tuple[bool, ...]
    no_end: tuple[bool, ...]
    ink: tuple[str, ...]
    box: tuple[float | None, ...]             # em, 全角
    kaiming_box: tuple[float | None, ...]     # em, 开明
    squeeze: tuple[int, ...]                  # squeeze level (0: never squeezed)
    latinish: tuple[bool, ...]
    solid: tuple[bool, ...]
    mark: tuple[bool, ...]
    hang: tuple[bool, ...]
    pairs: tuple[tuple[int, ...], ...]        # [before][after] → MAY_BREAK | NEVER | DEAR
    emergency_after: frozenset[str]
    url_marks: frozenset[str]
    level_names: tuple[str, ...]              # level index − 1 → name (bracket, pause, glue, stop)
    level_weights: tuple[float, ...]
    glue: dict[str, float]
    loose_em: float
    dear_penalty: int = 0                     # price of a break the pair table calls dear
    number_breaks: frozenset[str] = frozenset()  # between digit groups a line may break after
    number_penalty: int = 0                   # … at this price
    _memo: dict[str, int] = field(default_factory=dict, compare=False)

    def cls(self, name: str) -> int:
        return self.names.index(name)

    def level(self, name: str) -> int:
        return self.level_names.index(name) + 1

    def class_of(self, char: str) -> int:
        """The class id of `char` (memoised: the composer calls it for every character)."""
        found = self._memo.get(char)
        if found is None:
            found = self._classify(char)
            self._memo[char] = found
        return found

    def _classify(self, char: str) -> int:
        if char in self.explicit:
            return self.explicit[char]
        cp = ord(char)
        for first, last, cid in self.ranges:
            if first <= cp <= last:
                return cid
        category = unicodedata.category(char)
        if category.startswith("L"):
            return self.cls("latin")
        if category == "Nd":
            return self.cls("digit")
        if category == "Zs":
            return self.cls("space")
        return self.cls("other")

    def may_break(self, before: str, after: str) -> bool:
        """Whether a line may end after `before` and start with `after` (no emergency)."""
        a, b = self.class_of(before), self.class_of(after)
        return not (self.no_end[a] or self.no_start[b]) and self.pairs[a][b] == MAY_BREAK


def _compile(data: dict) -> Rules:
    names = tuple(data["classes"])
    index = {n: i for i, n in enumerate(names)}
    classes = data["classes"]
    explicit = {c: index[n] for n, spec in classes.items() for c in spec.get("chars", "")}
    ranges = tuple((int(a), int(b), index[n]) for n, rows in data["ranges"].items()
                   for a, b in rows)
    for n, spec in classes.items():
        if spec.get("ink", "left") not in INK_SIDES:
            raise ValueError(f"rules.yaml: class {n}: ink must be one of {INK_SIDES}")
        if "cite" not in spec:
            raise ValueError(f"rules.yaml: class {n} cites no source")
    levels = tuple(row["level"] for row in data["squeeze_order"])
    pairs = [[MAY_BREAK] * len(names) for _ in names]
    for row in data["pairs"]:
        verdict = {"never": NEVER, "dear": DEAR}[row["rule"]]
        for a in row["before"]:
            for b in row["after"]:
                pairs[index[a]][index[b]] = verdict

    def flag(key: str, default=None):
        return tuple(classes[n].get(key, default) for n in names)

    return Rules(
        names=names, explicit=explicit, ranges=ranges,
        no_start=flag("no_start", False), no_end=flag("no_end", False),
        ink=flag("ink", "left"), box=flag("box"), kaiming_box=tuple(
            classes[n].get("kaiming", classes[n].get("box")) for n in names),
        squeeze=tuple(levels.index(classes[n]["squeeze"]) + 1 if "squeeze" in classes[n] else 0
                      for n in names),
        latinish=flag("latinish", False), solid=flag("solid", False), mark=flag("mark", False), hang=flag("hang", False),
        pairs=tuple(tuple(row) for row in pairs),
        emergency_after=frozenset(data["emergency_after"]),
        url_marks=frozenset(data["url_marks"]),
        level_names=levels,
        level_weights=tuple(float(row["weight"]) for row in data["squeeze_order"]),
        glue={k: float(v) for k, v in data["glue"].items() if k != "cite"},
        loose_em=float(data["justify"]["loose_em"]),
        dear_penalty=int(data["dear_penalty"]),
        number_breaks=frozenset(data["number_breaks"]),
        number_penalty=int(data["number_penalty"]),
    )


def load_table(path: Path):
    """A rule table of the package (YAML), read with libyaml's C loader when PyYAML has it
    (the same data as the pure-Python loader, several times faster; every build reads
    the tables once)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


@cache
def rules() -> Rules:
    """The rule tables, read and compiled once per process."""
    return _compile(load_table(RULES_PATH))


__all__ = ["DEAR", "MAY_BREAK", "NEVER", "Rules", "rules"]
