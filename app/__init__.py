"""Offer Planner's domain: offers, exact money, rating, levers, storage, files, the JSON contract. No Qt."""


def _version() -> str:
    """The one version, from pyproject.toml: installed metadata, else the checkout's pyproject."""
    from importlib import metadata as _metadata
    from pathlib import Path as _Path

    try:
        return _metadata.version("offer-planner")
    except _metadata.PackageNotFoundError:
        import tomllib

        pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


def __getattr__(name: str) -> str:
    # The version is looked up on first use: importlib.metadata costs ~30 ms, and the window's first
    # paint and the headless commands import app without needing it.
    if name == "__version__":
        version = _version()
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
