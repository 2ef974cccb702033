"""Bad manifests, front matter, article ids, encodings, YAML and photos, through the CLI:
each is refused with one line naming the file and line, what is wrong and what to do."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.cli_helpers import issue, line_of, located, replace_in, run  # noqa: F401 - fixture


def build(issue: Path, tmp_path: Path, formats: str = "docx"):
    return run("build", issue, "-o", tmp_path / "out", "--format", formats)


def error_at(issue: Path, tmp_path: Path, file: Path, needle: str, *words: str) -> str:
    """Build, expecting one clean error at the line of `file` holding `needle`."""
    error = build(issue, tmp_path).one_error()
    assert located(error) == (str(file), line_of(file, needle)), error
    for word in words:
        assert word in error, error
    return error


MANIFEST_CASES = [  # (old text in issue.yaml, new text, needle for the line, words)
    ("number: 2316", "number: abc", "number:", ["'number'", "whole number"]),
    ("number: 2316", "number: 0", "number:", ["'number'", "out of range"]),
    ("date: 2025-06-18", "date: 0001-01-01", "date:", ["0001-01-01", "农历"]),
    ("date: 2025-06-18", "date: 2025-13-45", "date:", ["2025-13-45", "ISO date"]),
    ("date: 2025-06-18", "date: [2025]", "date:", ["ISO date"]),
    ("paper: 铁东新闻", "paper: " + "报" * 300, "paper:", ["at most 20"]),
    ("paper: 铁东新闻", "paper: 铁东区融媒体中心新闻周刊", "paper:", ["masthead", "roles.masthead"]),
    ("paper: 铁东新闻", "paper: {a: 1}", "paper:", ["not text"]),
    ("  - number: 1", "  - number: abc", "number: abc", ["'number'"]),
    ("  - number: 1", "  - number: 1000", "number: 1000", ["1 to 999"]),
    ("    name: 社区", "    name: ''", "name: ''", ["'name'"]),
    ("    name: 社区", "    name: 社区社区社区社区社区社区社区", "name: 社区", ["at most 12"]),
    ("      - hengji", "      - {id: hengji, columns: 7}", "columns: 7", ["'columns'", "1 to 6"]),
    ("      - hengji", "      - {id: hengji, columns: 0}", "columns: 0", ["'columns'"]),
    ("      - hengji", "      - {id: hengji, photo_columns: 9}", "photo_columns", ["1 to 6"]),
    ("      - hengji", "      - {id: hengji, headline_size: 0}", "headline_size", ["type size"]),
    ("      - hengji", "      - {id: hengji, headline_size: .inf}", "headline_size", ["type size"]),
    ("      - hengji", "      - {id: hengji, headline_size: 特大}", "headline_size", ["特大", "号数"]),
    ("      - hengji", "      - {id: hengji, headline_size: 200pt}", "headline_size", ["96pt"]),
    ("      - hengji", "      - {id: hengji, position: middle}", "position", ["top, bottom"]),
    ("      - hengji", "      - {id: hengji, colums: 2}", "colums", ["did you mean 'columns'"]),
    ("      - hengji", "      - {columns: 2}", "columns: 2", ["needs 'id'"]),
    ("      - hengji", "      - ../../x", "../../x", ["not an article id"]),
    ("      - hengji", "      - /etc/x", "/etc/x", ["not an article id"]),
    ("      - hengji", "      - a/b", "a/b", ["not an article id"]),
    ("      - hengji", "      - '.hidden'", ".hidden", ["not an article id"]),
    ("      - hengji", "      - " + "a" * 65, "aaaa", ["at most 64"]),
    ("      - hengji", "      - nothere", "nothere", ["not found", "articles/nothere.md"]),
    ("      - wenhua", "      - wenhua\n      - hengji  # again", "# again", ["list it once"]),
]


@pytest.mark.parametrize("old, new, needle, words", MANIFEST_CASES,
                         ids=[c[1].strip()[:40] for c in MANIFEST_CASES])
def test_a_bad_manifest_value_is_one_line_at_its_line(issue, tmp_path, old, new, needle, words):
    manifest = issue / "issue.yaml"
    replace_in(manifest, old, new)
    error_at(issue, tmp_path, manifest, needle, *words)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("pages", ["pages: []", "pages: {}", "pages:", "pages: [1]"])
def test_pages_must_be_a_list_of_pages(issue, tmp_path, pages):
    manifest = issue / "issue.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text[:text.index("pages:")] + pages + "\n", "utf-8")
    error = build(issue, tmp_path).one_error()
    assert located(error)[0] == str(manifest) and located(error)[1] is not None
    assert "pages" in error or "page" in error


def test_a_second_page_with_the_same_number_is_refused(issue, tmp_path):
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        "      - wenhua\n", "  - number: 1  # again\n    name: 要闻\n    articles: [wenhua]\n"),
        "utf-8")
    error_at(issue, tmp_path, manifest, "# again", "once each, in order")


@pytest.mark.parametrize("kind", ["brief", "poem"])   # ad: tests/edition/test_reserved.py
def test_the_article_kinds_the_edition_uses_are_accepted(issue, tmp_path, kind):
    path = issue / "articles" / "niaolei.md"
    replace_in(path, "---\n", f"---\nkind: {kind}\n")
    assert build(issue, tmp_path).code == 0


def test_an_unknown_kind_and_a_missing_title_are_refused_at_their_line(issue, tmp_path):
    path = issue / "articles" / "niaolei.md"
    replace_in(path, "---\n", "---\nkind: essay\n")
    error_at(issue, tmp_path, path, "kind: essay", "story, photo, brief, poem, ad")
    replace_in(path, "kind: essay\n", "kind: brief\n")
    text = path.read_text("utf-8")
    path.write_text("\n".join(l for l in text.split("\n") if not l.startswith("title:")), "utf-8")
    assert "'title'" in build(issue, tmp_path).one_error()


def test_front_matter_lines_are_joined_and_overlong_parts_refused(issue, tmp_path):
    path = issue / "articles" / "niaolei.md"
    replace_in(path, "---\n", "---\nbyline: |\n  本报记者\n  王琳\n")
    assert build(issue, tmp_path).code == 0
    replace_in(path, "byline: |", "kicker: " + "长" * 80 + "\nbyline: |")
    error_at(issue, tmp_path, path, "kicker:", "'kicker'", "at most 60")


# ---------------------------------------------------------------- ids and links


def test_an_article_linked_from_outside_the_issue_is_refused(issue, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: 机密\n---\n不该出现。\n", "utf-8")
    article = issue / "articles" / "hengji.md"
    article.unlink()
    article.symlink_to(outside / "secret.md")
    outcome = build(issue, tmp_path)
    error = outcome.one_error()
    manifest = issue / "issue.yaml"
    assert located(error) == (str(manifest), line_of(manifest, "- hengji"))
    assert "leaves the issue folder" in error and "不该出现" not in outcome.stdout + outcome.stderr


def test_a_link_inside_the_issue_folder_is_followed(issue, tmp_path):
    store = issue / "store"
    store.mkdir()
    article = issue / "articles" / "hengji.md"
    article.rename(store / "hengji.md")
    article.symlink_to(store / "hengji.md")
    assert build(issue, tmp_path).code == 0


def test_an_articles_folder_linked_elsewhere_is_refused(issue, tmp_path):
    (issue / "articles").rename(tmp_path / "articles")
    (issue / "articles").symlink_to(tmp_path / "articles")
    assert "leaves the issue folder" in build(issue, tmp_path).one_error()


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding, named", [
    ("gbk", "GB18030"), ("gb18030", "GB18030"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE")])
def test_a_file_in_another_encoding_is_named_with_the_iconv_command(issue, tmp_path, encoding,
                                                                     named):
    path = issue / "articles" / "wuye.md"
    path.write_bytes(path.read_text("utf-8").encode(encoding))
    error = build(issue, tmp_path).one_error()
    assert located(error) == (str(path), None)
    assert f"iconv -f {named} -t UTF-8" in error and str(path) in error


def test_a_gbk_manifest_is_named_with_the_iconv_command(issue, tmp_path):
    manifest = issue / "issue.yaml"
    manifest.write_bytes(manifest.read_text("utf-8").encode("gbk"))
    assert "iconv -f GB18030 -t UTF-8" in build(issue, tmp_path).one_error()


def test_a_utf8_bom_is_accepted_silently(issue, tmp_path):
    path = issue / "articles" / "wuye.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    outcome = build(issue, tmp_path)
    assert outcome.code == 0 and not outcome.warnings, outcome.stderr


# ---------------------------------------------------------------- YAML


def test_yaml_nested_five_thousand_deep_is_refused(issue, tmp_path):
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "extra: " + "[" * 5000 + "]" * 5000 + "\n",
                        "utf-8")
    assert "nested more than" in build(issue, tmp_path).one_error()


def test_a_billion_laughs_is_refused(issue, tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = issue / "articles" / "hengji.md"
    path.write_text("---\ntitle: 标题\n" + "\n".join(lines) + "\nbyline: *a9\n---\n正文。\n",
                    "utf-8")
    assert "aliases expand to more than" in build(issue, tmp_path).one_error()


def test_nested_aliases_in_a_small_front_matter_are_refused(issue, tmp_path):
    lines = ["x0: &x0 [a, a]"] + [f"x{i}: &x{i} [*x{i - 1}, *x{i - 1}]" for i in range(1, 20)]
    path = issue / "articles" / "hengji.md"
    text = "---\ntitle: 标题\n" + "\n".join(lines) + "\nbyline: *x19\n---\n正文。\n"
    assert len(text.encode()) < 700
    path.write_text(text, "utf-8")
    assert "aliases expand" in build(issue, tmp_path).one_error()


def test_a_huge_integer_is_refused(issue, tmp_path):
    replace_in(issue / "issue.yaml", "number: 2316", "number: " + "9" * 5000)
    error_at(issue, tmp_path, issue / "issue.yaml", "number:", "too long")


@pytest.mark.parametrize("escape, code", [(r"\ud800", "U+D800"), (r"\e]0;PWNED\a", "U+001B"),
                                          (r"\u0000", "U+0000"), (r"\x85", "U+0085")])
def test_control_characters_written_as_yaml_escapes_are_removed_with_a_warning(
        issue, tmp_path, escape, code):
    path = issue / "articles" / "hengji.md"
    text = path.read_text("utf-8")
    title = next(l for l in text.split("\n") if l.startswith("title:"))
    path.write_text(text.replace(title, f'title: "党建{escape}引领"'), "utf-8")
    outcome = build(issue, tmp_path)
    assert outcome.code == 0, outcome.stderr
    warning = next(w for w in outcome.warnings if "removed" in w)
    assert located(warning) == (str(path), line_of(path, "title:")) and code in warning


def test_yaml_tags_and_non_text_keys_are_refused(issue, tmp_path):
    manifest = issue / "issue.yaml"
    replace_in(manifest, "number: 2316", "number: !!python/object/apply:os.system ['true']")
    error_at(issue, tmp_path, manifest, "number:", "not allowed")


# ---------------------------------------------------------------- photos


def photo_case(issue: Path) -> tuple[Path, Path]:
    return issue / "photos" / "yizhen.jpg", issue / "articles" / "yizhen.md"


def test_a_strip_shaped_photo_is_refused_with_its_dimensions(issue, tmp_path):
    photo, article = photo_case(issue)
    Image.new("RGB", (2, 20000)).save(photo, format="PNG")
    error_at(issue, tmp_path, article, "file:", "2×20000", "crop")


def test_a_photo_with_a_damaged_colour_profile_is_refused(issue, tmp_path):
    photo, article = photo_case(issue)
    with Image.open(photo) as img:
        img.save(photo, icc_profile=b"not a profile" * 50)
    error_at(issue, tmp_path, article, "file:", "colour profile")


def test_a_truncated_jpeg_is_refused(issue, tmp_path):
    photo, article = photo_case(issue)
    photo.write_bytes(photo.read_bytes()[:20000])
    error_at(issue, tmp_path, article, "file:", "cannot be read")


def test_a_format_outside_the_list_is_refused(issue, tmp_path):
    photo, article = photo_case(issue)
    Image.new("RGB", (300, 200)).save(photo, format="GIF")
    error_at(issue, tmp_path, article, "file:", "JPEG, PNG")


def test_a_photo_link_loop_is_refused(issue, tmp_path):
    _photo, article = photo_case(issue)
    (issue / "photos" / "a").symlink_to("b")
    (issue / "photos" / "b").symlink_to("a")
    replace_in(article, '"yizhen.jpg"', '"a"')
    error_at(issue, tmp_path, article, "file:", "'a' is a symbolic link that leads back to itself",
             "put the file itself")


def test_an_article_link_loop_is_refused_at_its_manifest_line(issue, tmp_path):
    (issue / "articles" / "hengji.md").unlink()
    (issue / "articles" / "hengji.md").symlink_to("hengji.md")
    error_at(issue, tmp_path, issue / "issue.yaml", "- hengji", "leads back to itself")


def test_line_and_paragraph_separators_in_a_body_are_line_ends_not_lost(issue, tmp_path):
    """Copy from Word or the web carries U+2028/U+2029: a line end and a paragraph end,
    as YAML reads them; before, the build failed ("no font has U+2028")."""
    article = issue / "articles" / "hengji.md"
    text = article.read_text("utf-8")
    article.write_text(text.rstrip("\n") + "\u2029另起一段，\u2028续在同一段。\n", "utf-8")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "docx")
    assert outcome.code == 0, outcome.stderr
    assert not outcome.warnings, outcome.warnings
    from docx import Document

    paragraphs = [p.text for p in Document(tmp_path / "out" / "issue.docx").paragraphs]
    assert "另起一段，续在同一段。" in paragraphs


@pytest.mark.parametrize("name, words", [
    ("a" * 300, ["at most 255"]),
    ("图" * 200, ["too long"]),
])
def test_photo_names_the_file_system_cannot_take_are_refused(issue, tmp_path, name, words):
    _photo, article = photo_case(issue)
    replace_in(article, '"yizhen.jpg"', f'"{name}"')
    error_at(issue, tmp_path, article, "file:", *words)


def test_a_nul_in_a_photo_name_is_removed_with_a_warning(issue, tmp_path):
    _photo, article = photo_case(issue)
    replace_in(article, '"yizhen.jpg"', r'"yi\0zhen.jpg"')
    outcome = build(issue, tmp_path)
    assert outcome.code == 0 and any("U+0000" in w for w in outcome.warnings)


# ---------------------------------------------------------------- messages


def test_a_character_no_font_has_names_the_article_file_and_line(issue, tmp_path):
    article = issue / "articles" / "hengji.md"
    text = article.read_text("utf-8")
    article.write_text(text.replace("此前，", "此前\ue000，"), "utf-8")
    error_at(issue, tmp_path, article, "\ue000", "U+E000", "fonts-noto-cjk")


def test_unprintable_characters_in_messages_are_escaped(tmp_path, issue):
    odd = tmp_path / "issue\x1b]0;PWNED\x07\u2028x"
    issue.rename(odd)
    (odd / "articles" / "wuye.md").unlink()
    outcome = build(odd, tmp_path)
    error = outcome.one_error()
    assert "\x1b" not in outcome.stderr and "\x07" not in outcome.stderr
    assert "\u2028" not in outcome.stderr and "\\x1b]0;PWNED\\x07\\u2028x" in error


def test_a_read_only_file_system_is_one_line(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    error = run("new", tmp_path / "fresh", "--date", "2025-06-18", "--paper", "铁东新闻").one_error()
    assert "read-only" in error and str(tmp_path / "fresh") in error


@pytest.mark.parametrize("make, words", [
    (lambda p: p, ["no such file"]),
    (lambda p: (p.mkdir(), p)[1], ["is a folder"]),
])
def test_importing_a_missing_file_or_a_folder_is_one_line(issue, tmp_path, make, words):
    target = make(tmp_path / "copy.txt")
    error = run("import", target, "--issue", issue).one_error()
    for word in words:
        assert word in error


def test_a_paragraph_no_newspaper_prints_is_refused_at_its_line(issue, tmp_path):
    """One paragraph of 570,000 characters (1.7 MB, under the file limit) took 50 s and
    550 MB to compose; past 20,000 characters it is refused before any work."""
    article = issue / "articles" / "hengji.md"
    article.write_text(article.read_text("utf-8") + "\n开头" + "调研组一行先后来到小区" * 2000 + "\n",
                       "utf-8")
    error_at(issue, tmp_path, article, "开头", "a paragraph of 22,002 characters", "at most 20,000",
             "blank lines")


def test_a_key_written_twice_is_refused_naming_both_lines(issue, tmp_path):
    """YAML keeps the last of two equal keys without a word: 总第2316期 or 2317?"""
    replace_in(issue / "issue.yaml", "number: 2316", "number: 2316\nnumber: 2317")
    error_at(issue, tmp_path, issue / "issue.yaml", "number: 2317", "'number' is written twice",
             "also at line 4")
    article = issue / "articles" / "hengji.md"
    replace_in(issue / "issue.yaml", "number: 2316\n", "")
    replace_in(article, "title:", "title: 一\ntitle:")
    error_at(issue, tmp_path, article, "title: \"", "'title' is written twice", "also at line 2")


def test_a_merged_key_may_be_overridden():
    from layout.yamlio import load_yaml

    data = load_yaml("base: &b {columns: 6, column_chars: 13}\ngrid: {<<: *b, column_chars: 14}\n",
                     Path("issue.yaml"))
    assert data["grid"] == {"columns": 6, "column_chars": 14}


def test_an_edition_past_a_million_characters_stops_at_the_article_that_takes_it_there(
        issue, tmp_path):
    """Every article under its own limits, yet 64 of 2 MB a page would take minutes and
    gigabytes: the edition's copy is counted as it is read."""
    body = ("调研组一行先后来到金桥社区鑫达家园小区细查看基础设施，" * 14 + "\n\n") * 1000
    manifest = issue / "issue.yaml"
    for name in ("big1", "big2", "big3"):
        (issue / "articles" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n\n{body}", "utf-8")
        replace_in(manifest, "      - wenhua\n", f"      - wenhua\n      - {name}\n")
    error_at(issue, tmp_path, manifest, "- big1", "with 'big1' the edition holds",
             "more than the 1,000,000")
