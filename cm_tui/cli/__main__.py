"""``python -m cm_tui.cli``: the same as the ``cm-tui`` command."""

import sys

from cm_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
