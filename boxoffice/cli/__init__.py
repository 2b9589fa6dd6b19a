"""boxoffice-admin: thin commands over the services."""
