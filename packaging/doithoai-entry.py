"""Entry point of the built app (PyInstaller): the same as the installed
``doithoai`` command (pyproject's [project.scripts])."""
import multiprocessing

from tui.launch import main

if __name__ == "__main__":
    multiprocessing.freeze_support()   # a frozen app on Windows re-runs itself for child processes
    main()
