package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// synthetic feeds a Builder a national-size corpus without reading one:
// every case is a document citing `cites` earlier cases (skewed towards a
// few, as real citations are), each by one full citation with its
// parallel citation, a pin, and short forms. Documents are made one at a
// time, so the input never sits in memory.
func synthetic(tb testing.TB, b *Builder, cases, cites int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 1))
	ref := func(i int) extract.Ref {
		return extract.Ref{Volume: strconv.Itoa(1 + i/1000), Reporter: "F.3d", Page: strconv.Itoa(1 + i%1000)}
	}
	parallel := func(i int) extract.Ref {
		return extract.Ref{Volume: strconv.Itoa(1 + i/800), Reporter: "F. App'x", Page: strconv.Itoa(1 + i%800)}
	}
	opinions := []string{"majority", "majority", "majority", "concurrence", "dissent"}
	signals := []string{"", "", "See", "Cf.", "See also"}
	var cs []extract.Citation
	d := &corpus.Document{Meta: corpus.Meta{Court: "ca9", Citations: make([]string, 1)}}
	for i := range cases {
		d.ID = "case" + strconv.Itoa(i)
		d.Meta.Citations[0] = ref(i).String()
		d.Meta.Opinion = opinions[i%len(opinions)]
		d.Meta.Date = strconv.Itoa(1800 + i*220/cases)
		cs = cs[:0]
		for k := 0; k < cites && i > 0; k++ {
			to := i - 1 - int(float64(i)*math.Pow(r.Float64(), 3))
			pin := strconv.Itoa(1 + r.IntN(40))
			c := extract.Citation{Kind: extract.Full, Ref: ref(to), Target: ref(to), Parallel: []extract.Ref{parallel(to)},
				CaseName: "Case " + strconv.Itoa(to), Year: 1800 + to*220/cases, Pin: pin, Signal: signals[r.IntN(len(signals))]}
			cs = append(cs, c)
			for range r.IntN(3) {
				cs = append(cs, extract.Citation{Kind: extract.ID, Target: ref(to), Pin: strconv.Itoa(1 + r.IntN(40))})
			}
		}
		if err := b.Add(d, cs); err != nil {
			tb.Fatal(err)
		}
	}
}

// quickRefs stands in for the extractor on the synthetic documents' own
// citations ("12 F.3d 345"), which it would read the same way.
func quickRefs(s string) []extract.Ref {
	f := strings.Fields(s)
	return []extract.Ref{{Volume: f[0], Reporter: strings.Join(f[1:len(f)-1], " "), Page: f[len(f)-1]}}
}

// peakRSS returns the process's peak resident set size in bytes (Linux).
func peakRSS() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb * 1024
		}
	}
	return 0
}

func liveHeap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc)
}

// BenchmarkSynthetic builds and ranks a synthetic graph. The national
// size (3 million cases, 30 million citing pairs) runs alone, so that
// the peak RSS it reports is its own:
//
//	go test -run '^$' -bench 'Synthetic/3M' -benchtime 1x -timeout 2h ./graph
func BenchmarkSynthetic(b *testing.B) {
	for _, size := range []struct {
		name  string
		cases int
	}{{"30k", 30_000}, {"300k", 300_000}, {"3M", 3_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			for range b.N {
				benchBuildRank(b, quickRefs, func(bld *Builder) { synthetic(b, bld, size.cases, 10, 1) })
			}
		})
	}
}

// BenchmarkEdgeList reads a power-law edge list (WriteSyntheticEdgeList)
// and ranks it, as citegraph bench --graph does. The 3M size is the one
// the README quotes; run it alone:
//
//	go test -run '^$' -bench 'EdgeList/3M' -benchtime 1x -timeout 1h ./graph
func BenchmarkEdgeList(b *testing.B) {
	for _, size := range []struct {
		name         string
		cases, lines int
	}{{"100k", 100_000, 1_000_000}, {"3M", 3_000_000, 30_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			path := b.TempDir() + "/edges.txt"
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := WriteSyntheticEdgeList(f, size.cases, size.lines, 1); err != nil {
				b.Fatal(err)
			}
			f.Close()
			b.ResetTimer()
			for range b.N {
				benchRank(b, func() *Graph {
					g, err := ReadFile(path, FormatEdgeList)
					if err != nil {
						b.Fatal(err)
					}
					return g
				})
			}
		})
	}
}

// BenchmarkScotus builds and ranks the shared Supreme Court set from
// citations extracted beforehand (extraction is the extractor's
// benchmark, not this one).
func BenchmarkScotus(b *testing.B) {
	docs, err := readDocs(sharedDir(b, "scotus"), "*.html")
	if err != nil {
		b.Fatal(err)
	}
	cites := make([][]extract.Citation, len(docs))
	for i, d := range docs {
		cites[i] = extract.Extract(d.Text)
	}
	b.ResetTimer()
	for range b.N {
		benchBuildRank(b, nil, func(bld *Builder) {
			for i, d := range docs {
				if err := bld.Add(d, cites[i]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchBuildRank builds a graph from what feed adds, then ranks it, and
// reports the time of each step, the heap the graph holds (beyond what
// was live before the build, such as a benchmark's input) and the
// process's peak RSS.
func benchBuildRank(b *testing.B, normalize func(string) []extract.Ref, feed func(*Builder)) {
	benchRank(b, func() *Graph {
		bld := NewBuilder(Options{Normalize: normalize})
		feed(bld)
		g, err := bld.Graph()
		if err != nil {
			b.Fatal(err)
		}
		return g
	})
}

// benchRank times build, then PageRank and HITS on what it built.
func benchRank(b *testing.B, build func() *Graph) {
	before := liveHeap()
	start := time.Now()
	g := build()
	built := time.Since(start)
	heap := liveHeap() - before
	t := time.Now()
	pr, err := g.Rank(context.Background(), PageRank, RankOptions{})
	if err != nil {
		b.Fatal(err)
	}
	prTime := time.Since(t)
	t = time.Now()
	hits, err := g.Rank(context.Background(), Hub, RankOptions{})
	if err != nil {
		b.Fatal(err)
	}
	hitsTime := time.Since(t)
	b.ReportMetric(float64(g.NodeCount()), "nodes")
	b.ReportMetric(float64(g.EdgeCount()), "edges")
	b.ReportMetric(built.Seconds(), "build-s")
	b.ReportMetric(prTime.Seconds(), "pagerank-s")
	b.ReportMetric(hitsTime.Seconds(), "hits-s")
	b.ReportMetric(heap/(1<<20), "graph-heap-MiB")
	b.ReportMetric(peakRSS()/(1<<20), "peak-RSS-MiB")
	b.Logf("%d nodes, %d edges; build %v, pagerank %v (%d iterations), hits %v (%d iterations); heap with graph %.0f MiB; peak RSS %.0f MiB",
		g.NodeCount(), g.EdgeCount(), built.Round(time.Millisecond), prTime.Round(time.Millisecond), pr.Iterations,
		hitsTime.Round(time.Millisecond), hits.Iterations, heap/(1<<20), peakRSS()/(1<<20))
	runtime.KeepAlive(g)
}
