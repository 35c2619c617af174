"""Workshop mode: the start dialog's flow, the presenter view, estimates, decisions, snapshots.

Only ``menu`` is imported when the main window is built; everything else loads when a
Workshop command is first used.
"""
