"""Entry point of ``python -m opinionmap``."""

from opinionmap.cli import main

raise SystemExit(main())
