"""Workbooks out, spreadsheets in: export, CSV/XLSX import, header mapping, round-trip diff.

Untrusted input is parsed here and nowhere else. The package sits below the
services (which own the units of work and call it: ``services/excel_io.py``) and
above the store; it never imports Qt.

Export: ``workbook_export`` (the use case's engine) writes with ``workbook_writer``
(XlsxWriter, constant memory, real tables) and ``row_xml`` (the hot loop);
``export_layout`` names sheets and columns, ``export_records`` builds Accounts and
Stakeholders from the field declarations, ``export_data``/``export_activity`` hold the
bulk queries, ``export_cover`` the first sheet, ``sheet_styles`` the look,
``safe_cells`` the formula-injection rule.

Import: ``reading`` (+ ``csv_reading``, ``raw_sheet``, ``zip_guard``, ``read_limits``)
turns a file into rows; ``header_mapping`` finds the fields; ``value_parsing`` and
``field_values`` read values; ``crm_import`` (+ ``crm_rows``, ``crm_lines``) compares
CRM exports with the plan (``plan_index``); an edited export comes back through
``round_trip_preview``: ``round_trip`` (Accounts, Stakeholders, ``account_refs``),
``play_library_sheet`` (+ ``play_library_index``) and one module per further sheet
listed in ``round_trip_sheets`` (``sheet_relationships``, ``sheet_plays``,
``sheet_touches``, ``sheet_objectives``, ``sheet_whitespace`` with ``whitespace_meta``,
``sheet_decisions``, ``sheet_actions``) on the shared engine ``record_sheet`` with
``sheet_rows`` and ``sheet_refs``. ``import_preview`` builds an
``import_model.ImportPreview``; ``import_apply`` writes the selected changes;
``preview_text`` prints a preview and ``change_nouns`` counts in words; ``errors`` are
the located ``UserError`` subclasses.
"""
