"""``python -m abm_planner`` does what ``abm-planner`` does."""

import sys

from abm_planner.cli import main

sys.exit(main())
