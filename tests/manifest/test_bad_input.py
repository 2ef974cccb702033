"""Bad input gets a one-line message naming the file and line, or a warning and a build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from layout.errors import Diagnostics, InputError
from layout.manifest import load_issue


@pytest.fixture
def issue(tmp_path, sample_dir) -> Path:
    target = tmp_path / "issue"
    shutil.copytree(sample_dir, target)
    return target


def load(folder: Path) -> tuple[object, Diagnostics]:
    diag = Diagnostics()
    return load_issue(folder, diag), diag


def error_of(folder: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load(folder)
    return info.value


def test_invalid_yaml_names_file_and_line(issue):
    (issue / "issue.yaml").write_text("paper: 铁东新闻\ndate: 2025-06-18\npages: [\n  - {number: 1\n", "utf-8")
    err = error_of(issue)
    assert err.path == issue / "issue.yaml" and err.line is not None and "YAML" in err.message


def test_yaml_python_tags_are_refused(issue):
    (issue / "issue.yaml").write_text(
        "paper: !!python/object/apply:os.system ['echo hacked']\ndate: 2025-06-18\npages: []\n", "utf-8")
    err = error_of(issue)
    assert err.line == 1 and "not allowed" in err.message


def test_unknown_keys_warn_with_the_near_name(issue):
    text = (issue / "issue.yaml").read_text("utf-8").replace("number: 2316", "numbr: 2316")
    (issue / "issue.yaml").write_text(text, "utf-8")
    _, diag = load(issue)
    messages = [str(w) for w in diag.warnings]
    assert any("numbr" in m and "number" in m and "issue.yaml:" in m for m in messages)


def test_unknown_article_key_warns_with_line(issue):
    path = issue / "articles" / "hengji.md"
    path.write_text(path.read_text("utf-8").replace("subtitle:", "subtitel:"), "utf-8")
    _, diag = load(issue)
    assert any("subtitel" in str(w) and "subtitle" in str(w) and "hengji.md:3" in str(w)
               for w in diag.warnings)


def test_missing_article_is_named(issue):
    (issue / "articles" / "wuye.md").unlink()
    err = error_of(issue)
    assert "wuye" in err.message and err.path == issue / "issue.yaml" and err.line


def test_missing_photo_is_named(issue):
    (issue / "photos" / "yizhen.jpg").unlink()
    err = error_of(issue)
    assert "yizhen.jpg" in err.message and err.path.name == "yizhen.md" and err.line


def test_photo_path_leaving_the_issue_is_refused(issue):
    path = issue / "articles" / "yizhen.md"
    path.write_text(path.read_text("utf-8").replace('"yizhen.jpg"', '"../../../etc/passwd"'), "utf-8")
    err = error_of(issue)
    assert "leaves the issue folder" in err.message


def test_corrupt_image_is_refused(issue):
    (issue / "photos" / "yizhen.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    err = error_of(issue)
    assert "cannot be read" in err.message and "yizhen.jpg" in err.message


def test_decompression_bomb_is_refused_before_decoding(issue):
    # a PNG header claiming 30000 × 30000 pixels; the data would be huge once decoded
    Image.new("1", (30000, 30000)).save(issue / "photos" / "yizhen.jpg", format="PNG")
    err = error_of(issue)
    assert "pixels" in err.message or "decompression" in err.message


def test_control_characters_are_removed_with_a_warning(issue):
    path = issue / "articles" / "hengji.md"
    path.write_text(path.read_text("utf-8").replace("此前，", "此前\x07\ufffe，"), "utf-8")
    loaded, diag = load(issue)
    article = next(a for a in loaded.articles() if a.id == "hengji")
    assert "\x07" not in article.all_text() and "\ufffe" not in article.all_text()
    assert any("hengji.md" in str(w) and "U+0007" in str(w) for w in diag.warnings)


def test_empty_article_loads_with_a_warning(issue):
    (issue / "articles" / "hengji.md").write_text("---\ntitle: 空稿\n---\n", "utf-8")
    loaded, diag = load(issue)
    assert any("no text" in str(w) for w in diag.warnings)
    assert next(a for a in loaded.articles() if a.id == "hengji").paragraphs == ()


def test_missing_front_matter_is_explained(issue):
    (issue / "articles" / "hengji.md").write_text("只有正文。\n", "utf-8")
    err = error_of(issue)
    assert err.line == 1 and "---" in err.message


def test_bad_date_is_explained(issue):
    text = (issue / "issue.yaml").read_text("utf-8").replace("2025-06-18", "18/06/2025")
    (issue / "issue.yaml").write_text(text, "utf-8")
    err = error_of(issue)
    assert "ISO" in err.message and err.line == 3


def test_bad_style_value_is_explained(issue):
    text = (issue / "issue.yaml").read_text("utf-8").replace("pages:", "style:\n  body: {size: 巨号}\npages:")
    (issue / "issue.yaml").write_text(text, "utf-8")
    err = error_of(issue)
    assert "巨号" in err.message and "issue.yaml" in str(err)


def test_another_paper_without_its_own_registration_is_warned_at_the_paper_line(issue):
    """A plate must not carry another paper's 刊号: naming a new paper while the masthead
    and 报尾 still come from the house style is said, at the `paper:` line; giving the
    paper's own registration under style: paper: silences it."""
    path = issue / "issue.yaml"
    text = path.read_text("utf-8").replace("paper: 铁东新闻", "paper: 新河报")
    path.write_text(text, "utf-8")
    _, diag = load(issue)
    found = [w for w in diag.warnings if "新河报" in str(w) and "铁东新闻" in str(w)]
    assert len(found) == 1 and found[0].line == 2
    own = "style:\n  paper: {owner: 中共新河区委机关报, serial: CN 21-0099}\n"
    path.write_text(text + own, "utf-8")
    _, diag = load(issue)
    found = [w for w in diag.warnings if "新河报" in str(w)]
    assert len(found) == 1 and "imprint" in found[0].message and found[0].line == 2
    path.write_text(text + own + "  imprint: {address: 新河区滨河路1号, price: 每份1.50元}\n",
                    "utf-8")
    _, diag = load(issue)
    assert not any("新河报" in str(w) for w in diag.warnings)


