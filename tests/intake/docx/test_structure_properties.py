"""Property: any sequence of structural edits in the DOCX comes back as exactly that body.

Hypothesis draws a few edits — a character typed, paragraphs joined (their
bookmarks kept, as Delete at a paragraph's end does), a paragraph split (the
bookmark's end moving to the second half, as Enter does), a paragraph moved
with its bookmark (cut and paste), a new paragraph typed, a paragraph deleted
with Track Changes or without it — applies them to the exported
document.xml, and keeps the list of paragraphs the editor now sees. The
import (with --apply-deletes) must leave the article file with exactly those
paragraphs, and exit 0; imported again, it changes nothing.
"""
from __future__ import annotations

import copy
import os
import shutil

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from layout.export.docx.anchors import parse_name
from tests.intake.docx.helpers import cli_import, export
from tests.intake.docx.wordxml import W, edit, el, mark_revision, revision, run

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
PARAGRAPHS = ["春风拂过社区的每一个角落。", "居民们在凉亭里下棋聊天。", "志愿者清扫了小区的道路。",
              "孩子们在广场上放风筝。", "夜晚的路灯照亮了回家的路。"]
ARTICLE = "---\ntitle: \"社区一日\"\n---\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

OPS = st.lists(st.one_of(
    st.tuples(st.just("type"), st.integers(0, 20), st.sampled_from(HAN)),
    st.tuples(st.just("join"), st.integers(0, 20)),
    st.tuples(st.just("split"), st.integers(0, 20), st.integers(1, 30)),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("new"), st.integers(0, 20), st.text(HAN, min_size=3, max_size=12)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("remove"), st.integers(0, 20))), min_size=1, max_size=4)


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


class Editor:
    """The article's live paragraphs (w:p elements, in order) and the texts the editor sees."""

    def __init__(self, root):
        marks = [(m, parse_name(m.get(W + "name"))) for m in root.iter(W + "bookmarkStart")]
        self.paragraphs = [m.getparent() for m, parsed in marks
                           if parsed is not None and parsed.kind == "p"]
        self.texts = [_text(p) for p in self.paragraphs]
        self.fresh = 0

    def apply(self, op) -> None:
        if not self.paragraphs:
            return
        i = op[1] % len(self.paragraphs)
        getattr(self, op[0])(i, *op[2:])

    def type(self, i: int, char: str) -> None:
        runs = self.paragraphs[i].findall(W + "r")
        runs[-1].find(W + "t").text += char
        self.texts[i] += char

    def join(self, i: int) -> None:
        if i + 1 >= len(self.paragraphs):
            return
        first, second = self.paragraphs[i], self.paragraphs.pop(i + 1)
        for child in [c for c in second if c.tag != W + "pPr"]:
            first.append(child)
        second.getparent().remove(second)
        self.texts[i] += self.texts.pop(i + 1)

    def split(self, i: int, at: int) -> None:
        text = self.texts[i]
        if not 0 < at < len(text):
            return
        p, done, moving = self.paragraphs[i], 0, []
        for child in [c for c in p if c.tag != W + "pPr"]:
            if moving:
                moving.append(child)
            elif child.tag == W + "r":
                t = child.find(W + "t")
                if done + len(t.text) > at:
                    tail = run(t.text[at - done:])
                    t.text = t.text[:at - done]
                    moving.append(tail)
                done += len(t.text)
        second = el("p", copy.deepcopy(p.find(W + "pPr")))
        for child in moving:
            second.append(child)
        p.addnext(second)
        self.paragraphs.insert(i + 1, second)
        self.texts[i:i + 1] = [text[:at], text[at:]]

    def move(self, i: int, to: int) -> None:
        p, text = self.paragraphs.pop(i), self.texts.pop(i)
        to %= len(self.paragraphs) + 1
        if to < len(self.paragraphs):
            self.paragraphs[to].addprevious(p)
        else:
            (self.paragraphs[-1] if self.paragraphs else p).addnext(p)
        self.paragraphs.insert(to, p)
        self.texts.insert(to, text)

    def new(self, i: int, text: str) -> None:
        self.fresh += 1
        text = f"新{self.fresh}{text}。"
        p = el("p", copy.deepcopy(self.paragraphs[i].find(W + "pPr")), run(text))
        self.paragraphs[i].addnext(p)
        self.paragraphs.insert(i + 1, p)
        self.texts.insert(i + 1, text)

    def delete(self, i: int) -> None:
        p = self.paragraphs.pop(i)
        self.texts.pop(i)
        for r in p.findall(W + "r"):      # each run in its own w:del, where it stands
            deletion = revision("del")
            r.addprevious(deletion)
            r.find(W + "t").tag = W + "delText"
            deletion.append(r)
        mark_revision(p, "del")

    def remove(self, i: int) -> None:
        """Deleted without Track Changes, bookmarks and all (applied with --apply-deletes)."""
        p = self.paragraphs.pop(i)
        self.texts.pop(i)
        p.getparent().remove(p)


