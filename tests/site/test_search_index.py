"""hooks/search.py: the record pages' search sections, read without html.parser,
are exactly Material's (same ids, titles and text) on every page of two books."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from macros.filters import PAGE_KINDS
from tests.conftest import FIXTURE_DATA, ROOT


def _compare(data_dir, site_dir) -> dict:
    result = subprocess.run([sys.executable, "-m", "tests.site.search_check", str(data_dir), str(site_dir)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("data_dir", [ROOT / "data", FIXTURE_DATA], ids=["book", "fixture"])
def test_fast_sections_equal_materials_on_every_page(data_dir, tmp_path):
    report = _compare(data_dir, tmp_path / "site")
    assert report["differ"] == []
    # Every record and index page takes the fast path; pages with figures or scripts fall back.
    assert any(url.startswith("events/") for url in report["fast"])
    assert [url for url in report["fallback"] if url.split("/")[0] in PAGE_KINDS] == []


def test_unsupported_markup_falls_back_to_materials_parser():
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        import search as hook
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    page = '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>\n<p>Text &amp; more</p>\n'
    assert [("".join(section.title), "".join(section.text).strip()) for section in hook.page_sections(page)] == [
        ("Title", "<p>Text &amp; more</p>")]
    for markup in ("<!-- note -->", '<div data-search-exclude="">x</div>', "<object>x</object>",
                   "<p><b>unclosed</p>"):
        assert hook.page_sections(page + markup) is None, markup
    # Styles and scripts (inline SVG figures carry a style) are never indexed.
    styled = page + '<svg><style type="text/css">*{stroke: red}</style><text>Label</text></svg>'
    assert "".join(hook.page_sections(styled)[0].text).strip() == "<p>Text &amp; more</p> Label"
    assert hook.page_sections("<p>No heading first</p>" + page) is None
