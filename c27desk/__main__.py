from c27desk.cli import run

run()
