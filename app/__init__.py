"""Offer Planner's domain: offers, exact money, rating, levers, storage, files, the JSON contract. No Qt."""

from importlib import metadata as _metadata
from pathlib import Path as _Path


def _version() -> str:
    """The one version, from pyproject.toml: installed metadata, else the checkout's pyproject."""
    try:
        return _metadata.version("offer-planner")
    except _metadata.PackageNotFoundError:
        import tomllib

        pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


__version__ = _version()
