"""Every hostile or broken file is refused with its reason, changes nothing, and is still kept.

The office already holds r1 of both districts (their certificates pinned); each case starts from
a good r2 package of Biên Hòa, which is accepted at the end to show the refusals came from the
tampering and nothing else. The operator is assumed to accept any new signer: the checks must
hold even then.
"""

from __future__ import annotations

import json
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c27desk.exchange.archive import path_for
from c27desk.exchange.documents import canonical_json, sha256
from c27desk.exchange.importer import import_bytes
from c27desk.exchange.package import read_package
from c27desk.store import exchange as exchange_store
from c27desk.store.database import open_database
from tests.exchange.support import YEAR, copy_db, export, forge, make_child, run, state, zip_of
from tests.signing_support import make_unit_keys


@dataclass
class World:
    office: Path
    good: bytes          # Biên Hòa r2, valid
    other: bytes         # Long Khánh r1, valid (already imported)
    bienhoa: object      # Biên Hòa's keys
    longkhanh: object    # Long Khánh's keys
    rogue: object        # keys under a CA nobody trusts, naming Biên Hòa
    bienhoa_db: Path     # the district's own database (to draw a misleading appendix)


@pytest.fixture(scope="module")
def world(tmp_path_factory, child_keys) -> World:
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("C27DESK_USER", "tester")
        mp.setenv("C27DESK_CONFIG_DIR", str(folder / "config"))
        office = folder / "office.sqlite3"
        assert run(office, "demo") == 0
        for code, name in (("HU-BIENHOA", "Huyện ủy Biên Hòa"), ("HU-LONGKHANH", "Huyện ủy Long Khánh")):
            assert run(office, "units", "add", "--code", code, "--name", name, "--level", "huyen") == 0
            assert run(office, "trust", "add-ca", str(child_keys[code].ca_pem)) == 0
        bh, lk = child_keys["HU-BIENHOA"], child_keys["HU-LONGKHANH"]
        bienhoa = make_child(folder / "bh.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa")
        longkhanh = make_child(folder / "lk.sqlite3", "HU-LONGKHANH", "Huyện ủy Long Khánh", changes="II.1,450,\n")
        r1 = export(bienhoa, bh.p12_spec(), folder / "bh1")
        other = export(longkhanh, lk.p12_spec(), folder / "lk1")
        db = open_database(office)
        try:
            for raw in (r1, other):
                assert import_bytes(db, office, raw, "r1.c27", who="tester", accept_new_signer=True).outcome \
                    == "accepted"
        finally:
            db.close()
        assert run(bienhoa, "reopen", "--period", str(YEAR), "--yes") == 0
        assert run(bienhoa, "finalise", "--period", str(YEAR), "--accept-warnings") == 0
        good = export(bienhoa, bh.p12_spec(), folder / "bh2")
        rogue = make_unit_keys(folder / "rogue", "HU-BIENHOA", "Huyện ủy Biên Hòa")
        yield World(office, good, other, bh, lk, rogue, bienhoa)


@pytest.fixture
def office_copy(world, tmp_path) -> Path:
    """A fresh copy of the office for one case (SQLite's backup API, as the program itself copies)."""
    return copy_db(world.office, tmp_path / "office.sqlite3")


def members(raw: bytes) -> list[tuple[str, bytes]]:
    parts = read_package(raw)
    return [("manifest.json", parts.manifest), ("manifest.p7s", parts.signature), ("data.json", parts.data),
            ("appendix.pdf", parts.appendix)]


def data_doc(raw: bytes) -> dict:
    return json.loads(read_package(raw).data)


def with_values(raw: bytes, change) -> bytes:
    doc = data_doc(raw)
    change(doc)
    return canonical_json(doc)


def lie_about_size(raw: bytes) -> bytes:
    """Declare data.json as 3 GB in the central directory (a declared zip bomb)."""
    at = raw.index(b"PK\x01\x02")  # central directory entries: name length at +28, uncompressed size at +24
    while True:
        name_len = struct.unpack("<H", raw[at + 28:at + 30])[0]
        if raw[at + 46:at + 46 + name_len] == b"data.json":
            return raw[:at + 24] + struct.pack("<I", 3_000_000_000) + raw[at + 28:]
        at = raw.index(b"PK\x01\x02", at + 4)


def ten_thousand(doc: dict) -> None:
    doc["values"] = {f"X.{i}": {"value": "1", "explanation": "", "state": "answered"} for i in range(10_000)}


