"""The udev rule for printers and scanners: every line is well-formed udev syntax."""

from __future__ import annotations

import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "installers" / "linux" / "99-boxoffice.rules"
PAIR = re.compile(r'\s*([A-Z_]+(?:\{[A-Za-z_]+\})?)\s*(==|!=|=|\+=|:=)\s*"([^"]*)"\s*')
MATCH_KEYS = {"ACTION", "SUBSYSTEM", "KERNEL", "ENV", "ATTR", "ATTRS"}
ASSIGN_KEYS = {"MODE", "GROUP", "TAG", "SYMLINK"}


def test_every_rule_matches_then_grants_access() -> None:
    lines = [
        line for line in RULES.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    assert len(lines) >= 10
    for line in lines:
        pairs = [PAIR.fullmatch(p) for p in line.split(",")]
        assert all(pairs), f"not udev syntax: {line}"
        matches = [m for m in pairs if m and m.group(2) in ("==", "!=")]
        assigns = [m for m in pairs if m and m.group(2) in ("=", "+=", ":=")]
        assert matches and assigns, line
        for m in matches:
            assert m.group(1).split("{")[0] in MATCH_KEYS, line
        for m in assigns:
            assert m.group(1) in ASSIGN_KEYS, line
            if m.group(1) == "MODE":
                assert m.group(3) == "0660", "never world-writable"
    text = RULES.read_text()
    for vendor in ("04b8", "0519", "0a43"):  # Epson, Star, BOCA
        assert f'ATTR{{idVendor}}=="{vendor}"' in text
    assert 'KERNEL=="ttyACM[0-9]*|ttyUSB[0-9]*"' in text
