"""Files reach disk whole or not at all: write to a temporary file, fsync, rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from c27desk.errors import C27Error, InputError
from c27desk.i18n import Text, msg, verbatim

_REASONS = {
    errno.ENOSPC: msg("thiết bị hoặc ổ đĩa đã đầy", "the device or disk is full"),
    errno.EDQUOT: msg("đã hết hạn mức dung lượng", "the disk quota is used up"),
    errno.EROFS: msg("thiết bị chỉ cho đọc (USB bị khóa ghi?)", "the device is read-only (write-protected stick?)"),
    errno.EACCES: msg("không có quyền đọc hoặc ghi ở đây", "no permission to read or write here"),
    errno.EPERM: msg("không có quyền đọc hoặc ghi ở đây", "no permission to read or write here"),
    errno.ENOENT: msg("không có tệp hoặc thư mục này (USB đã rút?)", "no such file or folder (stick removed?)"),
    errno.EISDIR: msg("đây là thư mục, không phải tệp", "this is a folder, not a file"),
    errno.ENOTDIR: msg("đường dẫn không phải thư mục", "the path is not a folder"),
    errno.EEXIST: msg("đã có một tệp cùng tên ở đó", "a file of that name is already there"),
    errno.EIO: msg("lỗi đọc/ghi thiết bị (USB hỏng hoặc đã rút?)", "device I/O error (faulty or removed stick?)"),
    errno.ENAMETOOLONG: msg("tên tệp hoặc đường dẫn quá dài", "the file name or path is too long"),
    # Windows says EINVAL for a name holding a character it forbids (báo:cáo, a?b)
    errno.EINVAL: msg("tên tệp hoặc đường dẫn không hợp lệ (có ký tự như : * ? \" < > | ?)",
                      "the file name or path is not valid (a character such as : * ? \" < > | ?)"),
}


def os_text(exc: OSError) -> Text:
    """Why a file operation failed, in words a user can act on; an errno without words of ours is
    the system's own text, the same in both languages."""
    known = _REASONS.get(exc.errno or 0)
    return known if known is not None else verbatim(exc.strerror or str(exc))