def set_value(cid: str, value):
    def change(doc: dict) -> None:
        doc["values"][cid]["value"] = value
    return change


def manifest_text(raw: bytes, change) -> bytes:
    """The manifest as text, changed by ``change`` (for JSON no canonical writer would produce)."""
    return change(read_package(raw).manifest.decode("utf-8")).encode("utf-8")


def _r2_content(w: World):
    from c27desk.report.appendix import appendix_content

    db = open_database(w.bienhoa_db, check_integrity=False)
    try:
        return appendix_content(db, YEAR, revision=2)
    finally:
        db.close()


def misleading_appendix(w: World) -> bytes:
    """An appendix signed by the unit itself, keywords right, but printing II.1 = 4321."""
    from dataclasses import replace

    from c27desk.model.values import Entry
    from c27desk.report.appendix_pdf import render_appendix
    from c27desk.report.sign_appendix import sign_appendix

    content = _r2_content(w)
    entries = dict(content.entries)
    entries["II.1"] = Entry("4321", entries["II.1"].explanation, "answered")
    fake = replace(content, entries=entries)  # content_hash (and so the keywords) still those of the real values
    return sign_appendix(fake, render_appendix(fake), w.bienhoa.p12_spec()).pdf


def cropped_appendix(w: World) -> bytes:
    """The true appendix with a crop box on its page tree (inherited by every page, hiding the values column),
    then signed by the unit: every page object itself is unchanged."""
    import io
    from dataclasses import replace

    import pikepdf

    from c27desk.report.appendix_pdf import render_appendix
    from c27desk.report.sign_appendix import sign_appendix

    content = _r2_content(w)
    rendered = render_appendix(content)
    with pikepdf.open(io.BytesIO(rendered.pdf)) as doc:
        doc.Root.Pages.CropBox = pikepdf.Array([0, 0, 400, 842])
        out = io.BytesIO()
        doc.save(out)
    return sign_appendix(content, replace(rendered, pdf=out.getvalue()), w.bienhoa.p12_spec()).pdf


def patched(raw: bytes, old: bytes, new: bytes, count: int = 1) -> bytes:
    assert raw.count(old) >= count, old
    return raw.replace(old, new, count)


def zip_with_extra(w: World, size: int) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members(w.good):
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.extra = struct.pack("<HH", 0xCAFE, size) + b"\0" * size
            zf.writestr(info, data)
    return out.getvalue()


