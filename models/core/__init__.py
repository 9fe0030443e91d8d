"""The ground floor: what every room of ``models`` uses and that knows no table.

Errors with their remedies, the text rules (NFC, folding), the clock, the domain's
words, the user data folders, and the one door to peewee's and python-docx's private
parts. Imports nothing else of ``models``.
"""
