"""Whole-app and cross-cutting tests: real windows, kills, fuzzing, the wheel, docs, benchmarks."""
