"""The login screen as a clerk uses it: name, PIN pad or keyboard, Enter."""

from __future__ import annotations

from boxoffice.ui.qt import Qt
from tests.ui.conftest import STORE_WAIT_MS


def _sign_in(qtbot, client, username: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, username)
    for digit in pin:
        qtbot.mouseClick(login.pad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(login.sign_in, Qt.MouseButton.LeftButton)


def test_right_pin_opens_the_main_window_naming_the_user(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    _sign_in(qtbot, client, "clara", "1111")
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    window = client.main_window
    qtbot.waitExposed(window)
    assert not client.login.isVisible()
    status = window.statusBar()
    assert "Clara Clerk" in window.user_label.text()
    assert window.user_label.parent() is status or status.isAncestorOf(window.user_label)
    assert window.role_label.text() == "Role: Clerk"
    assert window.terminal_label.text() == "Terminal: Test till"
    assert "No central server configured — working locally" in window.sync_label.text()


def test_wrong_pin_shows_the_error_and_stays_on_the_login_screen(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "9876")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(login.error_text()), timeout=STORE_WAIT_MS)
    assert login.error_text() == "Wrong username or PIN/password."
    assert login.message.isVisible()
    assert login.isVisible()
    assert client.main_window is None
    assert login.pin.text() == "", "the wrong PIN is cleared for the next try"
    assert login.username.text() == "clara"


def test_a_locked_user_is_told_so(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, "colin")
    for attempt in range(5):
        qtbot.keyClicks(login.pin, "000" + str(attempt))
        qtbot.keyClick(login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: bool(login.error_text()) and login.is_ready(), timeout=STORE_WAIT_MS
        )
    assert "locked" in login.error_text()
    # Even the right PIN is refused while locked.
    qtbot.keyClicks(login.pin, "1112")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "locked until" in login.error_text(), timeout=STORE_WAIT_MS)
    assert client.main_window is None


def test_pin_pad_buttons_and_keyboard_both_type_digits(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    for digit in "123":
        qtbot.mouseClick(login.pad.buttons[digit], Qt.MouseButton.LeftButton)
    assert login.pin.text() == "123"
    qtbot.mouseClick(login.pad.buttons["<"], Qt.MouseButton.LeftButton)
    assert login.pin.text() == "12"
    qtbot.keyClicks(login.pin, "45")
    assert login.pin.text() == "1245"
    qtbot.keyClicks(login.pin, "x-")
    assert login.pin.text() == "1245", "a PIN is digits only"
    assert login.pin.echoMode() == login.pin.EchoMode.Password
    qtbot.mouseClick(login.pad.buttons["C"], Qt.MouseButton.LeftButton)
    assert login.pin.text() == ""
    qtbot.keyClicks(login.pin, "77")
    qtbot.keyClick(login.pin, Qt.Key.Key_Escape)
    assert login.pin.text() == "", "Escape clears the PIN"


def test_enter_in_the_username_moves_to_the_pin(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    login.activateWindow()
    login.username.setFocus()
    qtbot.keyClicks(login.username, "sam")
    qtbot.keyClick(login.username, Qt.Key.Key_Return)
    qtbot.waitUntil(login.pin.hasFocus)
    qtbot.keyClicks(login.pin, "2222")
    qtbot.keyClick(login.pin, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    assert "Sam Supervisor" in client.main_window.user_label.text()
    assert client.main_window.role_label.text() == "Role: Supervisor"


def test_log_out_returns_to_an_empty_login_screen(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    _sign_in(qtbot, client, "dora", "3333")
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    client.main_window.logout_action.trigger()
    assert client.main_window is None
    assert client.login.isVisible()
    assert client.login.username.text() == ""
    assert client.login.pin.text() == ""


def test_signing_in_while_the_store_is_still_opening_just_waits(qtbot, app, demo_db) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.ui.shell.app import ClientApp, Options

    client = ClientApp(Options(db=demo_db))
    qtbot.addWidget(client.login)
    client.start()
    login = client.login
    assert login.sign_in.isEnabled(), "the clerk need not wait for the store to open"
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    try:
        qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
        assert "Clara Clerk" in client.main_window.user_label.text()
        # No --terminal: the till is the one the store was set up as.
        assert client.main_window.terminal_label.text() == "Terminal: Window 1"
        assert login.subtitle.text() == "Sign in to terminal “Window 1”"
    finally:
        client.shut_down()
        client.deleteLater()


def test_the_till_name_comes_from_the_store_when_not_given(qtbot, app, demo_db) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from boxoffice.ui.shell.app import ClientApp, Options

    with sqlite3.connect(demo_db) as db:
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('terminal.name', 'Will-call 2')"
        )
    client = ClientApp(Options(db=demo_db))
    qtbot.addWidget(client.login)
    client.start()
    try:
        qtbot.waitUntil(lambda: client.ready, timeout=STORE_WAIT_MS)
        assert client.login.subtitle.text() == "Sign in to terminal “Will-call 2”"
        qtbot.keyClicks(client.login.username, "clara")
        qtbot.keyClicks(client.login.pin, "1111")
        qtbot.keyClick(client.login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
        assert client.main_window.terminal_label.text() == "Terminal: Will-call 2"
        assert client.main_window.actor.terminal == "Will-call 2"
    finally:
        client.shut_down()
        client.deleteLater()
