"""Reports for supervisors: Z/X, sales, exceptions, inventory, ticket stock (PDF and CSV)."""
