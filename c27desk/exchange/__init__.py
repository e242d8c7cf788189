"""Export packages, their verified import, the trust store and the archive of received files."""
