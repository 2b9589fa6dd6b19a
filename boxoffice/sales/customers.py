"""Customers on orders: stored so that will-call and refunds can find them offline.

Lookup keys ignore formatting: names by case-folded text, phones by digits
only (``+86 138-0013-8000`` and ``13800138000`` match on their last digits).
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from boxoffice.errors import ValidationError
from boxoffice.sales.cart import CustomerDetails
from boxoffice.store.models import Customer, Order

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def phone_key(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def check(details: CustomerDetails) -> CustomerDetails:
    name, phone, email = details.name.strip(), details.phone.strip(), details.email.strip()
    if phone and len(phone_key(phone)) < 5:
        raise ValidationError("customer_phone_short", phone=phone)
    if email and not EMAIL.match(email):
        raise ValidationError("customer_email_invalid", email=email)
    if len(name) > 200:
        raise ValidationError("customer_name_too_long", limit=200)
    return CustomerDetails(name, phone, email)


def find_or_create_customer(session: Session, details: CustomerDetails, now: datetime) -> Customer:
    """The customer with this phone or email if known (name updated), else a new one."""
    details = check(details)
    candidates: list[Customer] = []
    if details.phone:
        candidates += session.scalars(
            select(Customer).where(Customer.phone_key == phone_key(details.phone))
        ).all()
    if details.email:
        candidates += session.scalars(
            select(Customer).where(Customer.email_key == details.email.casefold())
        ).all()
    wanted = name_key(details.name)
    for existing in candidates:
        if not wanted or existing.name_key == wanted:
            return existing
        if not existing.name_key:  # a phone booking that had no name yet
            existing.name, existing.name_key = details.name, wanted
            return existing
    # Same phone or email under another name (a family phone, an office
    # line): a new customer, so nobody's will-call order changes hands.
    customer = Customer(
        name=details.name,
        phone=details.phone,
        email=details.email,
        name_key=name_key(details.name),
        phone_key=phone_key(details.phone),
        email_key=details.email.casefold(),
        created_at=now,
    )
    session.add(customer)
    session.flush()
    return customer


def search_orders(session: Session, text: str, limit: int = 50) -> list[Order]:
    """Orders by order number, customer name, phone (or its last digits) or email."""
    text = text.strip()
    if len(text) < 2:
        raise ValidationError("customer_search_too_short")
    conditions = [
        Order.number == text.upper(),
        Customer.name_key.contains(name_key(text), autoescape=True),
        Customer.email_key == text.casefold(),
    ]
    digits = phone_key(text)
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "")) - 3:
        conditions.append(Customer.phone_key.endswith(digits))
    query = (
        select(Order)
        .outerjoin(Customer, Order.customer_id == Customer.id)
        .where(or_(*conditions))
        .order_by(Order.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