def zip64_members(w: World) -> bytes:
    """The four members written with ZIP64 local headers (sizes 0xFFFFFFFF there, the real ones in an extra)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members(w.good):
            with zf.open(zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0)), "w", force_zip64=True) as fh:
                fh.write(data)
    return out.getvalue()


def many_members(n: int) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for _ in range(n):
            zf.writestr(zipfile.ZipInfo("data.json", date_time=(2021, 1, 1, 0, 0, 0)), b"")
    return out.getvalue()


def set_encrypted(raw: bytes) -> bytes:
    """The encryption flag in the central directory and local header of every member."""
    out = bytearray(raw)
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = out.find(sig)
        while i >= 0:
            out[i + at] |= 1
            i = out.find(sig, i + 4)
    return bytes(out)


CASES = {
    # structure: nothing here is even read as JSON
    "not a zip": (lambda w: b"%PDF-1.7 this is not a package", "MALFORMED"),
    "empty file": (lambda w: b"", "MALFORMED"),
    "truncated": (lambda w: w.good[: len(w.good) // 2], "MALFORMED"),
    "../ in a name": (lambda w: zip_of([*members(w.good), ("../../evil.txt", b"x")]), "UNSAFE_MEMBER"),
    "absolute path": (lambda w: zip_of([*members(w.good), ("/etc/cron.d/evil", b"x")]), "UNSAFE_MEMBER"),
    "symlink": (lambda w: zip_of([*members(w.good)[:3], ("appendix.pdf", b"/etc/passwd")],
                                 attrs={"appendix.pdf": (stat.S_IFLNK | 0o777) << 16}), "UNSAFE_MEMBER"),
    "nested zip": (lambda w: zip_of([*members(w.good)[:2], ("data.json", w.other), members(w.good)[3]]),
                   "UNSAFE_MEMBER"),
    "zip bomb": (lambda w: zip_of([*members(w.good)[:2], ("data.json", b"{" + b" " * 60_000_000 + b"}"),
                                   members(w.good)[3]]), "TOO_LARGE"),
    "declared bomb": (lambda w: lie_about_size(w.good), "TOO_LARGE"),
    "duplicate names": (lambda w: zip_of([*members(w.good), ("data.json", b"{}")]), "UNSAFE_MEMBER"),
    "extra member": (lambda w: zip_of([*members(w.good), ("readme.txt", b"hello")]), "UNSAFE_MEMBER"),
    "missing member": (lambda w: zip_of(members(w.good)[:3]), "MALFORMED"),
    # integrity and signatures
    "flipped byte in the data": (lambda w: forge(w.good, data=read_package(w.good).data.replace(b'"245"', b'"246"'),
                                                 fix_hashes=False), "HASH_MISMATCH"),
    "manifest edited, not re-signed": (lambda w: forge(w.good, manifest=lambda d: {**d, "revision": 9}),
                                       "BAD_SIGNATURE"),
    "signature garbage": (lambda w: forge(w.good, signature=b"\x30\x03\x02\x01\x00"), "BAD_SIGNATURE"),
    "signed by an untrusted CA": (lambda w: forge(w.good, sign_with=w.rogue.p12_spec()), "UNTRUSTED_SIGNER"),
    "manifest signed by another unit's key": (lambda w: forge(w.good, sign_with=w.longkhanh.p12_spec()),
                                              "SIGNER_OF_OTHER_UNIT"),
    "appendix from another unit's package": (lambda w: forge(w.good, appendix=read_package(w.other).appendix,
                                                             sign_with=w.bienhoa.p12_spec()), "APPENDIX_MISMATCH"),
    "appendix of another revision": (lambda w: forge(w.good, appendix=read_package(_r1(w)).appendix,
                                                     sign_with=w.bienhoa.p12_spec()), "APPENDIX_MISMATCH"),
    # contents, properly signed by the unit itself (a buggy or malicious sender)
    "manifest not JSON": (lambda w: forge(w.good, manifest=b"{not json", sign_with=w.bienhoa.p12_spec()),
                          "MALFORMED"),
    "manifest not UTF-8": (lambda w: forge(w.good, manifest='{"unit": "Biên Hòa"}'.encode("latin-1"),
                                           sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "revision as text": (lambda w: forge(w.good, manifest=lambda d: {**d, "revision": "2"},
                                         sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "data not UTF-8": (lambda w: forge(w.good, data=b'{"unit": "Bi\xean H\xf2a"}', sign_with=w.bienhoa.p12_spec()),
                       "MALFORMED"),
    "value as a number": (lambda w: forge(w.good, data=with_values(w.good, set_value("II.5", 245)),
                                          sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "10,000 values": (lambda w: forge(w.good, data=with_values(w.good, ten_thousand),
                                      sign_with=w.bienhoa.p12_spec()), "TOO_LARGE"),
    "invalid code": (lambda w: forge(w.good, data=with_values(w.good, set_value("I.1", "Z")),
                                     sign_with=w.bienhoa.p12_spec()), "INVALID_VALUES"),
    "values not those of the appendix": (lambda w: forge(w.good, data=with_values(w.good, set_value("II.5", "999")),
                                                         sign_with=w.bienhoa.p12_spec()), "HASH_MISMATCH"),
    "unknown catalogue": (lambda w: forge(w.good, manifest=lambda d: {**d, "catalogue": {**d["catalogue"],
                                                                                          "hash": "0" * 64}},
                                          sign_with=w.bienhoa.p12_spec()), "CATALOGUE_MISMATCH"),
    "unknown unit": (lambda w: forge(w.good, manifest=lambda d: {**d, "unit": {**d["unit"], "code": "HU-KHONGCO"}},
                                     sign_with=w.bienhoa.p12_spec()), "UNKNOWN_UNIT"),
    "not a child": (lambda w: forge(w.good, manifest=lambda d: {**d, "unit": {**d["unit"], "code": "TU-DONGNAI"}},
                                    sign_with=w.bienhoa.p12_spec()), "NOT_A_CHILD"),
    # the campaign: text that cannot be encoded or that steers a screen, signed by the unit itself
    "lone surrogate in the manifest": (lambda w: forge(w.good, manifest=manifest_text(
        w.good, lambda t: t.replace("Huyện ủy Biên Hòa", "\\ud800")), sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "terminal escape in the unit name": (lambda w: forge(w.good, manifest=lambda d: {
        **d, "unit": {**d["unit"], "name": "\r\x1b[2KACCEPTED"}}, sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "right-to-left override in an explanation": (lambda w: forge(w.good, data=with_values(
        w.good, lambda d: d["values"]["I.1"].update(explanation="abc\u202edef")), sign_with=w.bienhoa.p12_spec()),
        "MALFORMED"),
    "duplicate JSON key": (lambda w: forge(w.good, manifest=manifest_text(
        w.good, lambda t: t.replace('"year":', '"year":1999,"year":')), sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "byte order mark": (lambda w: forge(w.good, manifest=b"\xef\xbb\xbf" + read_package(w.good).manifest,
                                        sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "JSON nested 40 deep": (lambda w: forge(w.good, manifest=lambda d: {**d, "x": json.loads("[" * 40 + "]" * 40)},
                                            sign_with=w.bienhoa.p12_spec()), "TOO_LARGE"),
    "JSON nested 30,000 deep": (lambda w: forge(w.good, manifest=b'{"x":' + b"[" * 30_000 + b"]" * 30_000 + b"}",
                                                sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "year as a string": (lambda w: forge(w.good, manifest=lambda d: {**d, "year": str(d["year"])},
                                         sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
    "a 5000-digit number": (lambda w: forge(w.good, manifest=manifest_text(
        w.good, lambda t: t.replace('"revision":2', '"revision":' + "9" * 5000)), sign_with=w.bienhoa.p12_spec()),
        "MALFORMED"),
    # the campaign: zip tricks
    "data before the first member": (lambda w: b"PK\x03\x04" + b"\0" * 60 + w.good, "MALFORMED"),
    "data after the central directory": (lambda w: w.good + b"PK\x03\x04hidden", "MALFORMED"),
    "a zip comment": (lambda w: w.good[:-2] + struct.pack("<H", 5) + b"hello", "MALFORMED"),
    "45,000 members": (lambda w: many_members(45_000), "UNSAFE_MEMBER"),
    "ZIP64 end record": (lambda w: w.good[:-12] + struct.pack("<I", 0xFFFFFFFF) + w.good[-8:], "UNSAFE_MEMBER"),
    "name differing only by case": (lambda w: zip_of([*members(w.good)[:2], ("Data.json", members(w.good)[2][1]),
                                                      members(w.good)[3]]), "UNSAFE_MEMBER"),
    "a look-alike name (Cyrillic a)": (lambda w: zip_of([*members(w.good)[:2], ("d\u0430ta.json", members(w.good)[2][1]),
                                                         members(w.good)[3]]), "UNSAFE_MEMBER"),
    "ZIP64 local headers": (lambda w: zip64_members(w), "MALFORMED"),
    "local name differs from the directory": (lambda w: patched(w.good, b"data.json", b"data.jsoN"), "MALFORMED"),
    "encrypted members": (lambda w: set_encrypted(w.good), "UNSAFE_MEMBER"),
    "huge extra fields": (lambda w: zip_with_extra(w, 60_000), "UNSAFE_MEMBER"),
    # the campaign: signed data that disagrees with its signed appendix
    "appendix printing other figures": (lambda w: forge(w.good, appendix=misleading_appendix(w),
                                                        sign_with=w.bienhoa.p12_spec()), "APPENDIX_MISMATCH"),
    "appendix cropped by its page tree": (lambda w: forge(w.good, appendix=cropped_appendix(w),
                                                          sign_with=w.bienhoa.p12_spec()), "APPENDIX_MISMATCH"),
    "appendix with JavaScript": (lambda w: forge(w.good, appendix=with_javascript(read_package(w.good).appendix),
                                                 sign_with=w.bienhoa.p12_spec()), "APPENDIX_ACTIVE_CONTENT"),
    "layout details not those printed": (lambda w: forge(w.good, manifest=lambda d: {
        **d, "layout": {**d["layout"], "period": {**d["layout"]["period"], "signer_name": "Trần Văn B"}}},
        sign_with=w.bienhoa.p12_spec()), "APPENDIX_MISMATCH"),
    "a layout detail this version does not know": (lambda w: forge(w.good, manifest=lambda d: {
        **d, "layout": {**d["layout"], "unit": {**d["layout"]["unit"], "motto": "x"}}},
        sign_with=w.bienhoa.p12_spec()), "MALFORMED"),
}


def with_javascript(pdf: bytes) -> bytes:
    """The signed appendix with an OpenAction JavaScript appended as an incremental update."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.Root.OpenAction = doc.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)"))
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _r1(world: World) -> bytes:
    db = open_database(world.office, check_integrity=False)
    try:
        record = next(r for r in exchange_store.import_log(db, unit="HU-BIENHOA") if r.outcome == "accepted")
        return path_for(world.office, record.sha256).read_bytes()
    finally:
        db.close()


