"""Every link and anchor of the online site resolves, as LinkChecker finds them over HTTP."""

from __future__ import annotations

from tests.site.links import broken_links

# Written beside the pages by make book's publishing step, after mkdocs: a test build has
# none (tests/editions check the PDFs and the bundle, and their links, in the bundle).
PAPER = (r"briefing-book\.pdf$", r"briefing-book-offline\.zip$", r"/briefs/[a-z0-9-]+\.pdf$")


def test_no_link_or_anchor_of_the_site_is_broken(site_dir, serve, tmp_path):
    checked, broken = broken_links(serve(site_dir), tmp_path, ignore=PAPER)
    assert checked > 1500  # every page, its navigation, its notes and its anchors
    assert broken == []


def test_a_broken_anchor_and_a_missing_page_are_reported_with_their_page(serve, tmp_path):
    """The check can fail: a tiny site with one good link, one bad anchor and one missing page."""
    site = tmp_path / "tiny"
    site.mkdir()
    (site / "index.html").write_text('<html><body><h1 id="top">Home</h1><a href="a.html#here">good</a> '
                                     '<a href="a.html#gone">bad anchor</a> <a href="b.html">missing</a></body></html>')
    (site / "a.html").write_text('<html><body><h2 id="here">Here</h2></body></html>')
    home = serve(site)
    checked, broken = broken_links(home, tmp_path)
    assert checked >= 3
    assert sorted(broken) == [f"{home}, line 1, col 103: `b.html': Error: 404 File not found",
                              f"{home}, line 1, col 66: `a.html#gone': [None] Anchor `gone' (decoded: `gone') not found."]
