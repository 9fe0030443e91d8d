"""The domain: the tables of the dialogue cycle and the rules that need no service.

Offices, people, conferences, petitions, plans, the register of outgoing documents,
signatures, the audit trail and its chain, deadlines. Imports only ``models.core``;
it never opens a database (``database`` is a proxy that storage points somewhere).
"""
