"""The layout's rules, read from the source with `ast` (every import statement,
at a module's top or inside a function, counts):

- the platform is the ground floor: `mektep/` (what exists once per deployment)
  imports nothing from `tenants/` (what exists once per school), except the
  faces that span every school: the app factory (`mektep/__init__.py`), the
  CLI (`mektep/cli.py`), the demo loader (`mektep/demo/`) and the district's
  faces (`mektep/district/`);
- no import circles anywhere: no module reaches itself through its imports.
"""

import ast
from pathlib import Path

from config import BASE_DIR

# Where the product's Python code lives (top-level modules included).
SOURCE = ("mektep", "tenants", "tests", "bench", "scripts", "migrations")
SPANNING_FACES = ("mektep", "mektep.cli", "mektep.demo", "mektep.district")


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def python_files(root):
    for folder in SOURCE:
        yield from (root / folder).rglob("*.py") if (root / folder).is_dir() else ()
    yield from root.glob("*.py")


def imported_names(tree, module, is_package):
    """For each name an import statement of `tree` (of `module`) brings in: the
    dotted names it may be, the likeliest first (`from a import b`: the module
    a.b, else something defined in a)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name,) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            yield from ((f"{base}.{alias.name}", base) for alias in node.names)


def import_graph(root):
    """{module: the modules of the tree it imports} for every module under `root`."""
    files = {module_name(root, path): path for path in python_files(root)}
    graph = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imported = set()
        for candidates in imported_names(tree, module, path.name == "__init__.py"):
            # A module of the tree, or the nearest package holding what is named.
            found = next((name for name in candidates if name in files), None)
            name = candidates[-1]
            while found is None and "." in name:
                name = name.rpartition(".")[0]
                found = name if name in files else None
            if found is not None and found != module:
                imported.add(found)
        graph[module] = imported
    return graph


def is_within(module, packages):
    return any(module == package or module.startswith(package + ".") for package in packages)


def upward_imports(graph):
    """(importer, imported) where the platform imports school code outside the
    faces that span every school."""
    return sorted(
        (module, imported)
        for module, imports in graph.items()
        if is_within(module, ("mektep",))
        and not (module in SPANNING_FACES[:2] or is_within(module, SPANNING_FACES[2:]))
        for imported in imports
        if is_within(imported, ("tenants",))
    )


def import_circles(graph):
    """The strongly connected sets of more than one module (Tarjan's algorithm):
    each is at least one circle of imports."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

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
            members = set()
            while module not in members:
                members.add(stack.pop())
            on_stack.difference_update(members)
            if len(members) > 1:
                circles.append(sorted(members))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_the_platform_imports_school_code_only_in_the_faces_that_span_every_school():
    assert upward_imports(import_graph(BASE_DIR)) == []


def test_no_import_circles():
    assert import_circles(import_graph(BASE_DIR)) == []


def write(root, name, text):
    path = root / Path(*name.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_checks_find_what_they_look_for(tmp_path):
    """A positive control: a tree that breaks both rules, in the ways code can."""
    write(tmp_path, "tenants/__init__.py", "")
    write(tmp_path, "tenants/models.py", "from mektep.clock import utcnow\n")
    write(tmp_path, "tenants/a.py", "from tenants import b\n")
    write(tmp_path, "tenants/b.py", "def late():\n    from . import a\n")
    write(tmp_path, "mektep/__init__.py", "def create_app():\n    import tenants.models\n")
    write(tmp_path, "mektep/clock.py", "")
    write(tmp_path, "mektep/audit.py", "def who():\n    from tenants.models import School\n")
    write(tmp_path, "mektep/demo/__init__.py", "from tenants import models\n")
    write(tmp_path, "mektep/district/routes.py", "import tenants.models\n")
    graph = import_graph(tmp_path)
    assert upward_imports(graph) == [("mektep.audit", "tenants.models")]
    assert import_circles(graph) == [["tenants.a", "tenants.b"]]
