"""Dialogs: thin classes that hold a Designer form from ``abm_planner.gui.forms``."""
