"""The 竖排 keys through the CLI: `headline:` on a manifest entry, `direction:` in front
matter and the house style's `vertical.*`, each checked, a typo named with the key or
value it meant, at its line."""
from __future__ import annotations

from pathlib import Path

import pymupdf

from tests.cli_helpers import add_style, issue, line_of, located, replace_in, run  # noqa: F401


def build(issue: Path, tmp_path: Path, formats: str = "pdf"):
    return run("build", issue, "-o", tmp_path / "out", "--format", formats)


def test_a_vertical_headline_and_a_vertical_body_build(issue, tmp_path):
    replace_in(issue / "issue.yaml", "      - hengji", "      - {id: hengji, headline: vertical}")
    replace_in(issue / "articles" / "niaolei.md", "---\n", "---\ndirection: vertical\n")
    outcome = build(issue, tmp_path, "pdf,docx,epub")
    assert outcome.code == 0, outcome.stderr
    with pymupdf.open(tmp_path / "out" / "issue.pdf") as doc:
        fonts = {f[3].split("+")[-1] for f in doc[0].get_fonts()}
    assert any(name.endswith("-Vert-Identity-V") for name in fonts), fonts   # vertical text


def test_a_misspelt_headline_direction_is_named_with_the_word_meant(issue, tmp_path):
    manifest = issue / "issue.yaml"
    replace_in(manifest, "      - hengji", "      - {id: hengji, headline: verticle}")
    error = build(issue, tmp_path).one_error()
    assert located(error) == (str(manifest), line_of(manifest, "verticle"))
    assert "'headline'" in error and "did you mean 'vertical'" in error


def test_a_misspelt_headline_key_is_named_with_the_key_meant(issue, tmp_path):
    manifest = issue / "issue.yaml"
    replace_in(manifest, "      - hengji", "      - {id: hengji, headlin: vertical}")
    error = build(issue, tmp_path).one_error()
    assert "did you mean 'headline'" in error


def test_a_misspelt_direction_in_front_matter_is_refused_at_its_line(issue, tmp_path):
    path = issue / "articles" / "niaolei.md"
    replace_in(path, "---\n", "---\ndirection: vertcal\n")
    error = build(issue, tmp_path).one_error()
    assert located(error) == (str(path), line_of(path, "direction:"))
    assert "did you mean 'vertical'" in error


def test_a_misspelt_direction_key_warns_with_the_key_meant(issue, tmp_path):
    replace_in(issue / "articles" / "niaolei.md", "---\n", "---\ndirecton: vertical\n")
    outcome = build(issue, tmp_path)
    assert outcome.code == 0
    assert any("did you mean 'direction'" in w for w in outcome.warnings), outcome.stderr


def test_house_style_vertical_keys_are_checked(issue, tmp_path):
    add_style(issue, "vertical: {min_line_chars: 40, max_line_chars: 20}")
    error = build(issue, tmp_path).one_error()
    assert "vertical.min_line_chars (40)" in error and "order them" in error
    replace_in(issue / "issue.yaml", "min_line_chars: 40, max_line_chars: 20", "auto_colums: 1")
    outcome = build(issue, tmp_path)
    assert outcome.code == 0
    assert any("did you mean 'vertical.auto_columns'" in w for w in outcome.warnings), outcome.stderr


def test_the_chinese_message_for_a_misspelt_direction(issue, tmp_path):
    replace_in(issue / "issue.yaml", "      - hengji", "      - {id: hengji, headline: verticle}")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "pdf", lang="zh")
    assert "是不是要写 'vertical'" in outcome.one_error()
