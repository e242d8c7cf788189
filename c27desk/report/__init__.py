"""Outputs of a unit's report: values CSV/JSON, the appendix PDF, its signature."""
