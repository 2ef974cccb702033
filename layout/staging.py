"""An edition's outputs change together or not at all.

Every output of a build (PDF, DOCX, EPUB, copyfit.json) is written to a
temporary file beside its target, `.NAME.PID-XXXX.tmp`, and only when every
one of them is written and checked does `Stage.commit()` rename them into
place. A failed build removes its temporary files and leaves the earlier
outputs as they were.

A build killed outright (`kill -9`) cannot clean up after itself, so a small
warden process, forked when the stage opens, waits on a pipe from the build.
When the pipe closes without the build saying it is done, the warden kills
the export process the build told it about, then removes the temporary files
— or, if the build had begun renaming, finishes the renames, so the folder
always holds one whole edition. Temporary files of earlier builds whose
process is gone are removed when a stage opens.
"""
from __future__ import annotations

import os
import re
import secrets
import signal
import time
from pathlib import Path

from layout.errors import BuildError
from layout.i18n import _

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]+\.tmp$")
_LEGACY_TEMP = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{6,12}\.tmp$")   # mkstemp's, earlier versions
WAIT_FOR_EXPORT_EXIT = 2.0   # seconds the warden waits for a killed export process to go


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path, names: list[str]) -> list[Path]:
    """Remove `.NAME.*.tmp` files of `names` left by builds whose process is gone."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _TEMP.match(path.name) or _LEGACY_TEMP.match(path.name)
        if not match or match.group("name") not in names:
            continue
        pid = int(match.groupdict().get("pid") or 0)
        if pid and pid != os.getpid() and _alive(pid):
            continue   # another build writing into the same folder right now
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


class Stage:
    """Temporary files for the outputs named `names` in `folder`, committed together."""

    def __init__(self, folder: Path, names: list[str]):
        self.folder = Path(folder)
        tag = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.targets = {name: self.folder / name for name in names}
        self.temps = {name: self.folder / f".{name}.{tag}.tmp" for name in names}
        self._pipe: int | None = None
        self._warden: int | None = None
        self.committed = False

    # ------------------------------------------------------------ life cycle

    def __enter__(self) -> "Stage":
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BuildError(_("cannot write into {folder}: {error}; choose another output "
                               "folder with -o").format(folder=self.folder,
                                                         error=exc.strerror or exc)) from None
        remove_stale_temps(self.folder, list(self.targets))
        self._start_warden()
        return self

    def __exit__(self, *exc_info) -> None:
        if not self.committed:
            self._remove_temps()
        self._tell(b"d\n")
        self._stop_warden()

    def temp(self, name: str) -> Path:
        return self.temps[name]

    def watch_process(self, pid: int) -> None:
        """Tell the warden about a process writing into this stage (killed if the build dies)."""
        self._tell(f"p{pid}\n".encode())

    def commit(self) -> None:
        """Rename every temporary file into place (all were written and checked)."""
        missing = [n for n, t in self.temps.items() if not t.exists()]
        if missing:
            raise BuildError(_("internal: no output was written for {names}").format(names=", ".join(missing)))
        for temp in self.temps.values():
            os.chmod(temp, 0o644)   # outputs are for sharing
        self._tell(b"c\n")
        for name, temp in self.temps.items():
            os.replace(temp, self.targets[name])
        self.committed = True

    # ------------------------------------------------------------ the warden

    def _remove_temps(self) -> None:
        for temp in self.temps.values():
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass

    def _tell(self, message: bytes) -> None:
        if self._pipe is not None:
            try:
                os.write(self._pipe, message)
            except OSError:
                pass

    def _start_warden(self) -> None:
        if not hasattr(os, "fork"):
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:   # the warden
            os.close(write_end)
            try:
                _warden(read_end, self.temps, self.targets)
            finally:
                os._exit(0)
        os.close(read_end)
        self._pipe, self._warden = write_end, pid

    def _stop_warden(self) -> None:
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._warden is not None:
            try:
                os.waitpid(self._warden, 0)
            except ChildProcessError:
                pass
            self._warden = None

    def close_in_child(self) -> None:
        """In a forked export process: let go of the warden's pipe (its end must close
        when the build itself dies)."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        self._warden = None


def _warden(pipe: int, temps: dict[str, Path], targets: dict[str, Path]) -> None:
    """Wait for the build's pipe to close; if the build did not finish, clean up after it."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)   # Ctrl-C reaches the whole group; the warden stays
    said = b""
    while chunk := os.read(pipe, 4096):
        said += chunk
    lines = said.split(b"\n")
    if b"d" in lines:
        return
    for line in lines:
        if line.startswith(b"p"):
            _kill_and_wait(int(line[1:]))
    for name, temp in temps.items():
        try:
            if b"c" in lines:
                os.replace(temp, targets[name])   # the build was renaming: finish it
            else:
                temp.unlink()
        except OSError:
            pass


def _kill_and_wait(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        return
    deadline = time.monotonic() + WAIT_FOR_EXPORT_EXIT
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[-1].split()[0] == b"Z":
                    return
        except OSError:
            return
        time.sleep(0.01)
