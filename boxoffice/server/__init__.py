"""The central server: the authority for inventory (built in the server issue)."""
