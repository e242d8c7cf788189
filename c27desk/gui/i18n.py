"""Interface language of the window: the one program language (``c27desk.i18n``), chosen in the
Settings menu and remembered between runs.

Every text is a ``msg(vi, en)`` rendered when shown, so switching needs no translation file:
the language is set, then every window is sent Qt's LanguageChange and says everything again
(each window's retranslate method); nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid
from sqlite_utils import Database

from c27desk.gui.config import settings
from c27desk.gui.qt_strings import install_qt_strings
from c27desk.i18n import Lang, set_language
from c27desk.store.database import is_open

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def saved_language() -> str:
    lang = str(settings().value("language", "vi"))
    return lang if lang in LANGUAGES else "vi"


def install_language(lang: str, *, remember: bool = True) -> Lang:
    """Make ``lang`` the interface language, remember it (unless ``remember`` is False: ``--lang``
    on the command line is for that run only), and have every open window re-say its texts."""
    chosen = set_language(lang)
    install_qt_strings(chosen)  # Qt's own buttons, menus and dialogs (Qt has no Vietnamese of its own)
    if remember:
        settings().setValue("language", str(chosen))
    notify_windows()
    return chosen


def can_speak(widget: QWidget) -> bool:
    """Whether ``widget`` may say its texts again now: not when Qt has already deleted it, nor when
    the database it (or the window it belongs to) reads is closed — a dialog closing after its
    window, or a window whose database was closed, keeps the words it has rather than ask a closed
    database (or crash) for new ones."""
    if not isValid(widget):
        return False
    owner: QWidget | None = widget
    while owner is not None:
        db = getattr(owner, "db", None)
        if isinstance(db, Database) and not is_open(db):
            return False
        owner = owner.parentWidget()
    return True


def notify_windows() -> None:
    """Send LanguageChange to every open window (a widget passes it on to its children). Qt sends
    it by itself only when a translator is installed, and no translator carries our texts."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return
    for widget in QApplication.topLevelWidgets():
        # open windows only: a closed one may have let go of its database, and every dialog says its
        # texts when it is opened; one being deleted or left without its database is let be
        if isValid(widget) and widget.isVisible() and can_speak(widget):
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
