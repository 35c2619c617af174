"""The DMU map tab: a canvas of the account's stakeholders and the lines between them.

``map_tab.DmuMapTab`` is the tab; ``map_scene``/``map_view`` the canvas,
``card_item``/``line_item`` what it draws, ``findings_panel`` the analysis beside it,
``map_editing`` the edits (as undo commands), ``map_jobs`` the work done off the UI
thread and ``map_export`` the PNG, SVG, PDF and print output.
"""

from abm_planner.gui.views.dmu_map.map_tab import DmuMapTab

__all__ = ["DmuMapTab"]
