"""Spreadsheets in and out: `gongshi import` reads a bookkeeper's sheet into ledger
entries; the 数据下载 page gains one .xlsx workbook per community.

In: table.py reads an .xlsx sheet or a CSV file into cells with their places;
headers.py finds the header row and maps columns to entry fields (built-in Chinese
headers, or a --map file); amounts.py and dates.py read one cell exactly; rows.py turns
a row into an entry or problems at its cells; yamltext.py writes an entry as YAML;
ledgerfiles.py plans and writes the period files; importer.py runs the whole import and
returns what it did (commands/import_.py prints it).

Out: columns.py names every download column in Chinese and says what kind of value it
holds; workbook.py writes the workbook from the same datasets as the CSV files.
"""
