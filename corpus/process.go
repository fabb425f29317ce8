package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Summary counts what a run read and what it could not.
type Summary struct {
	Files int   // inputs opened
	Docs  int   // documents read
	Bytes int64 // bytes of input read (as stored: compressed for gzip)
	// Skipped counts documents and inputs that could not be read, by
	// problem.
	Skipped map[Problem]int
	// Ignored counts files found in directories that hold no opinions
	// (a ground-truth list, a settings file).
	Ignored int
	// Tables counts the citation tables found in directories (see
	// IsCitationTable): citegraph's own output, written beside its input,
	// set aside.
	Tables int
}

// SkippedTotal returns the number of skipped documents and inputs.
func (s Summary) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// String reports the summary in one line, problems in a fixed order.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d document%s from %d file%s (%s)", s.Docs, plural(s.Docs), s.Files, plural(s.Files), FormatBytes(s.Bytes))
	if n := s.SkippedTotal(); n > 0 {
		probs := make([]string, 0, len(s.Skipped))
		for p := range s.Skipped {
			probs = append(probs, string(p))
		}
		sort.Strings(probs)
		parts := make([]string, len(probs))
		for i, p := range probs {
			parts[i] = fmt.Sprintf("%d %s", s.Skipped[Problem(p)], p)
		}
		fmt.Fprintf(&b, "; skipped %d: %s", n, strings.Join(parts, ", "))
	}
	if s.Ignored > 0 {
		fmt.Fprintf(&b, "; ignored %d file%s holding no opinions", s.Ignored, plural(s.Ignored))
	}
	if s.Tables > 0 {
		fmt.Fprintf(&b, "; ignored %d citation table%s", s.Tables, plural(s.Tables))
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// FormatBytes renders a byte count for people: "512 B", "3.4 MB".
func FormatBytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}

// Progress is reported after each record is emitted.
type Progress struct {
	Docs, Skipped int
	// Bytes of input read so far, against TotalBytes, the size of all
	// inputs (-1 when unknown, as for standard input).
	Bytes, TotalBytes int64
}

// Hooks observe a Process run. Both are called on the goroutine that
// called Process, in input order.
type Hooks struct {
	// Skip is told of each document or input that could not be read.
	Skip func(*ReadError)
	// Progress is told how far the run is.
	Progress func(Progress)
	// SetAside is told of each citation table found in a directory
	// (ProblemCitationTable), which is not read and not an error: the
	// output of an earlier run, written into the folder it read.
	SetAside func(*ReadError)
}

