"""The offline bundle, unzipped somewhere new and opened from disk, works and stays local."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from macros.links import site_url_of
from tests.site.search_box import relevance_report, try_relevance_set, type_query

LOCAL_SCHEMES = {"file", "data", "blob", "about"}


@pytest.fixture(scope="module")
def unzipped(editions, tmp_path_factory) -> Path:
    """The bundle unzipped in a fresh folder, as a reader would: its one top folder."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(editions.archive) as bundle:
        bundle.extractall(target)
    (top,) = target.iterdir()
    return top


def search(page, start: Path, query: str) -> list[str]:
    """Type ``query`` into the search box of ``start``; the paths of the results."""
    page.goto(start.as_uri())
    return [result.path for result in type_query(page, query, key_by_key=True)]


def test_bundle_has_the_site_the_pdfs_and_one_top_folder(editions):
    with zipfile.ZipFile(editions.archive) as bundle:
        names = bundle.namelist()
    assert {name.split("/")[0] for name in names} == {"briefing-book"}
    for needed in ("index.html", "search/search_index.js", "assets/javascripts/iframe-worker-shim.js", "briefing-book.pdf"):
        assert f"briefing-book/{needed}" in names
    assert sum(name.startswith("briefing-book/briefs/") for name in names) == len(editions.dataset.kind("events"))


def test_every_local_link_and_image_of_the_bundle_exists(unzipped):
    broken = []
    for page in unzipped.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text("utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith("//"):
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if not resolved.exists():
                broken.append(f"{page.relative_to(unzipped)} -> {target}")
    assert broken == []


def test_pages_link_files_not_folders_so_file_urls_open(unzipped):
    index = (unzipped / "index.html").read_text("utf-8")
    assert re.search(r'href="events/index\.html"', index)
    assert not re.search(r'href="events/"', index)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Vostochny", "places/vostochny-cosmodrome.html"),
        ("Kim Jong Un", "people/kim-jong-un.html"),
    ],
)
def test_search_from_disk_finds_places_and_people_without_leaving_the_machine(local_page, unzipped, query, expected):
    paths = search(local_page, unzipped / "index.html", query)
    assert paths[0].endswith(expected), paths
    # The log covers the page and its frames, where the search index is loaded.
    assert any(url.endswith("search_index.js") for url in local_page.requests)
    assert [url for url in local_page.requests if urlsplit(url).scheme not in LOCAL_SCHEMES] == []


def test_every_query_of_the_relevance_set_brings_its_page_first_from_disk(local_page, unzipped, artifacts_dir):
    # The same set as the site's (tests/site/test_search_relevance.py), in the edition read from file://.
    local_page.goto((unzipped / "index.html").as_uri())
    local_page.wait_for_load_state("load")
    trials = try_relevance_set(local_page, lambda doc_path: "/" + site_url_of(doc_path, directory_urls=False))
    report = relevance_report(trials, "offline edition")
    (artifacts_dir / "search-relevance-offline.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    assert all(trial.rank == 1 for trial in trials), report
