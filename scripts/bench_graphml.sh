#!/bin/sh
# Builds the release GraphML benchmark and compares it with python-igraph (see bench_graphml.py).
set -e
cd "$(dirname "$0")/.."
swift build -c release --product graphml-bench 2>&1 | grep -E "error|warning:" || true
python3 scripts/bench_graphml.py "$@"
