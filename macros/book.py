"""The book being built: the validated data set, its index, and where it lives.

The MkDocs hook loads and indexes the data once per build (``open_book``) and
hands the result to the macros through macros.pages (``use_pages``): both run
in the same process, and the macros plugin has no other channel to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.dataset import Dataset, load_dataset
from briefing.index import BookIndex, build_index
from briefing.model import Record
from macros.abbreviations import Abbreviations


@dataclass(frozen=True)
class Book:
    """Everything a page is rendered from."""

    dataset: Dataset
    index: BookIndex
    repo_root: Path
    # The glossary's terms, compiled once, to explain them on every rendered page.
    abbreviations: Abbreviations = field(init=False, repr=False, compare=False)
    # The data folder with every link followed, found once: resolving each file's
    # path costs a system call per folder of it, twice a page.
    _data_root: Path = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "abbreviations", Abbreviations(self.dataset))
        object.__setattr__(self, "_data_root", self.dataset.root.resolve())

    @property
    def as_of(self) -> str:
        """The book's data cut-off (data/book.yaml), the one date every edition prints."""
        return self.dataset.edition.as_of

    def record(self, kind: str, record_id: str) -> Record | None:
        return self.dataset.records.get(kind, {}).get(record_id)

    def data_file(self, kind: str, record_id: str) -> str:
        """The YAML file behind a record: relative to the repository, or whole if outside it."""
        return self.repository_path(kind, record_id) or self._resolved_file(kind, record_id).as_posix()

    def repository_path(self, kind: str, record_id: str) -> str | None:
        """The record's file relative to the repository, for edit links; None if outside it."""
        try:
            return self._resolved_file(kind, record_id).relative_to(self.repo_root).as_posix()
        except ValueError:
            return None  # a benchmark's or a test's data folder: nothing to edit online

    def _resolved_file(self, kind: str, record_id: str) -> Path:
        return self._data_root / self.dataset.files[(kind, record_id)].relative_to(self.dataset.root)


def open_book(data_dir: Path, repo_root: Path) -> Book:
    """Load, validate and index the data; raises DataError on any data mistake."""
    dataset = load_dataset(data_dir)
    return Book(dataset=dataset, index=build_index(dataset), repo_root=repo_root.resolve())
