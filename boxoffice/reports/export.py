"""Write reports to a file the way the CLI does: checked first, never half-written.

The file is written next to the target and moved into place, so a failure
(disk full, a crash) never leaves half a PDF where the last good one was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from boxoffice.errors import ValidationError
from boxoffice.reports import csv_out, pdf
from boxoffice.reports.model import Report

FORMATS = ("pdf", "csv")


def check_target(path: Path) -> Path:
    """A clear error for a folder, a missing folder or one we may not write to."""
    try:
        _check(path)
    except OSError as exc:  # a name too long, a path through a file …
        raise ValidationError(
            "report_cannot_write", path=str(path), reason=exc.strerror or str(exc)
        ) from None
    return path


def _check(path: Path) -> None:
    if path.is_dir():
        raise ValidationError("report_path_is_folder", path=str(path))
    if path.exists() and not path.is_file():
        # A device or a pipe would be replaced by an ordinary file, not written to.
        raise ValidationError("report_path_not_file", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ValidationError("report_folder_missing", path=str(path), folder=str(parent))
    if not os.access(parent, os.W_OK):
        raise ValidationError("report_folder_not_writable", path=str(path), folder=str(parent))


def write(
    reports: Report | Sequence[Report], path: Path | str, fmt: str, *, page: str = "A4"
) -> Path:
    """Write ``reports`` as ``fmt`` ("pdf" or "csv") to ``path``; returns the path."""
    if fmt not in FORMATS:
        raise ValidationError("report_bad_format", formats=list(FORMATS), fmt=fmt)
    target = check_target(Path(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".report-", suffix=target.suffix)
    except OSError as exc:
        raise ValidationError(
            "report_cannot_write", path=str(target), reason=exc.strerror
        ) from None
    os.close(fd)
    try:
        if fmt == "pdf":
            pdf.write(reports, tmp, page=page)
        else:
            csv_out.write(reports, tmp)
        os.chmod(tmp, 0o644)  # readable by whoever files the reports, not mkstemp's 0600
        os.replace(tmp, target)
    except OSError as exc:
        raise ValidationError(
            "report_cannot_write", path=str(target), reason=exc.strerror or str(exc)
        ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
