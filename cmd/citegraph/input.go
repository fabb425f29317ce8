package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/citegraph/citegraph/corpus"
)

// inputFlags are the flags of every command that reads opinions, so that
// extract and build take their inputs the same way.
type inputFlags struct {
	manifest string
	jobs     int
	quiet    bool
	strict   bool
	maxSize  int64 // MiB
	maxLine  int   // MiB
	noSyl    bool
	encoding string
	bulk     string

	// courtListener holds the tables of --courtlistener-bulk once loaded;
	// opinions, when a command sets it, records the cluster of every
	// opinion read from them.
	courtListener *corpus.Bulk
	opinions      *corpus.OpinionClusters
}

// register adds the input flags to cmd.
func (f *inputFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.manifest, "manifest", "", "CSV/TSV giving each file's identity: file,case_name,citations,court,date (citations separated by ';')")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "documents read and processed in parallel, on as many cores (default: one per core)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar and no summary on standard error")
	fl.BoolVar(&f.strict, "strict", false, "fail (exit 1) if any document cannot be read, instead of skipping it with a warning")
	fl.Int64Var(&f.maxSize, "max-size", corpus.DefaultMaxSize>>20, "largest document read, in MiB (after decompression)")
	fl.IntVar(&f.maxLine, "max-line", corpus.DefaultMaxLine>>20, "longest line of a text or JSON-lines input, in MiB")
	fl.BoolVar(&f.noSyl, "no-syllabus", false, "leave out the syllabus of slip opinions (the Reporter of Decisions' summary, not the Court's opinion)")
	fl.StringVar(&f.encoding, "encoding", "", "character encoding of text and markup inputs, e.g. windows-1252, latin1, utf-16le (default: UTF-16 by its byte order mark, UTF-8 if valid, else Windows-1252)")
	fl.StringVar(&f.bulk, "courtlistener-bulk", "", "folder of CourtListener's bulk files: cases, courts and citations for its opinions file (read when no input is named)")
}

// check checks the values of the flags, as usage errors. Every command
// calls it before any work, whatever path it then takes (the sample, a
// graph file), so that a wrong value never passes for being unused.
func (f *inputFlags) check() error {
	if f.jobs < 0 {
		return usagef("--jobs must be at least 1 (0 means one per core), not %d", f.jobs)
	}
	if f.maxSize <= 0 || f.maxLine <= 0 {
		return usagef("--max-size and --max-line must be positive")
	}
	if f.encoding != "" {
		if _, err := corpus.LookupEncoding(f.encoding); err != nil {
			return usagef("--encoding: %v", err)
		}
	}
	return nil
}

// options checks the flags and loads the manifest.
func (f *inputFlags) options(cmd *cobra.Command) (corpus.Options, error) {
	if err := f.check(); err != nil {
		return corpus.Options{}, err
	}
	opts := corpus.Options{
		Jobs:       f.jobs,
		MaxSize:    f.maxSize << 20,
		MaxLine:    f.maxLine << 20,
		Encoding:   f.encoding,
		Stdin:      cmd.InOrStdin(),
		NoSyllabus: f.noSyl,
	}
	if f.manifest != "" {
		m, err := corpus.LoadManifest(f.manifest)
		if err != nil {
			return corpus.Options{}, err
		}
		opts.Manifest = m
	}
	if f.bulk != "" && f.courtListener == nil {
		b, err := loadBulk(cmd, f.bulk, opts, f.quiet)
		if err != nil {
			return corpus.Options{}, err
		}
		f.courtListener = b
	}
	opts.CourtListener, opts.Opinions = f.courtListener, f.opinions
	return opts, nil
}

// useSample says whether a command that reads opinions runs on the
// embedded sample: when --sample asks for it, or when it is given no input
// and standard input is a terminal (nothing is piped), which a one-line
// notice on standard error says. Otherwise the command reads args, or
// standard input when there are none, or with --courtlistener-bulk and no
// input the opinions file there.
func useSample(cmd *cobra.Command, sample bool, in *inputFlags, args []string) (bool, error) {
	switch {
	case sample && len(args) > 0:
		return false, usagef("--sample takes no input files")
	case sample && (in.manifest != "" || in.bulk != ""):
		return false, usagef("--sample is the embedded opinion, whose identity is known: --manifest and --courtlistener-bulk do not apply")
	case sample:
		return true, nil
	case len(args) > 0 || in.bulk != "" || !isTerminal(cmd.InOrStdin()):
		return false, nil
	}
	if !in.quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "citegraph: no input given: running on the embedded sample opinion (%s); name files or folders, or pipe opinions in\n",
			corpus.Sample().Meta.CaseName)
	}
	return true, nil
}

// loadBulk reads the identity tables of CourtListener's bulk files in dir.
func loadBulk(cmd *cobra.Command, dir string, opts corpus.Options, quiet bool) (*corpus.Bulk, error) {
	files, err := corpus.FindBulkFiles(dir)
	if err != nil {
		return nil, usageError{err}
	}
	start := time.Now()
	b, err := corpus.LoadBulk(files, opts)
	if err != nil {
		return nil, err
	}
	stderr := cmd.ErrOrStderr()
	if b.Skipped > 0 {
		fmt.Fprintf(stderr, "citegraph: warning: skipped %d rows of CourtListener's tables; the first: %v\n", b.Skipped, b.FirstSkip)
	}
	if !quiet {
		fmt.Fprintf(stderr, "citegraph: %d CourtListener clusters from %s in %.1f s\n", b.Len(), dir, time.Since(start).Seconds())
	}
	return b, nil
}

