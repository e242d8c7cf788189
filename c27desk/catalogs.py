"""The catalogues shipped in ``resources/catalogs`` (one JSON file per year's form)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from c27desk.errors import CatalogueError
from c27desk.fileio import read_file
from c27desk.i18n import msg
from c27desk.model.catalogue import Catalogue, parse_catalogue
from c27desk.resources import resource_path

#: A form file is some 70 kB; one of megabytes is no form (and /dev/zero is refused at once, not read forever).
MAX_FORM_BYTES = 8 * 1024 * 1024


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    """The same key twice in one object (``"year": 2023, "year": 2024``) means different things to
    different readers; JSON's last-one-wins would hide it, so the file is refused."""
    obj: dict = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKeyError(key)
        obj[key] = value
    return obj


def load_catalogue_file(path: Path) -> Catalogue:
    """Read and validate one catalogue file; errors name the file and the entry."""
    try:
        data = json.loads(read_file(path, max_bytes=MAX_FORM_BYTES).decode("utf-8"),
                          object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKeyError as exc:
        raise CatalogueError(msg("Khóa “{key}” xuất hiện hai lần trong cùng một đối tượng.",
                                 "The key “{key}” appears twice in the same object.",
                                 key=exc.key[:40]), where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise CatalogueError(msg("Tệp không phải UTF-8.",
                                 "The file is not UTF-8."), where=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            msg("JSON lỗi ở dòng {lineno}, cột {colno}.", "Bad JSON at line {lineno}, column {colno}.",
                lineno=exc.lineno, colno=exc.colno),
            where=str(path),
        ) from exc
    except OSError as exc:
        raise CatalogueError(msg("Không đọc được tệp: {strerror}.",
                                 "Cannot read the file: {strerror}.",
                                 strerror=exc.strerror), where=str(path)) from exc
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
        msg("Không có danh mục tiêu chí cho năm {year}.",
            "No catalogue of criteria for year {year}.",
            year=year)
    )


def find_shipped(cat_id: str, version: str) -> Catalogue | None:
    return next((c for c in shipped_catalogues() if c.id == cat_id and c.version == version), None)
