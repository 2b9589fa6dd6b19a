"""All mapped classes, imported here so the metadata is complete for Alembic."""

from boxoffice.store.models.audit import AuditEntry, AuditHead
from boxoffice.store.models.cash import CashKind, CashMovement
from boxoffice.store.models.catalogue import Event, Performance, PerformanceStatus
from boxoffice.store.models.checkin import (
    Admission,
    AdmissionConflict,
    DoorPolicy,
    DoorScan,
    ManualRedemption,
    TicketPresence,
)
from boxoffice.store.models.data_versions import DataVersion
from boxoffice.store.models.discounts import Discount, GiftCard, GiftCardMovement
from boxoffice.store.models.holds import HoldKind, SeatHold
from boxoffice.store.models.inventory import Allocation, AvailabilityThreshold, CartHold
from boxoffice.store.models.outbox import OutboxEntry, OutboxState
from boxoffice.store.models.pricing import Price, PriceType
from boxoffice.store.models.printing import (
    PrintLogEntry,
    PrintOutcome,
    StockMovementKind,
    TicketStockMovement,
)
from boxoffice.store.models.refund_rules import RefundFeeRule
from boxoffice.store.models.sales import (
    LIVE_TICKET_STATES,
    Customer,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    TenderKind,
    Ticket,
    TicketStatus,
)
from boxoffice.store.models.seatmap import GAArea, PriceZone, Row, Seat, SeatMap, Section
from boxoffice.store.models.settings import Counter, Setting
from boxoffice.store.models.shifts import (
    CardBatchTotal,
    CountPurpose,
    Shift,
    ShiftCount,
    ShiftStatus,
    ZReport,
)
from boxoffice.store.models.sync import AllocationLink, RemoteSeat, SyncConflict
from boxoffice.store.models.ticket_keys import BarcodeRevocation, TicketKey
from boxoffice.store.models.users import Grant, Override, Role, RolePermission, User
from boxoffice.store.models.venue import Venue

__all__ = [
    "LIVE_TICKET_STATES",
    "Admission",
    "AdmissionConflict",
    "Allocation",
    "AllocationLink",
    "AuditEntry",
    "AuditHead",
    "AvailabilityThreshold",
    "BarcodeRevocation",
    "CardBatchTotal",
    "CartHold",
    "CashKind",
    "CashMovement",
    "CountPurpose",
    "Counter",
    "Customer",
    "DataVersion",
    "Discount",
    "DoorPolicy",
    "DoorScan",
    "Event",
    "GAArea",
    "GiftCard",
    "GiftCardMovement",
    "Grant",
    "HoldKind",
    "ManualRedemption",
    "Order",
    "OrderStatus",
    "OutboxEntry",
    "OutboxState",
    "Override",
    "Payment",
    "PaymentStatus",
    "Performance",
    "PerformanceStatus",
    "Price",
    "PriceType",
    "PriceZone",
    "PrintLogEntry",
    "PrintOutcome",
    "RefundFeeRule",
    "RemoteSeat",
    "Role",
    "RolePermission",
    "Row",
    "Seat",
    "SeatHold",
    "SeatMap",
    "Section",
    "Setting",
    "Shift",
    "ShiftCount",
    "ShiftStatus",
    "StockMovementKind",
    "SyncConflict",
    "TenderKind",
    "Ticket",
    "TicketKey",
    "TicketPresence",
    "TicketStatus",
    "TicketStockMovement",
    "User",
    "Venue",
    "ZReport",
]
