"""hooks/generate.py, in-process: steps whose mistakes a built page would not show.

The whole hook is exercised by every site build (tests/site) and the live
preview (tests/site/test_live_preview.py); these tests look at what the hook
does to a hand-written page once it is converted, and at which build a
live-preview rebuild compares its data with.
"""

from __future__ import annotations

import shutil
from types import SimpleNamespace

from hooks import generate
from macros.book import open_book
from macros.pages import BookPages, current_pages, use_pages
from tests.macros.conftest import FIXTURE_DATA, ROOT


def test_a_hand_written_page_gets_the_macros_html_with_its_anchors_and_headings():
    pages = BookPages(open_book(FIXTURE_DATA, ROOT), None)
    use_pages(pages)
    placeholder = pages.blocks.hold('<h2 id="fisheries">Fisheries<a class="headerlink" href="#fisheries">¶</a></h2>\n'
                                    '<table><tr><td><a id="talks-hours"></a>3 hours</td></tr></table>\n')
    page = SimpleNamespace(present_anchor_ids={"statistics"}, toc=None)
    html = generate.on_page_content(f'<h1 id="statistics">Statistics</h1>\n{placeholder}\n', page, None, None)
    assert "book-block" not in html and '<a id="talks-hours"></a>3 hours' in html
    # Markdown links to these anchors pass MkDocs' --strict check, and the contents list the heading.
    assert page.present_anchor_ids == {"statistics", "fisheries", "talks-hours"}
    assert [item.title for item in page.toc] == ["Statistics"]
    assert [child.title for child in list(page.toc)[0].children] == ["Fisheries"]


def test_a_rebuild_compares_its_data_with_the_last_build_that_finished(tmp_path):
    # The live preview rebuilds the pages showing what changed since the site folder's
    # pages were written: a build that stopped half way wrote none to compare with.
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    config = SimpleNamespace(extra={"data_dir": str(tmp_path / "data")}, config_file_path=str(ROOT / "mkdocs.yml"),
                             site_url=None, repo_url=None, edit_uri=None, site_dir=str(tmp_path / "site"))
    generate.on_config(config)
    assert generate._state["before"] is None  # the first build of this data in the process
    finished = current_pages().book
    generate._state["keep_downloads"] = True  # as in a rebuild: no downloads written
    generate.on_post_build(config)
    generate.on_config(config)  # a build that fails after loading the data
    generate.on_config(config)
    assert generate._state["before"] is finished
