#!/usr/bin/env bash
# Installs what NewsGraph needs beyond the Swift toolchain: libxml2 headers (build), xmllint and Graphviz
# (tests and --render), the Python packages the tests compare against (networkx, python-igraph), and pyspark
# with a Java runtime for the Spark pipe test (docs/scale.md).
# Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
java=default-jre-headless
command -v java >/dev/null 2>&1 && java=
for pkg in libxml2-dev libxml2-utils graphviz libsqlite3-dev pkg-config $java; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -c 'import networkx, igraph' 2>/dev/null || pip install -q networkx python-igraph
python3 -c 'import pyspark' 2>/dev/null || pip install -q pyspark
