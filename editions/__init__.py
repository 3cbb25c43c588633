"""The book's other editions, built from the same data as the site.

- ``offline``: a copy of the site that works from ``file://`` (navigation and search),
  zipped for download;
- ``capture``: a MkDocs plugin that records every page's HTML in navigation order, so
  the PDF shows exactly what the site shows;
- ``book``, ``briefs``, ``render``: the whole-book PDF and the one-event briefs (WeasyPrint).
"""
