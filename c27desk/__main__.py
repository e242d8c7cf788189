import multiprocessing

from c27desk.cli import run

if __name__ == "__main__":
    # the import's worker processes are spawned: in the frozen program (PyInstaller) the executable is
    # started again for each, and this turns that start into a worker instead of a second program
    multiprocessing.freeze_support()
    run()
