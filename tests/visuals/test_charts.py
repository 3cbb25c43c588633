"""Statistics as charts (visuals/charts.py): every figure drawn once, with its words and sources."""

from __future__ import annotations

import pytest

from visuals.charts import chart_groups, common_scale, render_statistic_charts, series_title
from visuals.text import format_number, format_value

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def charts(dataset, tmp_path_factory):
    return render_statistic_charts(dataset, tmp_path_factory.mktemp("charts"))


def _statistics_in(dataset, key):
    return [s for s in dataset.kind("statistics").values() if (s.series or s.id) == key]


def test_every_statistic_is_drawn_in_exactly_one_chart(dataset, charts):
    drawn = [statistic.id for group in chart_groups(dataset) for statistic in group.statistics]
    assert sorted(drawn) == sorted(dataset.kind("statistics"))
    series = {statistic.series for statistic in dataset.kind("statistics").values() if statistic.series}
    lone = {statistic.id for statistic in dataset.kind("statistics").values() if not statistic.series}
    assert set(charts) == series | lone
    assert all(path.name == f"{key}.svg" and path.is_file() for key, path in charts.items())


def test_each_chart_shows_its_figures_qualifiers_and_units(dataset, charts, parse_svg, svg_text):
    for key, path in charts.items():
        text = " ".join(svg_text(parse_svg(path)).split())
        for statistic in _statistics_in(dataset, key):
            assert format_number(statistic.value) in text, (key, statistic.id)
            if statistic.qualifier != "exactly":
                assert statistic.qualifier in text, (key, statistic.id)
            assert statistic.unit.rstrip("s") in text, (key, statistic.id)


def test_each_chart_names_its_source_and_who_asserts_each_figure(dataset, charts, parse_svg, svg_text):
    sources = dataset.kind("sources")
    for key, path in charts.items():
        text = " ".join(svg_text(parse_svg(path)).split())
        for statistic in _statistics_in(dataset, key):
            assert statistic.asserted_by in text, (key, statistic.id)
            assert all(sources[source].title in text for source in statistic.sources), key


def test_each_chart_describes_every_figure_for_screen_readers(dataset, charts, parse_svg):
    for key, path in charts.items():
        root = parse_svg(path)
        title, description = root.find(f"{SVG}title").text, root.find(f"{SVG}desc").text
        assert title and root.get("role") == "img"
        for statistic in _statistics_in(dataset, key):
            assert format_value(statistic) in description, (key, statistic.id)


def test_a_series_in_one_unit_is_a_bar_chart_with_shared_words_as_its_title(dataset, charts, parse_svg, svg_text):
    statistics = tuple(_statistics_in(dataset, "kim-jong-un-summits-since-2018"))
    title, labels = series_title(statistics)
    assert title == "Kim Jong Un's meetings since March 2018"
    assert sorted(labels) == sorted(["US President Donald Trump", "South Korea's Moon Jae-in",
                                     "Vietnam's president", "Chinese President Xi Jinping"])
    root = parse_svg(charts["kim-jong-un-summits-since-2018"])
    assert root.find(f"{SVG}desc").text.startswith("Bar chart: Kim Jong Un's meetings since March 2018.")
    text = svg_text(root)
    # Largest first, and one meeting is "1 meeting".
    assert text.index("Chinese President Xi Jinping") < text.index("Vietnam's president")
    assert "1 meeting " in text + " " and "1 meetings" not in text


def test_figures_in_different_units_are_never_put_on_one_axis(dataset, charts, parse_svg):
    statistics = tuple(_statistics_in(dataset, "north-korean-munitions-to-russia"))
    assert {statistic.unit for statistic in statistics} == {"shipping containers", "metric tons"}
    assert common_scale(statistics) is None
    root = parse_svg(charts["north-korean-munitions-to-russia"])
    assert root.find(f"{SVG}desc").text.startswith("Figure card: North Korean munitions to Russia.")


def test_the_same_currency_at_two_scales_shares_an_axis_at_the_smaller_scale(dataset, charts, parse_svg, svg_text):
    statistics = tuple(_statistics_in(dataset, "russia-north-korea-trade"))
    unit, values = common_scale(statistics)
    assert unit == "million US dollars"
    assert sorted(values) == [50, 1000]
    text = " ".join(svg_text(parse_svg(charts["russia-north-korea-trade"])).split())
    assert "million US dollars" in text
    # The peak is a lower bound ("more than"): hatched, and the caption says what that means.
    assert "Hatched bars: the source gives a bound or an estimate" in text


def test_a_series_the_data_does_not_have_yet_is_drawn_too(variant, tmp_path, parse_svg, svg_text):
    base = {"unit": "hours", "asserted_by": "Nobody in particular", "series": "test-lengths",
            "sources": ["afp-2019"]}
    data = variant(statistics=[
        {"id": "test-length-a", "label": "Length of the talks in 2001", "value": 3, **base},
        {"id": "test-length-b", "label": "Length of the talks in 2002", "value": 1.5, "qualifier": "about", **base},
    ])
    path = render_statistic_charts(data, tmp_path)["test-lengths"]
    text = " ".join(svg_text(parse_svg(path)).split())
    assert "Length of the talks" in text and "about 1.5 hours" in text and "3 hours" in text


def test_charts_are_the_same_bytes_on_every_build(dataset, charts, tmp_path):
    again = render_statistic_charts(dataset, tmp_path)
    assert all(again[key].read_bytes() == path.read_bytes() for key, path in charts.items())
