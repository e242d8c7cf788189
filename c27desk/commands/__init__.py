"""Sub-commands of ``c27desk``: each module here has ``register(subparsers)``."""
