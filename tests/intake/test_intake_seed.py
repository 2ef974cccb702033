"""The seed page imported whole: the sample edition's stories, photo items and text, cleaned."""
from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from tests.conftest import SEED, han
from layout.errors import Diagnostics, InputError
from layout.intake import import_file
from layout.intake.chars import ends_sentence, is_han
from layout.manifest import load_issue
from layout.manifest.article import parse_body, split_front_matter


def _read_article(path: Path) -> tuple[dict, list]:
    front, body, line = split_front_matter(path.read_text(encoding="utf-8"), path)
    return yaml.safe_load(front), parse_body(body, line)


def _articles(folder: Path) -> dict[str, tuple[dict, list]]:
    return {p.stem: _read_article(p) for p in sorted((folder / "articles").glob("*.md"))}


def _key(meta: dict) -> str:
    return meta.get("title") or meta["photos"][0]["caption"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory, seed_text) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("seed") / "new"
    report = import_file(SEED, folder, force=False, dry_run=False, diag=Diagnostics())
    return folder, report


def test_five_stories_and_two_photo_items_as_in_the_sample(imported, sample_dir):
    folder, _ = imported
    ours = {_key(m): m for m, _ in _articles(folder).values()}
    theirs = {_key(m): m for m, _ in _articles(sample_dir).values()}
    assert sum(1 for m in ours.values() if m.get("kind", "story") == "story") == 5
    assert sum(1 for m in ours.values() if m.get("kind") == "photo") == 2
    assert ours.keys() == theirs.keys()
    for key, meta in theirs.items():
        for field in ("kicker", "title", "subtitle", "byline", "dateline", "kind"):
            assert ours[key].get(field) == meta.get(field), (key, field)
        for mine, sample in zip(ours[key].get("photos") or [], meta.get("photos") or []):
            assert (mine["caption"], mine["credit"]) == (sample["caption"], sample["credit"])


def test_bodies_match_the_sample_paragraph_for_paragraph(imported, sample_dir):
    """The sample keeps one quoted slogan's gap as an ASCII space; we set U+3000 there."""
    folder, _ = imported
    fold = lambda paras: [(p.kind, p.text.replace("\u3000", " ")) for p in paras]  # noqa: E731
    ours = {_key(m): fold(b) for m, b in _articles(folder).values()}
    theirs = {_key(m): fold(b) for m, b in _articles(sample_dir).values()}
    assert ours == theirs


def test_every_han_character_of_the_page_is_kept(imported, seed_text):
    folder, _ = imported
    written = "".join(p.read_text(encoding="utf-8") for p in (folder / "articles").glob("*.md"))
    assert han(written) == han(seed_text)


def _texts(folder: Path):
    for meta, body in _articles(folder).values():
        yield from (str(v) for k, v in meta.items() if isinstance(v, str))
        for photo in meta.get("photos") or []:
            yield photo["caption"]
            yield photo["credit"]
        yield from (p.text for p in body)


def test_no_ascii_punctuation_touches_a_han_character(imported):
    folder, _ = imported
    for text in _texts(folder):
        for i, ch in enumerate(text):
            if ch in string.punctuation:
                near = text[max(0, i - 1):i] + text[i + 1:i + 2]
                assert not any(is_han(c) for c in near), text


def test_every_body_paragraph_is_whole(imported):
    folder, _ = imported
    for meta, body in _articles(folder).values():
        for para in body:
            if para.kind.value == "body":
                assert ends_sentence(para.text), para.text


def test_report_counts_changes_and_names_missing_photos(imported, seed_text):
    folder, report = imported
    count = next(int(line.split()[-1]) for line in report.splitlines()
                 if line.strip().startswith("comma "))
    assert count == seed_text.count(",")
    assert report.count(".jpg") == 2 and "Photos to add" in report
    assert "Lines that fit no part: none" in report


def test_the_import_loads_once_its_photos_are_added(imported, tmp_path):
    import shutil

    from PIL import Image

    folder = tmp_path / "issue"
    shutil.copytree(imported[0], folder)
    with pytest.raises(InputError, match=r"photo '.*\.jpg' not found"):
        load_issue(folder, Diagnostics())  # documented: photo items need their photo first
    for meta, _ in _articles(folder).values():
        for photo in meta.get("photos") or []:
            Image.new("RGB", (40, 30), "grey").save(folder / "photos" / photo["file"])
    diag = Diagnostics()
    issue = load_issue(folder, diag)
    assert len(issue.articles()) == 7 and not diag.warnings
    assert han("".join(a.all_text() for a in issue.articles())) == han(SEED.read_text("utf-8"))


def test_two_imports_give_identical_files(imported, tmp_path):
    other = tmp_path / "again"
    import_file(SEED, other, force=False, dry_run=False, diag=Diagnostics())
    def files(root: Path) -> dict:
        return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert files(imported[0]) == files(other)


def test_no_overwrite_without_force(imported, tmp_path):
    import shutil

    folder = tmp_path / "issue"
    shutil.copytree(imported[0], folder)
    target = next((folder / "articles").glob("*.md"))
    target.write_text("edited by hand", encoding="utf-8")
    with pytest.raises(InputError, match="--force") as err:
        import_file(SEED, folder, force=False, dry_run=False, diag=Diagnostics())
    assert err.value.path is not None and Path(err.value.path).parent == target.parent
    assert target.read_text(encoding="utf-8") == "edited by hand"
    import_file(SEED, folder, force=True, dry_run=False, diag=Diagnostics())
    assert target.read_bytes() == (imported[0] / "articles" / target.name).read_bytes()
    manifest = yaml.safe_load((folder / "issue.yaml").read_text(encoding="utf-8"))
    listed = manifest["pages"][-1]["articles"]
    assert len(listed) == len(set(listed)) == 7


def test_dry_run_writes_nothing_and_shows_the_changes_as_a_diff(tmp_path):
    folder = tmp_path / "dry"
    report = import_file(SEED, folder, force=False, dry_run=True, diag=Diagnostics())
    assert not folder.exists()
    minus = [ln for ln in report.splitlines() if ln.startswith("-今年以来")]
    plus = [ln for ln in report.splitlines() if ln.startswith("+今年以来")]
    assert minus and plus and "," in minus[0] and "," not in plus[0]