def attempt(office: Path, raw: bytes, name: str = "hostile.c27"):
    db = open_database(office, check_integrity=False)
    try:
        return import_bytes(db, office, raw, name, who="tester", accept_new_signer=True)
    finally:
        db.close()


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_with_its_reason_and_changes_nothing(world, office_copy, case):
    make, reason = CASES[case]
    raw = make(world)
    before = state(office_copy)
    outcome = attempt(office_copy, raw)
    assert (outcome.outcome, outcome.reason) == ("refused", reason), outcome.message
    assert outcome.message
    assert state(office_copy) == before
    assert path_for(office_copy, sha256(raw)).read_bytes() == raw  # kept, with its outcome logged
    db = open_database(office_copy, check_integrity=False)
    try:
        last = exchange_store.import_log(db)[-1]
    finally:
        db.close()
    assert (last.outcome, last.reason, last.sha256) == ("refused", reason, sha256(raw))
    # and the good file is still accepted afterwards
    assert attempt(office_copy, world.good, "good.c27").outcome == "accepted"


def test_a_closed_period_takes_no_more_packages(world, office_copy):
    assert run(office_copy, "period", "close", str(YEAR)) == 0
    before = state(office_copy)
    assert attempt(office_copy, world.good).reason == "PERIOD_CLOSED"
    assert state(office_copy) == before
    assert run(office_copy, "period", "open", str(YEAR)) == 0
    assert attempt(office_copy, world.good).outcome == "accepted"