// processInputs reads the documents named by args (files, directories,
// globs, "-" for standard input; standard input when args is empty) and
// runs work on each on the worker pool; emit
// receives each document and its result in input order. Warnings for
// skipped documents and the closing summary go to standard error, with a
// progress bar when that is a terminal and the run lasts. With --strict the
// first skipped document stops the run with an error, so that the caller
// writes nothing.
func processInputs[R any](cmd *cobra.Command, f *inputFlags, args []string,
	work func(*corpus.Document) (R, error), emit func(*corpus.Document, R) error) (corpus.Summary, error) {
	opts, err := f.options(cmd)
	if err != nil {
		return corpus.Summary{}, err
	}
	if len(args) == 0 && opts.CourtListener != nil {
		if args = []string{opts.CourtListener.Files.Opinions}; args[0] == "" {
			return corpus.Summary{}, usagef("--courtlistener-bulk %s holds no opinions-YYYY-MM-DD.csv.bz2: name the opinions file", f.bulk)
		}
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	inputs, err := corpus.Expand(args)
	if err != nil {
		return corpus.Summary{}, err
	}
	// --jobs N holds the run to N cores, not only to N workers: the
	// reader, the writer and the collector take turns with the workers
	// instead of waking an idle core for every document handed on,
	// which cost --jobs 1 a tenth more CPU time than its one worker's
	// (README, Performance).
	if f.jobs > 0 && f.jobs < runtime.GOMAXPROCS(0) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(f.jobs))
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	stderr := cmd.ErrOrStderr()
	bar := newProgress(stderr, f.quiet)
	var stopErr error
	stop := func(err error) {
		if stopErr == nil {
			stopErr = err
			cancel()
		}
	}
	// A file named (or piped in) whole that yields no document is an
	// error: it was asked for by name, so skipping it would answer
	// another question than the one put. A folder's files, and the
	// records of a stream, are skipped with a warning. A file's documents
	// come before its skip (corpus.Process), so read is known by then.
	named := map[string]bool{}
	for _, in := range inputs {
		// A folder that cannot be listed comes back as an input of its
		// own (with Err), named only if it was.
		named[in.Path] = !in.FromDir && (in.Err == nil || slices.Contains(args, in.Path))
	}
	read := map[string]bool{}
	emitRead := func(doc *corpus.Document, r R) error {
		read[doc.Path] = true
		return emit(doc, r)
	}
	hooks := corpus.Hooks{
		Skip: func(e *corpus.ReadError) {
			bar.clear()
			switch {
			case e.Problem == corpus.ProblemCitationTable:
				// Named, or piped in: the user gave citegraph's output
				// for its input, which no warning should let pass.
				stop(usageError{e})
				return
			case named[e.Path] && e.Line == 0 && !read[e.Path]:
				stop(fmt.Errorf("no opinion read from an input named on the command line: %v (a folder's unreadable files are skipped with a warning)", e))
				return
			}
			fmt.Fprintf(stderr, "citegraph: warning: skipped %v\n", e)
			if f.strict {
				stop(fmt.Errorf("%v (--strict: stopping at the first document that cannot be read)", e))
			}
		},
		SetAside: func(e *corpus.ReadError) {
			bar.clear()
			fmt.Fprintf(stderr, "citegraph: warning: ignored %s: a citation table (citegraph's output), not opinions\n", e.Path)
		},
		Progress: bar.update,
	}
	sum, err := corpus.Process(ctx, inputs, opts, hooks, work, emitRead)
	bar.finish()
	if stopErr != nil {
		return sum, stopErr
	}
	if err != nil {
		if cmd.Context().Err() != nil {
			return sum, fmt.Errorf("interrupted after %d documents", sum.Docs)
		}
		return sum, err
	}
	if sum.Docs == 0 {
		// An empty result is never what was asked for: say so rather
		// than write an empty graph.
		if len(inputs) == 0 {
			return sum, fmt.Errorf("no opinion read: %s holds no document files (%s)", strings.Join(args, ", "), corpus.DocumentExtensions())
		}
		return sum, fmt.Errorf("no opinion read: %s", sum)
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "citegraph: %s\n", sum)
	}
	return sum, nil
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress draws a progress bar on a terminal once a run has lasted a
// moment; short runs and piped output stay quiet.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	bar   *progressbar.ProgressBar
}

// progressDelay is how long a run goes before it earns a progress bar.
const progressDelay = time.Second

func newProgress(w io.Writer, quiet bool) *progress {
	return &progress{w: w, on: !quiet && isTerminal(w), start: time.Now()}
}

func (p *progress) update(pr corpus.Progress) {
	if !p.on {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < progressDelay {
			return
		}
		p.bar = progressbar.NewOptions64(pr.TotalBytes,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
		)
	}
	elapsed := time.Since(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("%d docs (%.0f/s)", pr.Docs, float64(pr.Docs)/elapsed))
	_ = p.bar.Set64(pr.Bytes)
}

func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
