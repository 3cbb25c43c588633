"""The HTML macros write into hand-written pages, kept out of the Markdown pass.

A macro's output is a raw HTML block, and at scale a large one: the timeline,
the statistics and the comparison run to thousands of rows. Left in the
page's Markdown, each is read twice by ``html.parser`` (by MkDocs, for the
page's anchors, and by Python-Markdown, to find where the raw block ends),
which took seconds per build. So a macro hands its HTML to ``HeldBlocks.hold``,
which puts an HTML comment in its place (Markdown passes comments through as
they are), and the MkDocs hook swaps each comment back for its HTML once the
page is converted (``put_back``, hooks/generate.py).
"""

from __future__ import annotations

import re
import secrets

from markupsafe import Markup


class HeldBlocks:
    """One build's held blocks, each behind a comment naming this build's random token.

    The token keeps a placeholder from ever being confused with a comment an
    editor wrote, or one that another build left in a page.
    """

    def __init__(self) -> None:
        self._token = secrets.token_hex(8)
        self._held: dict[str, str] = {}
        self._placeholder = re.compile(rf"<!-- book-block {self._token} (\d+) -->")

    def hold(self, html: str) -> Markup:
        """A placeholder for ``html``, on lines of its own: a block of its own to Markdown."""
        key = str(len(self._held))
        self._held[key] = str(html)
        return Markup(f"\n<!-- book-block {self._token} {key} -->\n")

    def put_back(self, page_html: str) -> tuple[str, list[str]]:
        """``page_html`` with each placeholder replaced by its block; and the blocks put back."""
        blocks: list[str] = []

        def block(match: re.Match) -> str:
            blocks.append(self._held[match.group(1)])
            return blocks[-1]
        return self._placeholder.sub(block, page_html), blocks
