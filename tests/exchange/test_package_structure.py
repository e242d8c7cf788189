"""Hostile or broken zip structures are refused with their reason, before anything is trusted."""

import io
import stat
import zipfile

import pytest

from c27desk.exchange.package import (
    APPENDIX,
    DATA,
    MANIFEST,
    MAX_MEMBER,
    SIGNATURE,
    PackageParts,
    build_package,
    read_package,
)
from c27desk.exchange.reasons import ImportRefusedError
from tests.exchange.support import zip_of

GOOD = {MANIFEST: b"{}", SIGNATURE: b"sig", DATA: b"{}", APPENDIX: b"%PDF-1.4\n%%EOF"}


def refused(raw: bytes) -> str:
    with pytest.raises(ImportRefusedError) as err:
        read_package(raw)
    return err.value.code


def test_a_built_package_reads_back_and_is_reproducible():
    parts = PackageParts(GOOD[MANIFEST], GOOD[SIGNATURE], GOOD[DATA], GOOD[APPENDIX])
    raw = build_package(parts)
    assert raw == build_package(parts)
    assert read_package(raw) == parts


@pytest.mark.parametrize("name", ["../manifest.json", "/etc/passwd", "sub/data.json", "..\\evil", "C:evil"])
def test_paths_are_refused(name):
    assert refused(zip_of([*GOOD.items(), (name, b"x")])) == "UNSAFE_MEMBER"


def test_symlink_member_is_refused():
    members = list(GOOD.items())
    raw = zip_of(members, attrs={DATA: (stat.S_IFLNK | 0o777) << 16})
    assert refused(raw) == "UNSAFE_MEMBER"


def test_duplicate_and_extra_members_are_refused():
    assert refused(zip_of([*GOOD.items(), (DATA, b"{}")])) == "UNSAFE_MEMBER"
    assert refused(zip_of([*GOOD.items(), ("readme.txt", b"hi")])) == "UNSAFE_MEMBER"
    assert refused(zip_of([*GOOD.items(), ("inner.zip", zip_of(GOOD.items()))])) == "UNSAFE_MEMBER"
    # the reason says which: a name listed twice, or one not expected
    with pytest.raises(ImportRefusedError) as err:
        read_package(zip_of([*GOOD.items(), (DATA, b"{}")]))
    assert err.value.detail.render("en") == "5 members, 4 expected; listed more than once: 'data.json'"
    assert err.value.detail.render("vi") == "5 thành phần, cần 4; có tên lặp lại: 'data.json'"
    with pytest.raises(ImportRefusedError) as err:
        read_package(zip_of([*GOOD.items(), ("readme.txt", b"hi")]))
    assert err.value.detail.render("en") == "5 members, 4 expected; not expected: 'readme.txt'"


def test_nested_zip_in_place_of_data_is_refused():
    members = dict(GOOD)
    members[DATA] = zip_of(GOOD.items())
    assert refused(zip_of(members.items())) == "UNSAFE_MEMBER"


def test_missing_member_and_garbage_are_refused():
    assert refused(zip_of([(k, v) for k, v in GOOD.items() if k != SIGNATURE])) == "MALFORMED"
    assert refused(b"not a zip at all") == "MALFORMED"
    assert refused(b"PK\x03\x04" + b"\x00" * 100) == "MALFORMED"
    members = dict(GOOD)
    members[APPENDIX] = b"<html>"
    assert refused(zip_of(members.items())) == "MALFORMED"


def test_zip_bomb_is_stopped_by_real_size():
    members = dict(GOOD)
    members[DATA] = b"0" * (MAX_MEMBER[DATA] + 10)  # compresses to a few kB
    raw = zip_of(members.items())
    assert len(raw) < 100_000
    assert refused(raw) == "TOO_LARGE"


def test_zip_bomb_lying_about_its_size_is_stopped_while_inflating():
    members = dict(GOOD)
    members[DATA] = b"0" * (MAX_MEMBER[DATA] * 3)
    raw = bytearray(zip_of(members.items()))
    # rewrite the declared sizes of data.json (local header and central directory) to 10 bytes
    zf = zipfile.ZipFile(io.BytesIO(bytes(raw)))
    info = zf.getinfo(DATA)
    real = info.file_size.to_bytes(4, "little")
    fake = (10).to_bytes(4, "little")
    patched = bytes(raw).replace(real, fake)
    assert patched != bytes(raw)
    assert refused(patched) in ("TOO_LARGE", "MALFORMED")


def test_a_huge_file_is_refused_without_reading_it():
    assert refused(b"PK\x03\x04" + b"\x00" * (21 * 1024 * 1024)) == "TOO_LARGE"


def test_an_unsupported_compression_method_is_refused():
    """zipfile answers such a member with NotImplementedError; it must become MALFORMED, not a crash."""
    raw = bytearray(build_package(PackageParts(GOOD[MANIFEST], GOOD[SIGNATURE], GOOD[DATA], GOOD[APPENDIX])))
    local, central = raw.index(b"PK\x03\x04"), raw.index(b"PK\x01\x02")
    raw[local + 8:local + 10] = (99).to_bytes(2, "little")  # compression method in the local header
    raw[central + 10:central + 12] = (99).to_bytes(2, "little")  # and in the central directory
    assert refused(bytes(raw)) == "MALFORMED"
