"""The office draws each received appendix again and compares its pages (APPENDIX_MISMATCH), so the
drawing must not depend on whether ReportLab's C accelerator (rl_accel) is installed on one computer
and not on the other: the pages compared are the same either way."""

import subprocess
import sys

from c27desk.report.appendix import appendix_content
from c27desk.report.appendix_check import _pages
from c27desk.report.appendix_pdf import render_appendix
from c27desk.store.database import open_database
from tests.conftest import REPO

DRAW = """
import sys
if sys.argv[2] == "python":
    sys.modules["_rl_accel"] = None  # as on a computer without the accelerator
from reportlab.lib import rl_accel
from c27desk.report.appendix import appendix_content
from c27desk.report.appendix_check import _pages
from c27desk.report.appendix_pdf import render_appendix
from c27desk.store.database import open_database
db = open_database(sys.argv[1])
print(rl_accel.fp_str.__module__, repr(_pages(render_appendix(appendix_content(db, 2023)).pdf)))
"""


def test_the_pages_are_the_same_with_and_without_the_accelerator(final_demo):
    drawn = {}
    for kind in ("python", "accelerated"):
        out = subprocess.run([sys.executable, "-c", DRAW, str(final_demo), kind], capture_output=True, text=True,
                             cwd=REPO, check=True).stdout
        module, pages = out.split(" ", 1)
        drawn[kind] = (module, pages)
    assert drawn["python"][0] == "reportlab.lib.rl_accel"  # the pure-Python functions really were used
    assert drawn["accelerated"][0] == "_rl_accel"
    assert drawn["python"][1] == drawn["accelerated"][1]
    db = open_database(final_demo)
    try:
        assert repr(_pages(render_appendix(appendix_content(db, 2023)).pdf)) + "\n" == drawn["python"][1]
    finally:
        db.close()
