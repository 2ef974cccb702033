"""The text `layout import` prints: files written, changes counted by kind, notes, and a diff.

The diff (dry runs) shows each part the normaliser rewrote as it came in
(`-`) and as it will be written (`+`), headed by its source line, article and
part, then unified diffs of existing files the import would change.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from layout.intake.text_import import Plan

def _label(article) -> str:
    if article.kind == "photo":
        return article.title or (article.caption[:24] + "…" if len(article.caption) > 24
                                 else article.caption)
    return article.title or "(no title: add one)"


def rewrite_diff(plan: "Plan") -> str:
    out = [f"--- {plan.source.name} (as received)", f"+++ {plan.source.name} (normalised)"]
    for cleaned in plan.cleaned:
        for r in cleaned.rewrites:
            out += [f"@@ line {r.line} · {r.article} · {r.part} @@", f"-{r.before}", f"+{r.after}"]
    return "\n".join(out) + "\n"


def _counts(plan: "Plan") -> list[str]:
    counts = Counter(c.change.rule for cl in plan.cleaned for c in cl.changes)
    total = sum(counts.values())
    lines = [f"Changes: {total}"]
    by_count = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines += [f"  {rule:<18} {n:>5}" for rule, n in by_count]
    return lines


def _photos(plan: "Plan") -> list[str]:
    missing = [c.article for c in plan.cleaned if c.article.photo_file
               and not (plan.issue_dir / "photos" / c.article.photo_file).is_file()]
    if not missing:
        return []
    lines = ["Photos to add before building (the articles name them already):"]
    lines += [f"  {plan.issue_dir / 'photos' / a.photo_file}  ({a.credit})" for a in missing]
    return lines


def _notes(plan: "Plan") -> list[str]:
    if not plan.notes:
        return ["Lines that fit no part: none"]
    lines = ["Lines that fit no part (kept as body text):"]
    lines += [f"  line {n.line}: {n.text[:40]} — {n.why}" for n in plan.notes]
    return lines


def report(plan: "Plan", existing: list[Path], *, dry_run: bool, diff: str) -> str:
    """The summary of an import (and with `dry_run` the diff of what it would change)."""
    verb = "Would write" if dry_run else "Wrote"
    kinds = Counter(c.article.kind for c in plan.cleaned)
    lines = [f"{verb} {len(plan.cleaned)} articles from {plan.source} "
             f"({kinds['story']} stories, {kinds['photo']} photo items):"]
    for cleaned in plan.cleaned:
        a = cleaned.article
        path = plan.issue_dir / "articles" / f"{a.id}.md"
        mark = "  (replaces existing)" if path in existing else ""
        lines.append(f"  {path}  {a.kind:<5}  {_label(a)}{mark}")
    manifest = plan.issue_dir / "issue.yaml"
    done = "created: check paper and date" if plan.manifest_created else "ids added"
    lines.append(f"  {manifest}  {done}")
    lines += _counts(plan) + _photos(plan) + _notes(plan)
    if dry_run:
        if existing:
            lines.append(f"{len(existing)} article file(s) exist: a real import needs --force")
        lines += ["Nothing written (dry run). Changes:", rewrite_diff(plan) + diff]
    return "\n".join(lines).rstrip("\n")
