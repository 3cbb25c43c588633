"""Data layer of the briefing book: model, loading, validation, indexes.

Nothing here knows about MkDocs: the site, the PDF and the scripts all read the
data through ``briefing.dataset.load_dataset``.
"""
