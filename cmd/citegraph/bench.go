package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

func init() { register(newBenchCmd) }

func newBenchCmd() *cobra.Command {
	var (
		in      inputFlags
		ex      extractorFlags
		seconds float64
		size    string
		edges   string
	)
	cmd := &cobra.Command{
		Use:   "bench [FILE|DIR|GLOB|-]...",
		Short: "Measure how fast citegraph reads and extracts your opinions",
		Long: `Bench measures citegraph on the opinions given (the embedded sample opinion
when none):

  end to end   reading, parsing and extracting every document on --jobs
               workers (one per core by default), as extract and build do
  extraction   finding and resolving citations on one core, the documents
               already in memory, repeated for about --seconds

It prints documents and megabytes of text per second, and the peak memory of
the process.

With --graph CASES,LINES it measures the graph engine instead: it writes a
random citation network of that size (power-law in-degrees, fixed seed; see
--edges), then reads it as rank would, runs PageRank and HITS, and prints the
time of each phase, the iterations and the peak memory.
graph/testdata/igraph_bench.py (in the source tree) runs python-igraph on the
same file. For the benchmarks of the Go test suite,
see the README.`,
		Example: `  citegraph bench
  citegraph bench ../shared/corpus --jobs 2
  citegraph bench --graph 3000000,30000000 --edges /tmp/3m.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if size != "" {
				if len(args) > 0 {
					return usagef("--graph takes no input files")
				}
				return benchGraph(cmd, size, edges)
			}
			if seconds <= 0 {
				return usagef("--seconds must be positive")
			}
			e, err := ex.extractor()
			if err != nil {
				return err
			}
			var texts []string
			input, textBytes := 0, 0
			start := time.Now()
			if len(args) == 0 {
				d := corpus.Sample()
				e.Extract(d.Text)
				texts = append(texts, d.Text)
				input, textBytes = len(d.Text), len(d.Text)
			} else {
				in.quiet = true
				work := func(d *corpus.Document) (int, error) { return len(e.Extract(d.Text)), nil }
				sum, err := processInputs(cmd, &in, args, work, func(d *corpus.Document, _ int) error {
					texts = append(texts, d.Text)
					textBytes += len(d.Text)
					return nil
				})
				if err != nil {
					return err
				}
				input = int(sum.Bytes)
			}
			wall := time.Since(start)
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "end to end   %d documents, %.2f MB of input in %.2f s: %.0f documents/s, %.1f MB/s (%d workers)\n",
				len(texts), mb(input), wall.Seconds(), float64(len(texts))/wall.Seconds(), mb(input)/wall.Seconds(), jobsOf(in.jobs))

			// One core: repeat the extraction of the texts in memory.
			cites, rounds := 0, 0
			start = time.Now()
			for time.Since(start).Seconds() < seconds || rounds == 0 {
				for _, t := range texts {
					cites += len(e.Extract(t))
				}
				rounds++
			}
			took := time.Since(start).Seconds()
			fmt.Fprintf(w, "extraction   %d citations in %.2f MB of text, %d rounds: %.1f MB/s, %.0f documents/s on one core\n",
				cites/rounds, mb(textBytes), rounds, mb(textBytes*rounds)/took, float64(len(texts)*rounds)/took)
			fmt.Fprintf(w, "peak memory  %.0f MB resident\n", peakRSS())
			return nil
		},
	}
	in.register(cmd)
	ex.register(cmd)
	cmd.Flags().Float64Var(&seconds, "seconds", 3, "how long to repeat the one-core extraction")
	cmd.Flags().StringVar(&size, "graph", "", "benchmark the graph engine on a random network of CASES,LINES (e.g. 3000000,30000000)")
	cmd.Flags().StringVar(&edges, "edges", "", "with --graph: the edge list to use, written first if it does not exist (default: a temporary file)")
	return cmd
}

// benchGraph times reading a synthetic edge list, PageRank and HITS.
func benchGraph(cmd *cobra.Command, size, path string) error {
	var cases, lines int
	if _, err := fmt.Sscanf(size, "%d,%d", &cases, &lines); err != nil || cases < 2 || lines < 0 {
		return usagef("--graph wants CASES,LINES, such as 3000000,30000000, not %q", size)
	}
	w := cmd.OutOrStdout()
	if path == "" {
		dir, err := os.MkdirTemp("", "citegraph-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "edges.txt")
	}
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		if err := export.WriteFile(path, func(out io.Writer) error { return graph.WriteSyntheticEdgeList(out, cases, lines, 1) }); err != nil {
			return err
		}
		fmt.Fprintf(w, "edge list    %s: %d cases, %d lines, written in %.1f s\n", path, cases, lines, time.Since(start).Seconds())
	} else {
		fmt.Fprintf(w, "edge list    %s (existing)\n", path)
	}
	// CPU time is reported beside the wall-clock time: on a shared
	// machine it says what the work costs whatever else runs.
	start, cpu := time.Now(), cpuTime()
	g, err := graph.ReadFile(path, graph.FormatEdgeList)
	if err != nil {
		return err
	}
	build := time.Since(start)
	fmt.Fprintf(w, "build        %.2f s (%.2f s CPU): %d cases, %d edges\n", build.Seconds(), cpuTime()-cpu, g.NodeCount(), g.EdgeCount())
	total := build
	for _, m := range []string{graph.PageRank, graph.Hub} {
		start, cpu := time.Now(), cpuTime()
		res, err := g.Rank(cmd.Context(), m, graph.RankOptions{})
		if err != nil {
			return err
		}
		took := time.Since(start)
		total += took
		name := map[string]string{graph.PageRank: "pagerank", graph.Hub: "hits"}[m]
		fmt.Fprintf(w, "%-12s %.2f s (%.2f s CPU): %d iterations, converged %v\n", name, took.Seconds(), cpuTime()-cpu, res.Iterations, res.Converged)
	}
	top, err := g.Top(graph.PageRank, 1)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "total        %.2f s (build, pagerank, hits); top pagerank %.6g (%s)\n", total.Seconds(), top[0].Score, top[0].Node.ID)
	fmt.Fprintf(w, "peak memory  %.0f MB resident; %d cores\n", peakRSS(), runtime.GOMAXPROCS(0))
	return nil
}

func mb(n int) float64 { return float64(n) / 1e6 }

func jobsOf(j int) int {
	if j > 0 {
		return j
	}
	return runtime.GOMAXPROCS(0)
}

// cpuTime returns the CPU time the process has used, in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// peakRSS returns the peak resident memory of the process, in MB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}
