"""The import graph (docs/architecture.md): no module imports one that imports it back, however
far round (imports inside functions included: hiding one there is how circles were kept before),
and each room imports only the rooms below it. Read from the source, as django-cast's own test
does, so that it fails naming the files before anything runs."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("campaign_site", "stories", "podcasts", "training")
SHARED = ("languages", "delivery", "editorial", "translation", "media", "pages")
# What each room may import besides itself. Project wiring (settings, urls, api, wsgi) and the
# demo campaign sit on top and may import anything.
MAY_IMPORT = {
    "languages": set(),
    "delivery": {"languages"},
    "editorial": set(),
    "translation": {"languages", "delivery", "editorial"},
    "media": {"languages", "delivery", "editorial"},
    "pages": {"languages", "delivery", "editorial", "translation", "media"},
    "reach": {*SHARED},
    "backups": {*SHARED},
    "stories": {*SHARED, "reach"},
    "podcasts": {*SHARED, "reach"},
    "training": {*SHARED, "reach"},
}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def imported_modules(name, path, modules, source=None):
    """The project modules ``name`` imports, anywhere in its body."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(source or path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            prefix = ".".join([*base, *([node.module] if node.module else [])])
            candidates = [f"{prefix}.{alias.name}" for alias in node.names] + [prefix]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in modules:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


@pytest.fixture(scope="module")
def graph():
    modules = project_modules()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def room(module):
    parts = module.split(".")
    return parts[1] if parts[0] == "campaign_site" and len(parts) > 1 else parts[0]


def circles(graph):
    """Every set of modules that import each other, however far round (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while not component or module not in component:
                component.add(stack.pop())
            on_stack.difference_update(component)
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_reader_sees_every_import():
    """Relative imports, and imports inside a function, are imports."""
    modules = project_modules()
    source = (
        "from .models import StoryPage\n\ndef f():\n    from campaign_site.media import models\n"
    )
    assert imported_modules("stories.teams", modules["stories.teams"], modules, source) == {
        "stories.models",
        "campaign_site.media",  # importing from a package runs its __init__
        "campaign_site.media.models",
    }


def test_a_circle_is_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_one_that_imports_it_back(graph):
    assert circles(graph) == []


def test_each_room_imports_only_the_rooms_below_it(graph):
    upward = [
        f"{modules_path(module)} imports {modules_path(imported)} "
        f"({room(module)} may import only {sorted(MAY_IMPORT[room(module)]) or 'nothing'})"
        for module, imports in sorted(graph.items())
        if room(module) in MAY_IMPORT
        for imported in sorted(imports)
        if room(imported) != room(module) and room(imported) not in MAY_IMPORT[room(module)]
    ]
    assert upward == []


def modules_path(module):
    return str(project_modules()[module].relative_to(ROOT))


def test_every_room_says_what_it_owns_and_may_import():
    for name in SHARED[1:]:
        doc = ast.get_docstring(
            ast.parse((ROOT / "campaign_site" / name / "__init__.py").read_text())
        )
        assert doc and "May import" in doc, name
