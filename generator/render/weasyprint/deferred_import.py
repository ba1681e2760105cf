"""Stand-ins for modules that a library imports at start-up but rarely uses.

A stand-in is put into `sys.modules` while the library is imported, so `from package import
module` binds it without loading the real module. The first attribute used on it (or a call of
a name the library took with `from module import name`) imports the real module and hands the
work over. Afterwards the stand-ins leave `sys.modules`, so any later import gets the real one.
(importlib.util.LazyLoader cannot do this: the import machinery itself reads `__spec__` of a
lazy module, which loads it at once.)
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType


class DeferredModule(ModuleType):
    def __init__(self, name: str, names: Iterable[str] = ()) -> None:
        super().__init__(name)
        self.__spec__ = None
        for attribute in names:
            setattr(self, attribute, self._forwarder(attribute))

    def _real_module(self) -> ModuleType:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return real

    def _forwarder(self, attribute: str):
        def forward(*args, **kwargs):
            return getattr(self._real_module(), attribute)(*args, **kwargs)

        forward.__name__ = attribute
        return forward

    def __getattr__(self, attribute: str):
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)  # copy, pickle and import probe these: no loading
        return getattr(self._real_module(), attribute)


@contextmanager
def deferred_modules(modules: Mapping[str, Iterable[str]]) -> Iterator[None]:
    """While the block runs, importing one of `modules` gives its stand-in (unless it is
    already imported); each maps to the names importers take with `from module import name`."""
    placed = {}
    for name, names in modules.items():
        if name not in sys.modules:
            placed[name] = sys.modules[name] = DeferredModule(name, names)
    try:
        yield
    finally:
        for name, stand_in in placed.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
