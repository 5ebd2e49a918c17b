"""Where the files shipped in `resources/` are, from a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (resources/ is installed as a package)."""
    traversable = files("resources").joinpath(*parts)
    with as_file(traversable) as path:  # a plain path for every install we make (no zip imports)
        return Path(path)


def sample_offers_path() -> Path:
    return resource_path("samples", "sample-offers.json")
