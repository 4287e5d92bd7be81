"""The package's shape, checked rather than remembered: no import cycle anywhere (between
modules, or between folders), no two modules with the same file name, no folder that has
grown into a warehouse, and no loose modules at the package root (DESIGN.md's layout)."""

from __future__ import annotations

from collections import defaultdict

import grimp

from tests.paths import ROOT

PACKAGE = ROOT / "facilitator"
MOST_MODULES_PER_FOLDER = 15


def import_cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing
    itself): each is a cycle. Tarjan's algorithm, iterative so deep graphs cannot overflow."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []
    counter = 0
    for start in sorted(imports):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(imports.get(start, ())))]
        index[start] = lowest[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            module, pending = work[-1]
            if pending:
                target = pending.pop()
                if target not in index:
                    index[target] = lowest[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, sorted(imports.get(target, ()))))
                elif target in on_stack:
                    lowest[module] = min(lowest[module], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowest[parent] = min(lowest[parent], lowest[module])
            if lowest[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1 or module in imports.get(module, ()):
                    cycles.append(sorted(component))
    return cycles


def package_imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, at any depth of the
    file (imports inside functions count: they are how cycles hide)."""
    graph = grimp.build_graph("facilitator", cache_dir=None)
    return {
        module: {
            target for target in graph.find_modules_directly_imported_by(module)
            if target.startswith("facilitator.")
        }
        for module in graph.modules
    }


def folder_imports(imports: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph one level up: which folder (package) imports which other folder. Two
    folders that import each other are one idea split in two, or two ideas tangled."""
    packages = {module.rsplit(".", 1)[0] for module in imports if "." in module}

    def folder(module: str) -> str:
        return module if module in packages else module.rsplit(".", 1)[0]

    folders: dict[str, set[str]] = defaultdict(set)
    for module, targets in imports.items():
        source = folder(module)
        folders[source] |= {folder(target) for target in targets} - {source}
    return dict(folders)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert import_cycles({"a": {"a"}}) == [["a"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert import_cycles(package_imports()) == []


def test_no_two_folders_import_each_other() -> None:
    assert import_cycles(folder_imports(package_imports())) == []


def test_no_two_modules_share_a_file_name() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("__init__.py", "__main__.py"):
            by_name[path.name].append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in by_name.items() if len(paths) > 1} == {}


def test_no_folder_holds_more_than_fifteen_modules() -> None:
    crowded = {}
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        if len(modules) > MOST_MODULES_PER_FOLDER:
            crowded[str(folder.relative_to(ROOT))] = len(modules)
    assert crowded == {}


def test_the_package_root_holds_only_the_layer_packages() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
