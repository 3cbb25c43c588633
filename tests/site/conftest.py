"""Fixtures for reading the real site's pages (the site itself: tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.html_pages import ParsedPage, built_pages, parse_html


@pytest.fixture(scope="session")
def site_pages(site_dir) -> dict[str, Path]:
    return built_pages(site_dir)


@pytest.fixture(scope="session")
def parsed(site_pages):
    """Parse each page of the real site at most once per session."""
    cache: dict[str, ParsedPage] = {}

    def get(url: str) -> ParsedPage:
        if url not in cache:
            cache[url] = parse_html(site_pages[url])
        return cache[url]

    return get
