"""Printing: domain data → A4 PDF in the official Vietnamese format.

Nothing here imports the user interface. ReportLab is imported by the modules
inside this package, so the app imports ``printing.documents.*`` lazily, when a
document is actually printed; ``printing.spoken`` and ``printing.printer`` are
pure Python and cheap to import.
"""
