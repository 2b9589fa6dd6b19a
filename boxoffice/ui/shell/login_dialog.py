"""The login screen: username, PIN, and an on-screen PIN pad for touch terminals.

The screen never checks a PIN itself: it emits ``submitted`` and the app runs
``auth.login`` on the store worker (argon2 is deliberately slow), then shows
the service's message on failure. Keyboard works everywhere: type the name,
Tab or Enter to the PIN, digits, Backspace, Escape clears, Enter signs in.
"""

from __future__ import annotations

from boxoffice.ui.qt import (
    QEvent,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRegularExpressionValidator,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class PinPad(QWidget):
    """Digits 0–9, clear and backspace as big buttons that type into a line edit.

    The buttons take no keyboard focus, so a click never steals focus from
    the PIN field; the keyboard types into the field directly.
    """

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._target = target
        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        layout = ("123", "456", "789", "C0<")
        for r, keys in enumerate(layout):
            for c, key in enumerate(keys):
                button = self._button(key)
                grid.addWidget(button, r, c)
                self.buttons[key] = button

    def _button(self, key: str) -> QPushButton:
        if key == "C":
            button = QPushButton(self.tr("Clear"))
            button.setToolTip(self.tr("Clear the PIN (Esc)"))
            button.clicked.connect(self._target.clear)
            button.setObjectName("pinKeyAction")
        elif key == "<":
            button = QPushButton("⌫")
            button.setToolTip(self.tr("Delete the last digit (Backspace)"))
            button.setAccessibleName(self.tr("Backspace"))
            button.clicked.connect(self._target.backspace)
            button.setObjectName("pinKeyAction")
        else:
            button = QPushButton(key)
            button.clicked.connect(lambda _=False, d=key: self._type(d))
            button.setObjectName("pinKey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setMinimumSize(84, 60)
        button.setAutoRepeat(key == "<")
        return button

    def _type(self, digit: str) -> None:
        self._target.insert(digit)
        self._target.setFocus()


class LoginDialog(QWidget):
    """Who is at the terminal: username and PIN, with busy and error states."""

    submitted = Signal(str, str)  # username, PIN
    quitRequested = Signal()

    def __init__(self, terminal: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.setWindowTitle(self.tr("Box Office — Sign in"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._ready = False
        self._blocked = False

        title = QLabel(self.tr("Box Office"))
        title.setObjectName("loginTitle")
        self.subtitle = subtitle = QLabel()
        subtitle.setObjectName("loginSubtitle")
        subtitle.setWordWrap(True)
        self.set_terminal(terminal)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("Username"))
        self.username.setMaxLength(40)
        self.username.returnPressed.connect(self._username_entered)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,12}", self.pin))
        self.pin.returnPressed.connect(self.submit)
        self.pin.installEventFilter(self)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        user_label = QLabel(self.tr("&Username"))
        user_label.setBuddy(self.username)
        pin_label = QLabel(self.tr("&PIN"))
        pin_label.setBuddy(self.pin)

        self.pad = PinPad(self.pin)
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setObjectName("signIn")
        self.sign_in.setDefault(True)
        self.sign_in.setToolTip(self.tr("Sign in (Enter)"))
        self.sign_in.clicked.connect(self.submit)
        self.sign_in.setMinimumHeight(56)

        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumHeight(48)
        self.busy = QProgressBar()
        self.busy.setObjectName("loginBusy")
        self.busy.setRange(0, 0)  # indeterminate: the work has no known length
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()

        fields = QGridLayout()
        fields.setHorizontalSpacing(12)
        fields.setVerticalSpacing(10)
        fields.addWidget(user_label, 0, 0)
        fields.addWidget(self.username, 0, 1)
        fields.addWidget(pin_label, 1, 0)
        fields.addWidget(self.pin, 1, 1)

        card = QWidget()
        card.setObjectName("loginCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addLayout(fields)
        inner.addWidget(self.pad, 1)
        inner.addWidget(self.sign_in)
        inner.addWidget(self.busy)
        inner.addWidget(self.message)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(card)
        # No explicit minimum: the layout's own minimum keeps every key whole
        # even while the busy bar and a message are showing.
        self.resize(self.sizeHint().expandedTo(QSize(440, 740)))
        self._update_enabled()

    def set_terminal(self, terminal: str | None) -> None:
        """The terminal's name; unknown until the store (which keeps it) has opened."""
        if terminal is None:
            self.subtitle.setText(self.tr("Sign in"))
        else:
            self.subtitle.setText(self.tr("Sign in to terminal “%1”").replace("%1", terminal))

    # -- states ----------------------------------------------------------------
    def set_busy(self, text: str, *, accept_input: bool = False) -> None:
        """Working (opening the store, seeding, checking the PIN): say what.

        ``accept_input``: sign-in stays possible (it will queue behind the work).
        """
        self._ready = accept_input
        self.busy.show()
        self._say(text, "info")
        self._update_enabled()

    def set_ready(self) -> None:
        self._ready = True
        self._blocked = False
        self.busy.hide()
        if self.message.property("kind") != "error":
            self._say("", "info")
        self._update_enabled()
        (self.pin if self.username.text() else self.username).setFocus()

    def set_blocked(self, text: str) -> None:
        """Nobody can sign in here (no store, no users): say why."""
        self._ready = False
        self._blocked = True
        self.busy.hide()
        self._say(text, "error")
        self._update_enabled()

    def show_error(self, text: str) -> None:
        """A refused sign-in, already in the UI language; PIN cleared for the next try."""
        self._ready = True
        self.busy.hide()
        self._say(text, "error")
        self.pin.clear()
        self._update_enabled()
        self.pin.setFocus()

    def reset(self) -> None:
        """Empty form for the next person (after sign-in or log out)."""
        self.username.clear()
        self.pin.clear()
        self._say("", "info")
        self.username.setFocus()

    def fill(self, username: str, pin: str) -> None:
        self.username.setText(username)
        self.pin.setText(pin)

    def error_text(self) -> str:
        return self.message.text() if self.message.property("kind") == "error" else ""

    def is_ready(self) -> bool:
        return self._ready

    def _say(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.setVisible(bool(text))
        # Re-polish so the style sheet's [kind="error"] rule applies.
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _update_enabled(self) -> None:
        self.sign_in.setEnabled(self._ready)
        for widget in (self.username, self.pin, self.pad):
            widget.setEnabled(not self._blocked)

    # -- actions -------------------------------------------------------------
    def _username_entered(self) -> None:
        if self.pin.text():
            self.submit()
        else:
            self.pin.setFocus()

    def submit(self) -> None:
        if not self._ready:
            return
        username = self.username.text().strip()
        if not username:
            self._say(self.tr("Enter your username."), "error")
            self.username.setFocus()
            return
        if not self.pin.text():
            self._say(self.tr("Enter your PIN."), "error")
            self.pin.setFocus()
            return
        self.submitted.emit(username, self.pin.text())

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if (
            watched is self.pin
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.pin.clear()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.pin.clear()
            self.pin.setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        # Closing the login window by hand (title-bar ×) quits the client.
        if event.spontaneous():
            self.quitRequested.emit()
        super().closeEvent(event)
