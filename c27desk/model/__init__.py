"""Pure domain: catalogue, units, values, validation. No I/O, no SQL, no Qt."""
