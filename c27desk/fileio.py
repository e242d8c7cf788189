"""Files reach disk whole or not at all: write to a temporary file, fsync, rename."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from c27desk.errors import C27Error

_REASONS = {
    errno.ENOSPC: ("thiết bị hoặc ổ đĩa đã đầy", "the device or disk is full"),
    errno.EDQUOT: ("đã hết hạn mức dung lượng", "the disk quota is used up"),
    errno.EROFS: ("thiết bị chỉ cho đọc (USB bị khóa ghi?)", "the device is read-only (write-protected stick?)"),
    errno.EACCES: ("không có quyền ghi vào đây", "no permission to write here"),
    errno.EPERM: ("không có quyền ghi vào đây", "no permission to write here"),
    errno.ENOENT: ("không có tệp hoặc thư mục này (USB đã rút?)", "no such file or folder (stick removed?)"),
    errno.EISDIR: ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
    errno.ENOTDIR: ("đường dẫn không phải thư mục", "the path is not a folder"),
    errno.EIO: ("lỗi đọc/ghi thiết bị (USB hỏng hoặc đã rút?)", "device I/O error (faulty or removed stick?)"),
}


def os_reason(exc: OSError) -> tuple[str, str]:
    """Why a file operation failed, in words a user can act on, Vietnamese and English."""
    known = _REASONS.get(exc.errno or 0)
    if known:
        return known
    text = exc.strerror or str(exc)
    return text, text


def read_file(path: Path | str) -> bytes:
    """A file's bytes, or a C27Error saying in words a user can act on why it could not be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        vi, en = os_reason(exc)
        raise C27Error(f"không đọc được {path}: {vi}.", f"cannot read {path}: {en}.", code="NOT_FOUND") from exc


def atomic_write_bytes(path: Path | str, data: bytes, *, mode: int = 0o644) -> Path:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never half.

    ``mode`` is the new file's permission on POSIX: readable by others for reports, 0o600 for keys."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        if os.name != "nt":
            os.fchmod(fd, mode)  # mkstemp always makes 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        if os.name != "nt":
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        vi, en = os_reason(exc)
        raise C27Error(
            f"không ghi được {path}: {vi}. Tệp cũ (nếu có) không bị thay đổi.",
            f"cannot write {path}: {en}. Any existing file is unchanged.",
            code="WRITE_FAILED",
        ) from exc
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return path
