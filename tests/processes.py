"""Helpers for tests (and benchmarks) that start other processes; free of Django, so that
bench/stack.py can start the stack of tests/stack.py outside pytest."""

import socket
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, what, seconds=60, every=0.2):
    """Wait for another process: ``condition()`` is asked until it is true, up to a deadline,
    never for a fixed time; past the deadline the test fails naming ``what``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds} s")
        time.sleep(every)
