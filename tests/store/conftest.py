"""Fixtures: stores holding the hand-built corpus, and an ``oxigraph serve`` on loopback."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from graph.rdf import to_dataset
from graph.store import load_dataset, open_store
from tests.store.corpus import corpus


@pytest.fixture(scope="session")
def dataset():
    """The corpus as an rdflib dataset (one named graph per article)."""
    return to_dataset(corpus())


@pytest.fixture
def store(dataset):
    """An in-memory Oxigraph store holding the corpus."""
    with open_store() as s:
        load_dataset(s, dataset)
        yield s


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary: beside the interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Start ``oxigraph serve`` (union default graph) on 127.0.0.1 and a free port; stop it after.

    Yields the query URL. Fails on CI (``CI`` set) when the binary is missing, else skips.
    """
    binary = oxigraph_binary()
    if binary is None:
        reason = "the oxigraph server binary is missing (pip install oxigraph)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def endpoint_store(oxigraph_server, dataset):
    """The server emptied, then holding the corpus, opened as an endpoint store."""
    with open_store(endpoint=oxigraph_server) as s:
        s.update("DROP ALL")
        load_dataset(s, dataset)
        yield s