// Process reads inputs (see Expand) and runs work on each document on
// opts.Jobs workers, then hands every document and its result to emit in
// input order (a directory's files sorted, a file's documents as they
// stand), whatever the number of workers: results are the same for any
// Jobs. Memory is bounded by the documents in flight, a few per worker,
// not by the corpus. Documents that cannot be read are counted in the
// Summary and passed to hooks.Skip; an error from work or emit, or the
// cancellation of ctx, stops the run and is returned.
func Process[R any](ctx context.Context, inputs []Input, opts Options, hooks Hooks,
	work func(*Document) (R, error), emit func(*Document, R) error) (Summary, error) {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	total := int64(0)
	for _, in := range inputs {
		if in.Size < 0 {
			total = -1
			break
		}
		total += in.Size
	}

	window := make(chan struct{}, 4*jobs)
	order := make(chan *item[R], 4*jobs)
	todo := make(chan *item[R])
	produced := make(chan struct{})
	go func() {
		defer close(produced)
		defer close(order)
		defer close(todo)
		produce(ctx, inputs, opts, window, order, todo)
	}()
	var workers sync.WaitGroup
	workers.Add(jobs)
	for range jobs {
		go func() {
			defer workers.Done()
			for {
				select {
				case it, ok := <-todo:
					if !ok {
						return
					}
					it.run(ctx, opts, work)
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	sum := Summary{Skipped: map[Problem]int{}}
	err := collect(ctx, order, window, hooks, emit, &sum, total)
	cancel()
	workers.Wait()
	// The producer ends at its next step once ctx is done, except when it
	// is blocked reading an input that never ends (standard input from a
	// pipe left open): that read cannot be interrupted, so a cancelled run
	// waits for it only a moment and returns; the reading goroutine ends
	// when the read does.
	select {
	case <-produced:
	case <-time.After(producerGrace):
	}
	if err == nil {
		err = parent.Err()
	}
	return sum, err
}

// producerGrace is how long a cancelled Process waits for its reader.
const producerGrace = 200 * time.Millisecond

// item is one record on its way through the pipeline.
type item[R any] struct {
	rec       record
	fromDir   bool
	newFile   bool  // first record of its input
	readSoFar int64 // input bytes read when the record was cut
	done      chan struct{}
	docs      []*Document
	results   []R
	skip      error        // the record could not be read
	skipped   []*ReadError // documents work refused
	fatal     error        // work failed
}

func (it *item[R]) run(ctx context.Context, opts Options, work func(*Document) (R, error)) {
	defer close(it.done)
	if ctx.Err() != nil {
		return
	}
	docs, err := parseRecord(it.rec, opts)
	it.rec.data = nil
	it.skip = err
	for _, d := range docs {
		r, err := work(d)
		var re *ReadError
		if errors.As(err, &re) {
			c := *re
			c.Path, c.Line = d.Path, it.rec.line
			if d.ID != d.Path && c.Line == 0 {
				c.Err = fmt.Errorf("document %s: %w", d.ID, re.Err)
			}
			it.skipped = append(it.skipped, &c)
			continue
		}
		if err != nil {
			it.fatal = fmt.Errorf("%s: %w", d.ID, err)
			return
		}
		it.docs = append(it.docs, d)
		it.results = append(it.results, r)
	}
}

// produce cuts the inputs into records and queues them, both for the
// workers (todo) and, in input order, for the collector (order). The window
// semaphore bounds the records in flight.
func produce[R any](ctx context.Context, inputs []Input, opts Options, window chan struct{}, order, todo chan *item[R]) {
	var base int64 // bytes of the inputs already finished
	send := func(it *item[R]) bool {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		it.done = make(chan struct{})
		select {
		case order <- it:
		case <-ctx.Done():
			return false
		}
		select {
		case todo <- it:
			return true
		case <-ctx.Done():
			close(it.done)
			return false
		}
	}
	for _, in := range inputs {
		if in.Err != nil {
			if !send(&item[R]{rec: record{path: in.Path, err: in.Err}, readSoFar: base}) {
				return
			}
			continue
		}
		r, closeFn, err := open(in, opts)
		if err != nil {
			if !send(&item[R]{rec: record{path: in.Path, err: err}, fromDir: in.FromDir, newFile: true, readSoFar: base}) {
				return
			}
			continue
		}
		cr := &countingReader{r: r, size: in.Size}
		first, stopped := true, false
		err = records(in.Path, cr, opts, func(rec record) bool {
			it := &item[R]{rec: rec, fromDir: in.FromDir, newFile: first, readSoFar: base + cr.n}
			first = false
			stopped = !send(it)
			return !stopped
		})
		closeFn()
		base += cr.n
		if stopped {
			return
		}
		if err != nil && !send(&item[R]{rec: record{path: in.Path, err: err}, fromDir: in.FromDir, newFile: first, readSoFar: base}) {
			return
		}
	}
}

func open(in Input, opts Options) (io.Reader, func(), error) {
	if in.Path == "-" {
		if opts.Stdin != nil {
			return opts.Stdin, func() {}, nil
		}
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(in.Path)
	if err != nil {
		return nil, nil, &ReadError{Path: in.Path, Offset: -1, Problem: ProblemUnreadable, Err: unwrapPathError(err)}
	}
	return f, func() { f.Close() }, nil
}

// collect takes items in input order as they finish and hands them on.
func collect[R any](ctx context.Context, order chan *item[R], window chan struct{}, hooks Hooks,
	emit func(*Document, R) error, sum *Summary, total int64) error {
	for {
		var it *item[R]
		select {
		case next, ok := <-order:
			if !ok {
				return nil
			}
			it = next
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case <-it.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if it.newFile {
			sum.Files++
		}
		if it.fatal != nil {
			return it.fatal
		}
		for i, d := range it.docs {
			if err := emit(d, it.results[i]); err != nil {
				return err
			}
			sum.Docs++
		}
		skips := it.skipped
		if it.skip != nil {
			var re *ReadError
			if !errors.As(it.skip, &re) {
				re = &ReadError{Path: it.rec.path, Offset: -1, Problem: ProblemUnreadable, Err: it.skip}
			}
			switch {
			case re.Problem == ProblemNotDocument && it.fromDir:
				sum.Ignored++
			case re.Problem == ProblemCitationTable && it.fromDir:
				sum.Tables++
				if hooks.SetAside != nil {
					hooks.SetAside(re)
				}
			default:
				skips = append(skips, re)
			}
		}
		for _, re := range skips {
			sum.Skipped[re.Problem]++
			if hooks.Skip != nil {
				hooks.Skip(re)
			}
		}
		sum.Bytes = it.readSoFar
		if hooks.Progress != nil {
			hooks.Progress(Progress{Docs: sum.Docs, Skipped: sum.SkippedTotal(), Bytes: sum.Bytes, TotalBytes: total})
		}
	}
}
