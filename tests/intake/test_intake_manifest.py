"""`layout new` and issue.yaml editing: scaffolds that load; ids added, the editor's file kept."""
from __future__ import annotations

import pytest
import yaml

from layout.errors import Diagnostics, InputError
from layout.intake import import_file, new_issue
from layout.intake.issue_yaml import add_ids, new_manifest
from layout.manifest import load_issue


def _listed(text: str) -> list:
    articles = yaml.safe_load(text)["pages"][-1]["articles"]
    return [a if isinstance(a, str) else a["id"] for a in articles]


def test_new_issue_scaffolds_a_folder_that_loads(tmp_path):
    folder = tmp_path / "2025-06-18"
    message = new_issue(folder, date="2025-06-18", paper="铁东新闻")
    assert (folder / "articles").is_dir() and (folder / "photos").is_dir()
    issue = load_issue(folder, Diagnostics())
    assert (issue.paper, issue.date.isoformat(), len(issue.pages)) == ("铁东新闻", "2025-06-18", 1)
    assert str(folder) in message


@pytest.mark.parametrize("date", ["2025-13-01", "18.06.2025", "20250618", "", "2025-02-30"])
def test_new_issue_refuses_a_bad_date(tmp_path, date):
    with pytest.raises(InputError, match="ISO date"):
        new_issue(tmp_path / "x", date=date, paper="铁东新闻")
    assert not (tmp_path / "x").exists()


def test_new_issue_refuses_a_folder_in_use_and_an_empty_paper(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="not an empty folder"):
        new_issue(tmp_path / "used", date="2025-06-18", paper="铁东新闻")
    with pytest.raises(InputError, match="paper"):
        new_issue(tmp_path / "fresh", date="2025-06-18", paper="  ")
    (tmp_path / "empty").mkdir()
    new_issue(tmp_path / "empty", date="2025-06-18", paper="p")  # an empty folder is fine
    assert (tmp_path / "empty" / "issue.yaml").is_file()


def test_import_into_a_scaffolded_issue_lists_the_articles(tmp_path):
    folder = tmp_path / "issue"
    new_issue(folder, date="2025-06-18", paper="铁东新闻")
    src = tmp_path / "copy.md"
    src.write_text("# 主题甲 主题乙\n\n本报讯(通讯员 甲)正文,第一段。\n\n---\n\n# 第二篇\n\n正文二。\n",
                   encoding="utf-8")
    import_file(src, folder, force=False, dry_run=False, diag=Diagnostics())
    issue = load_issue(folder, Diagnostics())
    assert [a.id for a in issue.articles()] == ["copy-01", "copy-02"]
    first = issue.articles()[0]
    assert (first.headline.title, first.dateline) == ("主题甲\u3000主题乙", "本报讯（通讯员 甲）")
    assert first.paragraphs[0].text == "正文，第一段。"
    assert yaml.safe_load((folder / "issue.yaml").read_text("utf-8"))["paper"] == "铁东新闻"


@pytest.mark.parametrize(("text", "last_page"), [
    (new_manifest("报", "2025-06-18", []), []),
    ("pages:\n  - number: 1\n    name: a\n    articles:\n      - one  # lead\n"
     "      - id: two\n        columns: 2\n", ["one", "two"]),
    ("pages:\n  - number: 1\n    name: a\n    articles: [one]\n", ["one"]),
    ("pages:\n  - number: 1\n    name: a\n    articles:   # to fill\n", []),
    ("pages:\n  - number: 1\n    name: a\n    articles: ~\n", []),
    ("pages:\n  - number: 1\n    name: a\n", []),
    ("pages:\n  - number: 1\n    name: a\n    articles: [one]\n  - number: 2\n    name: b\n"
     "    articles:\n      - two\n", ["two"]),
])
def test_add_ids_appends_to_the_last_page_and_keeps_the_rest(text, last_page):
    out = add_ids(text, ["new-01", "new-02", "one"], "issue.yaml")
    new = ["new-01", "new-02"] + ([] if "one" in text else ["one"])
    assert _listed(out) == last_page + new
    for line in text.splitlines():
        if "#" in line:
            assert line.split("#")[1] in out  # comments survive
    assert add_ids(out, ["new-01"], "issue.yaml") == out


def test_add_ids_refuses_a_manifest_without_pages():
    with pytest.raises(InputError, match="no page"):
        add_ids("paper: x\n", ["a"], "issue.yaml")
