"""Benchmark support: a synthetic but realistic data set, and its measurements."""
