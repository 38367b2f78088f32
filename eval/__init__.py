"""Evaluation: datasets (JSONL), the harness behind ``referat eval``, baselines and reports."""
