"""The Qt face of c27desk: windows, dialogs, table models and workers. Only this package imports Qt."""
