package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// benchCorpus returns real opinion text to measure on: the plain text of
// the Supreme Court set when the shared corpus is present, else the sample
// opinion repeated, about limit bytes either way.
func benchCorpus(b *testing.B, limit int) string {
	b.Helper()
	var sb strings.Builder
	files, _ := filepath.Glob(filepath.Join(scotusDir, "*.html"))
	for _, f := range files {
		docs, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			sb.WriteString(d.Text)
			sb.WriteString("\n\n")
		}
		if sb.Len() >= limit {
			break
		}
	}
	if sb.Len() == 0 {
		raw, err := os.ReadFile(sampleText)
		if err != nil {
			b.Fatal(err)
		}
		sb.WriteString(strings.Repeat(string(raw), limit/len(raw)+1))
	}
	s := sb.String()
	return s[:min(len(s), limit)]
}

// BenchmarkExtract measures extraction plus resolution on one goroutine
// (run with -cpu 1 for one core). The two sizes show that the time grows
// linearly with the text: the 10MB case should take ten times the 1MB one.
func BenchmarkExtract(b *testing.B) {
	text := benchCorpus(b, 10<<20)
	for _, size := range []struct {
		name string
		text string
	}{{"1MB", text[:len(text)/10]}, {"10MB", text}} {
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(size.text)))
			for b.Loop() {
				extract.Extract(size.text)
			}
		})
	}
}
