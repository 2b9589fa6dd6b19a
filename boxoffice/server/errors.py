"""Errors the API answers as ``{"error": code, "message": text, ...}``."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A refusal a client can act on: HTTP status, stable code, text for a person."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, **self.extra}


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what}")


def invalid(message: str, **extra: Any) -> ApiError:
    return ApiError(422, "invalid_request", message, **extra)
