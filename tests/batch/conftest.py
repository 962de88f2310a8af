"""Fixtures: the ``oxigraph serve`` on loopback of the store tests (the same fixture, imported)."""
from tests.store.conftest import oxigraph_binary, oxigraph_server  # noqa: F401  (fixtures reused, not copied)
