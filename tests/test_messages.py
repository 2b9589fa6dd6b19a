"""The message catalogue: every code in both languages, alike in placeholders.

Every code a refusal names by a literal is in the catalogue, and every code in
the catalogue is used. And the ratchet on refusals still raised as English
sentences (code ``message``): it is zero, and stays there.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import boxoffice
from boxoffice import messages
from boxoffice.errors import (
    BoxOfficeError,
    NeedsOverride,
    NotFound,
    PermissionDenied,
    ValidationError,
)

ROOT = Path(boxoffice.__file__).parent

#: Raise sites of a BoxOfficeError with an English sentence instead of a code.
#: Lower it as areas move to codes; never raise it.
LEGACY_RAISES_AT_MOST = 0


def _fields(template: str) -> set[tuple[str, str]]:
    return {
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    }


def test_every_code_has_both_languages_with_the_same_placeholders() -> None:
    catalogue = messages.catalogue()
    assert catalogue, "the catalogue is empty"
    for code, (en, zh) in catalogue.items():
        assert en.strip() and zh.strip(), code
        assert _fields(en) == _fields(zh), f"{code}: {en!r} vs {zh!r}"
        for _name, spec in _fields(en):
            if spec and spec not in ("money", "s", "d"):
                assert spec in messages.terms(), f"{code}: unknown term kind {spec!r}"


def test_terms_have_both_languages() -> None:
    for kind, table in messages.terms().items():
        for value, (en, zh) in table.items():
            assert en.strip() and zh.strip(), f"{kind}.{value}"


def test_a_refusal_renders_by_code_in_each_language() -> None:
    error = NotFound("not_found")
    assert str(error) == "not found"
    assert error.message("zh_CN") == "未找到"
    assert error.code == "not_found" and error.params == {}


def test_list_parameters_join_per_language() -> None:
    rendered_en = messages._Formatter("en").format("{x}", x=["A-1", "A-2"])
    rendered_zh = messages._Formatter("zh_CN").format("{x}", x=["A-1", "A-2"])
    assert rendered_en == "A-1, A-2"
    assert rendered_zh == "A-1、A-2"


def test_an_unknown_code_still_reaches_the_person() -> None:
    assert messages.render("no_such_code", {"seat": "A-1"}) == "no_such_code(seat=A-1)"


def test_legacy_sentence_is_kept_word_for_word() -> None:
    error = ValidationError("the amount is too large")
    assert error.code == "message"
    assert str(error) == "the amount is too large"


def test_needs_override_names_the_permission() -> None:
    error = NeedsOverride("refund", subject="order W1-000001")
    assert isinstance(error, PermissionDenied)
    assert error.permission == "refund" and error.subject == "order W1-000001"
    assert "refund" in str(error)


def test_errors_survive_pickling() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(ValidationError("invalid_input")))
    assert isinstance(error, ValidationError) and error.code == "invalid_input"


def _error_names() -> set[str]:
    for info in pkgutil.walk_packages([str(ROOT)], "boxoffice."):
        if ".ui" in info.name or ".server" in info.name or "migrations" in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except Exception:  # pragma: no cover - optional extras
            continue
    names: set[str] = set()
    todo = [BoxOfficeError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def legacy_raise_sites() -> list[str]:
    names = _error_names()
    sites: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            func = node.exc.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in names or not node.exc.args:
                continue
            first = node.exc.args[0]
            if isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and not first.value.replace("_", "a").isalnum()
            ):
                sites.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return sites


@pytest.mark.slow
def test_legacy_english_refusals_only_go_down() -> None:
    sites = legacy_raise_sites()
    assert len(sites) <= LEGACY_RAISES_AT_MOST, "\n".join(sites)


# -- every code raised is in the catalogue, every code in the catalogue is used ----------

#: Calls that name a catalogue code by their first argument (besides the refusals).
CODE_CALLS = {
    "Notice": 0,
    "Reason": 0,
    "render": 0,
    "set_status_code": 1,
    "ArgumentRefused": 0,
    "SeatMapFormatError": 2,  # (file, where, problem)
    "MissingDevice": 2,  # (name, kind, code)
    "_refuse": 0,  # devices.cash_drawer._refuse(code, printer)
}

#: Codes no literal in ``boxoffice/`` names, with why they are still needed.
#: A prefix (ending in ``_``) covers every code that starts with it.
USED_WITHOUT_LITERAL = {
    "checkin_note_": "a shipped price type's door note, looked up as checkin_note_<price type>"
    " (checkin/attention.py)",
    "sync_conflict_": "what a server's conflict reason means, looked up as"
    " sync_conflict_<reason> (sync/conflicts.py)",
}


def _is_code(node: ast.expr) -> bool:
    """A ``snake_case`` string literal (what ``BoxOfficeError`` takes as a code)."""
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"[a-z][a-z0-9_]*", node.value) is not None
    )


def _sources() -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(ROOT.rglob("*.py"))
        if "migrations" not in path.parts
    ]


def coded_calls() -> list[tuple[str, str, str]]:
    """``(where, callee, code)`` of every call that names a code by a literal."""
    names = _error_names() - {"NeedsOverride"}
    found: list[tuple[str, str, str]] = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in names or name == "NeedsOverride":
                index = 0
            elif name in CODE_CALLS:
                index = CODE_CALLS[name]
            else:
                continue
            if len(node.args) > index and _is_code(node.args[index]):
                where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
                found.append((where, name, node.args[index].value))  # type: ignore[attr-defined]
    return found


@pytest.mark.slow
def test_every_code_raised_is_in_the_catalogue() -> None:
    catalogue = messages.catalogue()
    permissions = messages.terms()["permission"]
    missing = []
    for where, name, code in coded_calls():
        if name == "NeedsOverride":  # its first argument is the permission to ask for
            if code not in permissions:
                missing.append(f"{where}: NeedsOverride({code!r}): no such permission term")
        elif code not in catalogue:
            missing.append(f"{where}: {name}({code!r}): not in the catalogue")
    assert not missing, "\n".join(missing)


@pytest.mark.slow
def test_every_code_in_the_catalogue_is_used() -> None:
    literals: set[str] = set()
    for path, tree in _sources():
        if path.parent.name == "messages":
            continue
        literals.update(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
    unused = [
        code
        for code in messages.catalogue()
        if code not in literals
        and not any(code.startswith(prefix) for prefix in USED_WITHOUT_LITERAL)
    ]
    assert not unused, "codes no one uses (remove them, or say why in USED_WITHOUT_LITERAL):\n" + (
        "\n".join(unused)
    )
    for prefix in USED_WITHOUT_LITERAL:
        assert any(code.startswith(prefix) for code in messages.catalogue()), prefix
