"""A site page rewritten as a chapter: unique ids, in-book links, nothing screen-only."""

from __future__ import annotations

from editions.pages import PAGE_PLACEHOLDER, ChapterRewriter, linked_paths, page_anchor, site_path

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


def test_links_to_pages_of_the_book_jump_to_their_chapter_or_heading_and_give_its_page():
    rewriter = ChapterRewriter("events/vostochny.html", BOOK, None)
    html = rewriter.rewrite('<a href="../people/kim.html">Kim</a> <a href="../people/kim.html#roles">roles</a>')
    assert html == (
        f'<a href="#p-people-kim" id="p-events-vostochny--xref-1">Kim</a>'
        f'<span class="xref-page" data-page-of="p-people-kim">{PAGE_PLACEHOLDER}</span> '
        f'<a href="#p-people-kim--roles" id="p-events-vostochny--xref-2">roles</a>'
        f'<span class="xref-page" data-page-of="p-people-kim--roles">{PAGE_PLACEHOLDER}</span>')
    # Noted for the index: the page linked to, and where the link is.
    assert rewriter.cross_references == [("people/kim.html", "p-events-vostochny--xref-1"),
                                         ("people/kim.html", "p-events-vostochny--xref-2")]


def test_links_on_the_same_page_and_in_drawings_carry_no_page_number():
    assert "xref-page" not in rewrite('<a href="vostochny.html#outcomes">here</a>')
    assert "xref-page" not in rewrite('<svg><a href="../people/kim.html"><text>Kim</text></a></svg>')


def test_what_only_works_on_the_web_is_left_out():
    html = rewrite('<p class="book-downloads"><a class="md-button" href="x.pdf">PDF</a></p>'
                   '<details class="quote book-cite"><summary>Cite this page</summary><pre>@misc{x}</pre></details>'
                   '<ul class="book-data-downloads"><li><a href="d.csv">CSV</a></li></ul><p>Kept</p>')
    assert html == "<p>Kept</p>"


def test_hangul_words_are_kept_whole_and_drawings_take_the_books_typeface():
    assert rewrite("<p>블라디미르 푸틴</p>") == '<p><span class="hangul">블라디미르</span> <span class="hangul">푸틴</span></p>'
    svg = rewrite('<svg><text style="font-family: \'DejaVu Sans\', sans-serif">김정은</text></svg>')
    assert svg == '<svg><text style="font-family: &#x27;Noto Sans&#x27;, sans-serif">김정은</text></svg>'


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
    html = '<p>A &amp; B &#8212; <abbr title="Democratic People&#x27;s Republic">DPRK</abbr><br/>Kim</p>'
    assert rewrite(html) == '<p>A &amp; B &#8212; <abbr title="Democratic People&#x27;s Republic">DPRK</abbr><br />Kim</p>'


def test_collapsed_blocks_print_open_and_images_load_from_the_site_root():
    assert rewrite("<details><summary>More</summary>x</details>") == "<details open><summary>More</summary>x</details>"
    assert rewrite('<img src="../assets/map.svg" alt="Map">') == '<img src="assets/map.svg" alt="Map">'


def test_linked_paths_are_the_pages_linked_in_first_appearance_order():
    html = '<a href="b.html">B</a> <a href="a.html#x">A</a> <a href="b.html">B again</a> <a href="https://x.org/">out</a>'
    assert linked_paths("events/index.html", html) == ["events/b.html", "events/a.html"]
