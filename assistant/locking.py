"""One writer per store: an exclusive advisory lock file beside the data.

>>> with WriteLock(Path("/tmp/x.lock")):    # doctest: +SKIP
...     pass                                   # only this process writes here

A second writer waits up to `timeout` seconds, then gets StoreLockedError
naming the holder's pid. Readers take no lock: Chroma's own storage keeps a
reader consistent while a writer commits. The lock is released by the kernel
if the holder dies, so there is never a stale lock to delete by hand.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .errors import StoreLockedError


class WriteLock:
    def __init__(self, path: Path, timeout: float = 0.0, poll: float = 0.2):
        self.path, self.timeout, self.poll = Path(path), timeout, poll
        self._fd: int | None = None

    def __enter__(self) -> "WriteLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
                    os.close(fd)
                    raise StoreLockedError(
                        f"the index at {self.path.parent} is being written by another process (pid {holder}); "
                        "wait for it to finish, then try again"
                    ) from None
                time.sleep(self.poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
