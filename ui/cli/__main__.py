"""`python -m ui.cli …`: the command line without the launcher (no desktop app, no PDF)."""

import sys

from ui.cli.main import main

sys.exit(main())