# 60 examples in `make test`; LAYOUT_DOCX_EXAMPLES=2000 for a long run
PROPERTY = settings(max_examples=int(os.environ.get("LAYOUT_DOCX_EXAMPLES", 60)), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(ops=OPS)
@example(ops=[("split", 18, 1), ("move", 9, 0), ("delete", 0)])    # found by hypothesis:
@example(ops=[("split", 1, 1), ("delete", 1), ("move", 0, 0)])      # imported twice, exit 3
def test_any_structural_edits_come_back_as_the_editor_sees_them(tmp_path_factory, ops):
    work = tmp_path_factory.mktemp("structure")
    folder = work / "issue"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "issue.yaml").write_text(
        "date: 2025-06-18\npages:\n  - number: 1\n    name: 社区\n    articles: [a]\n",
        encoding="utf-8")
    docx_path = export(folder, work / "a.docx")
    seen: list[str] = []

    def change(root):
        editor = Editor(root)
        for op in ops:
            editor.apply(op)
        seen.extend(editor.texts)
    result = cli_import(edit(docx_path, work / "e.docx", change), folder, "--apply-deletes")
    assert result.code == 0, (ops, result.output)
    body = (folder / "articles" / "a.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert [p.strip() for p in body.split("\n\n") if p.strip()] == seen, (ops, body, seen)
    again = cli_import(work / "e.docx", folder, "--apply-deletes")   # a second import: no change
    assert again.code == 0 and "changed 0 article file(s)" in again.stdout, (ops, again.output)
    shutil.rmtree(work, ignore_errors=True)


REPORTER = st.lists(st.one_of(
    st.tuples(st.just("reword"), st.integers(0, 4), st.sampled_from(HAN)),
    st.tuples(st.just("add"), st.integers(0, 5), st.text(HAN, min_size=3, max_size=12))),
    min_size=1, max_size=3)


@PROPERTY
@given(ops=OPS, reporter=REPORTER)
@example(ops=[("join", 0), ("move", 0, 2), ("delete", 0), ("type", 0, "的")],   # found by
         reporter=[("reword", 2, "的")])      # hypothesis: imported twice, the conflict went
@example(ops=[("type", 1, "的"), ("split", 13, 1), ("move", 0, 15)],            # unreported;
         reporter=[("reword", 3, "的")])      # a new paragraph was written a second time
def test_a_reporters_later_changes_are_never_lost(tmp_path_factory, ops, reporter):
    """The article file changed after the export (a paragraph reworded, one added) while the
    editor worked on the DOCX: whatever the import applies or holds back, every paragraph
    the reporter wrote is still in the file afterwards; and when nothing was held back
    (exit 0), every paragraph the editor changed or wrote is in it too. Imported again, it
    changes nothing and reports the same."""
    work = tmp_path_factory.mktemp("reporter")
    folder = work / "issue"
    (folder / "articles").mkdir(parents=True)
    path = folder / "articles" / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    (folder / "issue.yaml").write_text(
        "date: 2025-06-18\npages:\n  - number: 1\n    name: 社区\n    articles: [a]\n",
        encoding="utf-8")
    docx_path = export(folder, work / "a.docx")
    paragraphs, written = list(PARAGRAPHS), []
    for n, (kind, at, text) in enumerate(reporter):
        if kind == "reword":
            paragraphs[at % len(paragraphs)] += text
            written.append(paragraphs[at % len(paragraphs)])
        else:
            paragraphs.insert(at % (len(paragraphs) + 1), f"记者补充{n}{text}。")
            written.append(paragraphs[at % len(paragraphs)])
    path.write_text("---\ntitle: \"社区一日\"\n---\n\n" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")

    seen: list[str] = []

    def change(root):
        editor = Editor(root)
        for op in ops:
            editor.apply(op)
        seen.extend(editor.texts)
    result = cli_import(edit(docx_path, work / "e.docx", change), folder, "--apply-deletes")
    assert result.code in (0, 3), result.output
    after = path.read_bytes()
    again = cli_import(work / "e.docx", folder, "--apply-deletes")
    assert again.code == result.code and "changed 0 article file(s)" in again.stdout, \
        (ops, reporter, result.output, again.output)
    assert path.read_bytes() == after
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    now = [p.strip() for p in body.split("\n\n") if p.strip()]
    reworded = [p for p in written if p in paragraphs]      # the reporter's final versions
    lost = [p for p in reworded if p not in now]
    assert not lost, (ops, reporter, lost, result.output)
    if result.code == 0:                                    # nothing held: the DOCX is all in
        missing = [t for t in seen if t not in now and t not in PARAGRAPHS]
        assert not missing, (ops, reporter, missing, result.output)
    shutil.rmtree(work, ignore_errors=True)
