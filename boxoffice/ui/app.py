"""The desktop client: QApplication set-up, translations, style, and the start-up flow.

Start-up is ordered for a fast first paint: the login screen is built and
shown as soon as Qt is imported, and the store is opened (migrated, and on a
first ``--demo`` run seeded) on the background store worker while the login
screen says what it is waiting for. The clerk can type meanwhile; a sign-in
queues behind the store work.

Translations live in ``resources/translations``. After changing any UI text,
regenerate them from the repository root::

    .venv/bin/pyside6-lupdate -no-obsolete boxoffice/__main__.py boxoffice/ui/*.py \\
        boxoffice/ui/widgets/*.py -ts resources/translations/boxoffice_zh_CN.ts
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

from boxoffice.paths import resources_dir
from boxoffice.ui.login_dialog import LoginDialog
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
from boxoffice.ui.workers import MainThreadGarbageCollector, StoreWorker

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.devices.registry import DeviceRegistry
    from boxoffice.seatmaps.view_model import SignedInUser
    from boxoffice.store import Store
    from boxoffice.sync.worker import SyncWorker
    from boxoffice.ui.main_window import MainWindow

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

    def opener() -> Store:
        from boxoffice.store import open_store

        return open_store(path)

    return opener


@dataclass
class StoreOpened:
    """What the first store job found."""

    venues: int
    users: int
    terminal: str
    #: The running sync worker; None when no central server is configured.
    sync: SyncWorker | None = None
    #: This terminal's devices (an empty registry when none is set up).
    devices: DeviceRegistry | None = None


def open_devices(store: Store, terminal: str = "") -> DeviceRegistry:
    """This terminal's device registry; a bad device setting leaves it empty, never stuck.

    Nothing is started for devices that are only configured. The receipt
    printer is built here, on the store worker, because its first build
    imports the printer profiles (tens of milliseconds): the Cash screen then
    only looks it up. A setting that cannot be read is logged (``device list``
    names it) and the client runs without devices rather than refusing to start.
    """
    from boxoffice.context import TerminalContext
    from boxoffice.ops import devices as device_ops

    # Printers report what they printed to the print-log op on this context.
    return device_ops.start_devices(TerminalContext(store, terminal))


def _prepare(
    worker: StoreWorker, demo: bool, made: list[DeviceRegistry] | None = None
) -> Callable[[Store], StoreOpened]:
    """The first store job: open it and, for ``--demo``, seed it if it is empty.

    One job, so a sign-in the clerk submits meanwhile can only run after it.
    It also points the printers' print log at this store, loads this
    terminal's devices and starts the sync worker when this terminal is
    enrolled with a central server. The registry is also appended to ``made``
    so the app can close it even if it quits before this job's answer arrives.
    """

    def job(store: Store) -> StoreOpened:
        from boxoffice import settings
        from boxoffice.seatmaps.view_model import store_state

        with store.read() as session:
            venues, users = store_state(session)
        if demo and venues == 0:
            from boxoffice import demo as demo_data
            from boxoffice.actor import system_actor

            worker.progress.emit("seeding")
            from boxoffice.sales.signer import open_signer

            with store.write() as session:
                demo_data.seed(session, system_actor("demo-setup"), signer=open_signer(store.path))
            with store.read() as session:
                venues, users = store_state(session)
        with store.read() as session:
            terminal = settings.get(session, "terminal.name")
        from boxoffice.sync import runtime

        devices = open_devices(store, terminal)
        if made is not None:
            made.append(devices)
        return StoreOpened(venues, users, terminal, runtime.start_for(store), devices)

    return job


def _sign_in(username: str, pin: str, terminal: str | None) -> Callable[[Store], Any]:
    """``terminal`` None: the store's ``terminal.name`` (read here, as the store is open)."""

    def job(store: Store) -> tuple[Actor, SignedInUser]:
        from boxoffice import settings
        from boxoffice.auth.login import login
        from boxoffice.seatmaps.view_model import signed_in_user

        if terminal is None:
            with store.read() as session:
                till = settings.get(session, "terminal.name")
        else:
            till = terminal
        actor = login(store, username, pin, till)
        with store.read() as session:
            return actor, signed_in_user(session, actor.username)

    return job


class ClientApp(QObject):
    """The client's life cycle: store start-up → login screen → main window → log out."""

    def __init__(self, options: Options, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.worker = StoreWorker(prepare_store(options.db), self)
        self.login = LoginDialog(options.terminal)
        self.login.submitted.connect(self._sign_in)
        self.login.quitRequested.connect(self.quit)
        self.main_window: MainWindow | None = None
        self.ready = False
        self.exit_code = 0
        self._signing_in = False
        self._blocked = False
        self.sync: SyncWorker | None = None
        #: This terminal's devices, from the first store job; closed at shut-down.
        self.devices: DeviceRegistry | None = None
        self._devices_made: list[DeviceRegistry] = []

    # -- start-up ------------------------------------------------------------
    def start(self) -> None:
        """Show the login screen now; open (and maybe seed) the store behind it.

        The clerk may type and press Sign in at once: store jobs run in order,
        so the sign-in simply runs after the store has opened.
        """
        self.login.set_busy(translate("BoxOfficeApp", "Opening the store…"), accept_input=True)
        self.login.show()
        if self.options.screenshot is not None:
            QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self._screenshot_timed_out)
        self.worker.progress.connect(self._progress)
        self.worker.call(
            _prepare(self.worker, self.options.demo, self._devices_made),
            self._store_opened,
            self._store_failed,
        )

    def _progress(self, stage: str) -> None:
        if stage == "seeding" and not self._signing_in:
            self.login.set_busy(
                translate(
                    "BoxOfficeApp",
                    "Setting up the demo venues, shows and staff (first start only)…",
                ),
                accept_input=True,
            )

    def _store_opened(self, state: StoreOpened) -> None:
        self.sync = state.sync
        self.devices = state.devices
        if self.options.terminal is None:
            self.options.terminal = state.terminal
            self.login.set_terminal(state.terminal)
        if state.users == 0:
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
            translate("BoxOfficeApp", "The store could not be opened: %1").replace("%1", str(error))
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
        self.worker.call(
            _sign_in(username, pin, self.options.terminal), self._signed_in, self._refused
        )

    def _refused(self, error: BaseException) -> None:
        self._signing_in = False
        if self._blocked:
            return  # the reason nobody can sign in is already on screen
        self.login.show_error(str(error))
        if self.options.screenshot is not None:
            self.exit_code = 1
            self._finish_screenshot(self.login)

    def _signed_in(self, result: tuple[Actor, SignedInUser]) -> None:
        from boxoffice.ui.main_window import MainWindow

        self._signing_in = False
        actor, user = result
        sync = self.sync
        window = MainWindow(
            self.worker,
            actor,
            user,
            actor.terminal,
            select=self.options.performance,
            sync_status=(lambda: sync.status) if sync is not None else None,
            devices=self.devices,
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
        self.worker.shutdown(before_close=self._close_devices)
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        if self.main_window is not None:
            self.main_window.deleteLater()
            self.main_window = None

    def _close_devices(self) -> None:
        made, self._devices_made = self._devices_made, []
        for registry in made:
            registry.close()
        self.devices = None

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
