"""Interface language: Vietnamese is the source language; English comes from a Qt .qm file.

Switching installs or removes the translator; Qt then sends every widget a LanguageChange
event and each window re-applies its texts, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from c27desk.gui.config import settings
from c27desk.gui.qt_strings import install_qt_strings
from c27desk.i18n import set_language
from c27desk.resources import app_root

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_translator: QTranslator | None = None


def saved_language() -> str:
    lang = str(settings().value("language", "vi"))
    return lang if lang in LANGUAGES else "vi"


def install_language(lang: str) -> bool:
    """Make ``lang`` the interface language; returns False if its translation is missing."""
    global _translator
    app = QCoreApplication.instance()
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang != "vi":
        translator = QTranslator()
        qm = app_root() / "resources" / "translations" / f"c27desk_{lang}.qm"
        if not translator.load(str(qm)):
            return False
        app.installTranslator(translator)
        _translator = translator
    install_qt_strings(lang)  # Qt's own buttons, menus and dialogs (Qt has no Vietnamese of its own)
    settings().setValue("language", lang)
    set_language(lang)  # messages raised by the services follow the window's language
    return True


def current_language() -> str:
    return "en" if _translator is not None else "vi"
