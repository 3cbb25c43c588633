"""hooks/search.py, in-process: how the book's result order joins Material's search worker.

The index itself is compared with Material's by tests/site/test_search_index.py,
and the order is tried on the real search box by tests/site/test_search_relevance.py.
"""

from __future__ import annotations

import json

from hooks import search

WORKER = '"use strict";(()=>{addEventListener("message",e=>postMessage(e.data))})();\n' \
         "//# sourceMappingURL=search.abc.min.js.map\n"


def _worker(tmp_path):
    worker = tmp_path / "search.abc.min.js"
    worker.write_text(WORKER, encoding="utf-8")
    (tmp_path / "search.abc.min.js.map").write_text(json.dumps({"version": 3, "mappings": "AAAA,CAAC"}))
    return worker


def test_the_order_comes_before_materials_code_and_the_source_map_moves_down_with_it(tmp_path):
    worker = _worker(tmp_path)
    search.add_search_order(worker)
    script = worker.read_text(encoding="utf-8")
    order_lines = search.SEARCH_ORDER.read_text(encoding="utf-8").rstrip("\n").count("\n") + 1
    assert script.splitlines()[order_lines] == WORKER.splitlines()[0]
    assert script.startswith("/* " + search.SEARCH_ORDER_MARK)
    mapping = json.loads((tmp_path / "search.abc.min.js.map").read_text())
    assert mapping["mappings"] == ";" * order_lines + "AAAA,CAAC"


def test_a_worker_that_has_the_order_is_left_as_it_is(tmp_path):
    # A dirty rebuild keeps the worker file of the last build, order and all.
    worker = _worker(tmp_path)
    search.add_search_order(worker)
    once = worker.read_text(encoding="utf-8"), (tmp_path / "search.abc.min.js.map").read_text()
    search.add_search_order(worker)
    assert (worker.read_text(encoding="utf-8"), (tmp_path / "search.abc.min.js.map").read_text()) == once


def test_table_cells_are_indexed_as_separate_words():
    html = "<table><tr><th>Name</th><th>Also</th></tr><tr><td>Kim Jong Un</td><td>Kim Jong-un</td></tr></table>"
    sections = search.page_sections(f'<h1 id="people">People</h1>\n{search.spaced_cells(html)}')
    assert "".join(sections[0].text).split() == ["Name", "Also", "Kim", "Jong", "Un", "Kim", "Jong-un"]


def test_text_runs_on_where_no_tag_follows():
    # Only ends of cells and blocks right before another tag get a space: text is left as it is.
    assert search.spaced_cells("<p>a</p><td>b</td> <td>c</td>x") == "<p>a</p><td>b</td> <td>c</td>x"
