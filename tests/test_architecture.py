"""The shape of the code: layers that run one way, checked by import-linter (``make lint``), and
no import of a project model hidden inside a function, which would hide a cycle from it."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = {
    "core",
    "home",
    "editions",
    "speakers",
    "partners",
    "news",
    "quotes",
    "search",
    "api",
    "demo",
    "localisation",
    "conference_site",
}
# Where Django wants imports at call time: migrations load historical models, and management
# commands run once the app registry is ready.
EXEMPT_PARTS = {"migrations", "commands", "tests", ".venv"}


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in PROJECT_PACKAGES | {"site"}:
            continue
        if EXEMPT_PARTS & set(relative.parts):
            continue
        yield relative, ast.parse(path.read_text(), filename=str(path))


def imported_modules(node):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return []


def function_level_model_imports(tree):
    """(line, module) of each import of a project ``models`` module inside a function."""
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            modules = [
                module
                for module in imported_modules(node)
                if module.split(".")[0] in PROJECT_PACKAGES and "models" in module.split(".")
            ]
            if modules:
                found.append((node.lineno, modules[0]))
    return found


def test_no_project_model_is_imported_inside_a_function():
    offenders = [
        f"{path}:{line} imports {module}"
        for path, tree in project_modules()
        for line, module in function_level_model_imports(tree)
    ]
    assert offenders == []


def test_the_check_finds_an_import_inside_a_function():
    tree = ast.parse("def f():\n    from editions.models import EditionPage\n")
    assert function_level_model_imports(tree) == [(2, "editions.models")]


def test_the_layers_hold():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
