"""Chinese UI, the launch command, and its scripted screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from boxoffice.errors import AuthenticationFailed
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.qt import QImage
from boxoffice.ui.shell.app import create_app
from boxoffice.ui.shell.login_dialog import LoginDialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_chinese_translation_loads(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    create_app("zh_CN")
    dialog = LoginDialog("Window 1")
    qtbot.addWidget(dialog)
    assert dialog.sign_in.text() == "登录"
    assert dialog.pad.buttons["C"].text() == "清除"
    assert dialog.windowTitle() == "票房 — 登录"
    assert error_text(AuthenticationFailed("wrong_credentials")) == "用户名或 PIN/密码错误。"
    create_app("en")
    english = LoginDialog("Window 1")
    qtbot.addWidget(english)
    assert english.sign_in.text() == "Sign in"


def test_the_translation_file_has_no_unfinished_entries() -> None:
    ts = (ROOT / "resources/translations/boxoffice_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert (ROOT / "resources/translations/boxoffice_zh_CN.qm").stat().st_size > 0


def _launch(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "boxoffice", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _png(path: Path) -> QImage:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert not image.isNull()
    return image


def test_demo_launch_seeds_an_empty_store_and_screenshots_the_login(tmp_path: Path) -> None:
    shot = tmp_path / "login.png"
    done = _launch("--demo", "--db", str(tmp_path / "new.sqlite3"), "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    image = _png(shot)
    assert image.width() >= 400 and image.height() >= 600
    # Not a blank frame: the blue sign-in button and dark text are there.
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 10


def test_screenshot_of_the_main_window_after_signing_in(demo_db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "main.png"
    done = _launch(
        "--db", str(demo_db), "--lang", "zh_CN", "--user", "clara", "--pin", "1111",
        "--screenshot", str(shot),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = _png(shot)
    assert image.width() >= 1000


def test_a_wrong_pin_screenshot_exits_non_zero(demo_db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "refused.png"
    done = _launch(
        "--db", str(demo_db), "--user", "clara", "--pin", "0000", "--screenshot", str(shot)
    )
    assert done.returncode == 1
    _png(shot)