def test_a_paper_named_in_its_style_still_needs_its_own_registration(issue):
    """Naming the paper under style: paper: too does not make 铁东新闻's 刊号 this paper's."""
    path = issue / "issue.yaml"
    text = path.read_text("utf-8").replace("paper: 铁东新闻", "paper: 新河报")
    path.write_text(text + "style:\n  paper: {name: 新河报}\n", "utf-8")
    _, diag = load(issue)
    assert any("新河报" in str(w) and "serial" in w.message for w in diag.warnings)


def test_the_house_style_s_own_paper_is_not_warned(issue):
    _, diag = load(issue)
    assert not any("serial" in str(w) or "刊号" in str(w) for w in diag.warnings)


def test_an_article_listed_twice_on_one_page_says_so(issue):
    path = issue / "issue.yaml"
    path.write_text(path.read_text("utf-8").replace("      - yizhen\n",
                                                    "      - yizhen\n      - hengji\n"), "utf-8")
    err = error_of(issue)
    assert "twice on page 1" in err.message and err.line is not None


def test_a_missing_article_names_the_nearest_file(issue):
    path = issue / "issue.yaml"
    path.write_text(path.read_text("utf-8").replace("      - yizhen\n", "      - yizhenn\n"),
                    "utf-8")
    err = error_of(issue)
    assert "yizhenn.md" in err.message and "did you mean 'yizhen.md'" in err.message


def test_a_page_without_articles_warns_with_what_the_whole_page_would_hold(issue, tmp_path):
    from tests.cli_helpers import run
    path = issue / "issue.yaml"
    path.write_text(path.read_text("utf-8") + "  - number: 2\n    name: 专版\n    articles: []\n",
                    "utf-8")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "pdf")
    assert outcome.code == 0, outcome.stderr
    said = [line for line in outcome.stderr.splitlines() if "page 2 has no copy" in line]
    assert len(said) == 1
    chars = int(said[0].split("about ")[1].split(" characters")[0])
    assert chars > 3000    # a whole broadsheet page of body, not the 0 it said before
