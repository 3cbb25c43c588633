"""Build the book in this process and compare, page by page, Material's search
sections with hooks/search.py's ``page_sections``; print the result as JSON.

    python -m tests.site.search_check DATA_DIR SITE_DIR

Run as its own process by tests/site/test_search_index.py (an in-process build
would load the hooks into the test process).
"""

from __future__ import annotations

import json
import os
import sys

from material.plugins.search.plugin import Parser
from mkdocs.commands import build
from mkdocs.config import load_config

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _sections(sections) -> list[list]:
    return [[section.id, "".join(section.title).strip(), "".join(section.text).strip()] for section in sections]


def main(data_dir: str, site_dir: str) -> None:
    os.environ.update(BOOK_DATA_DIR=data_dir, BOOK_BUILD_WORKERS="1", NO_MKDOCS_2_WARNING="1")
    config = load_config(os.path.join(ROOT, "mkdocs.yml"), site_dir=site_dir)
    hook = next(plugin for name, plugin in config.plugins.items() if name.endswith("search.py"))
    report = {"fast": [], "fallback": [], "differ": []}
    original = hook.BookSearchIndex.add_entry_from_context

    def compare(index, page):
        fast = hook.page_sections(page.content or "")
        if fast is None:
            report["fallback"].append(page.url)
        else:
            parser = Parser()
            parser.feed(page.content)
            parser.close()
            report["fast"].append(page.url)
            if _sections(parser.data) != _sections(fast):
                report["differ"].append({"url": page.url, "material": _sections(parser.data),
                                         "fast": _sections(fast)})
        return original(index, page)

    hook.BookSearchIndex.add_entry_from_context = compare
    build.build(config)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
