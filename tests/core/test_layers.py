"""An app never uses another app's private names (docs/architecture.md, STYLE "Layers are a
contract"). The order of the layers is checked by import-linter (`make lint`); this test reads
every module under src/igf and fails on an import, or a use through an imported module, of a
name or module of another app that starts with an underscore."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

# Uses of another app's private names, as (module that uses it, the private name in full).
# Empty since the kernel issue; an entry needs a reason beside it.
ALLOWED: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, order=True)
class PrivateUse:
    module: str
    line: int
    name: str

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) uses {self.name}"


def is_private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


def app_of(module: str) -> str:
    """`igf.programme.views` belongs to `igf.programme`; `igf.urls` is its own."""
    return ".".join(module.split(".")[:2])


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The module an `ImportFrom` names, with relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def first_private(dotted: str) -> str | None:
    """`igf.people._internal` for `igf.people._internal.Person`: the name up to the first
    private part below the app, or None when there is none."""
    parts = dotted.split(".")
    for index, part in enumerate(parts[2:], start=2):
        if is_private(part):
            return ".".join(parts[: index + 1])
    return None


def dotted_name(node: ast.expr) -> str | None:
    """`igf.people.models._token` for that attribute chain; None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


@dataclass(frozen=True)
class Imported:
    line: int
    name: str  # in full: igf.people.models.Person
    bound_as: str | None  # the local name, when it is not the first part of `name`


def imports_in(tree: ast.Module, module: str, is_package: bool) -> Iterator[Imported]:
    """Every import in the module, deferred ones inside functions included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Imported(node.lineno, alias.name, alias.asname)
        elif isinstance(node, ast.ImportFrom):
            base = absolute(module, is_package, node)
            for alias in node.names:
                yield Imported(node.lineno, f"{base}.{alias.name}", alias.asname or alias.name)


def private_uses(
    source: str, module: str, is_package: bool = False, modules: frozenset[str] = frozenset()
) -> list[PrivateUse]:
    """Every use in `source` (the text of `module`) of a private name of another app: imported,
    or reached as an attribute of another app's module. `modules` are the names of the
    platform's modules, which tell a module's private name from an object's private attribute."""
    own = app_of(module)

    def foreign(dotted: str) -> bool:
        return dotted.startswith("igf.") and app_of(dotted) != own

    tree = ast.parse(source)
    found: set[PrivateUse] = set()
    aliases: dict[str, str] = {}  # local name -> another app's module it stands for
    for imported in imports_in(tree, module, is_package):
        if not foreign(imported.name):
            continue
        private = first_private(imported.name)
        if private is not None:
            found.add(PrivateUse(module, imported.line, private))
        elif imported.bound_as is not None and imported.name in modules:
            aliases[imported.bound_as] = imported.name
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not is_private(node.attr):
            continue
        dotted = dotted_name(node)
        if dotted is None:
            continue
        head, _, rest = dotted.partition(".")
        full = f"{aliases[head]}.{rest}" if head in aliases else dotted
        private = first_private(full) if foreign(full) else None
        # A module's private name, not the private attribute of an object found in a module.
        if private is not None and private.rpartition(".")[0] in modules:
            found.add(PrivateUse(module, node.lineno, private))
    return sorted(found)


def platform_modules(src: Path = SRC) -> dict[str, Path]:
    return {module_name(path, src): path for path in sorted((src / "igf").rglob("*.py"))}


def all_private_uses(src: Path = SRC) -> list[PrivateUse]:
    modules = platform_modules(src)
    names = frozenset(modules)
    found: list[PrivateUse] = []
    for module, path in modules.items():
        source = path.read_text(encoding="utf-8")
        found += private_uses(source, module, path.name == "__init__.py", names)
    return found


def test_apps_use_no_private_name_of_another_app() -> None:
    uses = all_private_uses()

    new = [use for use in uses if (use.module, use.name) not in ALLOWED]

    assert new == [], "Private names of another app:\n" + "\n".join(map(str, new))


def test_allowed_private_uses_still_exist() -> None:
    """An entry of ALLOWED that is fixed leaves the list, so the list only shrinks."""
    uses = {(use.module, use.name) for use in all_private_uses()}

    assert sorted(ALLOWED - uses) == []


MODULES = frozenset({"igf.people", "igf.people.models", "igf.people.services", "igf.core.charts"})


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("from igf.people.models import _token", "igf.people.models._token"),
        ("from igf.people._internal import Person", "igf.people._internal"),
        ("from igf.people import _internal", "igf.people._internal"),
        ("import igf.people._internal", "igf.people._internal"),
        ("import igf.people.models\nigf.people.models._token()", "igf.people.models._token"),
        ("from igf.people import models\nmodels._token()", "igf.people.models._token"),
        ("import igf.people.models as pm\npm._token()", "igf.people.models._token"),
        ("from ...people.models import _token", "igf.people.models._token"),
        ("def f():\n    from igf.people.models import _token", "igf.people.models._token"),
    ],
)
def test_private_uses_finds_each_form(source: str, name: str) -> None:
    uses = private_uses(source, "igf.bodies.views.detail", modules=MODULES)

    assert [use.name for use in uses] == [name]


@pytest.mark.parametrize(
    "source",
    [
        "from igf.bodies.models import _token",  # the app's own private name
        "from ._helpers import clean",
        "from igf.people.models import Person, __doc__",
        "from igf.people import services\nservices.person._meta",  # an object's, not the app's
        "from igf.core.charts import bar\nbar._cache",
        "request._cached_body = None",
    ],
)
def test_private_uses_allows_the_rest(source: str) -> None:
    assert private_uses(source, "igf.bodies.views.detail", modules=MODULES) == []
