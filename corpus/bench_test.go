package corpus

import (
	"context"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkSharedCorpus reads the whole shared corpus into Documents, end
// to end (walk, read, detect, parse, identify, ordered emit) on 2 workers,
// and reports documents/s, MB/s, the peak live heap and the peak resident
// size of the process.
func BenchmarkSharedCorpus(b *testing.B) {
	sharedSet(b, "")
	inputs, err := Expand([]string{sharedDir})
	if err != nil {
		b.Fatal(err)
	}
	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	go sampleHeap(&peakHeap, stop)
	defer close(stop)
	var docs int
	var bytes int64
	b.ResetTimer()
	for range b.N {
		sum, err := Process(context.Background(), inputs, Options{Jobs: 2}, Hooks{},
			func(d *Document) (struct{}, error) { return struct{}{}, nil },
			func(*Document, struct{}) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		docs, bytes = sum.Docs, sum.Bytes
	}
	secs := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(docs)/secs, "docs/s")
	b.ReportMetric(float64(bytes)/1e6/secs, "MB/s")
	b.ReportMetric(float64(docs), "docs")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "peak-heap-MiB")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
	}
}

// sampleHeap records the largest live heap seen until stop closes.
func sampleHeap(peak *atomic.Uint64, stop chan struct{}) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
		}
	}
}

// peakRSS reads the process's high-water resident size (Linux), or 0.
func peakRSS() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
