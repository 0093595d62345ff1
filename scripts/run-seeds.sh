#!/usr/bin/env bash
# The main job: set up, build newsgraph (release) and build the graph of seeds/ into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release
.build/release/newsgraph build seeds --out Output
