"""All mapped classes, imported here so the metadata is complete for Alembic."""

from boxoffice.store.models.audit import AuditEntry, AuditHead
from boxoffice.store.models.catalog import Event, Performance, PerformanceStatus
from boxoffice.store.models.holds import HoldKind, SeatHold
from boxoffice.store.models.pricing import Price, PriceType
from boxoffice.store.models.seatmap import GAArea, PriceZone, Row, Seat, SeatMap, Section
from boxoffice.store.models.settings import Setting
from boxoffice.store.models.users import Grant, Override, Role, RolePermission, User
from boxoffice.store.models.venue import Venue

__all__ = [
    "AuditEntry",
    "AuditHead",
    "Event",
    "GAArea",
    "Grant",
    "HoldKind",
    "Override",
    "Performance",
    "PerformanceStatus",
    "Price",
    "PriceType",
    "PriceZone",
    "Role",
    "RolePermission",
    "Row",
    "Seat",
    "SeatHold",
    "SeatMap",
    "Section",
    "Setting",
    "User",
    "Venue",
]
