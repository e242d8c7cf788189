"""SQLite through sqlite-utils: opening, migrations, backups, queries and the audit log."""
