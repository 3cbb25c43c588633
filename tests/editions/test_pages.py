"""A site page rewritten as a chapter: unique ids, in-book links, nothing screen-only."""

from __future__ import annotations

from editions.pages import ChapterRewriter, linked_paths, page_anchor, site_path

BOOK = {"events/vostochny.html", "people/kim.html", "index.html", "events/index.html"}


def rewrite(html: str, path: str = "events/vostochny.html", site_url: str | None = None) -> str:
    return ChapterRewriter(path, BOOK, site_url).rewrite(html)


def test_page_anchors_name_the_page_and_never_clash():
    assert page_anchor("events/vostochny.html") == "p-events-vostochny"
    assert page_anchor("events/index.html") == "p-events"
    assert page_anchor("index.html") == "p-index"


def test_site_paths_resolve_relative_links_from_the_page():
    assert site_path("events/vostochny.html", "../people/kim.html") == "people/kim.html"
    assert site_path("events/vostochny.html", "index.html") == "events/index.html"
    assert site_path("index.html", "events/") == "events/index.html"


def test_ids_and_their_fragment_links_are_prefixed_with_the_page():
    html = rewrite('<h2 id="outcomes">Outcomes</h2><a href="#outcomes">up</a>')
    assert html == '<h2 id="p-events-vostochny--outcomes">Outcomes</h2><a href="#p-events-vostochny--outcomes">up</a>'


def test_links_to_pages_of_the_book_jump_to_their_chapter_or_heading():
    html = rewrite('<a href="../people/kim.html">Kim</a> <a href="../people/kim.html#roles">roles</a>')
    assert html == '<a href="#p-people-kim">Kim</a> <a href="#p-people-kim--roles">roles</a>'


def test_links_to_other_files_go_online_or_lose_their_target():
    link = '<a href="../briefs/vostochny.pdf">brief</a>'
    assert rewrite(link) == "<a>brief</a>"
    assert rewrite(link, site_url="https://book.example/") == '<a href="https://book.example/briefs/vostochny.pdf">brief</a>'
    assert rewrite('<a href="https://example.org/a?b=1&amp;c=2">x</a>') == '<a href="https://example.org/a?b=1&amp;c=2">x</a>'


def test_screen_only_parts_are_left_out_with_everything_inside_them():
    html = rewrite(
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>'
        '<a class="md-content__button md-icon" href="x"><svg><path d="M0"/></svg></a>'
        '<p>Text<a class="footnote-backref" href="#fnref:1">&#8617;</a></p>'
        '<script>alert(1)</script><p class="screen-only">Download <b>now</b></p><p>End</p>'
    )
    assert html == '<h1 id="p-events-vostochny--t">Title</h1><p>Text</p><p>End</p>'


def test_markup_the_book_does_not_touch_passes_through_unchanged():
    html = '<p>A &amp; B &#8212; <abbr title="Democratic People&#x27;s Republic">DPRK</abbr><br/>김정은</p>'
    assert rewrite(html) == '<p>A &amp; B &#8212; <abbr title="Democratic People&#x27;s Republic">DPRK</abbr><br />김정은</p>'


def test_collapsed_blocks_print_open_and_images_load_from_the_site_root():
    assert rewrite("<details><summary>More</summary>x</details>") == "<details open><summary>More</summary>x</details>"
    assert rewrite('<img src="../assets/map.svg" alt="Map">') == '<img src="assets/map.svg" alt="Map">'


def test_linked_paths_are_the_pages_linked_in_first_appearance_order():
    html = '<a href="b.html">B</a> <a href="a.html#x">A</a> <a href="b.html">B again</a> <a href="https://x.org/">out</a>'
    assert linked_paths("events/index.html", html) == ["events/b.html", "events/a.html"]
