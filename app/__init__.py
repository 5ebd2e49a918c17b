"""Offer Planner's domain: offers, exact money, rating, levers, storage, files, command line. No Qt."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("offer-planner")
except _metadata.PackageNotFoundError:  # running from a bare checkout or a frozen bundle
    __version__ = "0.0.0+unknown"
