"""The bundle's entry point: the same `main` as the `facilitator` command of a wheel."""

import sys

from facilitator.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
