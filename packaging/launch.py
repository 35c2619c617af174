"""The bundle's entry point: the same ``main`` the ``abm-planner`` console script runs."""

import sys

from abm_planner.cli import main

if __name__ == "__main__":
    sys.exit(main())