#: No file a user hands the program (a certificate, a form, a PDF to verify, a workbook) is this large.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def read_file(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, or a C27Error saying in words a user can act on why it could not be read.

    The file must be a regular file of at most ``max_bytes``, checked on the open handle before
    reading: ``/dev/zero``, a pipe or a multi-gigabyte file is refused at once instead of being
    read until memory runs out (or waiting forever for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise C27Error(msg("Không đọc được {path}: {why}.", "Cannot read {path}: {why}.", path=path, why=os_text(exc)),
                       code="NOT_FOUND") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise C27Error(msg("Tệp {path} không phải là một tệp thông thường (thư mục, thiết bị hay ống dẫn?).",
                               "The file {path} is not a regular file (a folder, device or pipe?).",
                               path=path), code="NOT_A_FILE")
        limit_mb = f"{max_bytes / 1024 / 1024:g} MB"
        too_big = C27Error(msg("Tệp {path} lớn hơn {limit_mb}, quá lớn cho loại tệp này.",
                               "The file {path} is larger than {limit_mb}, too large for this kind of file.",
                               path=path, limit_mb=limit_mb), code="FILE_TOO_LARGE")
        if info.st_size > max_bytes:
            raise too_big
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while being read
            raise too_big
        return data
    except OSError as exc:
        raise C27Error(msg("Không đọc được {path}: {why}.", "Cannot read {path}: {why}.", path=path, why=os_text(exc)),
                       code="NOT_FOUND") from exc
    finally:
        os.close(fd)


def _names_a_kind(suffix: str) -> bool:
    """Whether a name's last suffix says a kind of file (``.txt``, ``.c27``), not a part of the name
    (``bao-cao-v1.2``, ``2024.``, ``Huyện ủy T.Hòa``: a kind of file is never spelt with diacritics)."""
    return 1 < len(suffix) <= 6 and suffix[1:].isascii() and suffix[1:].isalnum() and not suffix[1:].isdigit()


def require_output_kind(path: Path | str, *suffixes: str, folder_ok: bool = False, where: str = "--out") -> Path:
    """One rule for every file the program writes of one kind (a PDF, a package, a workbook), on the command
    line and in the window's save dialogs alike; the path to write is returned. A name that ends with another
    kind's suffix is refused before anything is done (``appendix --out a.txt`` is not written as a PDF named
    .txt); a name without one gets the kind's suffix (``bao-cao`` → ``bao-cao.pdf``, the first of
    ``suffixes``). With ``folder_ok`` a folder is taken instead (the file is named inside it): an existing
    folder, or a new name without a file-like suffix (``USB/2024`` yes, ``bao-cao.pdf`` no)."""
    path = Path(path)
    if path.name.rstrip(". ") and path.name != path.name.rstrip(". "):
        # "báo cáo." or "x.pdf " typed: Windows drops a name's trailing dots and spaces, and so does the rule
        path = path.with_name(path.name.rstrip(". "))
    suffix = path.suffix.lower()
    if suffix in suffixes:
        return path
    # os.path's checks: a name the system refuses (too long, a forbidden character) is not a folder, and is
    # said in words when it is written, instead of an OSError escaping the rule
    if folder_ok and (os.path.isdir(path) or (not os.path.exists(path) and not suffix[1:].isalpha())):
        return path
    if not folder_ok and not _names_a_kind(suffix) and not os.path.isdir(path):
        if path.name.rstrip(". ") and path.name.lower() != suffixes[0]:
            return path.with_name(path.name + suffixes[0])
        raise InputError(msg("Tệp kết quả “{name}” chưa có tên; hãy ghi tên trước đuôi {suffix} (ví dụ bao-cao{suffix}); "
                             "không ghi gì.",
                             "The output file “{name}” has no name; type a name before {suffix} (for example "
                             "bao-cao{suffix}); nothing was written.", name=path.name, suffix=suffixes[0]),
                         code="OUTPUT_KIND", where=verbatim(where))  # ".pdf" or "..." alone names no file
    kinds = verbatim(suffixes[0]) if len(suffixes) == 1 else \
        msg("{some} hoặc {last}", "{some} or {last}", some=", ".join(suffixes[:-1]), last=suffixes[-1])
    if not folder_ok and os.path.isdir(path):  # "must end in .pdf" would send a clerk renaming the folder
        raise InputError(msg("{path} là một thư mục; hãy ghi thêm tên tệp {kinds} trong thư mục đó; không ghi gì.",
                             "{path} is a folder; add the name of a {kinds} file in it; nothing was written.",
                             path=path, kinds=kinds), code="OUTPUT_KIND", where=verbatim(where))
    if folder_ok:
        raise InputError(msg("{path} phải là một thư mục hoặc một tệp {kinds}; không ghi gì.",
                           "{path} must be a folder or a {kinds} file; nothing was written.",
                           path=path, kinds=kinds), code="OUTPUT_KIND", where=verbatim(where))
    raise InputError(msg("Tệp kết quả {path} phải có đuôi {kinds}; không ghi gì.",
                       "The output file {path} must end in {kinds}; nothing was written.",
                       path=path, kinds=kinds), code="OUTPUT_KIND", where=verbatim(where))


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
        why = os_text(exc)
        if exc.errno == errno.ENOENT and not os.path.isdir(folder):  # the folder, not a file, is what is missing
            why = msg("không có thư mục {folder}", "there is no folder {folder}", folder=folder)
        raise C27Error(
            msg("Không ghi được {path}: {why}. Tệp cũ (nếu có) không bị thay đổi.",
                "Cannot write {path}: {why}. Any existing file is unchanged.", path=path, why=why),
            code="WRITE_FAILED",
        ) from exc
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return path
