"""The book built from the small fixture data: safety, glossary, edit links, new files.

tests/fixtures/site/data holds text written to attack the page: template syntax
that mkdocs-macros would run if it ever reached a page's source, and an
attr_list that would add an onclick handler if it reached Markdown unescaped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.site.html_pages import built_pages, parse_html

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "data"


def test_template_syntax_in_the_data_shows_literally(fixture_site_dir):
    person = parse_html(fixture_site_dir / "people" / "leader-north" / "index.html").text
    assert "his motto is {{ 7 * 7 }} and {% if true %}never{% endif %} changes." in person
    event = parse_html(fixture_site_dir / "events" / "harbour-summit-2020" / "index.html").text
    assert "officials called it {{ config.site_name }} in jest." in event
    assert "Lunch was {% raw %}fish soup{% endraw %}." in event


def test_attribute_syntax_in_the_data_adds_no_attribute(fixture_site_dir):
    html = (fixture_site_dir / "places" / "lighthouse-island" / "index.html").read_text("utf-8")
    assert "Its sign reads &#123; onclick=alert(1) &#125;" in html
    assert 'onclick="alert(1)"' not in html and "onclick=alert(1)>" not in html


def test_every_fixture_record_has_a_page(fixture_site_dir):
    pages = built_pages(fixture_site_dir)
    for kind in ("events", "people", "treaties", "topics", "places"):
        for path in (FIXTURE_DATA / kind).glob("*.yaml"):
            assert f"{kind}/{path.stem}/" in pages


def test_glossary_terms_are_abbreviations_on_the_pages_using_them(fixture_site_dir):
    html = (fixture_site_dir / "events" / "test-launch-2020" / "index.html").read_text("utf-8")
    assert '<abbr title="Test State Television">TST</abbr>' in html


def test_without_a_repository_pages_name_their_data_file_and_have_no_edit_link(fixture_site_dir):
    html = (fixture_site_dir / "events" / "harbour-summit-2020" / "index.html").read_text("utf-8")
    assert "Generated from the data file <code>tests/fixtures/site/data/events/harbour-summit-2020.yaml</code>" in html
    assert "md-content__button" not in html


def test_edit_links_point_at_the_yaml_file_behind_the_page(site_builder, tmp_path):
    site = tmp_path / "site"
    site_builder(site, data_dir=FIXTURE_DATA, env={"BOOK_REPO_URL": "https://git.example.org/team/book",
                                                   "BOOK_EDIT_URI": "edit/main/"})
    edit = "https://git.example.org/team/book/edit/main/"
    event = (site / "events" / "harbour-summit-2020" / "index.html").read_text("utf-8")
    assert f'href="{edit}tests/fixtures/site/data/events/harbour-summit-2020.yaml"' in event
    # Hand-written pages link to their Markdown under docs/, index pages to nothing.
    assert f'href="{edit}docs/timeline.md"' in (site / "timeline" / "index.html").read_text("utf-8")
    assert f'href="{edit}' not in (site / "events" / "index.html").read_text("utf-8")


def test_a_new_yaml_file_adds_its_page_and_index_entry(site_builder, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "people" / "new-envoy.yaml").write_text(
        "id: new-envoy\nname: Nadia Newcomer\ncountry: russia\n"
        "roles:\n  - {title: Envoy, sources: [gazette-2020]}\n"
        "profile:\n  - {text: A new envoy., sources: [gazette-2020]}\n"
        "sources: [gazette-2020]\n", "utf-8")
    site = tmp_path / "site"
    site_builder(site, data_dir=data)
    assert "Nadia Newcomer" in parse_html(site / "people" / "new-envoy" / "index.html").text
    assert "new-envoy/" in parse_html(site / "people" / "index.html").links


def test_a_data_error_stops_the_build_with_located_messages_and_writes_nothing(site_builder, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    broken = data / "events" / "test-launch-2020.yaml"
    broken.write_text(broken.read_text("utf-8").replace("kind: missile-launch", "kind: missile-lunch"), "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("the last good build", "utf-8")
    result = site_builder(site, data_dir=data, check=False)
    assert result.returncode != 0
    assert f"{broken}:" in result.stderr  # file:line:column: ...
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in site.iterdir()) == ["previous.html"]
