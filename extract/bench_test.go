package extract_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// benchDocs returns real opinion texts totalling about limit bytes: the
// Supreme Court set in file order when the shared corpus is present, else
// copies of the sample opinion.
func benchDocs(b *testing.B, limit int) []string {
	b.Helper()
	var docs []string
	size := 0
	files, _ := filepath.Glob(filepath.Join(scotusDir, "*.html"))
	for _, f := range files {
		if size >= limit {
			break
		}
		ds, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range ds {
			docs = append(docs, d.Text)
			size += len(d.Text)
		}
	}
	if len(docs) == 0 {
		raw, err := os.ReadFile(sampleText)
		if err != nil {
			b.Fatal(err)
		}
		for ; size < limit; size += len(raw) {
			docs = append(docs, string(raw))
		}
	}
	return docs
}

// BenchmarkExtract measures extraction plus resolution on one goroutine
// (run it with -cpu 1 for one core) over real opinions. "docs" extracts
// each opinion on its own, as citegraph does; "text" extracts the same
// opinions joined into one text, the worst case for the resolver, which
// then holds every citation at once. Each comes in 1 MB and 10 MB, and ten
// times the text should take ten times as long.
func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b, 10<<20)
	for _, size := range []struct {
		name  string
		limit int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		var part []string
		n := 0
		for _, d := range docs {
			if n >= size.limit {
				break
			}
			part = append(part, d)
			n += len(d)
		}
		b.Run("docs-"+size.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, d := range part {
					extract.Extract(d)
				}
			}
		})
		text := strings.Join(part, "\n\n")
		b.Run("text-"+size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				extract.Extract(text)
			}
		})
	}
}

// BenchmarkCitationsMemory measures the memory the citations of one text
// hold while the extractor keeps them compactly (Extractor.Citations), in
// bytes a citation, against the size of a Citation: for a text of nothing
// but "Id." (the densest there is) and for real opinions joined into one
// text.
//
//	go test ./extract -run '^$' -bench CitationsMemory -benchtime 1x
func BenchmarkCitationsMemory(b *testing.B) {
	texts := []struct{ name, text string }{
		{"id", strings.Repeat("Id. Id. Id.\n", (2<<20)/12)},
		{"opinions", strings.Join(benchDocs(b, 10<<20), "\n\n")},
	}
	e := extract.New(nil)
	for _, t := range texts {
		b.Run(t.name, func(b *testing.B) {
			var held, n float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				cs, err := e.Citations(t.text, extract.Layout{})
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				held, n = float64(after.HeapAlloc)-float64(before.HeapAlloc), float64(cs.Len())
				runtime.KeepAlive(cs)
			}
			b.ReportMetric(held/n, "bytes/citation")
			b.ReportMetric(float64(unsafe.Sizeof(extract.Citation{})), "bytes/Citation")
			b.ReportMetric(n, "citations")
		})
	}
}
