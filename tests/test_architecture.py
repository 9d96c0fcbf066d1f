"""The structure of the code: the layers of the apps, no app reaching into another's views, no
import circles. The contracts are `[tool.importlinter]` in pyproject.toml; `lint-imports` shows
them by hand. Imports inside functions count: grimp reads every import statement."""

import contextlib
import io
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
CONTRACTS = [
    contract["id"]
    for contract in tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
]

#: circles allowed for now (none since issue 15): the test fails when any appears, and when one
#: listed here is gone (delete it here then).
KNOWN_CIRCLES: set[frozenset[str]] = set()


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_is_kept(contract):
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exit_code = lint_imports(
            str(PYPROJECT), limit_to_contracts=(contract,), no_cache=True, no_logo=True
        )
    assert exit_code == 0, output.getvalue()


def import_circles(graph) -> list[list[str]]:
    """The groups of modules that import one another in a circle (the strongly connected
    components of more than one module of the import graph), each sorted."""
    imports = {
        module: sorted(graph.find_modules_directly_imported_by(module)) for module in graph.modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []
    for start in sorted(imports):  # Tarjan's algorithm, without recursion
        if start in index:
            continue
        work = [(start, iter(imports[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, pending = work[-1]
            for imported in pending:
                if imported not in index:
                    index[imported] = low[imported] = len(index)
                    stack.append(imported)
                    on_stack.add(imported)
                    work.append((imported, iter(imports[imported])))
                    break
                if imported in on_stack:
                    low[module] = min(low[module], index[imported])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        circles.append(sorted(group))
    return sorted(circles)


def describe(graph: grimp.ImportGraph, circle: list[str]) -> str:
    lines = []
    for importer in circle:
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported in circle:
                details = graph.get_import_details(importer=importer, imported=imported)
                where = ", ".join(f"l.{detail['line_number']}" for detail in details)
                lines.append(f"  {importer} -> {imported} ({where})")
    return "\n".join(lines)


def test_no_import_circles_but_the_known_ones():
    graph = grimp.build_graph("amity", cache_dir=None)
    circles = {frozenset(circle) for circle in import_circles(graph)}
    new = [sorted(circle) for circle in circles - KNOWN_CIRCLES]
    gone = [sorted(circle) for circle in KNOWN_CIRCLES - circles]
    report = [f"a new import circle:\n{describe(graph, circle)}" for circle in sorted(new)]
    report += [f"gone (or changed), delete it from KNOWN_CIRCLES: {circle}" for circle in gone]
    assert not report, "\n".join(report)


def test_import_circles_are_found():
    """The check itself: a circle of two modules and one through three are found."""
    imports = {"a": ["b"], "b": ["a", "c"], "c": ["d"], "d": ["e"], "e": ["c"], "f": ["a"]}

    class Graph:
        modules = set(imports)

        def find_modules_directly_imported_by(self, module):
            return set(imports[module])

    assert import_circles(Graph()) == [["a", "b"], ["c", "d", "e"]]
