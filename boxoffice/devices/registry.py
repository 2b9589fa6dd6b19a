"""Devices as configured in the store's settings, chosen by name.

Each device is one setting ``device.<name>`` holding JSON
``{"kind": ..., "driver": ..., "options": {...}}``; which device serves each
role at this terminal is ``device.use.<kind>`` (e.g. ``device.use.cash_drawer
= "Drawer 1"``). Drivers register a factory for ``(kind, driver)``; the
``DeviceRegistry`` builds a device the first time it is asked for and hands
out a ``MissingDevice`` (a clear *not configured* / *unknown driver* state)
instead of ``None``, so callers never crash or wait on an absent device.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.devices.base import (
    Device,
    DeviceKind,
    DeviceState,
    DeviceStatus,
    DeviceUnavailable,
    StatusListener,
)
from boxoffice.errors import BoxOfficeError, NotFound, ValidationError

if TYPE_CHECKING:
    from boxoffice.devices.printing.print_log import Recorder
from boxoffice.store.models import Setting

PREFIX = "device."
USE_PREFIX = "device.use."
Option = str | int | bool

#: (kind, driver) -> factory(config, registry) -> Device (the registry lets a
#: device use another, e.g. a drawer kicked through the receipt printer)
Factory = Callable[["DeviceConfig", "DeviceRegistry"], Device]
_DRIVERS: dict[tuple[DeviceKind, str], Factory] = {}
_DRIVER_HELP: dict[tuple[DeviceKind, str], str] = {}
_builtin_loaded = False


@dataclass(frozen=True)
class DeviceConfig:
    name: str
    kind: DeviceKind
    driver: str
    options: Mapping[str, Option] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.kind, DeviceKind):  # e.g. the plain text a combo box gives back
            try:
                object.__setattr__(self, "kind", DeviceKind(self.kind))
            except ValueError:
                raise ValidationError("device_kind_unknown", kind=self.kind) from None

    def option(self, key: str, default: Option | None = None) -> Any:
        return self.options.get(key, default)

    def to_json(self) -> str:
        return json.dumps(
            {"kind": self.kind.value, "driver": self.driver, "options": dict(self.options)},
            sort_keys=True,
        )


def register_driver(kind: DeviceKind, driver: str, factory: Factory, help: str = "") -> None:
    """Make ``driver`` available for devices of ``kind`` (printer modules call this too)."""
    _DRIVERS[(kind, driver)] = factory
    _DRIVER_HELP[(kind, driver)] = help


def drivers(kind: DeviceKind) -> dict[str, str]:
    """Driver name -> one-line help, for the settings screen."""
    _load_builtin()
    return {d: _DRIVER_HELP[(k, d)] for (k, d) in sorted(_DRIVERS) if k == kind}


def _load_builtin() -> None:
    """Import the bundled driver modules once (each registers itself)."""
    global _builtin_loaded
    if _builtin_loaded:
        return
    _builtin_loaded = True
    import importlib

    for module in (
        "boxoffice.devices.cash_drawer",
        "boxoffice.devices.scanners.serial_scanner",
        "boxoffice.devices.card_terminal.zvt_terminal",
        "boxoffice.devices.card_terminal.external",
        "boxoffice.devices.printers",  # the print issue's drivers, when present
    ):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise


# -- configuration in the store -------------------------------------------------
_NAME_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_")


def parse_config(name: str, raw: str) -> DeviceConfig:
    """A stored configuration; a ValidationError names what is wrong with it."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError("device_settings_not_json", device=name, reason=exc.msg) from None
    if not isinstance(data, dict):
        raise ValidationError("device_settings_not_object", device=name)
    try:
        kind = DeviceKind(data.get("kind"))
    except ValueError:
        kinds = ", ".join(k.value for k in DeviceKind)
        raise ValidationError(
            "device_settings_kind_unknown", device=name, kind=data.get("kind"), kinds=kinds
        ) from None
    driver = data.get("driver")
    if not isinstance(driver, str) or not driver:
        raise ValidationError("device_settings_driver_missing", device=name)
    options = data.get("options", {})
    if not isinstance(options, dict) or not all(
        isinstance(k, str) and isinstance(v, str | int | bool) for k, v in options.items()
    ):
        raise ValidationError("device_settings_options_invalid", device=name)
    return DeviceConfig(name, kind, driver, options)


