"""Storage: where the domain's rows live and how they are kept.

Opening SQLite or PostgreSQL, the schema's migrations, the one rule for writing
files, backups and restores, the lock that keeps two programs off one file, the
workstation's settings and who is working. Imports ``models.domain`` and
``models.core``, never the services above it.
"""
