"""Two appendices drawn at the same moment in one process (a preview while received packages are
checked) both come out whole: the fonts are registered once, completely, before either draws."""

import subprocess
import sys

from tests.conftest import REPO

DRAW_TWO = """
import sys, threading, time
from reportlab.pdfbase import pdfmetrics
register = pdfmetrics.registerFont
def slow_register(font):  # widen the moment between the first face and the last
    time.sleep(0.2)
    register(font)
pdfmetrics.registerFont = slow_register
from c27desk.report.appendix import appendix_content
from c27desk.report.appendix_pdf import render_appendix
from c27desk.store.database import open_database
db = open_database(sys.argv[1], check_same_thread=False)
content = appendix_content(db, 2023)
drawn, failed = [], []
def draw():
    try:
        drawn.append(render_appendix(content).pdf)
    except Exception as exc:
        failed.append(repr(exc))
threads = [threading.Thread(target=draw) for _ in range(2)]
for t in threads:
    t.start()
    time.sleep(0.3)  # the second starts once the regular face is in, the bold not yet
for t in threads:
    t.join()
print(len(drawn), failed, len(set(drawn)))
"""


def test_two_appendices_drawn_at_once_both_come_out_whole(final_demo):
    out = subprocess.run([sys.executable, "-c", DRAW_TWO, str(final_demo)], capture_output=True, text=True,
                         cwd=REPO, check=True).stdout.split(" ", 1)
    assert out[0] == "2" and out[1].strip() == "[] 1", out
