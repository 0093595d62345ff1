#!/usr/bin/env bash
# Builds the three libFuzzer harnesses (fuzz-text, fuzz-jsonl, fuzz-markup) with ASan and runs each for SECONDS
# (default 600), one in-process job each, one after another. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [HARNESS...]        e.g. scripts/fuzz.sh 60 fuzz-markup
#
# Environment: FUZZ_WORK (default: a new temporary folder) holds the seed corpora, the grown corpora, the logs and
# any crash / timeout / OOM artifacts; FUZZ_SKIP_BUILD=1 reuses the harnesses already in .build-fuzz; FUZZ_CONFIG
# (default release: about 15x the executions per second of debug for fuzz-text; bounds and overflow checks stay on).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(fuzz-text fuzz-jsonl fuzz-markup)
work="${FUZZ_WORK:-$(mktemp -d /tmp/newsgraph-fuzz.XXXXXX)}"
mkdir -p "$work"
config="${FUZZ_CONFIG:-release}"

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    for h in "${harnesses[@]}"; do
        # -DFUZZING: the harness hands main to libFuzzer's driver (without it, it is a plain replayer).
        # A failed build stops the script (piping the build into grep hid its exit status under pipefail).
        if ! swift build -c "$config" --product "$h" --scratch-path .build-fuzz \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING > "$work/build-$h.log" 2>&1; then
            grep -E "error:" "$work/build-$h.log" >&2 || tail -20 "$work/build-$h.log" >&2
            echo "building $h failed (log: $work/build-$h.log)" >&2
            exit 1
        fi
    done
fi

# Small seed corpora, generated fresh: lines of the seed article, JSON lines, HTML, RSS and Atom.
seeds="$work/seeds"
mkdir -p "$seeds/text" "$seeds/jsonl" "$seeds/markup"
article=seeds/000_119be7a49cebb34e.txt
n=0
while IFS= read -r line && [ $n -lt 12 ]; do
    [ -z "$line" ] && continue
    printf '%s\n' "$line" > "$seeds/text/line$n.txt"; n=$((n + 1))
done < "$article"
head -c 4000 "$article" > "$seeds/text/article-head.txt"
printf 'On Monday, 3 May 2021, the UN said Russia and Ukraine would meet in Geneva next week.\nLast year Mr. Smith (CEO of Acme Corp.) visited Paris — twice; earlier, on Jan. 5th, he left.\n' > "$seeds/text/dates.txt"
python3 - "$article" "$seeds/jsonl" <<'PY'
import json, sys
article, out = sys.argv[1], sys.argv[2]
body = open(article, encoding="utf-8").read().split("---")[-1].strip()
paras = [p for p in body.split("\n") if p.strip()][:6]
lines = [
    {"id": "seed-1", "date": "2025-10-24", "source": "Taipei Times", "title": "Seed", "text": paras[0]},
    {"id": 42, "date": "2025-10-24T08:00:00Z", "url": "https://example.org/a", "text": "\n\n".join(paras[:3])},
    {"text": "Tokyo, May 3 (Reuters) - Japan and China met on Tuesday.", "date": "bad date"},
    {"id": "", "text": "   "},
]
for i, o in enumerate(lines):
    open(f"{out}/line{i}.jsonl", "w", encoding="utf-8").write(json.dumps(o, ensure_ascii=i % 2 == 0))
text = "Japan met China on May 3. Trump visits Tokyo."
extract = {"id": "seed", "date": "2025-10-24", "text": text, "sentences": [[0, 25], [26, 45]], "paragraphs": [0, 0],
           "mentions": [{"start": 0, "end": 5, "text": "Japan", "actor": "JPN", "type": "country", "sentence": 0},
                        {"start": 39, "end": 44, "actor": "Tokyo", "type": "place", "kind": "name"}],
           "actors": [{"id": "JPN", "name": "Japan", "type": "country", "aliases": ["Japanese"], "titles": []}],
           "times": [{"start": 19, "end": 24, "type": "DATE", "value": "2025-05-03", "sentence": 0}],
           "events": [{"type": "meet", "cameo": "036", "trigger": {"start": 6, "end": 9, "text": "met"},
                       "actors": ["JPN"], "source": "JPN", "target": "CHN", "date": "2025-05-03", "sentence": 0}]}
open(f"{out}/extract0.jsonl", "w", encoding="utf-8").write(json.dumps(extract))
open(f"{out}/extract1.jsonl", "w", encoding="utf-8").write(json.dumps(dict(extract, text="Ünïcødé 東京 met 🇯🇵 today.")))
PY
cp Tests/CorpusTests/Fixtures/*.xml Tests/CorpusTests/Fixtures/*.html "$seeds/markup/" 2>/dev/null || true
cat > "$seeds/markup/article.html" <<'HTML'
<!DOCTYPE html><html><head><title>Japan &amp; China</title><meta property="article:published_time" content="2025-10-24T08:00:00+08:00">
<meta name="description" content="x"></head><body><script>var a=1;</script><article><h1>Talks</h1>
<p>Japan met China on <time datetime="2025-05-03">May 3</time>.</p><p>Trump visits Tokyo&nbsp;next week.</p></article></body></html>
HTML
cat > "$seeds/markup/rss.xml" <<'XML'
<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Feed</title><item><title>A</title><link>https://e.org/a</link><guid>g1</guid><pubDate>Fri, 24 Oct 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Japan met China.&lt;/p&gt;</description></item><item><title>B</title><dc:date>2025-10-24</dc:date>
<content:encoded><![CDATA[<p>Trump visits Tokyo.</p>]]></content:encoded></item></channel></rss>
XML
cat > "$seeds/markup/atom.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><id>urn:1</id><title>T</title><link rel="alternate" href="https://e.org/1"/><published>2025-10-24T08:00:00Z</published>
<content type="html">&lt;p&gt;Japan met China.&lt;/p&gt;</content></entry><entry><id>urn:2</id><updated>2025-10-25T08:00:00+02:00</updated>
<summary>Trump visits Tokyo.</summary></entry></feed>
XML

status=0
for h in "${harnesses[@]}"; do
    case "$h" in fuzz-text) kind=text ;; fuzz-jsonl) kind=jsonl ;; fuzz-markup) kind=markup ;; *) echo "unknown $h"; exit 2 ;; esac
    corpus="$work/corpus-$kind" artifacts="$work/artifacts-$kind/" log="$work/$h.log"
    mkdir -p "$corpus" "$artifacts"
    echo "== $h: ${seconds}s, log $log"
    start=$(date +%s)
    ".build-fuzz/$config/$h" "$corpus" "$seeds/$kind" -max_total_time="$seconds" \
        -rss_limit_mb=4096 -max_len=65536 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts" \
        > "$log" 2>&1 || status=1
    elapsed=$(( $(date +%s) - start ))
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    crashes=$(ls "$artifacts" | wc -l)
    echo "$h: ran ${elapsed}s, executions ${execs:-?}, final ${cov:-cov ?}, corpus $(ls "$corpus" | wc -l) files, crashes/timeouts/OOMs $crashes"
    ls "$artifacts" | sed "s|^|    $artifacts|"
    grep -E 'ERROR: |SUMMARY: |Fatal error|==[0-9]+== ' "$log" | head -5 | sed 's/^/    /' || true
done
exit $status
