"""c27desk: offline reporting on Program 27 (IT in Party agencies) for Party units."""

# The version is the one in _version.py (a test keeps it equal to pyproject.toml): reading the installed
# package's metadata instead costs importlib.metadata, some 40 ms on every start.
from c27desk._version import VERSION as __version__  # noqa: N811

__all__ = ["__version__"]
