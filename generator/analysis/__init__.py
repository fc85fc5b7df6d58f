"""Figures derived from the records (vote outcomes, ledger statements, statuses).

Shared by the rules, which compare them with what was declared, and by the pages
and PDFs, which show them: one computation, one truth.
"""
