"""Messages that say what is really the matter."""

from __future__ import annotations

from tests.exchange.support import YEAR


def test_a_criterion_of_another_level_is_said_to_be_not_asked(bienhoa, cli, tmp_path):
    assert cli("reopen", "--period", str(YEAR), "--yes", db=bienhoa)[0] == 0
    (tmp_path / "v.csv").write_text("criterion,value,explanation\nII.3,5,\n", encoding="utf-8")
    code, _, err = cli("--lang", "en", "values", "load", str(tmp_path / "v.csv"), "--period", str(YEAR), db=bienhoa)
    assert code == 1 and "II.3 is not asked of this level" in err and "is not in form" not in err


def test_check_and_finalise_warn_of_an_incomplete_signature_block(bienhoa, cli):
    assert cli("reopen", "--period", str(YEAR), "--yes", db=bienhoa)[0] == 0
    assert cli("period", "set", str(YEAR), "--signer-title", "", db=bienhoa)[0] == 0
    code, out, _ = cli("--lang", "en", "check", "--period", str(YEAR), db=bienhoa)
    assert "WARNING: the signature block is incomplete: no signer's title" in out
    code, out, _ = cli("--lang", "en", "finalise", "--period", str(YEAR), "--accept-warnings", db=bienhoa)
    assert code == 0 and "finalised as revision 2" in out and "--signer-title" in out


def test_carry_from_predecessors_takes_their_latest_year_and_redates_its_wording(demo_db, cli):
    assert cli("units", "rename", "--code", "TU-DONGNAI", "--new-code", "TU-DN", "--from", "2025")[0] == 0
    assert cli("period", "set", "2025")[0] == 0
    code, out, err = cli("--lang", "en", "carry-forward", "--period", "2025", "--from-predecessors")  # no --from
    assert code == 0 and "Carried 120 values" in out, err
    dumped = cli("values", "dump", "--period", "2025")[1].splitlines()
    # the one 2023 left is a value the unit wrote ("Sổ tay đảng viên điện tử, năm 2023"), not the form's wording
    assert [line.split(",")[0] for line in dumped if "2023" in line] == ["III.2.18"]
    assert any(line.startswith("I.2,") and "trước năm 2025" in line for line in dumped)
