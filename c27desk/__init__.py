"""c27desk: offline reporting on Program 27 (IT in Party agencies) for Party units."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("c27desk")
except _metadata.PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    from c27desk._version import VERSION as __version__  # noqa: N811

__all__ = ["__version__"]
