#!/usr/bin/env python3
"""Runs `newsgraph extract` under Apache Spark (RDD.pipe) over a JSON-lines corpus and writes one
annotations file that `newsgraph add --annotations` loads (docs/scale.md).

usage: scripts/spark_extract.py CORPUS.jsonl ANNOTATIONS.jsonl [--bin PATH] [--master local[2]]
                                [--partitions N] [--date YYYY-MM-DD]

Each partition's lines go through one `newsgraph extract - --text` process on an executor; the partitions'
outputs are concatenated in corpus order. Lines without an "id" get "<file name>:<line number>" here, before
they are split up, because a piped process only sees its own partition's line numbers.
Needs pyspark (`pip install pyspark`) and Java 17. Prints documents in and out and the seconds taken.
"""
import argparse, json, os, shutil, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def with_id(name):
    def assign(pair):
        line, index = pair
        if not line.strip():
            return line
        try:
            doc = json.loads(line)
        except ValueError:
            return line  # newsgraph reports the bad line itself
        if isinstance(doc, dict) and not doc.get('id'):
            doc['id'] = f'{name}:{index + 1}'
            return json.dumps(doc, ensure_ascii=False)
        return line
    return assign


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('annotations')
    ap.add_argument('--bin', default=os.path.join(ROOT, '.build', 'release', 'newsgraph'))
    ap.add_argument('--master', default='local[2]')
    ap.add_argument('--partitions', type=int, default=4)
    ap.add_argument('--date', help='creation date for documents that carry none')
    a = ap.parse_args()

    from pyspark import SparkConf, SparkContext
    command = [os.path.abspath(a.bin), 'extract', '-', '--text'] + (['--date', a.date] if a.date else [])
    started = time.perf_counter()
    sc = SparkContext(conf=SparkConf().setMaster(a.master).setAppName('newsgraph-extract')
                      .set('spark.ui.enabled', 'false'))
    sc.setLogLevel('ERROR')
    try:
        lines = sc.textFile(os.path.abspath(a.corpus), minPartitions=a.partitions)
        lines = lines.zipWithIndex().map(with_id(os.path.basename(a.corpus)))
        out = tempfile.mkdtemp(prefix='ng-spark-')
        shutil.rmtree(out)
        lines.pipe(' '.join(command)).saveAsTextFile(out)
        documents_in = lines.filter(lambda l: l.strip() != '').count()
    finally:
        sc.stop()
    parts = sorted(p for p in os.listdir(out) if p.startswith('part-'))
    documents_out = 0
    with open(a.annotations, 'w', encoding='utf-8') as target:
        for p in parts:
            with open(os.path.join(out, p), encoding='utf-8') as f:
                for line in f:
                    target.write(line)
                    documents_out += 1
    shutil.rmtree(out)
    seconds = time.perf_counter() - started
    print(f'{documents_in} lines in, {documents_out} annotated documents out, {len(parts)} partitions, '
          f'{seconds:.1f} s ({a.master}, Spark start included)')
    if documents_out != documents_in:
        print('some lines were skipped by newsgraph extract (see the executor messages above)', file=sys.stderr)
        sys.exit(1)


if __name__ == '__main__':
    main()
