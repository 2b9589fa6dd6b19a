"""Devices configured in the store's settings and chosen by name."""

from __future__ import annotations

import pytest

from boxoffice import settings
from boxoffice.devices import registry
from boxoffice.devices.base import DeviceKind, DeviceState, DeviceUnavailable
from boxoffice.devices.cash_drawer import EscposDrawer
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import PermissionDenied, ValidationError
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World

# Fixtures shared with other test packages, bound here by name.
_template = sales_fixtures._template
world = sales_fixtures.world


def _drawer(name: str = "Drawer 1", port: int = 9100) -> DeviceConfig:
    return DeviceConfig(name, DeviceKind.CASH_DRAWER, "escpos", {"host": "10.0.0.9", "port": port})


def test_saved_devices_come_back_by_name_and_role(world: World) -> None:
    with world.store.write() as s:
        registry.save_config(s, _admin(), _drawer())
    with world.store.read() as s:
        reg = DeviceRegistry.from_store(s)
    device = reg.for_kind(DeviceKind.CASH_DRAWER)
    assert isinstance(device, EscposDrawer)
    assert device.describe() == "10.0.0.9:9100"
    assert reg.get("Drawer 1") is device  # one live device per name
    reg.close()


def _admin():
    from boxoffice.actor import system_actor

    return system_actor("Window 1")


def test_configuring_devices_needs_device_manage_and_is_audited(world: World) -> None:
    with pytest.raises(PermissionDenied), world.store.write() as s:
        registry.save_config(s, world.supervisor, _drawer())
    with world.store.read() as s:
        assert registry.load_configs(s) == []
    with world.store.write() as s:
        registry.save_config(s, _admin(), _drawer())
        registry.remove_config(s, _admin(), "Drawer 1")
    with world.store.read() as s:
        assert registry.load_configs(s) == []
        assert registry.assignments(s) == {}
        from sqlalchemy import select

        from boxoffice.store.models import AuditEntry

        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.startswith("device."))
        ).all()
    assert actions == ["device.configure", "device.remove"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (DeviceConfig("a/b", DeviceKind.CASH_DRAWER, "escpos", {}), "a device name is"),
        (
            DeviceConfig("Drawer", DeviceKind.CASH_DRAWER, "laser", {}),
            "no cash_drawer driver 'laser'",
        ),
    ],
)
def test_bad_configurations_are_refused(world: World, config: DeviceConfig, message: str) -> None:
    with pytest.raises(ValidationError, match=message), world.store.write() as s:
        registry.save_config(s, _admin(), config)
    with world.store.read() as s:
        assert registry.load_configs(s) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"kind": "toaster", "driver": "x"}', "unknown kind 'toaster'"),
        ('{"kind": "scanner"}', "a driver is required"),
        ('{"kind": "scanner", "driver": "serial", "options": {"a": [1]}}', "options must map"),
    ],
)
def test_a_corrupt_stored_configuration_names_the_device(raw: str, message: str) -> None:
    with pytest.raises(ValidationError, match=f"device 'Gate 3'.*{message}"):
        registry.parse_config("Gate 3", raw)


def test_nothing_configured_is_a_clear_state_not_a_crash() -> None:
    reg = DeviceRegistry([])
    drawer = reg.for_kind(DeviceKind.CASH_DRAWER)
    assert drawer.status().state == DeviceState.NOT_CONFIGURED
    assert drawer.status().message == "no cash drawer is set up at this terminal"
    with pytest.raises(DeviceUnavailable, match="no cash drawer"):
        drawer.open().result(timeout=1)  # type: ignore[attr-defined]


def test_a_device_whose_options_are_wrong_reports_it() -> None:
    reg = DeviceRegistry([DeviceConfig("Drawer", DeviceKind.CASH_DRAWER, "escpos", {"pin": 7})])
    device = reg.get("Drawer")
    assert device.status().state == DeviceState.NOT_CONFIGURED
    assert "Drawer:" in device.status().message


def test_a_stored_setting_for_another_role_is_not_a_device(world: World) -> None:
    with world.store.write() as s:
        settings.put(s, "device.use.scanner", "Gun")
    with world.store.read() as s:
        assert registry.load_configs(s) == []
        assert registry.assignments(s) == {DeviceKind.SCANNER: "Gun"}


def test_options_typed_in_the_settings_screen() -> None:
    assert registry.parse_options("host=10.0.0.5; port=9100\npin=5; cut=yes; code=007") == {
        "host": "10.0.0.5",
        "port": 9100,
        "pin": 5,
        "cut": True,
        "code": "007",
    }
    assert registry.format_options({"port": 9100, "cut": False}) == "cut=no; port=9100"
    with pytest.raises(ValidationError, match="name=value, not 'port 9100'"):
        registry.parse_options("port 9100")
    with pytest.raises(ValidationError, match="given twice"):
        registry.parse_options("a=1;a=2")


def test_replacing_configurations_closes_changed_devices() -> None:
    reg = DeviceRegistry([_drawer(port=9100), _drawer("Drawer 2")])
    first, kept = reg.get("Drawer 1"), reg.get("Drawer 2")
    reg.replace([_drawer(port=9200), _drawer("Drawer 2")])
    assert reg.get("Drawer 1") is not first
    assert reg.get("Drawer 1").describe() == "10.0.0.9:9200"  # type: ignore[attr-defined]
    assert reg.get("Drawer 2") is kept
    reg.close()


def test_every_bundled_driver_is_available() -> None:
    assert set(registry.drivers(DeviceKind.CASH_DRAWER)) >= {"escpos", "serial", "printer"}
    assert set(registry.drivers(DeviceKind.SCANNER)) >= {"serial", "keyboard"}
    assert set(registry.drivers(DeviceKind.PAYMENT_TERMINAL)) >= {"zvt", "external"}
