"""An edition's outputs change together or not at all.

Every output of a build (PDF, DOCX, EPUB, copyfit.json, the web edition's
folder) is written to a temporary file or folder beside its target,
`.NAME.PID-XXXX.tmp`, and only when every one of them is written and checked
does `Stage.commit()` move them into place. A file is renamed over its
target; a folder is swapped with the earlier one in one step (Linux
`renameat2(RENAME_EXCHANGE)`; elsewhere the earlier folder is renamed aside
first, an instant without either), then the earlier folder is removed. A
failed build removes its temporary files and folders and leaves the earlier
outputs as they were. Targets may lie outside the output folder (a web
edition published into a `--site` archive).

A build killed outright (`kill -9`) cannot clean up after itself, so a small
warden process, forked when the stage opens, waits on a pipe from the build.
When the pipe closes without the build saying it is done, the warden kills
the export process the build told it about, then removes the temporary files
— or, if the build had begun renaming, finishes the renames, so the folder
always holds one whole edition (a folder is known by its inode, which the
build tells the warden before it moves anything, so the warden can tell a
swapped folder from one still waiting). Temporary files of earlier builds whose
process is gone are removed when a stage opens.
"""
from __future__ import annotations

import ctypes
import errno
import marshal
import os
import re
import secrets
import shutil
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


def remove_path(path: Path) -> None:
    """Remove a file or a whole folder (not following a symbolic link); errors only cost space."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _inode(path: Path) -> int | None:
    try:
        return os.lstat(path).st_ino
    except OSError:
        return None


def _share(path: Path) -> None:
    """Outputs are for sharing: files 0644, folders 0755."""
    os.chmod(path, 0o755 if path.is_dir() else 0o644)
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
            for name in files:
                os.chmod(os.path.join(root, name), 0o644)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_folder(temp: Path, target: Path, aside: Path) -> None:
    """Put the folder `temp` at `target`; the earlier `target` (folder or file) is removed."""
    if not os.path.lexists(target):
        os.rename(temp, target)
        return
    if target.is_dir() and not target.is_symlink() and _exchange(temp, target):
        remove_path(temp)        # it now holds the earlier folder
        return
    os.rename(target, aside)
    os.rename(temp, target)
    remove_path(aside)


def output_bytes(path: Path) -> bytes:
    """A written output as bytes: a file's own, or a folder's files (relative path →
    bytes) marshalled, for storing a build (`layout.rebuild`)."""
    if not path.is_dir():
        return path.read_bytes()
    return marshal.dumps({p.relative_to(path).as_posix(): p.read_bytes()
                          for p in sorted(path.rglob("*")) if p.is_file()})


def write_output(path: Path, data: bytes, folder: bool = False) -> None:
    """Write what `output_bytes` gave back to `path` (a folder's files when `folder`)."""
    if not folder:
        path.write_bytes(data)
        return
    for name, content in marshal.loads(data).items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def remove_stale_temps(folder: Path, names: list[str]) -> list[Path]:
    """Remove `.NAME.*.tmp` files and folders of `names` left by builds whose process is gone."""
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
        remove_path(path)
        if not os.path.lexists(path):
            removed.append(path)
    return removed


class Stage:
    """Temporary files (or folders) for the outputs named `names` in `folder`, and for
    the outputs `elsewhere` (name → target path), committed together."""

    def __init__(self, folder: Path, names: list[str], elsewhere: dict[str, Path] | None = None):
        self.folder = Path(folder)
        tag = f"{os.getpid()}-{secrets.token_hex(4)}"
        aside = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.targets = {name: self.folder / name for name in names}
        self.targets.update({name: Path(path) for name, path in (elsewhere or {}).items()})
        self.temps = {name: t.parent / f".{t.name}.{tag}.tmp" for name, t in self.targets.items()}
        self.asides = {name: t.parent / f".{t.name}.{aside}.tmp" for name, t in self.targets.items()}
        self._pipe: int | None = None
        self._warden: int | None = None
        self.committed = False

    # ------------------------------------------------------------ life cycle

    def __enter__(self) -> "Stage":
        folders = {self.folder: []} | {t.parent: [] for t in self.targets.values()}
        for target in self.targets.values():
            folders[target.parent].append(target.name)
        for folder in folders:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BuildError(_("cannot write into {folder}: {error}; choose another output "
                                   "folder with -o").format(folder=folder,
                                                             error=exc.strerror or exc)) from None
        for folder, names in folders.items():
            remove_stale_temps(folder, names)
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
        """Move every temporary file and folder into place (all were written and checked)."""
        missing = [n for n, t in self.temps.items() if not t.exists()]
        if missing:
            raise BuildError(_("internal: no output was written for {names}").format(names=", ".join(missing)))
        for temp in self.temps.values():
            _share(temp)
        folders = {k: _inode(t) for k, (name, t) in enumerate(self.temps.items()) if t.is_dir()}
        self._tell(b"".join(f"i{k} {ino}\n".encode() for k, ino in folders.items()) + b"c\n")
        for k, (name, temp) in enumerate(self.temps.items()):
            if k in folders:
                swap_folder(temp, self.targets[name], self.asides[name])
            else:
                os.replace(temp, self.targets[name])
        self.committed = True

    # ------------------------------------------------------------ the warden

    def _remove_temps(self) -> None:
        for temp in self.temps.values():
            remove_path(temp)

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
                _warden(read_end, self.temps, self.targets, self.asides)
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


def _warden(pipe: int, temps: dict[str, Path], targets: dict[str, Path],
            asides: dict[str, Path]) -> None:
    """Wait for the build's pipe to close; if the build did not finish, clean up after it."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)   # Ctrl-C reaches the whole group; the warden stays
    said = b""
    while chunk := os.read(pipe, 4096):
        said += chunk
    lines = said.split(b"\n")
    if b"d" in lines:
        return
    folders = dict(tuple(int(v) for v in line[1:].split()) for line in lines
                   if line.startswith(b"i"))
    for line in lines:
        if line.startswith(b"p"):
            _kill_and_wait(int(line[1:]))
    for k, (name, temp) in enumerate(temps.items()):
        try:
            if b"c" not in lines:
                remove_path(temp)
            elif k in folders:                 # the build was moving: finish it
                _finish_folder(temp, targets[name], asides[name], folders[k])
            else:
                os.replace(temp, targets[name])
        except OSError:
            pass


def _finish_folder(temp: Path, target: Path, aside: Path, new: int) -> None:
    """Put the new folder (inode `new`) at `target` unless it is there already; then
    remove whatever earlier folder is left at `temp` or `aside`."""
    if _inode(target) != new and _inode(temp) == new:
        swap_folder(temp, target, aside)
    for path in (temp, aside):
        if _inode(path) is not None and _inode(path) != new:
            remove_path(path)


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
