"""House style: page size, grid, faces and sizes per role, read from YAML.

`default.yaml` ships with the package; an issue may override any value.
Lengths are stored in points; sizes accept the Chinese 号数 names.
"""
from layout.style.house import (Face, HouseStyle, Role, default_style, load_style,
                                merge, parse_length, parse_size)
from layout.style.schema import FONT_DIR
from layout.style.sizes import SIZE_NAMES

__all__ = ["FONT_DIR", "Face", "HouseStyle", "Role", "SIZE_NAMES", "default_style", "load_style",
           "merge", "parse_length", "parse_size"]
