"""hooks/search.py: the record pages' search sections, read without html.parser,
are exactly Material's (same ids, titles and text) on every page of two books;
the index carries each record's names and stays within its size."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from briefing.dataset import load_dataset
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


# The search issue's bound: the index the reader downloads, gzipped, per hundred records of data.
INDEX_GZ_KB_PER_100_RECORDS = 45


def test_the_index_stays_within_its_size_per_hundred_records(site_dir):
    index = (site_dir / "search" / "search_index.json").read_bytes()
    records = sum(len(records) for records in load_dataset(ROOT / "data").records.values())
    per_hundred = len(gzip.compress(index, 9)) / 1024 / records * 100
    assert per_hundred <= INDEX_GZ_KB_PER_100_RECORDS, f"{per_hundred:.1f} KB gzipped per 100 records"


def test_every_record_page_entry_carries_its_names(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_bytes())["docs"]
    pages = {doc["location"]: doc for doc in docs if "#" not in doc["location"]}
    assert pages["people/kim-jong-un/"]["names"].split(" · ")[:2] == ["Kim Jong Un", "Kim Jong-un"]
    missing = [location for location, doc in pages.items()
               if location.split("/")[0] in PAGE_KINDS and location.count("/") == 2 and not doc.get("names")]
    assert missing == []
