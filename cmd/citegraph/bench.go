package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
)

func init() { register(newBenchCmd) }

func newBenchCmd() *cobra.Command {
	var (
		in      inputFlags
		ex      extractorFlags
		seconds float64
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
the process. For the benchmarks of the Go test suite, see the README.`,
		Example: `  citegraph bench
  citegraph bench ../shared/corpus --jobs 2`,
		RunE: func(cmd *cobra.Command, args []string) error {
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
	return cmd
}

func mb(n int) float64 { return float64(n) / 1e6 }

func jobsOf(j int) int {
	if j > 0 {
		return j
	}
	return runtime.GOMAXPROCS(0)
}

// peakRSS returns the peak resident memory of the process, in MB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}
