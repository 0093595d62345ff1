#!/usr/bin/env bash
# The test command: set up, then run every test (unit tests and the end-to-end suite on seeds/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

swift test
