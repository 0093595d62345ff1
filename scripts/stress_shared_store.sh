#!/bin/bash
# Queries a store back to back while `add` writes to it, and prints every query or add that fails.
#
# usage: scripts/stress_shared_store.sh STORE_FOLDER ARTICLES.jsonl [ROUNDS]
#
# Each round copies STORE_FOLDER (a `build` output) to a scratch folder, starts `newsgraph add ARTICLES` on the
# copy and runs `newsgraph query actors --top 1` on it until the add ends. No output means no failure.
# (Before stores waited for each other, a Reuters store gave 4-5 "database is locked" failures per add.)
set -u
source=${1:?store folder}
articles=${2:?articles to add}
rounds=${3:-4}
bin=${BIN:-$(dirname "$0")/../.build/release/newsgraph}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for round in $(seq 1 "$rounds"); do
  rm -rf "$scratch/store" && cp -r "$source" "$scratch/store" && sync
  "$bin" add "$articles" --out "$scratch/store" > "$scratch/add.txt" 2>&1 &
  add=$!
  while kill -0 "$add" 2>/dev/null; do
    "$bin" query actors --store "$scratch/store/newsgraph.sqlite" --top 1 > /dev/null 2> "$scratch/query.txt" \
      || echo "round $round: query failed: $(head -c 200 "$scratch/query.txt")"
  done
  wait "$add" || echo "round $round: add failed: $(tail -1 "$scratch/add.txt")"
done
