"""The keys each input mapping accepts, and a warning with the near name for others."""
from __future__ import annotations

import difflib

ISSUE_KEYS = ("paper", "date", "number", "style", "pages")
PAGE_KEYS = ("number", "name", "editor", "articles")
HINT_KEYS = ("id", "columns", "position", "photo_columns", "headline_size")
ARTICLE_KEYS = ("title", "kicker", "subtitle", "byline", "dateline", "kind", "photos", "teaser")
PHOTO_KEYS = ("file", "caption", "credit")


def unknown_key_messages(mapping: dict, allowed: tuple[str, ...], what: str):
    """(key, message) for each key of `mapping` not in `allowed`."""
    for key in mapping:
        if key in allowed:
            continue
        near = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"; did you mean '{near[0]}'?" if near else f"; known keys: {', '.join(allowed)}"
        yield key, f"unknown key '{key}' in {what} (ignored{hint})"
