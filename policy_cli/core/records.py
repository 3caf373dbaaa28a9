"""Frozen dataclasses with shared methods: `lean_frozen` for classes of many fields.

`dataclasses.dataclass(frozen=True)` writes the source of an `__init__`, `__eq__`, `__hash__`
and `__repr__` for each class and compiles it when the module is imported: for
`FormulationOptions` (217 fields) that is the largest part of the cost of making the class
(measured in docs/formulations.md, the fourteenth session). `lean_frozen` makes the same frozen dataclass
(`dataclasses.fields`, `replace`, `asdict` and pickling work; writing a field raises
`FrozenInstanceError`) with methods shared by all its classes, written once here, that loop over
the class's fields. A type checker reads the class as a frozen, keyword-only dataclass
(`dataclass_transform`): keyword arguments are checked by name and type.

What it leaves out, refused when the class is made: fields with `init=False`, `compare=False`,
`hash=False` or `repr=False`, and a class that writes its own `__init__`, `__eq__`, `__hash__` or
`__repr__`. The shared `__init__` takes keyword arguments only (`inspect.signature` shows
`**values`), then calls `__post_init__` with no arguments, as a dataclass does (an `InitVar`
would be refused as an unknown keyword argument).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)
_SHARED = ("__init__", "__eq__", "__hash__", "__repr__")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,))
def lean_frozen(cls: T) -> T:
    """Make `cls` a frozen, keyword-only dataclass with the shared methods of this module.

    Raises:
        TypeError: a field that is not initialised, compared, hashed and shown like the others,
            or a method of its own that the shared ones would replace.
    """
    own = [name for name in _SHARED if name in cls.__dict__]
    if own:
        raise TypeError(f"{cls.__name__}: lean_frozen writes {', '.join(own)} itself")
    made: Any = dataclasses.dataclass(cls, frozen=True, init=False, repr=False, eq=False)
    every = dataclasses.fields(made)
    odd = [f.name for f in every if not (f.init and f.compare and f.repr and f.hash is not False)]
    if odd:
        raise TypeError(f"{cls.__name__}: lean_frozen takes plain fields only, not {', '.join(odd)}")
    made._lean_fields = tuple((f.name, f.default, f.default_factory) for f in every)
    for name, method in zip(_SHARED, (_init, _eq, _hash, _repr), strict=True):
        setattr(made, name, method)
    return made


def _init(self: Any, /, *args: Any, **values: Any) -> None:
    if args:
        raise TypeError(f"{type(self).__name__}() takes keyword arguments only")
    missing = dataclasses.MISSING
    set_field = object.__setattr__
    for name, default, factory in type(self)._lean_fields:
        if name in values:
            value = values.pop(name)
        elif default is not missing:
            value = default
        elif factory is not missing:
            value = factory()
        else:
            raise TypeError(f"{type(self).__name__}() missing the keyword argument {name!r}")
        set_field(self, name, value)
    if values:
        raise TypeError(
            f"{type(self).__name__}() got an unexpected keyword argument {next(iter(values))!r}"
        )
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name, _, _ in type(self)._lean_fields)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in type(self)._lean_fields)
    return f"{type(self).__qualname__}({shown})"
