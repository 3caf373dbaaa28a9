"""`lean_frozen`: a frozen dataclass with shared methods behaves as `dataclass(frozen=True)`."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.records import lean_frozen


@lean_frozen
class _Point:
    x: int
    y: int = 2
    tags: frozenset[str] = dataclasses.field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("x must be >= 0")


@dataclasses.dataclass(frozen=True)
class _Plain:
    x: int
    y: int = 2
    tags: frozenset[str] = dataclasses.field(default_factory=frozenset)


def test_lean_frozen_reads_like_a_frozen_dataclass():
    p = _Point(x=1)
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(p)] == ["x", "y", "tags"]
    assert (p.x, p.y, p.tags) == (1, 2, frozenset())
    assert p == _Point(x=1, y=2) and p != _Point(x=1, y=3)
    assert hash(p) == hash(_Point(x=1))
    assert dataclasses.replace(p, y=5) == _Point(x=1, y=5)
    assert dataclasses.asdict(p) == {"x": 1, "y": 2, "tags": frozenset()}
    # shown and compared as the dataclass of the same fields is
    assert repr(p).replace("_Point", "_Plain") == repr(_Plain(x=1))
    assert p.__eq__(_Plain(x=1)) is NotImplemented
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3  # type: ignore[misc]


def test_lean_frozen_refuses_what_a_dataclass_refuses():
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        _Point(x=1, z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="missing the keyword argument 'x'"):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="x must be"):
        _Point(x=-1)  # __post_init__ runs
    with pytest.raises(TypeError, match="keyword arguments only"):
        _Point(1)  # type: ignore[misc]
    # what the shared methods would not honour is refused when the class is made
    with pytest.raises(TypeError, match="plain fields only, not x"):

        @lean_frozen
        class _Hidden:
            x: int = dataclasses.field(default=0, init=False)

    with pytest.raises(TypeError, match="plain fields only, not cache"):

        @lean_frozen
        class _Uncompared:
            x: int = 0
            cache: tuple[int, ...] = dataclasses.field(default=(), compare=False)

    with pytest.raises(TypeError, match="writes __repr__ itself"):

        @lean_frozen
        class _Shown:
            x: int = 0

            def __repr__(self) -> str:
                return "x"


def test_the_options_are_a_lean_frozen_dataclass():
    o = FormulationOptions(max_contexts=0)
    assert o == dataclasses.replace(FormulationOptions(), max_contexts=0)
    assert hash(o) == hash(FormulationOptions(max_contexts=0))
    assert "max_contexts=0" in repr(o)
    # (a corpus's options go to the worker processes pickled)
    assert pickle.loads(pickle.dumps(o)) == o
