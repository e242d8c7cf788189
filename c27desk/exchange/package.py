"""The ``.c27`` package: a zip of exactly four members, built reproducibly and read defensively.

Writing: members in a fixed order with fixed times and attributes, so the same revision always
gives the same bytes. Reading: the file arrives from a USB stick and may be damaged or hostile,
so everything is checked before anything is trusted — total and member sizes (declared and
actual, so a zip bomb is stopped while inflating), names (no paths, no duplicates, nothing
extra or missing), no links, no nested archives — and every failure is a coded refusal.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from dataclasses import dataclass

from c27desk.exchange.reasons import refuse

MANIFEST, SIGNATURE, DATA, APPENDIX = "manifest.json", "manifest.p7s", "data.json", "appendix.pdf"
MEMBERS = (MANIFEST, SIGNATURE, DATA, APPENDIX)
MAX_FILE = 20 * 1024 * 1024
MAX_MEMBER = {MANIFEST: 64 * 1024, SIGNATURE: 64 * 1024, DATA: 2 * 1024 * 1024, APPENDIX: 16 * 1024 * 1024}
_FIXED_TIME = (2021, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class PackageParts:
    manifest: bytes
    signature: bytes
    data: bytes
    appendix: bytes

    def member(self, name: str) -> bytes:
        return {MANIFEST: self.manifest, SIGNATURE: self.signature, DATA: self.data, APPENDIX: self.appendix}[name]


def package_name(unit: str, year: int, revision: int) -> str:
    return f"{unit}_{year}_r{revision}.c27"


def build_package(parts: PackageParts) -> bytes:
    """The zip bytes; identical parts give identical bytes."""
    return build_zip([(name, parts.member(name)) for name in MEMBERS])


def build_zip(members: list[tuple[str, bytes]]) -> bytes:
    """A reproducible zip of ``members`` in the order given (also used for signed forms, ``.c27form``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.create_system = 3
            zf.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


# What zipfile raises on a broken or hostile archive. NotImplementedError is not a gap in our code:
# it is zipfile's answer to a member using a compression method it does not support (say, 99).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError)


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Inflate at most ``limit`` bytes: a member that lies about its size is caught here."""
    with zf.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise refuse("TOO_LARGE", f"{info.filename} > {limit} bytes")
    return data


def read_package(raw: bytes) -> PackageParts:
    """The four members of a package, or ImportRefusedError saying exactly what is wrong."""
    parts = read_members(raw, MAX_MEMBER, MAX_FILE)
    if parts[DATA][:2] == b"PK" or parts[MANIFEST][:2] == b"PK":
        raise refuse("UNSAFE_MEMBER", "gói lồng trong gói / nested archive")
    if not parts[APPENDIX].startswith(b"%PDF-"):
        raise refuse("MALFORMED", f"{APPENDIX} không phải PDF / is not a PDF")
    return PackageParts(parts[MANIFEST], parts[SIGNATURE], parts[DATA], parts[APPENDIX])


def read_members(raw: bytes, limits: dict[str, int], max_file: int) -> dict[str, bytes]:
    """Exactly the members named in ``limits`` (name -> size limit), read defensively, or a coded refusal."""
    if len(raw) > max_file:
        raise refuse("TOO_LARGE", f"{len(raw)} bytes > {max_file}")
    if not raw.startswith(b"PK\x03\x04"):
        raise refuse("MALFORMED", "không phải tệp zip / not a zip file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except _ZIP_ERRORS as exc:
        raise refuse("MALFORMED", f"zip hỏng / broken zip ({exc})") from None
    names = [i.filename for i in infos]
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name \
                or "/" in name or "\\" in name:
            raise refuse("UNSAFE_MEMBER", repr(name))
        mode = info.external_attr >> 16
        if info.create_system == 3 and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise refuse("UNSAFE_MEMBER", f"{name!r} không phải tệp thường / not a regular file")
        if info.flag_bits & 0x1:
            raise refuse("UNSAFE_MEMBER", f"{name!r} bị mã hóa / encrypted")
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise refuse("UNSAFE_MEMBER", f"trùng tên / duplicate names {dup}")
    extra = sorted(set(names) - set(limits))
    if extra:
        raise refuse("UNSAFE_MEMBER", f"thành phần lạ / unexpected members {extra}")
    missing = [m for m in limits if m not in names]
    if missing:
        raise refuse("MALFORMED", f"thiếu / missing {missing}")
    declared = sum(i.file_size for i in infos)
    if declared > max_file * 2:
        raise refuse("TOO_LARGE", f"khai báo / declared {declared} bytes")
    parts = {}
    try:
        for info in infos:
            limit = limits[info.filename]
            if info.file_size > limit:
                raise refuse("TOO_LARGE", f"{info.filename}: {info.file_size} bytes > {limit}")
            parts[info.filename] = _read_limited(zf, info, limit)
    except (*_ZIP_ERRORS, zlib.error, RuntimeError) as exc:
        raise refuse("MALFORMED", f"không giải nén được / cannot inflate ({type(exc).__name__})") from None
    return parts

