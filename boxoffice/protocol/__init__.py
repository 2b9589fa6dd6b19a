"""The wire between terminals and the central server: the only package both import.

Request bodies and replies (pydantic), the catalogue schema, shared constants
and the audit hash. It imports nothing else from ``boxoffice``.
"""
