"""Reading a built EPUB in a real browser: Debian's Chromium driven by Playwright.

The EPUB's files are served straight from the ZIP through a Playwright route
(no server, no file:// font restrictions), at phone sizes, with the reader's
font size and a night theme injected as reading systems do. The helpers
return what Chromium laid out: the lines of an element (grouped from the
client rects of each character), widths of text, colours, image boxes, and
the fonts Chromium actually used for each element (through the DevTools
protocol), so the tests assert on rendered line boxes, not on the markup.
"""
from __future__ import annotations

import mimetypes
import shutil
import zipfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ORIGIN = "http://epub.test/"
VIEWPORTS = [(375, 812), (414, 896)]
FONT_SIZES = [100, 150, 200]
NIGHT = "html, body { color: #ffffff !important; background: #000000 !important; }"
TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".woff2": "font/woff2",
         ".jpg": "image/jpeg", ".png": "image/png", ".txt": "text/plain"}

# Lines of an element: every character's first client rect, grouped by line
# (a new line starts when a character's box begins below the previous one's
# middle); returns [{text, left, right, top, size, boxes}], each box being
# [character, left, right, font size in px, number of its text node].
LINES_JS = """
(el) => {
  const lines = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node, last = null, index = 0;
  while ((node = walker.nextNode())) {
    index++;
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    for (let i = 0; i < node.data.length; i++) {
      const r = document.createRange();
      r.setStart(node, i); r.setEnd(node, i + 1);
      const box = r.getClientRects()[0];
      if (!box || box.width === 0) continue;
      if (!last || box.top >= last.top + last.height / 2) {
        last = {text: "", left: box.left, right: box.right, top: box.top,
                height: box.height, size: size, boxes: []};
        lines.push(last);
      }
      last.text += node.data[i];
      last.right = Math.max(last.right, box.right);
      last.boxes.push([node.data[i], box.left, box.right, size, index]);
    }
  }
  return lines;
}
"""


def require_chromium() -> str:
    path = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    assert path, "Chromium is needed for the EPUB rendering tests (`make test` installs it)"
    return path


@contextmanager
def chromium():
    """A headless Debian Chromium (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=require_chromium(), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Reader:
    """A phone-sized page showing the documents of one EPUB."""

    def __init__(self, browser, epub: Path, width: int, height: int):
        self.zip = zipfile.ZipFile(epub)
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route(ORIGIN + "**", self._serve)
        self.page = self.context.new_page()
        self.height = height

    def _serve(self, route):
        name = route.request.url[len(ORIGIN):].split("#")[0]
        try:
            body = self.zip.read(name)
        except KeyError:
            return route.fulfill(status=404, body=b"")
        kind = TYPES.get(Path(name).suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=body, content_type=kind)

    def open(self, href: str, font_percent: int = 100, css: str = "") -> None:
        """Show EPUB/`href` at the reader's font size, with `css` added (a theme)."""
        self.page.goto(ORIGIN + "EPUB/" + href)
        style = f"html {{ font-size: {font_percent}% !important; }}\n{css}"
        self.page.add_style_tag(content=style)
        self.page.evaluate("document.fonts.ready.then(() => true)")
        self.page.wait_for_function("Array.from(document.images).every(i => i.complete)")

    def lines(self, selector: str) -> list[list[dict]]:
        """For each element matching `selector`, its rendered lines."""
        return [h.evaluate(LINES_JS) for h in self.page.query_selector_all(selector)]

    def close(self) -> None:
        self.context.close()
        self.zip.close()

    def used_fonts(self, selector: str) -> list[tuple[str, list[dict]]]:
        """(text, fonts Chromium drew it with) for each element matching `selector`."""
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
        out = []
        for node in ids:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            html = cdp.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
            out.append((html, fonts))
        cdp.detach()
        return out


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0–255 channels)."""
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
