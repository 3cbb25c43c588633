"""macros/blocks.py: the macros' HTML goes round the Markdown pass and comes back whole."""

from __future__ import annotations

import markdown

from macros.blocks import HeldBlocks

TABLE = '<table>\n<tr><td><a id="row-1"></a>{{ not jinja }} &amp; *not Markdown*</td></tr>\n</table>\n'


def test_a_block_comes_back_in_place_of_its_placeholder_after_markdown():
    blocks = HeldBlocks()
    page = f"# Title\n\nBefore.\n\n{blocks.hold(TABLE)}\n\nAfter *this*.\n"
    converted = markdown.markdown(page, extensions=["md_in_html", "tables"])
    assert "book-block" in converted and "<table>" not in converted  # Markdown never saw the table
    html, put_back = blocks.put_back(converted)
    assert put_back == [TABLE]
    assert TABLE in html and "book-block" not in html
    assert html.index("Before.") < html.index("<table>") < html.index("After <em>this</em>.")


def test_each_placeholder_gets_its_own_block():
    blocks = HeldBlocks()
    first, second = blocks.hold("<p>one</p>"), blocks.hold("<p>two</p>")
    html, put_back = blocks.put_back(f"{second}\n{first}")
    assert put_back == ["<p>two</p>", "<p>one</p>"]
    assert html.index("two") < html.index("one")
    again, put_back = blocks.put_back(str(first))  # a page built again gets its block again
    assert (again.strip(), put_back) == ("<p>one</p>", ["<p>one</p>"])


def test_a_comment_like_a_placeholder_but_of_another_build_stays_a_comment():
    ours, theirs = HeldBlocks(), HeldBlocks()
    foreign = str(theirs.hold("<p>theirs</p>"))
    ours.hold("<p>ours</p>")
    assert ours.put_back(foreign) == (foreign, [])
    assert ours.put_back("<!-- book-block 0 -->") == ("<!-- book-block 0 -->", [])
