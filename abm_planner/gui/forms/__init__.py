"""Python classes generated from the Qt Designer files in ``ui/`` — do not edit.

``make forms`` regenerates them with the pinned ``pyside6-uic``; tests/gui/test_forms.py
fails when one of them no longer matches its ``.ui`` file.
"""
