import sys

from c27desk.cli import run

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # the import's worker processes are spawned: in the frozen program (PyInstaller) the executable is
        # started again for each, and this turns that start into a worker instead of a second program.
        # Only there: run from Python, a worker starts through multiprocessing's own entry, and
        # importing multiprocessing costs every start ~15 ms
        import multiprocessing

        multiprocessing.freeze_support()
    run()
