"""Values at the longest lengths the program accepts are printed, signed and exported; an appendix
that cannot be laid out is a clear refusal naming the criterion, never a traceback."""

from __future__ import annotations

import pytest

from c27desk.errors import C27Error
from c27desk.model.text import (
    MAX_EXPLANATION_CHARS,
    MAX_LINE_CHARS,
    MAX_TEXT_VALUE_CHARS,
    SIGNER_LINE_CHARS,
    SIGNER_NAME_CHARS,
)
from c27desk.model.values import make_entry
from c27desk.store import periods, values
from c27desk.store.database import open_database
from tests.signing_support import PASSPHRASE

WORDS = "Máy tính để bàn kết nối mạng nội bộ của cơ quan\n"


def fill(n: int, *, lines: bool = True) -> str:
    text = (WORDS * (n // len(WORDS) + 1))[:n]
    return text if lines else text.replace("\n", " ")


def _set(db_path, *, text_value: bool) -> None:
    db = open_database(db_path)
    cat = periods.period_catalogue(db, 2023)
    counts = [c for c in cat.criteria if c.kind == "count"][:3]
    held = values.entries(db, "TU-DONGNAI", 2023)
    changes = [(c.id, make_entry(c, held[c.id].value, fill(MAX_EXPLANATION_CHARS))) for c in counts]
    if text_value:
        text = next(c for c in cat.criteria if c.kind == "text")
        changes.append((text.id, make_entry(text, fill(MAX_TEXT_VALUE_CHARS), fill(MAX_EXPLANATION_CHARS))))
    values.save_entries(db, "TU-DONGNAI", 2023, changes, who="tester")
    line = fill(MAX_LINE_CHARS, lines=False)
    signer = fill(SIGNER_LINE_CHARS, lines=False)
    periods.update_period(db, 2023, who="tester", place=line, signer_authority=signer, signer_title=signer,
                          signer_name=fill(SIGNER_NAME_CHARS, lines=False), report_number="999999",
                          recipients=fill(MAX_EXPLANATION_CHARS))
    db.close()


def _print_sign_export(cli, unit_keys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    code, _, err = cli("appendix", "--period", "2023", "--draft", "--out", str(tmp_path / "draft.pdf"))
    assert code == 0, err
    code, out, err = cli("finalise", "--period", "2023", "--accept-warnings")
    assert code == 0, out + err
    code, _, err = cli("appendix", "--period", "2023", "--out", str(tmp_path / "signed.pdf"), "--sign-p12",
                       str(unit_keys.p12))
    assert code == 0, err
    code, _, err = cli("export", "--period", "2023", "--out", str(tmp_path / "usb"), "--sign-p12", str(unit_keys.p12))
    assert code == 0, err
    assert (tmp_path / "usb" / "TU-DONGNAI_2023_r1.c27").stat().st_size > 0


def test_longest_explanations_and_report_details_print_sign_and_export(demo_db, cli, unit_keys, tmp_path,
                                                                       monkeypatch):
    _set(demo_db, text_value=False)
    _print_sign_export(cli, unit_keys, tmp_path, monkeypatch)


def test_longest_text_answer_prints_signs_and_exports(demo_db, cli, unit_keys, tmp_path, monkeypatch):
    _set(demo_db, text_value=True)
    _print_sign_export(cli, unit_keys, tmp_path, monkeypatch)


def test_an_appendix_that_cannot_be_laid_out_is_a_clear_refusal(demo_db, monkeypatch):
    from reportlab.platypus import LayoutError, SimpleDocTemplate

    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix

    def too_tall(self, *_a, **_k):
        raise LayoutError("Flowable <Table> too large on page 4")

    monkeypatch.setattr(SimpleDocTemplate, "build", too_tall)
    db = open_database(demo_db)
    cat = periods.period_catalogue(db, 2023)
    huge = "x " * 6000  # longer than any accepted text: put in the store directly, as an old file could
    text = next(c for c in cat.criteria if c.kind == "text")
    db.execute("UPDATE value_entries SET value = ? WHERE criterion = ?", [huge, text.id])
    content = appendix_content(db, 2023, draft=True)
    db.close()
    with pytest.raises(C27Error) as info:
        render_appendix(content)
    assert info.value.code == "APPENDIX_LAYOUT" and text.id in info.value.vi and "quá dài" in info.value.vi


def test_longest_signer_fields_wrap_inside_their_column(demo_db, tmp_path):
    """Authority and title at their limit, a name of 60 letters without a space, 30 recipients: every
    line of the signature block stays in its column, clear of "Nơi nhận" and of the stamp's box."""
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import BODY_W, MARGIN_L, render_appendix
    from tests.report.pdf_layout import page_layout

    db = open_database(demo_db)
    with pytest.raises(C27Error):  # longer than the column can hold in a few lines
        periods.update_period(db, 2023, who="tester", signer_name="W" * (SIGNER_NAME_CHARS + 1))
    periods.update_period(db, 2023, who="tester", signer_authority="Q" * SIGNER_LINE_CHARS,
                          signer_title="T" * SIGNER_LINE_CHARS, signer_name="W" * SIGNER_NAME_CHARS,
                          recipients="\n".join(f"- Ban Tuyên giáo huyện số {i}" for i in range(30)))
    rendered = render_appendix(appendix_content(db, 2023, draft=True))
    db.close()
    out = tmp_path / "a.pdf"
    out.write_bytes(rendered.pdf)
    box = rendered.signature_box
    runs, _ = page_layout(out, box.page)
    column = MARGIN_L + BODY_W * 0.45
    signer = [r for r in runs if r.font == "LiberationSerif-Bold" and r.text.strip("QTW") == "" and r.text]
    assert sum(len(r.text) for r in signer) == 2 * SIGNER_LINE_CHARS + SIGNER_NAME_CHARS
    for r in signer:
        assert column <= r.x and r.x + r.width <= MARGIN_L + BODY_W + 0.5, r
        assert r.y + r.size * 0.8 < box.y1 or r.y - r.size * 0.25 > box.y2, r  # never inside the stamp's box
    recipients = [r for r in runs if "Ban Tuyên giáo" in r.text]
    assert recipients and all(r.x + r.width <= column for r in recipients)


def test_remembered_line_breaking_draws_the_same_bytes_as_reportlab_alone(demo_db, monkeypatch):
    """The office draws every received appendix again; it remembers how texts break into lines. The bytes
    must be those reportlab draws without that memory (long cells cut into pieces and signer lines too)."""
    from reportlab.platypus import Paragraph

    from c27desk.report import appendix_pdf
    from c27desk.report.appendix import appendix_content

    _set(demo_db, text_value=True)
    db = open_database(demo_db)
    try:
        content = appendix_content(db, 2023, draft=True)
    finally:
        db.close()
    appendix_pdf._WRAPS.clear()
    appendix_pdf._PARSED.clear()
    remembered = [appendix_pdf.render_appendix(content).pdf for _ in range(2)]  # learning, then remembering
    assert appendix_pdf._WRAPS and appendix_pdf._PARSED
    monkeypatch.setattr(appendix_pdf, "_Paragraph", Paragraph)
    assert remembered[0] == remembered[1] == appendix_pdf.render_appendix(content).pdf
