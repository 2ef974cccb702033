"""Photo files: inside the issue folder, readable, not too large to decode."""
from __future__ import annotations

import warnings
from pathlib import Path

from layout.errors import InputError


def resolve_photo(root: Path, name: str, source: Path, line: int | None) -> Path:
    """The photo's path under `root/photos/`, refusing paths that leave the issue folder."""
    photos = (root / "photos").resolve()
    path = (photos / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise InputError(f"photo path '{name}' leaves the issue folder; "
                         "put the file under photos/ and name it relative to it", source, line)
    if not path.is_file():
        raise InputError(f"photo '{name}' not found (looked for {path})", source, line)
    return path


def probe_photo(path: Path, max_pixels: int, source: Path, line: int | None) -> tuple[int, int]:
    """Width and height in pixels, checked before any decoding; a corrupt file is refused."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                width, height = img.size
                if width * height > max_pixels:
                    raise InputError(
                        f"photo '{path.name}' is {width}×{height} pixels, more than the "
                        f"{max_pixels:,} allowed; scale it down before use", source, line)
                img.verify()
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(f"photo '{path.name}' is too large to decode safely "
                         "(decompression bomb); scale it down", source, line) from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for bad files
        raise InputError(f"photo '{path.name}' cannot be read as an image ({exc}); "
                         "re-export it as JPEG or PNG", source, line) from None
    return width, height
