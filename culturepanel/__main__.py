"""Allow ``python -m culturepanel``."""

from culturepanel.cli import main

raise SystemExit(main())
