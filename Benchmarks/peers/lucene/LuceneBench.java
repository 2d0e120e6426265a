// Runs the generic search workload of Benchmarks/peers through Lucene and prints the
// same JSON object as `hezamatch-bench index` and peers.py:
//
//   {"engine", "docs", "build_seconds", "index_bytes", "segments", "p50_us", "p99_us", "qps", "results", ...}
//
// Analysis: whitespace tokenizer, lower case, ASCII folding (đ -> d), so the terms are
// tantivy's and HezaMatch's folded terms. Field: documents and frequencies, norms, no
// positions. Scoring: BM25Similarity(k1 = 1.2, b = 0.75), Lucene's default. Top-k with a
// total-hits threshold of k, so block-max pruning is on (as tantivy's count=False).
// Latency: one thread, after a warm-up of --warmup-seconds (the JIT needs about 30 s),
// the median of --repeat runs of each query; p50/p99 over the queries.
//
// Built and run by Benchmarks/peers/lucene/run (see Benchmarks/README.md).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneBench {
    static final class Options {
        String docs, queries, mode = "or";
        int k = 10, repeat = 3, segments = 2;  // documents are flushed in `segments` equal parts
        double warmupSeconds = 30;
        boolean noResults = false;
        // For ten million documents: read and index in one pass, flushing every `ramBufferMB` (0: hold every text,
        // flush in `segments` equal parts); keep the index in `index` and open it there on later runs.
        int ramBufferMB = 0;
        String index;
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--docs" -> o.docs = args[++i];
                case "--queries" -> o.queries = args[++i];
                case "--mode" -> o.mode = args[++i];
                case "--k" -> o.k = Integer.parseInt(args[++i]);
                case "--repeat" -> o.repeat = Integer.parseInt(args[++i]);
                case "--segments" -> o.segments = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> o.warmupSeconds = Double.parseDouble(args[++i]);
                case "--no-results" -> o.noResults = true;
                case "--ram-buffer-mb" -> o.ramBufferMB = Integer.parseInt(args[++i]);
                case "--index" -> o.index = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.docs == null || o.queries == null) throw new IllegalArgumentException("--docs and --queries are required");
        if (!o.mode.equals("or") && !o.mode.equals("and")) throw new IllegalArgumentException("--mode is or or and");
        return o;
    }

    /** Whitespace, lower case, ASCII folding: the folded terms of the other engines. */
    static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new WhitespaceTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, stream);
        }
    }

    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) out.add(term.toString());
            stream.end();
        }
        return out;
    }

    static long directorySize(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        ObjectMapper json = new ObjectMapper();
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o.queries), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) queries.add(line.strip());
        }

        Analyzer analyzer = new FoldingAnalyzer();
        Path workdir = o.index != null ? Files.createDirectories(Path.of(o.index)) : Files.createTempDirectory("lucene-bench-");
        try {
            double build = 0;
            boolean kept;
            try (FSDirectory directory = FSDirectory.open(workdir)) { kept = DirectoryReader.indexExists(directory); }
            if (!kept) build = build(o, json, analyzer, workdir);
            long size = directorySize(workdir);

            try (FSDirectory directory = FSDirectory.open(workdir);
                 DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
                searcher.setQueryCache(null);
                BooleanClause.Occur occur = o.mode.equals("and") ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
                List<Query> compiled = new ArrayList<>();
                for (String q : queries) {
                    BooleanQuery.Builder builder = new BooleanQuery.Builder();
                    for (String t : terms(analyzer, q)) builder.add(new TermQuery(new Term("text", t)), occur);
                    compiled.add(builder.build());
                }
                final int k = o.k;
                java.util.function.Function<Query, TopDocs> run = query -> {
                    try {
                        return searcher.search(query, new TopScoreDocCollectorManager(k, null, k));
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                };

                // Warm-up: the JIT compiles the scorers only after many runs.
                long warmupEnd = System.nanoTime() + (long) (o.warmupSeconds * 1e9);
                long warmupRuns = 0;
                do {
                    for (Query query : compiled) { run.apply(query); warmupRuns++; }
                } while (System.nanoTime() < warmupEnd);

                StoredFields stored = searcher.storedFields();
                List<List<String>> results = new ArrayList<>();
                for (Query query : compiled) {
                    List<String> found = new ArrayList<>();
                    for (ScoreDoc hit : run.apply(query).scoreDocs) found.add(stored.document(hit.doc).get("id"));
                    results.add(found);
                }

                double[] latencies = new double[compiled.size()];
                double total = 0;
                long[] runs = new long[o.repeat];
                for (int i = 0; i < compiled.size(); i++) {
                    for (int r = 0; r < o.repeat; r++) {
                        long t0 = System.nanoTime();
                        run.apply(compiled.get(i));
                        runs[r] = System.nanoTime() - t0;
                        total += runs[r] / 1e3;
                    }
                    Arrays.sort(runs);
                    latencies[i] = runs[o.repeat / 2] / 1e3;
                }
                Arrays.sort(latencies);
                double p50 = latencies.length == 0 ? 0 : latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.5))];
                double p99 = latencies.length == 0 ? 0 : latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))];
                long qps = total == 0 ? 0 : Math.round(compiled.size() * o.repeat / (total / 1e6));

                Map<String, Object> output = new LinkedHashMap<>();
                output.put("build_seconds", Math.round(build * 1000) / 1000.0);
                output.put("docs", reader.numDocs());
                output.put("engine", "lucene " + Version.LATEST);
                output.put("index_bytes", size);
                output.put("k", o.k);
                output.put("mode", o.mode);
                output.put("p50_us", Math.round(p50 * 10) / 10.0);
                output.put("p99_us", Math.round(p99 * 10) / 10.0);
                output.put("positions", false);
                output.put("qps", qps);
                if (!o.noResults) output.put("results", results);
                output.put("segments", reader.leaves().size());
                output.put("warmup_runs", warmupRuns);
                output.put("warmup_seconds", o.warmupSeconds);
                System.out.println(json.writeValueAsString(output));
            }
        } finally {
            if (o.index == null) {
                try (Stream<Path> files = Files.walk(workdir)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Indexes `--docs` into `workdir`, merged into `segments` segments; returns the seconds it took (with
     *  `--ram-buffer-mb`, reading and parsing included, as they are interleaved). */
    static double build(Options o, ObjectMapper json, Analyzer analyzer, Path workdir) throws IOException {
        FieldType textType = new FieldType();
        textType.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        textType.setTokenized(true);
        textType.setOmitNorms(false);
        textType.freeze();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(1.2f, 0.75f));
        if (o.ramBufferMB > 0) {
            config.setRAMBufferSizeMB(o.ramBufferMB);
        } else {
            try (BufferedReader reader = Files.newBufferedReader(Path.of(o.docs), StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode node = json.readTree(line);
                    ids.add(node.get("id").asText());
                    texts.add(node.get("text").asText());
                }
            }
            config.setMaxBufferedDocs(Math.max(2, (ids.size() + o.segments - 1) / o.segments))
                  .setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH);
        }
        long start = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(workdir);
             IndexWriter writer = new IndexWriter(directory, config)) {
            if (o.ramBufferMB > 0) {
                try (BufferedReader reader = Files.newBufferedReader(Path.of(o.docs), StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.isBlank()) continue;
                        JsonNode node = json.readTree(line);
                        writer.addDocument(document(node.get("id").asText(), node.get("text").asText(), textType));
                    }
                }
            } else {
                for (int i = 0; i < ids.size(); i++) writer.addDocument(document(ids.get(i), texts.get(i), textType));
            }
            writer.forceMerge(o.segments);
            writer.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static Document document(String id, String text, FieldType textType) {
        Document doc = new Document();
        doc.add(new StoredField("id", id));
        doc.add(new Field("text", text, textType));
        return doc;
    }
}
