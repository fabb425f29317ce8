package extract_test

import (
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// benchText returns real opinion text: the sample opinion, repeated to
// reach about n bytes.
func benchText(b *testing.B, n int) string {
	b.Helper()
	raw, err := os.ReadFile(sampleText)
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(raw), max(1, n/len(raw)))
}

func BenchmarkExtract(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		text := benchText(b, size.n)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				extract.Extract(text)
			}
		})
	}
}
