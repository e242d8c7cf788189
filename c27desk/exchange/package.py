"""The ``.c27`` package: a zip of exactly four members, built reproducibly and read defensively.

Writing: members in a fixed order with fixed times and attributes, so the same revision always
gives the same bytes. Reading: the file arrives from a USB stick and may be damaged or hostile,
so its layout is checked before anything is trusted, in time proportional to four members whatever
the file holds: the end record's member count first, then each central directory entry (exact
names, no links, encryption, ZIP64 or odd extra fields, size and ratio limits), then the local
headers from byte 0 agreeing with it back to back, so tools reading from the front see the same
members; only then is anything inflated (at most each member's limit), and no nested archives.
Every failure is a coded refusal.
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass

from c27desk.exchange.reasons import refuse
from c27desk.i18n import byte_size, joined, msg

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
        raise refuse("TOO_LARGE", joined("{name} > {limit}", name=info.filename, limit=byte_size(limit)))
    return data


_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory: no comment, no ZIP64 in our packages
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
MAX_RATIO, MIN_RATIO_CHECK = 200, 256 * 1024  # JSON inflates ~20:1; a bomb far more
MAX_EXTRA = 64  # our writer puts no extra fields; a few bytes are tolerated, megabytes are not


@dataclass(frozen=True)
class _Entry:
    name: str
    flags: int
    method: int
    crc: int
    compressed: int
    size: int
    offset: int


def _central_directory(raw: bytes, limits: dict[str, int]) -> list[_Entry]:
    """The members as the central directory declares them, checked before any name is looked at.

    Everything is read from fixed positions in one pass over four entries, so a file with 45,000
    members costs as much as one with five: the count in the end record decides first."""
    end = len(raw) - _EOCD.size
    if end < 0 or raw[end:end + 4] != b"PK\x05\x06":
        if b"PK\x05\x06" in raw[-65_557:]:
            raise refuse("MALFORMED", msg("có dữ liệu sau thư mục trung tâm", "data after the central directory"))
        raise refuse("MALFORMED", msg("không phải tệp zip hoặc bị cắt cụt", "not a zip file, or truncated"))
    _sig, disk, cd_disk, on_disk, count, cd_size, cd_offset, comment = _EOCD.unpack_from(raw, end)
    if 0xFFFF in (disk, cd_disk, on_disk, count) or 0xFFFFFFFF in (cd_size, cd_offset):
        raise refuse("UNSAFE_MEMBER", msg("ZIP64 hoặc nhiều phần", "ZIP64 or multi-part archive"))
    if disk or cd_disk or on_disk != count or comment:
        raise refuse("MALFORMED", msg("zip nhiều phần", "multi-part archive"))
    if count > len(limits):
        raise refuse("UNSAFE_MEMBER", _too_many(raw, cd_offset, end, count, limits))
    if count < len(limits):
        missing = [name for name in limits if name not in _names_listed(raw, cd_offset, end, count)]
        raise refuse("MALFORMED", msg("thiếu {n} thành phần: {missing}", "{n} member missing: {missing}",
                                     plural="{n} members missing: {missing}", n=len(missing),
                                     missing=", ".join(missing)))
    known = {name.encode("ascii"): name for name in limits}
    if cd_offset + cd_size != end:
        raise refuse("MALFORMED", msg("thư mục trung tâm sai vị trí", "central directory out of place"))
    entries, at = [], cd_offset
    for _ in range(count):
        if at + _CENTRAL.size > end or raw[at:at + 4] != b"PK\x01\x02":
            raise refuse("MALFORMED", msg("thư mục trung tâm hỏng", "broken central directory"))
        (_sig, made_by, _need, flags, method, _time, _date, crc, compressed, size, name_len, extra_len, comment_len,
         start_disk, _internal, external, offset) = _CENTRAL.unpack_from(raw, at)
        name_raw = raw[at + _CENTRAL.size:at + _CENTRAL.size + name_len]
        at += _CENTRAL.size + name_len + extra_len + comment_len
        name = known.get(name_raw)
        if name is None:
            raise refuse("UNSAFE_MEMBER", msg("thành phần lạ {name}", "unexpected member {name}",
                                              name=repr(name_raw[:80].decode('utf-8', 'backslashreplace'))))
        if extra_len > MAX_EXTRA or comment_len or start_disk:
            raise refuse("UNSAFE_MEMBER", msg("{name}: trường phụ bất thường", "{name}: unusual extra fields", name=name))
        if made_by >> 8 == 3 and stat.S_IFMT(external >> 16) not in (0, stat.S_IFREG):
            raise refuse("UNSAFE_MEMBER", msg("{name} không phải tệp thường", "{name} is not a regular file",
                                             name=repr(name)))
        if flags & 0x41:
            raise refuse("UNSAFE_MEMBER", msg("{name} bị mã hóa", "{name} is encrypted", name=repr(name)))
        if size > limits[name]:
            raise refuse("TOO_LARGE", joined("{name}: {size} > {limit}", name=name,
                                         size=byte_size(size), limit=byte_size(limits[name])))
        if size > MIN_RATIO_CHECK and size > MAX_RATIO * compressed:
            raise refuse("TOO_LARGE", msg("{name}: tỉ lệ nén {ratio}:1", "{name}: compression ratio {ratio}:1", name=name,
                                         ratio=size // max(compressed, 1)))
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or flags & 0x08:
            raise refuse("MALFORMED", msg("{name}: cách nén không hỗ trợ", "{name}: unsupported compression", name=name))
        entries.append(_Entry(name, flags, method, crc, compressed, size, offset))
    if at != end:
        raise refuse("MALFORMED", msg("thư mục trung tâm hỏng", "broken central directory"))
    names = {e.name for e in entries}
    if len(names) != len(entries):
        raise refuse("UNSAFE_MEMBER", msg("trùng tên thành phần", "duplicate member names"))
    _check_local_headers(raw, entries, cd_offset)
    return entries


def _too_many(raw: bytes, cd_offset: int, end: int, count: int, limits: dict[str, int]):
    """What a package with too many members holds beyond the expected ones: a name listed twice, or a name
    not expected (named when the directory is short enough to read, as the count is checked first)."""
    said = msg("{n} thành phần, cần {wanted}", "{n} members, {wanted} expected", n=count, wanted=len(limits))
    if count > 4 * len(limits):
        return said
    listed = _names_listed(raw, cd_offset, end, count)
    twice = list(dict.fromkeys(name for i, name in enumerate(listed) if name in listed[:i]))
    if twice:
        return msg("{n} thành phần, cần {wanted}; có tên lặp lại: {names}",
                   "{n} members, {wanted} expected; listed more than once: {names}", n=count, wanted=len(limits),
                   names=", ".join(repr(name[:80]) for name in twice[:5]))
    extra = [name for name in listed if name not in limits]
    if extra:
        return msg("{n} thành phần, cần {wanted}; thành phần lạ: {names}",
                   "{n} members, {wanted} expected; not expected: {names}", n=count, wanted=len(limits),
                   names=", ".join(repr(name[:80]) for name in extra[:5]))
    return said


def _names_listed(raw: bytes, cd_offset: int, end: int, count: int) -> list[str]:
    """The member names the central directory lists, in its order (at most ``count``, fewer if it breaks
    off), only to say which expected members a short package lacks or which a long one repeats."""
    names, at = [], cd_offset
    for _ in range(count):
        if at < 0 or at + _CENTRAL.size > end or raw[at:at + 4] != b"PK\x01\x02":
            break
        fields = _CENTRAL.unpack_from(raw, at)
        name_len, extra_len, comment_len = fields[10], fields[11], fields[12]
        names.append(raw[at + _CENTRAL.size:at + _CENTRAL.size + name_len].decode("utf-8", "replace"))
        at += _CENTRAL.size + name_len + extra_len + comment_len
    return names


def _check_local_headers(raw: bytes, entries: list[_Entry], cd_offset: int) -> None:
    """Local headers must say what the central directory says, back to back from byte 0 to the directory:
    a tool reading from the front then sees exactly the members this program checked, nothing before,
    between or hidden."""
    at = 0
    for entry in sorted(entries, key=lambda e: e.offset):
        if entry.offset != at or at + _LOCAL.size > cd_offset or raw[at:at + 4] != b"PK\x03\x04":
            raise refuse("MALFORMED", msg("dữ liệu lạ trước hoặc giữa các thành phần", "data before or between members"))
        (_sig, _need, flags, method, _time, _date, crc, compressed, size, name_len,
         extra_len) = _LOCAL.unpack_from(raw, at)
        name_raw = raw[at + _LOCAL.size:at + _LOCAL.size + name_len]
        if (name_raw, flags, method, crc, compressed, size) != (entry.name.encode("ascii"), entry.flags,
                                                               entry.method, entry.crc, entry.compressed, entry.size):
            raise refuse("MALFORMED", msg("{name}: tiêu đề cục bộ khác thư mục trung tâm",
                                         "{name}: local header differs from the central directory", name=entry.name))
        if extra_len > MAX_EXTRA:
            raise refuse("UNSAFE_MEMBER", msg("{name}: trường phụ bất thường", "{name}: unusual extra fields",
                                         name=entry.name))
        at += _LOCAL.size + name_len + extra_len + compressed
    if at != cd_offset:
        raise refuse("MALFORMED", msg("dữ liệu lạ trước thư mục trung tâm", "data before the central directory"))


def read_package(raw: bytes) -> PackageParts:
    """The four members of a package, or ImportRefusedError saying exactly what is wrong."""
    parts = read_members(raw, MAX_MEMBER, MAX_FILE)
    if parts[DATA][:2] == b"PK" or parts[MANIFEST][:2] == b"PK":
        raise refuse("UNSAFE_MEMBER", msg("gói lồng trong gói", "nested archive"))
    if not parts[APPENDIX].startswith(b"%PDF-"):
        raise refuse("MALFORMED", msg("{name} không phải PDF", "{name} is not a PDF", name=APPENDIX))
    return PackageParts(parts[MANIFEST], parts[SIGNATURE], parts[DATA], parts[APPENDIX])


def read_members(raw: bytes, limits: dict[str, int], max_file: int) -> dict[str, bytes]:
    """Exactly the members named in ``limits`` (name -> size limit), read defensively, or a coded refusal.

    The layout is checked from the end record and central directory back to byte 0 first (see
    _central_directory), then zipfile inflates each member, at most its limit (and checks its CRC)."""
    if len(raw) > max_file:
        raise refuse("TOO_LARGE", joined("{size} > {limit}", size=byte_size(len(raw)),
                                      limit=byte_size(max_file)))
    if not raw.startswith(b"PK\x03\x04"):
        raise refuse("MALFORMED", msg("không phải tệp zip", "not a zip file"))
    _central_directory(raw, limits)
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except _ZIP_ERRORS:
        raise refuse("MALFORMED", msg("zip hỏng", "broken zip")) from None
    if sorted(i.filename for i in infos) != sorted(limits):  # zipfile read the same directory we checked
        raise refuse("MALFORMED", msg("thư mục trung tâm hỏng", "broken central directory"))
    parts = {}
    try:
        for info in infos:
            parts[info.filename] = _read_limited(zf, info, limits[info.filename])
    except (*_ZIP_ERRORS, zlib.error, RuntimeError):
        raise refuse("MALFORMED", msg("không giải nén được (dữ liệu nén bị hỏng)",
                                     "cannot decompress (the compressed data is damaged)")) from None
    return parts
