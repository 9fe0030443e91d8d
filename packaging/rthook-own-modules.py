# PyInstaller runtime hook: the built app runs the modules it carries. A
# PYTHONPATH left on the PC (an old Python installation, a developer's shell)
# would otherwise put other copies of our modules, or of a library, before the
# bundled ones.
import sys

_own = getattr(sys, "_MEIPASS", None)
if _own:
    sys.path[:] = [p for p in sys.path if p.startswith(_own)]
