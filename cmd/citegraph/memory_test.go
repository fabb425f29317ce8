package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// densePeakBound is the promise for one citation-dense document: the
// peak resident memory of extract and build may be at most this many
// bytes per byte of input. A 20 MB file of nothing but "Id." holds 5.2
// million citations (one every 4 bytes, a hundred times denser than real
// opinions); the bound allows about 100 bytes per citation in all.
const densePeakBound = 25

// BenchmarkPeakMemoryCitationDense measures the peak resident memory of
// the built command on a 20 MB document of "Id. Id. Id." lines (issue 11:
// 6.2 GB before citations were made compact), for extract and build, and
// fails when it exceeds densePeakBound times the input. It runs the
// binary, so that the figure is the process's, as a user sees it:
//
//	go test ./cmd/citegraph -run '^$' -bench PeakMemory -benchtime 1x
func BenchmarkPeakMemoryCitationDense(b *testing.B) {
	bin := binaryB(b)
	in := filepath.Join(b.TempDir(), "id.txt")
	const size = 20 << 20
	if err := os.WriteFile(in, []byte(strings.Repeat("Id. Id. Id.\n", size/12)), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, args := range [][]string{
		{"extract", in, "-f", "jsonl", "-o", os.DevNull},
		{"build", in, "-f", "graphml", "-o", os.DevNull, "--measures", "none"},
	} {
		b.Run(args[0], func(b *testing.B) {
			var peak int64
			for range b.N {
				cmd := exec.Command(bin, append(args, "-q", "--max-citations", "10000000")...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
				peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss<<10) // KiB on Linux
			}
			b.ReportMetric(float64(peak)/1e6, "peak-MB")
			b.ReportMetric(float64(peak)/size, "peak-bytes/input-byte")
			if peak > densePeakBound*size {
				b.Errorf("peak memory %.0f MB for a %d MB document: over the bound of %d× the input (%d MB)",
					float64(peak)/1e6, size>>20, densePeakBound, densePeakBound*size>>20)
			}
		})
	}
}
