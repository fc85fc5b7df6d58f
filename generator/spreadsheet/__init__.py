"""Spreadsheets in: `gongshi import` reads a bookkeeper's sheet into ledger entries.

In: table.py reads an .xlsx sheet or a CSV file into cells with their places;
headers.py finds the header row and maps columns to entry fields (built-in Chinese
headers, or a --map file); amounts.py and dates.py read one cell exactly; rows.py turns
a row into an entry or problems at its cells; yamltext.py writes an entry as YAML;
ledgerfiles.py plans and writes the period files; importer.py runs the whole import and
returns what it did (commands/import_.py prints it).

Out: the downloads' workbook is a page of the site, so it is written in render/
(workbook.py, workbook_columns.py); both sides take the ledger columns' Chinese names
from model/headers.py.
"""
