"""The decision-making unit engine: graphs, findings, influence ranking and layouts.

Works on plain data (``dmu.records``) and never touches the plan file; the services
load an account's DMU into those records and call in here. Only ``records`` is cheap
to import: the other modules load networkx (and numpy/scipy through it), so import
them when an analysis or a layout actually runs.
"""
