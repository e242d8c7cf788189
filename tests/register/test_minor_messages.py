"""Messages that say what is really the matter."""

from __future__ import annotations

from tests.exchange.support import YEAR


def test_a_criterion_of_another_level_is_said_to_be_not_asked(bienhoa, cli, tmp_path):
    assert cli("reopen", "--period", str(YEAR), "--yes", db=bienhoa)[0] == 0
    (tmp_path / "v.csv").write_text("criterion,value,explanation\nII.3,5,\n", encoding="utf-8")
    code, _, err = cli("--lang", "en", "values", "load", str(tmp_path / "v.csv"), "--period", str(YEAR), db=bienhoa)
    assert code == 1 and "II.3 is not asked of this level" in err and "is not in catalogue" not in err


def test_check_and_finalise_warn_of_an_incomplete_signature_block(bienhoa, cli):
    assert cli("reopen", "--period", str(YEAR), "--yes", db=bienhoa)[0] == 0
    assert cli("period", "set", str(YEAR), "--signer-title", "", db=bienhoa)[0] == 0
    code, out, _ = cli("--lang", "en", "check", "--period", str(YEAR), db=bienhoa)
    assert "WARNING: the signature block is incomplete: no signer's title" in out
    code, out, _ = cli("--lang", "en", "finalise", "--period", str(YEAR), "--accept-warnings", db=bienhoa)
    assert code == 0 and "finalised as revision 2" in out and "--signer-title" in out
