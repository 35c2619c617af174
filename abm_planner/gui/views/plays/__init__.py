"""The Plays and Timeline tabs, the play library editor and the portfolio timeline.

Tabs register in ``views.account_workspace.WORKSPACE_TABS``; the portfolio timeline
opens as a tool window through ``portfolio_timeline.open_portfolio_timeline``.
"""
