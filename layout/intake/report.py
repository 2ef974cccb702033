"""The text `layout import` prints, in the editor's language (`layout.i18n`).

Files written; the copy's shape as read; changes counted by rule; where
each photo went (a story's photo or a photo-news item, and why); photos
still to add; lines that fit no part; and the decisions to check — every
place the importer was unsure of (a possible 小标题, story boundary or
paragraph end), with its line. A dry run adds a diff: each part the
normaliser rewrote as it came in (`-`) and as it will be written (`+`),
then unified diffs of existing files the import would change.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from layout.i18n import _
from layout.intake.decisions import KINDS
from layout.intake.plan import Plan
from layout.intake.shape import Shape, ShapeKind

_EXCERPT = 24


def _excerpt(text: str, size: int = _EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "…"


def _label(article) -> str:
    if article.kind == "photo" and not article.title and article.photos:
        return _excerpt(article.photos[0].caption)
    return article.title or _("(no title: add one)")


def _rule_labels() -> dict[str, str]:
    return {"markdown-markup": _("Markdown markup removed"),
            "fullwidth-alnum": _("full-width letters and digits to half width"),
            "ellipsis": _("ellipsis to ……"), "dash": _("dash to ——"),
            "comma": _("comma to ，"), "semicolon": _("semicolon to ；"),
            "colon": _("colon to ："), "question-mark": _("question mark to ？"),
            "exclamation-mark": _("exclamation mark to ！"), "full-stop": _("full stop to 。"),
            "parentheses": _("brackets to （ ）"), "book-title-marks": _("<<…>> to 《…》"),
            "double-quotes": _("straight quotes to “ ”"),
            "single-quotes": _("straight quotes to ‘ ’"),
            "space-body": _("spaces in running text"),
            "space-heading": _("headline phrase gap to U+3000"),
            "space-credit": _("spaces in bylines and credits"),
            "staff-name-space": _("a space between a staff title and a name"),
            "credit-brackets": _("brackets around a photo credit removed"),
            "heading-brackets": _("【】 around a whole heading removed"),
            "caption-mark": _("▲ before a caption removed")}


def _decision_texts() -> dict[str, str]:
    return {
        "run-on": _("a full line ending a sentence was run on into the next line; "
                    "it may end its paragraph"),
        "paragraph-end": _("a paragraph ends here (the line is short); it may run on"),
        "paragraph-length": _("a full line ending a sentence taken as a paragraph's end: the "
                              "paragraphs come out of the copy's usual length; it may run on"),
        "headline": _("a line that looks like a headline was taken as a paragraph's "
                      "first line"),
        "roles-kicker": _("two headline lines taken as 引题 and 主题; they may be 主题 and 副题"),
        "roles-subtitle": _("two headline lines taken as 主题 and 副题; they may be 引题 and 主题"),
        "subhead": _("taken as a 小标题 (the text after it does not open as a new story "
                     "does); if it is the 主题 of a new story, split the article here"),
        "story": _("a short line between paragraphs, taken as the 主题 of a new story (the "
                   "text after it opens as news does); if it is a 小标题, merge the two articles"),
        "byline": _("a byline at the story's end, taken as its byline"),
        "photo-story": _("a photo right after a story's text, taken as that story's photo; "
                         "if it is a photo-news item of its own, give it an article"),
        "photo-own": _("a photo right after a story's text whose caption shares few of the "
                       "story's words, taken as a photo-news item of its own; if it is the "
                       "story's photo, move it into that story's photos:"),
        "portrait": _("a line with nothing of its own right after a story's photo credit, "
                      "taken as the caption of another photo of that story (no credit); if "
                      "it is a headline, give it its story"),
        "portrait-head": _("three headline lines with no dash right after a story's photo "
                           "credit: the first may be the caption of another photo of that "
                           "story (no credit); if so, move it into that story's photos:"),
        "photo": _("text after a photo with a headline: taken as one story with its photo"),
        "caption": _("a line under a headline joined to the caption below it (a photo-news "
                     "item); if it is the story's text, split it off"),
        "staff-lead": _("the text opens with a staff title and a name run into it; if that "
                        "is the byline or 电头, move it to byline: or dateline:"),
        "staff-dateline": _("a staff title and names run into the text, taken as the 电头 up "
                            "to the end of the last name as the dictionary reads it; check "
                            "where the name ends"),
        "latin-join": _("Latin letters rejoined across a line break; check the word"),
        "number-join": _("a number rejoined without a space across a full line's break; "
                         "if the line ended at a space in the number, put the space back"),
        "measure": _("the copy mixes column widths and this story has too few lines to "
                     "read its own: its lines were rejoined by the copy's usual width; check "
                     "its paragraph breaks"),
        "measure-wider": _("the copy mixes column widths and this story's own measure, read "
                           "from its few lines, may be two ems short (its paragraphs' first "
                           "lines, which lost their indent, are most of its lines): check its "
                           "paragraph breaks"),
        "columns": _("the copy holds two columns side by side (a PDF page dumped with its "
                     "layout): each page was read left column first, then the right one; "
                     "check where the columns were cut"),
    }


def describe_shape(shape: Shape) -> str:
    kinds = {ShapeKind.TYPESET: _("lines of a typeset page (copied from a PDF), "
                                  "{width} characters a line"),
             ShapeKind.CHUNKED: _("long lines cut at column ends, mid-sentence"),
             ShapeKind.PARAGRAPHS: _("one paragraph a line")}
    parts = [kinds[shape.kind].format(width=f"{shape.full:g}")]
    if shape.indented:
        parts.append(_("paragraphs start indented"))
    if shape.indent_lost:
        parts.append(_("paragraph indents lost"))
    parts.append({"every": _("a blank line after every line"),
                  "some": _("blank lines between paragraphs"),
                  "sparse": _("blank lines between stories"),
                  "none": _("no blank lines")}[shape.blanks])
    if shape.markdown:
        parts.insert(0, _("Markdown"))
    return _("Copy read as: {shape}").format(shape=_("; ").join(parts))


def rewrite_diff(plan: Plan) -> str:
    out = [f"--- {plan.source.name} " + _("(as received)"),
           f"+++ {plan.source.name} " + _("(normalised)")]
    for cleaned in plan.cleaned:
        for r in cleaned.rewrites:
            out += [f"@@ line {plan.source_line(r.line)} · {r.article} · {r.part} @@",
                    f"-{r.before}", f"+{r.after}"]
    return "\n".join(out) + "\n"


def _counts(plan: Plan) -> list[str]:
    counts = Counter(c.change.rule for cl in plan.cleaned for c in cl.changes)
    labels = _rule_labels()
    lines = [_("Changes: {count}").format(count=sum(counts.values()))]
    by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines += [f"  {rule:<18} {labels.get(rule, '')}  {n:>5}" for rule, n in by_count]
    return lines


def _photo_lines(plan: Plan) -> list[str]:
    why = {"story": _("line {line}: {caption} → photo of {id} “{title}”: "
                      "it follows that story's text"),
           "item": _("line {line}: {caption} → photo-news item {id} “{title}”: "
                     "a headline with no text of its own"),
           "own": _("line {line}: {caption} → photo-news item {id} of its own: "
                    "it follows a gap, another photo or no story"),
           "own-words": _("line {line}: {caption} → photo-news item {id} of its own: "
                          "its caption shares few words with the story before it")}
    lines = []
    for cleaned in plan.cleaned:
        a = cleaned.article
        for photo in a.photos:
            lines.append("  " + why[photo.placement].format(
                line=plan.source_line(photo.line), caption=_excerpt(photo.caption, 16), id=a.id,
                title=a.title or "—"))
    return [_("Photos:")] + lines if lines else []


def _photos_missing(plan: Plan) -> list[str]:
    missing = [(c.article, p) for c in plan.cleaned for p in c.article.photos
               if not (plan.issue_dir / "photos" / p.file).is_file()]
    if not missing:
        return []
    lines = [_("Photos to add before building (the articles name them already):")]
    lines += [f"  {plan.issue_dir / 'photos' / p.file}  ({p.credit})" for _a, p in missing]
    return lines


def _notes(plan: Plan) -> list[str]:
    if not plan.notes:
        return [_("Lines that fit no part: none")]
    lines = [_("Lines that fit no part (kept as body text):")]
    lines += ["  " + _("line {line}: {text} — {why}").format(
        line=plan.source_line(n.line), text=_excerpt(n.text, 40), why=n.why)
        for n in plan.notes]
    return lines


def _dropped(plan: Plan) -> list[str]:
    if not plan.dropped:
        return []
    lines = [_("Web page lines left out (the page's furniture, not copy):")]
    lines += ["  " + _("line {line}: {text}").format(line=plan.source_line(d.line),
                                                     text=_excerpt(d.text, 40))
              for d in plan.dropped]
    return lines


def decision_lines(plan: Plan) -> list[str]:
    if not plan.decisions:
        return [_("Decisions to check: none")]
    texts = _decision_texts()
    order = {kind: k for k, kind in enumerate(KINDS)}
    lines = [_("Decisions to check ({count}): the importer was not sure at these lines")
             .format(count=len(plan.decisions))]
    at = {d: plan.source_line(d.line) for d in plan.decisions}
    for d in sorted(plan.decisions, key=lambda d: (at[d], order.get(d.what, 99))):
        lines.append("  " + _("line {line}: {text} — {why}").format(
            line=at[d], text=_excerpt(d.text, 32), why=texts[d.what]))
    return lines


def report(plan: Plan, existing: list[Path], *, dry_run: bool, diff: str) -> str:
    """The summary of an import (and with `dry_run` the diff of what it would change)."""
    kinds = Counter(c.article.kind for c in plan.cleaned)
    head = _("Would write {count} articles from {source} ({stories} stories, {photos} photo "
             "items, {poems} poems):") if dry_run else \
        _("Wrote {count} articles from {source} ({stories} stories, {photos} photo items, "
          "{poems} poems):")
    lines = [head.format(count=len(plan.cleaned), source=plan.source, stories=kinds["story"],
                         photos=kinds["photo"], poems=kinds["poem"])]
    for cleaned in plan.cleaned:
        a = cleaned.article
        path = plan.issue_dir / "articles" / f"{a.id}.md"
        mark = "  " + _("(replaces existing)") if path in existing else ""
        kinds = {"story": _("story"), "photo": _("photo item"), "poem": _("poem")}
        kind = kinds.get(a.kind, a.kind)
        lines.append(f"  {path}  {kind}  {_label(a)}{mark}")
    manifest = plan.issue_dir / "issue.yaml"
    done = _("created: check paper and date") if plan.manifest_created else _("ids added")
    lines.append(f"  {manifest}  {done}")
    lines.append(describe_shape(plan.shape))
    lines += _counts(plan) + _photo_lines(plan) + _photos_missing(plan) + _notes(plan) + _dropped(plan)
    lines += decision_lines(plan)
    if dry_run:
        if existing:
            lines.append(_("{count} article file(s) exist: a real import needs --force")
                         .format(count=len(existing)))
        lines += [_("Nothing written (dry run). Changes:"), rewrite_diff(plan) + diff]
    return "\n".join(lines).rstrip("\n")
