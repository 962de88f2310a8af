"""Store fixtures shared with tests/store."""
from tests.store.conftest import dataset, store  # noqa: F401
