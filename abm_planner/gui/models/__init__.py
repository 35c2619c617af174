"""Qt item models: thin adapters over the services' plain records."""

from __future__ import annotations

from abm_planner.gui.models.signal_refcount_fix import protect_true

# Every view emits signals; this must hold before the first thousands of them.
protect_true()
