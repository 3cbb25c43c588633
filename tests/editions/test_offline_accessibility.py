"""The offline edition, read from disk (file://), against the same checkers as the site
(tests/site/accessibility.py): axe-core on every page in both schemes, the Nu Html Checker."""

from __future__ import annotations

from tests.site.accessibility import assert_no_violation, assert_valid_html
from tests.site.html_pages import built_pages


def test_every_offline_page_passes_axe_core_in_light_and_dark(checked_page, editions):
    assert_no_violation(checked_page, [path.as_uri() for path in built_pages(editions.offline_dir).values()])


def test_every_offline_page_is_valid_html(editions):
    assert_valid_html(editions.offline_dir)
