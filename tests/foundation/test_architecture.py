"""The shape of the house: no import circle anywhere, the workspace never imports the sources app,
and the lists that grow (tasks sent by name, workflow actions, state groups) stay consistent.

Every ``import`` statement counts, wherever it is (module level, inside a function, under
``TYPE_CHECKING``): a lazy import hides a circle from Python at start-up, not from a reader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("factcheck", "claims", "sources", "seeds")


def project_modules(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Every module of ``packages`` under ``root`` (migrations left out), by dotted name."""
    modules = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the project modules it imports, resolved to the deepest module that exists."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                targets = [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                resolved = resolve(target)
                if resolved and resolved != name:
                    graph[name].add(resolved)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


GRAPH = import_graph(project_modules(ROOT, PACKAGES))


def test_no_module_of_the_project_imports_in_a_circle() -> None:
    assert cycles(GRAPH) == []


def test_the_workspace_never_imports_the_sources_app() -> None:
    offenders = {
        module: sorted(t for t in targets if t.split(".")[0] == "sources")
        for module, targets in GRAPH.items()
        if module.split(".")[0] == "claims"
    }
    assert {module: targets for module, targets in offenders.items() if targets} == {}


WINGS = ("claims.importing", "claims.publishing", "claims.search", "claims.matching")


def test_the_wings_of_claims_do_not_import_each_other() -> None:
    for wing in WINGS:
        for other in WINGS:
            if other == wing:
                continue
            crossing = [
                m for m, targets in GRAPH.items() if m.startswith(wing) and any(t.startswith(other) for t in targets)
            ]
            assert crossing == [], f"{wing} imports {other}"


def test_the_core_imports_no_wing() -> None:
    core = [m for m in GRAPH if m.split(".")[0] == "claims" and not m.startswith(WINGS)]
    assert {
        m: sorted(t for t in GRAPH[m] if t.startswith(WINGS))
        for m in core
        if any(t.startswith(WINGS) for t in GRAPH[m])
    } == {}


def test_the_circle_finder_finds_a_planted_circle(tmp_path: Path) -> None:
    package = tmp_path / "house"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from house import b\n")
    (package / "b.py").write_text("def later():\n    from house.c import thing\n")
    (package / "c.py").write_text("import house.a\nthing = 1\n")
    (package / "d.py").write_text("from . import a\n")
    graph = import_graph(project_modules(tmp_path, ["house"]))
    assert cycles(graph) == [["house.a", "house.b", "house.c"]]
    assert "house.a" in graph["house.d"]


def _enqueued_task_names() -> set[str]:
    names = set()
    for path in project_modules(ROOT, PACKAGES).values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "enqueue_on_commit"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_every_task_sent_by_name_is_a_registered_task() -> None:
    from factcheck.celery import app

    names = _enqueued_task_names()
    assert {"factcheck.outbox.tasks.outbox_send", "sources.tasks.search_run"} <= names
    assert sorted(name for name in names if name not in app.tasks) == []


def test_every_workflow_move_is_an_audited_action_and_every_group_holds_real_states() -> None:
    from claims.models import STATE_GROUPS, ClaimEvent, ClaimStatus
    from claims.workflow import MOVES

    assert set(MOVES) <= set(ClaimEvent.Action.values)
    for move in MOVES.values():
        assert move.sources <= set(ClaimStatus.values) and move.target in ClaimStatus.values
    for group in STATE_GROUPS:
        assert group and set(group) <= set(ClaimStatus.values), group.name
    assert len({group.name for group in STATE_GROUPS}) == len(STATE_GROUPS)


@pytest.mark.django_db
def test_a_claim_names_its_state_groups_for_templates_and_css() -> None:
    from tests.factories import ClaimFactory, UserFactory

    claim = ClaimFactory(status="changes_requested", assignee=UserFactory())
    assert claim.states == {"with-reviewer", "in-queue", "assignable", "drafting"}
    assert claim.state_classes == "status-changes_requested assignable drafting in-queue with-reviewer"


def test_importing_the_settings_starts_nothing_and_writes_nothing(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(
        EMBEDDED_PGDATA=str(tmp_path / "pgdata"),
        FACTCHECK_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="factcheck.settings",
    )
    code = "import factcheck.settings as s; print(s.DATABASES['default']['OPTIONS']['host'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(tmp_path / "pgdata")
    assert list(tmp_path.iterdir()) == []
