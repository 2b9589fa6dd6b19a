"""Who is acting, and from where: passed to every service that changes state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in user (or a system process) and the terminal they use.

    ``user_id`` is ``None`` for the admin CLI and other system processes that
    run with the authority of whoever can open the store file.
    """

    user_id: int | None
    username: str
    terminal: str

    @property
    def is_system(self) -> bool:
        return self.user_id is None


def system_actor(terminal: str = "admin-cli") -> Actor:
    """The actor for the admin CLI: full authority, still audited by name."""
    return Actor(user_id=None, username="system", terminal=terminal)
