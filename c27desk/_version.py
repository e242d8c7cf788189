"""Fallback version for a frozen build, kept equal to pyproject.toml by a test."""

VERSION = "0.1.0"
