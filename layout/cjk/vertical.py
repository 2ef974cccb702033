"""Vertical setting rules (竖排), loaded once from `vertical.yaml`.

The composer and the pages stage ask three things: how a character stands in
a vertical column (`orientation`: upright, the font's vertical form, or
rotated 90° with its run), where the runs that stand upright side by side
(纵中横) are (`tcy_runs`), and whether the prohibitions of horizontal text
hold (they do, unchanged: clreq). Everything comes from the data file.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from layout.cjk import Rules, load_table, rules

VERTICAL_PATH = Path(__file__).with_name("vertical.yaml")
ORIENTATIONS = ("upright", "form", "rotated")


@dataclass(frozen=True, slots=True)
class VerticalRules:
    """The compiled table: orientation per class of rules.yaml, and the 纵中横 runs."""

    orientation: tuple[str, ...]    # class id → upright | form | rotated
    tcy_classes: frozenset[int]     # classes a 纵中横 run is made of
    tcy_max: int                    # its most characters
    tcy_width: float                # em it may take across the column
    never_split: tuple[str, ...]
    table: Rules

    def orientation_of(self, char: str) -> str:
        return self.orientation[self.table.class_of(char)]

    def tcy_runs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every 纵中横 run of `text`: at most `tcy_max` characters of
        the 纵中横 classes with none of them (nor a rotated character) on either side."""
        runs, i, n = [], 0, len(text)
        cls = [self.table.class_of(c) for c in text]
        rotated = [self.orientation[c] == "rotated" for c in cls]
        while i < n:
            if not rotated[i]:
                i += 1
                continue
            j = i
            while j < n and rotated[j]:
                j += 1
            if j - i <= self.tcy_max and all(c in self.tcy_classes for c in cls[i:j]):
                runs.append((i, j))
            i = j
        return runs


def _compile(data: dict, table: Rules) -> VerticalRules:
    names = table.names
    given = data["orientation"]
    unknown = set(given) - set(names)
    if unknown or set(names) - set(given):
        raise ValueError(f"vertical.yaml: orientation must name every class of rules.yaml "
                         f"(unknown {sorted(unknown)}, missing {sorted(set(names) - set(given))})")
    if any(v not in ORIENTATIONS for v in given.values()):
        raise ValueError(f"vertical.yaml: an orientation is one of {ORIENTATIONS}")
    tcy = data["tate_chu_yoko"]
    if not data["kinsoku"]["same_as_horizontal"]:
        raise ValueError("vertical.yaml: only the horizontal prohibitions are implemented")
    return VerticalRules(
        orientation=tuple(given[n] for n in names),
        tcy_classes=frozenset(names.index(c) for c in tcy["classes"]),
        tcy_max=int(tcy["max_chars"]), tcy_width=float(tcy["max_width_em"]),
        never_split=tuple(data["kinsoku"]["never_split"]), table=table)


@cache
def vertical_rules() -> VerticalRules:
    """The vertical tables, read and compiled once per process."""
    return _compile(load_table(VERTICAL_PATH), rules())


__all__ = ["VerticalRules", "vertical_rules"]
