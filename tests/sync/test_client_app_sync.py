"""The desktop client starts the sync worker for an enrolled terminal and shows its state."""

from __future__ import annotations

from boxoffice.ui.qt import Qt
from boxoffice.ui.shell.app import ClientApp, Options, create_app
from tests.sales.conftest import World
from tests.sync.harness import RunningServer, link


def test_an_enrolled_terminal_syncs_from_sign_in_and_shows_going_offline(
    qtbot, world: World, server: RunningServer, default_ring
) -> None:  # type: ignore[no-untyped-def]
    server.import_catalogue(world.store)
    link(world.store, server, default_ring, world.signer).close()
    create_app("en")
    client = ClientApp(Options(db=world.store.path))
    qtbot.addWidget(client.login)
    client.start()
    try:
        qtbot.waitUntil(lambda: client.ready, timeout=60_000)
        assert client.sync is not None, "an enrolled terminal starts its sync worker"
        qtbot.keyClicks(client.login.username, "ann")
        qtbot.keyClicks(client.login.pin, "1234")
        qtbot.keyClick(client.login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: client.main_window is not None, timeout=60_000)
        indicator = client.main_window.sync_label
        qtbot.waitUntil(lambda: indicator.state == "online", timeout=30_000)
        assert "Online" in indicator.text()
        server.stop()
        client.sync.wake()  # as a new sale does; the worker finds the server gone
        qtbot.waitUntil(lambda: indicator.state == "offline", timeout=60_000)
        assert "Offline" in indicator.text()
    finally:
        client.shut_down()
        assert client.sync is None
        client.deleteLater()
