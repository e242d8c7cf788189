"""Qt's own words in the interface language: standard buttons, text context menus, undo texts,
the file and print dialogs Qt draws itself.

Qt ships no Vietnamese translation of its own strings, so a Vietnamese window would otherwise
show "Yes", "Cancel" and "Select All". ``resources/translations/qt_vi.ts`` holds the ones this
program shows, under Qt's own contexts and source texts (compiled to ``qt_vi.qm`` by
pyside6-lrelease). English needs nothing: it is Qt's source language. On Windows the native file
and print dialogs follow the system's language and never ask Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from c27desk.resources import app_root

# languages whose Qt strings we carry; any other is left to Qt (English)
QT_TRANSLATIONS = {"vi": "qt_vi.qm"}
_installed: QTranslator | None = None
_installed_lang: str | None = None


def qt_strings_file(lang: str):
    """The compiled translation of Qt's strings for ``lang`` (None when Qt's English is used)."""
    name = QT_TRANSLATIONS.get(lang)
    return app_root() / "resources" / "translations" / name if name else None


def install_qt_strings(lang: str) -> bool:
    """Make Qt's own strings follow ``lang``; False when its translation cannot be loaded (Qt's
    English then stays, which is readable: never a reason to refuse the language)."""
    global _installed, _installed_lang
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None and _installed_lang == lang:
        return True  # already in place: installing again would re-translate every open window for nothing
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = _installed_lang = None
    path = qt_strings_file(lang)
    if path is None:
        return True
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed, _installed_lang = translator, lang
    return True
