"""Users, roles, permissions, sign-in, grants and supervisor overrides.

Services check permissions with ``guard.require`` only; the UI asks
``guard.has_permission`` to decide what to show. ``login.login`` and
``overrides.authorise_override`` run their own write transactions so that a
wrong PIN is committed to the lockout counter before the error is raised.
Nothing here re-exports a name that would shadow a submodule (for example,
``boxoffice.auth.login`` stays the module).
"""

from boxoffice.auth.guard import has_permission, require
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission

__all__ = ["ROLE_PERMISSIONS", "Permission", "has_permission", "require"]