def validate_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 40 or not set(name) <= _NAME_OK:
        raise ValidationError("device_name_invalid")
    if name.startswith("use."):
        raise ValidationError("device_name_reserved")
    return name


def parse_options(text: str) -> dict[str, Option]:
    """``"host=10.0.0.5; port=9100"`` as options (numbers become ints, yes/no become bools)."""
    options: dict[str, Option] = {}
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key or not key.replace("_", "").isalnum():
            raise ValidationError("device_option_malformed", option=part)
        if key in options:
            raise ValidationError("device_option_repeated", option=key)
        if value.lower() in ("yes", "true", "no", "false"):
            options[key] = value.lower() in ("yes", "true")
        elif value.isdigit() and not (len(value) > 1 and value.startswith("0")):
            options[key] = int(value)
        else:
            options[key] = value
    return options


def format_options(options: Mapping[str, Option]) -> str:
    def show(v: Option) -> str:
        return ("yes" if v else "no") if isinstance(v, bool) else str(v)

    return "; ".join(f"{k}={show(v)}" for k, v in sorted(options.items()))


def load_configs(session: Session) -> list[DeviceConfig]:
    """Every configured device, sorted by name (bad entries raise, naming the device)."""
    rows = session.scalars(
        select(Setting).where(Setting.key.startswith(PREFIX)).order_by(Setting.key)
    ).all()
    return [
        parse_config(row.key[len(PREFIX) :], row.value)
        for row in rows
        if not row.key.startswith(USE_PREFIX)
    ]


def assignments(session: Session) -> dict[DeviceKind, str]:
    """Which device name serves each kind at this terminal."""
    out: dict[DeviceKind, str] = {}
    for kind in DeviceKind:
        value = settings.find(session, USE_PREFIX + kind.value)
        if value:
            out[kind] = value
    return out


def save_config(session: Session, actor: Actor, config: DeviceConfig, *, use: bool = True) -> None:
    """Add or change a device (``device_manage``); ``use`` makes it serve its kind here."""
    require(session, actor, Permission.DEVICE_MANAGE)
    name = validate_name(config.name)
    _load_builtin()
    if (config.kind, config.driver) not in _DRIVERS:
        known = ", ".join(drivers(config.kind)) or "none"
        raise ValidationError(
            "device_driver_unknown", kind=config.kind.value, driver=config.driver, known=known
        )
    config = DeviceConfig(name, config.kind, config.driver, dict(config.options))
    settings.put(session, PREFIX + name, config.to_json())
    if use:
        settings.put(session, USE_PREFIX + config.kind.value, name)
    audit.record(
        session,
        actor,
        "device.configure",
        f"device:{name}",
        {"kind": config.kind.value, "driver": config.driver, "options": dict(config.options)},
    )


def remove_config(session: Session, actor: Actor, name: str) -> None:
    require(session, actor, Permission.DEVICE_MANAGE)
    if session.get(Setting, PREFIX + name) is None:
        raise NotFound("device_not_found", device=name)
    session.execute(delete(Setting).where(Setting.key == PREFIX + name))
    for kind, used in assignments(session).items():
        if used == name:
            session.execute(delete(Setting).where(Setting.key == USE_PREFIX + kind.value))
    session.info.pop("settings", None)  # the settings cache
    audit.record(session, actor, "device.remove", f"device:{name}", {})


