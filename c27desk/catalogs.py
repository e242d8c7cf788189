"""The catalogues shipped in ``resources/catalogs`` (one JSON file per year's form)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from c27desk.errors import CatalogueError
from c27desk.model.catalogue import Catalogue, parse_catalogue
from c27desk.resources import resource_path


def load_catalogue_file(path: Path) -> Catalogue:
    """Read and validate one catalogue file; errors name the file and the entry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CatalogueError("tệp không phải UTF-8.", "the file is not UTF-8.", where=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            f"JSON lỗi ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.",
            f"bad JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
            where=str(path),
        ) from exc
    except OSError as exc:
        raise CatalogueError(f"không đọc được tệp: {exc.strerror}.", f"cannot read the file: {exc.strerror}.", where=str(path)) from exc
    return parse_catalogue(data, source=Path(path).name)


@cache
def shipped_catalogues() -> tuple[Catalogue, ...]:
    folder = resource_path("catalogs")
    return tuple(load_catalogue_file(p) for p in sorted(folder.glob("*.json")))


def catalogue_for_year(year: int) -> Catalogue:
    """The newest shipped catalogue for a year; a later year falls back to the latest form."""
    cats = shipped_catalogues()
    exact = [c for c in cats if c.year == year]
    if exact:
        return exact[-1]
    earlier = [c for c in cats if c.year <= year]
    if earlier:
        return max(earlier, key=lambda c: c.year)
    raise CatalogueError(
        f"không có danh mục tiêu chí cho năm {year}.", f"no catalogue of criteria for year {year}."
    )


def find_shipped(cat_id: str, version: str) -> Catalogue | None:
    return next((c for c in shipped_catalogues() if c.id == cat_id and c.version == version), None)
