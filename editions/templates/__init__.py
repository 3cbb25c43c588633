"""The Jinja templates of the PDF editions (one file per document kind)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

STYLES = Path(__file__).parent.parent / "styles"


@cache
def _environment() -> Environment:
    # Autoescape everything: data text reaches these templates as plain strings, and
    # only the site's own rendered HTML is passed in as Markup.
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context: object) -> str:
    return _environment().get_template(name).render(**context)
