"""Every link and anchor of the offline bundle resolves, PDFs included, as LinkChecker finds them."""

from __future__ import annotations

import zipfile

from tests.site.links import broken_links


def test_no_link_or_anchor_of_the_offline_bundle_is_broken(editions, serve, tmp_path):
    with zipfile.ZipFile(editions.archive) as archive:
        archive.extractall(tmp_path / "unzipped")
    (top,) = (tmp_path / "unzipped").iterdir()  # one folder, as a reader unzips it
    checked, broken = broken_links(serve(top) + "index.html", tmp_path)
    assert checked > 1500  # every page, its notes and anchors, and the PDFs they offer
    assert broken == []
