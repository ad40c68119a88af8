"""Every problem code the source can answer, read from the source itself (no import of the
code paths, no running them).

A code is raised in one of these shapes, and each is read:

- a problem class called with a literal code: ``Conflict("template_in_use", ...)``;
- a problem class whose ``__init__`` fixes its code: ``super().__init__("rate_limited", ...)``;
- a code built from a parameter: ``NotFound(f"{kind}_not_found", ...)`` inside
  ``not_found(kind, ref)``; every call of that function (or of a function passing its own
  parameter on, like ``get_owned(..., kind)``) then gives the code with its literal argument;
- ``problem(status, "code", ...)`` and a literal ``{"status": 413, "code": "..."}`` body;
- a literal table of codes by status (``HTTP_CODES = {404: "route_not_found", ...}``).

Anything else (a code held in a variable) is reported in ``unreadable`` with its place, so a
new way of raising cannot go unseen.
"""

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import punchcard
from punchcard.kit.errors import ProblemError

SOURCE = Path(punchcard.__file__).parent


@dataclass(frozen=True)
class Raised:
    status: int
    code: str
    where: str  # path:line, relative to the package
    owner: str = ""  # the module-level function or class it is raised in (dotted)


@dataclass(frozen=True)
class _Template:
    """A code built from a parameter of ``function``: ``{prefix}{param}{suffix}``."""

    function: str
    param: str
    index: int  # the parameter's position
    status: int
    prefix: str
    suffix: str


@dataclass
class Codes:
    raised: list[Raised] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    calls: dict[str, set[str]] = field(default_factory=dict)  # owner -> what it calls

    def reachable(self, owners: list[str]) -> set[tuple[int, str]]:
        """The problems the code of these functions may raise, through module-level calls
        (a method of an object or a Protocol is not followed)."""
        seen, pending = set(owners), list(owners)
        while pending:
            for callee in self.calls.get(pending.pop(), ()):
                if callee not in seen:
                    seen.add(callee)
                    pending.append(callee)
        return {(r.status, r.code) for r in self.raised if r.owner in seen}

    def statuses(self) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for raised in self.raised:
            found.setdefault(raised.code, set()).add(raised.status)
        return found