def test_import_command_reports_every_refusal_in_json(world, office_copy, tmp_path, cli):
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "a.c27").write_bytes(CASES["manifest signed by another unit's key"][0](world))
    (usb / "c.c27").write_bytes(CASES["extra member"][0](world))
    (usb / "b.c27").write_bytes(world.good)
    (usb / "link.c27").symlink_to(usb / "b.c27")  # links on the stick are not followed
    code, text, _ = cli("import", str(usb), "--json", db=office_copy)
    report = {r["file"]: r for r in json.loads(text)}
    assert code == 1
    # what a refused file claims to be is reported when its manifest can be read at all
    assert report["a.c27"]["reason"] == "SIGNER_OF_OTHER_UNIT" and report["a.c27"]["unit"] == "HU-BIENHOA"
    assert report["c.c27"]["reason"] == "UNSAFE_MEMBER" and report["c.c27"]["unit"] is None
    assert report["b.c27"]["outcome"] == "accepted"
    assert "link.c27" not in report
    code, text, _ = cli("--lang", "en", "import", str(usb / "c.c27"), db=office_copy)
    assert "REFUSED: c.c27" in text and "[UNSAFE_MEMBER] The package holds an unsafe member" in text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzzed_package_bytes_never_crash_and_never_change_data(world, office_copy, data):
    raw = bytearray(world.good)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del raw[at:at + data.draw(st.integers(1, 64))]
        else:
            del raw[at:]
        if not raw:
            break
    before = state(office_copy)
    outcome = attempt(office_copy, bytes(raw))
    if outcome.outcome in ("accepted", "already"):
        # only a change the zip format ignores (a comment, unused header bits) can leave the signed content intact
        assert read_package(bytes(raw)).manifest == read_package(world.good).manifest
        assert read_package(bytes(raw)).data == read_package(world.good).data
        return
    assert outcome.outcome == "refused" and outcome.reason
    assert state(office_copy) == before


def test_devices_pipes_and_hostile_names_are_one_refused_line_each_and_the_batch_goes_on(world, office_copy, tmp_path,
                                                                                          cli):
    import os

    usb = tmp_path / "usb"
    usb.mkdir()
    fake = os.fsencode(str(usb)) + b"/\r\x1b[2KACCEPTED: r\xff.c27"  # a carriage return, an escape, not UTF-8
    with open(fake, "wb") as fh:
        fh.write(CASES["lone surrogate in the manifest"][0](world))
    os.mkfifo(tmp_path / "pipe.c27")  # would block a plain open() forever (in a folder it is not even listed)
    (usb / "z.c27").write_bytes(world.good)
    before = state(office_copy)
    code, text, _ = cli("--lang", "en", "import", "/dev/zero", str(tmp_path / "pipe.c27"), str(usb), db=office_copy)
    lines = text.splitlines()
    assert code == 1
    assert lines[0].startswith("REFUSED: zero [NOT_A_FILE]")
    assert any(line.startswith("REFUSED: ↵\\x1b[2KACCEPTED: r\\udcff.c27") and "[MALFORMED]" in line
               for line in lines)
    assert any(line.startswith("REFUSED: pipe.c27 [NOT_A_FILE]") for line in lines)
    assert lines[-1].startswith("ACCEPTED: z.c27")
    assert "\x1b" not in text and "\r" not in text
    after = state(office_copy)
    assert len(after["received_revisions"]) == len(before["received_revisions"]) + 1  # z.c27 only
    db = open_database(office_copy, check_integrity=False)
    try:
        logged = [(r.file_name, r.reason) for r in exchange_store.import_log(db)[-2:]]
    finally:
        db.close()
    assert logged == [("↵\\x1b[2KACCEPTED: r\\udcff.c27", "MALFORMED"), ("z.c27", "")]


