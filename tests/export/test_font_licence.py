"""OFL.txt of the EPUB and the web edition: read from the subsets' name tables once, then
from the cache (an edition whose subsets are all cached never imports fontTools for it)."""
from __future__ import annotations

from layout.export.html import fonts
from layout.fonts import FONT_DIR


def test_the_licence_is_read_once_and_the_same_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    faces = sorted(FONT_DIR.glob("*.[ot]tf"))[:2]
    embedded = tuple(fonts.EmbeddedFont(f"fonts/{p.stem}.woff2", p.stem, "400",
                                        fonts.woff2_subset(p, "社区志愿者，。")) for p in faces)
    ofl = (FONT_DIR / "OFL.txt").read_text("utf-8")
    made = []
    real = fonts._licence_text
    monkeypatch.setattr(fonts, "_licence_text", lambda *a: made.append(1) or real(*a))
    first = fonts.licence_text(embedded, ofl)
    again = fonts.licence_text(embedded, ofl)
    assert made == [1] and first == again == real(embedded, ofl)
    assert first.decode("utf-8").endswith(ofl.strip() + "\n")
    assert all(f.href.rsplit("/", 1)[-1] in first.decode("utf-8") for f in embedded)
    other = (embedded[0],)
    assert fonts.licence_text(other, ofl) != first and made == [1, 1]