def _problem_classes() -> dict[str, int]:
    """Every problem class by name, with its status (imports every module to find them)."""
    for module in pkgutil.walk_packages([str(SOURCE)], "punchcard."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    classes: dict[str, int] = {}
    pending: list[type[ProblemError]] = [ProblemError]
    while pending:
        cls = pending.pop()
        assert classes.get(cls.__name__, cls.status) == cls.status, cls
        classes[cls.__name__] = cls.status
        pending.extend(cls.__subclasses__())
    return classes


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield str(path.relative_to(SOURCE)), ast.parse(path.read_text(), str(path))


def _module_name(where: str) -> str:
    return "punchcard." + where.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _imports(module: ast.Module) -> dict[str, str]:
    """Local name -> the dotted name it stands for."""
    names = {}
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                names[local] = alias.name if alias.asname else local
    return names


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return call.args[index] if len(call.args) > index else None


class _Reader(ast.NodeVisitor):
    def __init__(self, classes: dict[str, int], codes: Codes, where: str, module: ast.Module):
        self.classes, self.codes, self.where = classes, codes, where
        self.module = _module_name(where)
        self.imports = _imports(module)
        self.local = {
            node.name
            for node in module.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        }
        self.templates: list[_Template] = []
        self.calls: list[
            tuple[ast.Call, ast.FunctionDef | ast.AsyncFunctionDef | None, str, str]
        ] = []
        self.function: ast.FunctionDef | ast.AsyncFunctionDef | None = None
        self.problem_class: str | None = None
        self.owner = ""

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        outer, self.problem_class = (
            self.problem_class,
            (node.name if node.name in self.classes and node.name != "ProblemError" else None),
        )
        owner, self.owner = self.owner, self.owner or f"{self.module}.{node.name}"
        self.generic_visit(node)
        self.problem_class, self.owner = outer, owner

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer, self.function = self.function, node
        owner, self.owner = self.owner, self.owner or f"{self.module}.{node.name}"
        self.generic_visit(node)
        self.function, self.owner = outer, owner

    visit_AsyncFunctionDef = visit_FunctionDef

    def target(self, call: ast.Call) -> str | None:
        """The dotted name of a module-level function this call reaches, when it says."""
        func = call.func
        if isinstance(func, ast.Name):
            if func.id in self.local:
                return f"{self.module}.{func.id}"
            return self.imports.get(func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = self.imports.get(func.value.id)
            return f"{owner}.{func.attr}" if owner else None
        return None

    def _at(self, node: ast.AST) -> str:
        inside = f" in {self.function.name}" if self.function else ""
        return f"{self.where}:{getattr(node, 'lineno', 0)}{inside}"

    def code_of(self, node: ast.expr | None, status: int, site: ast.AST) -> None:
        """Records the code ``node`` evaluates to, a template of a parameter, or unreadable."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.codes.raised.append(Raised(status, node.value, self._at(site), self.owner))
            return
        parts = node.values if isinstance(node, ast.JoinedStr) else [node]
        params = [p.arg for p in self.function.args.args] if self.function else []
        names = [
            p.value.id
            for p in parts
            if isinstance(p, ast.FormattedValue) and isinstance(p.value, ast.Name)
        ] + [p.id for p in parts if isinstance(p, ast.Name)]
        function = self.function
        if len(names) == 1 and names[0] in params and function and function.name in self.local:
            texts = [p.value if isinstance(p, ast.Constant) else None for p in parts]
            split = texts.index(None)
            self.templates.append(
                _Template(
                    f"{self.module}.{function.name}",
                    names[0],
                    params.index(names[0]),
                    status,
                    "".join(str(t) for t in texts[:split]),
                    "".join(str(t) for t in texts[split + 1 :]),
                )
            )
            return
        self.codes.unreadable.append(self._at(site))

    def visit_Call(self, node: ast.Call) -> None:
        name = _callee(node)
        self.calls.append((node, self.function, self._at(node), self.owner))
        if self.owner and (target := self.target(node)):
            self.codes.calls.setdefault(self.owner, set()).add(target)
        if name in self.classes and not _fixed_code(name):
            self.code_of(_argument(node, 0, "code"), self.classes[name], node)
        elif name == "__init__" and self.problem_class and _is_super(node):
            self.code_of(_argument(node, 0, "code"), self.classes[self.problem_class], node)
        elif self.target(node) == "punchcard.kit.http.problem":
            status = _argument(node, 0, "status")
            if isinstance(status, ast.Constant) and isinstance(status.value, int):
                self.code_of(_argument(node, 1, "code"), status.value, node)
            else:
                self.codes.unreadable.append(self._at(node))
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
        values = [v.value if isinstance(v, ast.Constant) else None for v in node.values]
        if "code" in keys and "status" in keys:
            status, code = values[keys.index("status")], values[keys.index("code")]
            if isinstance(status, int) and isinstance(code, str):
                self.codes.raised.append(Raised(status, code, self._at(node), self.owner))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id.endswith("HTTP_CODES"):
            assert isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(key, ast.Constant)
                assert isinstance(key.value, int)
                assert isinstance(value, ast.Constant)
                self.codes.raised.append(Raised(key.value, str(value.value), self._at(node)))
        self.generic_visit(node)


def _is_super(call: ast.Call) -> bool:
    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
    return isinstance(owner, ast.Call) and _callee(owner) == "super"


@cache
def _fixed_codes() -> frozenset[str]:
    """Problem classes whose ``__init__`` passes a literal code to ``super().__init__``."""
    fixed = set()
    for _where, module in _modules():
        for cls in ast.walk(module):
            if isinstance(cls, ast.ClassDef):
                calls = [node for node in ast.walk(cls) if isinstance(node, ast.Call)]
                if any(
                    _is_super(c) and c.args and isinstance(c.args[0], ast.Constant) for c in calls
                ):
                    fixed.add(cls.name)
    return frozenset(fixed)


def _fixed_code(name: str) -> bool:
    return name in _fixed_codes()


@cache
def problem_codes() -> Codes:
    codes = Codes()
    classes = _problem_classes()
    readers = []
    for where, module in _modules():
        reader = _Reader(classes, codes, where, module)
        reader.visit(module)
        readers.append(reader)
    templates = [t for reader in readers for t in reader.templates]
    while templates:  # each call of a function that builds a code gives one code
        template = templates.pop()
        for reader in readers:
            for call, function, at, owner in reader.calls:
                if reader.target(call) == template.function and function is not None:
                    reader.function, reader.owner = function, owner
                    before = len(reader.templates)
                    argument = _argument(call, template.index, template.param)
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        code = f"{template.prefix}{argument.value}{template.suffix}"
                        codes.raised.append(Raised(template.status, code, at, owner))
                    else:
                        reader.code_of(argument, template.status, call)
                        for made in reader.templates[before:]:
                            templates.append(
                                _Template(
                                    made.function,
                                    made.param,
                                    made.index,
                                    made.status,
                                    template.prefix + made.prefix,
                                    made.suffix + template.suffix,
                                )
                            )
                    reader.function, reader.owner = None, ""
    return codes