def test_a_zip_of_45000_names_is_refused_at_once(world):
    import time

    raw = many_members(45_000)
    started = time.perf_counter()
    with pytest.raises(Exception) as refused:
        read_package(raw)
    assert refused.value.code == "UNSAFE_MEMBER" and time.perf_counter() - started < 0.05


def test_interrupted_archive_writes_are_cleaned_before_a_batch(world, office_copy, tmp_path, cli):
    from c27desk.exchange.archive import archive_dir

    leftover = archive_dir(office_copy) / "ab" / ".abcdef.c27.x1y2.part"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"half")
    (tmp_path / "a.c27").write_bytes(world.good)
    assert cli("import", str(tmp_path / "a.c27"), db=office_copy)[0] == 0
    assert not leftover.exists()


any_text = st.text(st.characters(exclude_categories=()), max_size=40)  # lone surrogates and controls included


def ascii_json(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit_name=any_text, explanation=any_text, file_name=st.text(st.characters(exclude_categories=()), min_size=1,
                                                                    max_size=30))
def test_fuzzed_json_strings_and_file_names_are_refused_with_a_code_or_accepted(world, office_copy, unit_name,
                                                                                explanation, file_name):
    """Any text in the signed documents and any file name: a coded refusal (or acceptance), nothing changed on
    refusal, never an exception, and the next file still goes through."""
    data = data_doc(world.good)
    data["values"]["I.1"]["explanation"] = explanation
    new_data = ascii_json(data)
    manifest = json.loads(read_package(world.good).manifest)
    manifest["unit"]["name"] = unit_name
    manifest["members"]["data.json"] = {"sha256": sha256(new_data), "size": len(new_data)}
    raw = forge(world.good, manifest=ascii_json(manifest), data=new_data, sign_with=world.bienhoa.p12_spec())
    before = state(office_copy)
    outcome = attempt(office_copy, raw, file_name)
    assert outcome.outcome == "refused" and outcome.reason, outcome  # content no longer matches hash or appendix
    assert "\x1b" not in outcome.file_name + outcome.message and "\r" not in outcome.file_name + outcome.message
    (outcome.file_name + outcome.message).encode("utf-8")  # never a lone surrogate
    assert state(office_copy) == before
    assert attempt(office_copy, world.good, "next.c27").outcome in ("accepted", "already")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exported_at=any_text)
def test_fuzzed_text_in_a_field_nobody_prints_is_accepted_exactly_when_it_is_clean(world, office_copy, exported_at):
    """``exported_at`` is signed but neither hashed into the content nor printed: clean text is accepted, text with
    controls, invisible characters or lone surrogates is refused as MALFORMED, and nothing else happens."""
    from c27desk.model.text import unsafe_characters

    manifest = json.loads(read_package(world.good).manifest)
    manifest["exported_at"] = exported_at
    raw = forge(world.good, manifest=ascii_json(manifest), sign_with=world.bienhoa.p12_spec())
    before = state(office_copy)
    outcome = attempt(office_copy, raw, "fuzz.c27")
    if unsafe_characters(exported_at, "\n\t"):
        assert (outcome.outcome, outcome.reason) == ("refused", "MALFORMED"), outcome
        assert state(office_copy) == before
    else:
        assert outcome.outcome in ("accepted", "already"), outcome


def test_a_package_for_a_year_with_no_period_says_so(world, office_copy):
    import sqlite3

    conn = sqlite3.connect(office_copy)  # an office that never opened the year (foreign keys off: a raw edit)
    conn.execute("DELETE FROM periods WHERE year = ?", [YEAR])
    conn.commit()
    conn.close()
    got = attempt(office_copy, world.good)
    assert got.reason == "NO_PERIOD" and f"period set {YEAR}" in got.message