# -- live devices -----------------------------------------------------------------
class MissingDevice(Device):
    """Stands in for a device that is not configured or cannot be built: says so, never hangs."""

    def __init__(self, name: str, kind: DeviceKind, code: str, **params: Any) -> None:
        super().__init__(name)
        self.kind = kind
        self.code, self.params = code, params
        self.message = str(self.error())
        self.set_status(DeviceState.NOT_CONFIGURED, self.error())

    def error(self) -> DeviceUnavailable:
        """Why this device is missing, as a refusal with its code."""
        return DeviceUnavailable(self.code, **self.params)

    def _refuse(self, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(self.error())
        return future

    # Every action of every kind answers at once with the reason.
    open = print_tickets = print_receipt = test_print = kick_drawer = _refuse
    authorise_async = refund_async = reverse_async = end_of_day_async = _refuse

    def start(self, on_scan: Any) -> None:
        raise self.error()

    def stop(self) -> None:
        return None


class DeviceRegistry:
    """The devices of this terminal, built lazily from their configurations."""

    def __init__(
        self,
        configs: list[DeviceConfig],
        use: Mapping[DeviceKind, str] | None = None,
        *,
        terminal: str = "",
        recorder: Recorder | None = None,
        on_status: StatusListener | None = None,
    ) -> None:
        #: This terminal's name (a printer's jobs without a clerk are the terminal's).
        self.terminal = terminal
        #: Where printers report what they printed (``print_log.PrintRecord``); None: nowhere.
        self.recorder = recorder
        #: Told of every state change of every device built here (from the device's thread):
        #: the op layer publishes it as a change-set, so views never poll a device.
        self.on_status = on_status
        self._configs = {c.name: c for c in configs}
        self._use = dict(use or {})
        self._devices: dict[str, Device] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_store(
        cls,
        session: Session,
        *,
        terminal: str = "",
        recorder: Recorder | None = None,
        on_status: StatusListener | None = None,
    ) -> DeviceRegistry:
        return cls(
            load_configs(session),
            assignments(session),
            terminal=terminal,
            recorder=recorder,
            on_status=on_status,
        )

    def replace(
        self, configs: list[DeviceConfig], use: Mapping[DeviceKind, str] | None = None
    ) -> None:
        """New configurations (after an edit): changed or removed devices are closed."""
        new = {c.name: c for c in configs}
        with self._lock:
            stale = [n for n, c in self._configs.items() if new.get(n) != c]
            closing = [self._devices.pop(n) for n in stale if n in self._devices]
            self._configs, self._use = new, dict(use or {})
        for device in closing:
            device.close()

    def configs(self) -> list[DeviceConfig]:
        return list(self._configs.values())

    def get(self, name: str) -> Device:
        """The device called ``name``; a ``MissingDevice`` if there is none or it cannot start."""
        with self._lock:
            if name in self._devices:
                return self._devices[name]
            config = self._configs.get(name)
            if config is None:
                return MissingDevice(name, DeviceKind.SCANNER, "device_missing", device=name)
            _load_builtin()
            factory = _DRIVERS.get((config.kind, config.driver))
            if factory is None:
                device: Device = MissingDevice(
                    name,
                    config.kind,
                    "device_driver_not_installed",
                    device=name,
                    driver=config.driver,
                )
            else:
                try:
                    device = factory(config, self)
                except (BoxOfficeError, OSError, ValueError) as exc:
                    reason = exc if isinstance(exc, BoxOfficeError) else str(exc)
                    device = MissingDevice(
                        name, config.kind, "device_failed_to_start", device=name, reason=reason
                    )
            if self.on_status is not None:
                device.on_status(self.on_status)
            self._devices[name] = device
            return device

    def _chosen(self, kind: DeviceKind) -> str | None:
        """``device.use.<kind>``, else the only device of that kind (None: none or several)."""
        name = self._use.get(kind)
        if name is None:
            candidates = [c.name for c in self._configs.values() if c.kind == kind]
            name = candidates[0] if len(candidates) == 1 else None
        return name

    def name_for(self, kind: DeviceKind) -> str | None:
        """The configured device that serves ``kind`` here, without building it.

        For screens that show an action only when its device exists: asking
        costs no device start-up (no thread, no driver import, no I/O).
        """
        name = self._chosen(kind)
        return name if name in self._configs else None

    def for_kind(self, kind: DeviceKind) -> Device:
        """The device serving ``kind`` here, or a ``MissingDevice`` that says none is set up."""
        name = self._chosen(kind)
        if name is None:
            label = kind.value.replace("_", " ")
            return MissingDevice(
                f"no {label}", kind, "device_not_configured", device_kind=kind.value
            )
        return self.get(name)

    def statuses(self) -> dict[str, DeviceStatus]:
        return {name: self.get(name).status() for name in self._configs}

    def close(self) -> None:
        with self._lock:
            devices, self._devices = list(self._devices.values()), {}
        for device in devices:
            device.close()
