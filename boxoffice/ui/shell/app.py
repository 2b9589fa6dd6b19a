"""The desktop client: QApplication set-up, translations, style, and the start-up flow.

Start-up is ordered for a fast first paint: the login screen is built and
shown as soon as Qt is imported, and the terminal is started behind it on
the background store worker (``ops.session.start_terminal``: the store
opened, migrated and on a first ``--demo`` run seeded, devices loaded, sync
started) while the login screen says what it is waiting for. The clerk can
type meanwhile; a sign-in queues behind the start-up.

That start-up builds the terminal's one ``TerminalContext``; the app keeps
it, gives it to the store worker (every op runs on it) and to the screens,
and owns the one ``BusAdapter`` that brings its change-sets to the UI thread.

Translations live in ``resources/translations``. After changing any UI text,
regenerate them from the repository root::

    .venv/bin/pyside6-lupdate -no-obsolete boxoffice/__main__.py boxoffice/ui/*.py \\
        boxoffice/ui/shell/*.py boxoffice/ui/common/*.py boxoffice/ui/widgets/*.py \\
        boxoffice/ui/screens/*/*.py -ts resources/translations/boxoffice_zh_CN.ts
    # translate the new entries (pyside6-linguist, or edit the .ts), then:
    .venv/bin/pyside6-lrelease resources/translations/boxoffice_zh_CN.ts \\
        -qm resources/translations/boxoffice_zh_CN.qm
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boxoffice.ops import session
from boxoffice.paths import resources_dir
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.common.workers import MainThreadGarbageCollector, StoreWorker
from boxoffice.ui.qt import (
    QApplication,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
    QWidget,
    translate,
)
from boxoffice.ui.shell.login_dialog import LoginDialog

if TYPE_CHECKING:
    from boxoffice.context import TerminalContext
    from boxoffice.ops import OpResult
    from boxoffice.ops.session import Store
    from boxoffice.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
#: A scripted ``--screenshot`` gives up after this long (first demo seeding included).
SCREENSHOT_TIMEOUT_MS = 120_000
STYLESHEET = "styles/boxoffice.qss"
TRANSLATIONS = "translations"


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else English."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our ``.qm`` and Qt's own (standard buttons, dialogs) for ``language``.

    Returns the translators; they must stay referenced while the app runs.
    """
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    loaded: list[QTranslator] = []
    candidates = (
        (f"boxoffice_{language}", str(resources_dir() / TRANSLATIONS)),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def load_stylesheet() -> str:
    path = resources_dir() / STYLESHEET
    return path.read_text(encoding="utf-8") if path.exists() else ""


def create_app(language: str | None = None, argv: list[str] | None = None) -> QApplication:
    """The QApplication with our name, style sheet and translations (reuses a running one)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("boxoffice")
    app.setOrganizationName("boxoffice")
    app.setStyleSheet(load_stylesheet())
    for old in getattr(app, "_boxoffice_translators", []):
        app.removeTranslator(old)
    app._boxoffice_translators = install_translations(app, language or system_language())  # type: ignore[attr-defined]
    return app


@dataclass
class Options:
    """What the command line asked for (see ``boxoffice.__main__``)."""

    db: Path
    demo: bool = False
    #: None: use the store's ``terminal.name`` setting once the store is open.
    terminal: str | None = None
    language: str | None = None
    screenshot: Path | None = None
    user: str | None = None
    pin: str | None = None
    performance: int | None = None


def prepare_store(path: Path) -> Callable[[], Store]:
    """The opener the store worker calls on its own thread (imports SQLAlchemy there)."""
    return lambda: session.open_local_store(path)


class ClientApp(QObject):
    """The client's life cycle: terminal start-up → login screen → main window → log out."""

    def __init__(self, options: Options, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.language = options.language or system_language()
        self.worker = StoreWorker(prepare_store(options.db), self)
        self.login = LoginDialog(options.terminal)
        self.login.submitted.connect(self._sign_in)
        self.login.quitRequested.connect(self.quit)
        self.main_window: MainWindow | None = None
        self.ready = False
        self.exit_code = 0
        self._signing_in = False
        self._blocked = False
        #: The terminal's context, once it has started (store, name, bus, devices, sync).
        self.context: TerminalContext | None = None
        #: The one Qt adapter of the context's bus (made with the context).
        self.bus_adapter: BusAdapter | None = None
        #: Every device registry made, closed at shut-down even if start-up never answered.
        self._devices_made: list[object] = []

    @property
    def sync(self) -> object | None:
        """The running sync worker; None when no central server is configured."""
        return self.context.sync if self.context is not None else None

    @property
    def devices(self) -> object | None:
        """This terminal's device registry (closed at shut-down)."""
        return self.context.devices if self.context is not None else None

    # -- start-up ------------------------------------------------------------
    def start(self) -> None:
        """Show the login screen now; start the terminal (store, devices, sync) behind it.

        The clerk may type and press Sign in at once: store jobs run in order,
        so the sign-in simply runs after the terminal has started.
        """
        self.login.set_busy(translate("BoxOfficeApp", "Opening the store…"), accept_input=True)
        self.login.show()
        if self.options.screenshot is not None:
            QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self._screenshot_timed_out)
        self.worker.progress.connect(self._progress)
        worker, options, made = self.worker, self.options, self._devices_made
        language = self.language

        def job(store: Store) -> session.TerminalStarted:
            started = session.start_terminal(
                store,
                demo=options.demo,
                terminal=options.terminal,
                language=language,
                progress=worker.progress.emit,
                made=made,
                submit=worker.post,  # printers' log entries are written by this worker
            )
            worker.context = started.context  # every later job runs on this context
            return started

        self.worker.call(job, self._terminal_started, self._store_failed)

    def _progress(self, stage: str) -> None:
        if stage == session.SEEDING and not self._signing_in:
            self.login.set_busy(
                translate(
                    "BoxOfficeApp",
                    "Setting up the demo venues, shows and staff (first start only)…",
                ),
                accept_input=True,
            )

    def _terminal_started(self, started: session.TerminalStarted) -> None:
        self.context = started.context
        self.bus_adapter = BusAdapter(started.context.bus, self)
        if self.options.terminal is None:
            self.options.terminal = started.terminal
            self.login.set_terminal(started.terminal)
        if started.users == 0:
            self._blocked = True
            self.login.set_blocked(
                translate(
                    "BoxOfficeApp",
                    "This store has no users yet. Create one with "
                    "“boxoffice-admin user add”, or start with --demo.",
                )
            )
            self._finish_screenshot(self.login)
            return
        self._ready()

    def _store_failed(self, error: BaseException) -> None:
        self._blocked = True
        self.login.set_blocked(
            translate("BoxOfficeApp", "The store could not be opened: %1").replace(
                "%1", error_text(error, self.language)
            )
        )
        self.exit_code = 1
        self._finish_screenshot(self.login)

    def _ready(self) -> None:
        self.ready = True
        if not self._signing_in:  # a queued sign-in keeps its "Checking…"
            self.login.set_ready()
        options = self.options
        if options.screenshot is None:
            return
        if options.user and options.pin is not None:
            self.login.fill(options.user, options.pin)
            self.login.submit()
        else:
            self._finish_screenshot(self.login)

    # -- signing in and out --------------------------------------------------
    def _sign_in(self, username: str, pin: str) -> None:
        self._signing_in = True
        self.login.set_busy(translate("BoxOfficeApp", "Checking…"))
        self.worker.run(
            lambda ctx: session.sign_in(ctx, username, pin), self._signed_in, self._refused
        )

    def _refused(self, error: BaseException) -> None:
        self._signing_in = False
        if self._blocked:
            return  # the reason nobody can sign in is already on screen
        self.login.show_error(error_text(error, self.language))
        if self.options.screenshot is not None:
            self.exit_code = 1
            self._finish_screenshot(self.login)

    def _signed_in(self, result: OpResult[session.SignedIn]) -> None:
        from boxoffice.ui.shell.main_window import MainWindow

        self._signing_in = False
        assert self.context is not None and self.bus_adapter is not None
        signed_in = result.value
        window = MainWindow(
            self.worker,
            self.context,
            signed_in.actor,
            signed_in.user,
            changes=self.bus_adapter,
            select=self.options.performance,
        )
        window.logoutRequested.connect(self.log_out)
        window.quitRequested.connect(self.quit)
        if self.options.screenshot is not None:
            window.seatMapShown.connect(lambda _pid: self._finish_screenshot(window))
            window.nothingToShow.connect(lambda: self._finish_screenshot(window))
        self.main_window = window
        window.show()
        self.login.hide()
        self.login.reset()

    def log_out(self) -> None:
        """Close the main window and return to an empty login screen."""
        if self.main_window is not None:
            self.main_window.close_for_logout()
            self.main_window.deleteLater()
            self.main_window = None
        self.login.reset()
        self.login.set_ready()
        self.login.show()
        self.login.activateWindow()

    def shut_down(self) -> None:
        """Close the windows, stop the store worker (waiting for its running job), then devices.

        After this no store job runs, so the client and its windows can be
        deleted: a job still running would report to a deleted worker. The
        devices are closed after the last store job (which may have queued a
        slip) and before the store closes (a print queue logs the job it is
        finishing); no device thread is left running.
        """
        if self.main_window is not None:
            self.main_window.close_for_logout()
        self.login.hide()
        if self.bus_adapter is not None:
            self.bus_adapter.close()
        # The worker's context is set even when start-up's answer never arrived.
        self.worker.shutdown(
            before_close=lambda: session.close_devices(self._devices_made, self.worker.context)
        )
        if self.worker.context is not None:
            session.stop_sync(self.worker.context)
        if self.main_window is not None:
            self.main_window.deleteLater()
            self.main_window = None

    def quit(self) -> None:
        if self.main_window is not None:
            self.main_window.close_for_logout()
        self.login.hide()
        QCoreApplication.exit(self.exit_code)

    # -- screenshots ---------------------------------------------------------
    def _screenshot_timed_out(self) -> None:
        """Never hang a scripted screenshot: shoot what is there and fail."""
        self.exit_code = 2
        widget = self.main_window if self.main_window is not None else self.login
        print(f"boxoffice: screenshot timed out; saving {type(widget).__name__}", file=sys.stderr)
        self._finish_screenshot(widget)

    def _finish_screenshot(self, widget: QWidget) -> None:
        path = self.options.screenshot
        if path is None:
            return

        def shoot() -> None:
            save_screenshot(widget, path)
            self.quit()

        QTimer.singleShot(10, shoot)


def save_screenshot(widget: QWidget, path: Path) -> None:
    """Render ``widget`` as the user sees it into a PNG at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write the screenshot {path}")


def run(options: Options, argv: list[str] | None = None) -> int:
    """Run the client until it quits; returns the process exit code."""
    app = create_app(options.language, argv)
    if options.screenshot is not None:
        # A scripted run must fail loudly, not wait for a window that never comes.
        def excepthook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
            sys.__excepthook__(kind, error, tb)
            QCoreApplication.exit(3)

        sys.excepthook = excepthook
    collector = MainThreadGarbageCollector(app)
    client = ClientApp(options)
    client.start()
    code = app.exec()
    client.shut_down()
    collector.stop()
    return code or client.exit_code
