"""The panels and tabs the main window embeds: portfolio, account workspace and its tabs."""
