package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/export"
)

// checkOutput fails, as a usage error, an output that cannot be written,
// before the command does any work: a file in a folder that does not
// exist, a format that cannot go to standard output (CSV is two files; a
// PNG would fill a terminal with bytes). A CSV target that names a folder
// ("out/") is created as needed, so it passes.
func checkOutput(cmd *cobra.Command, out, format string) error {
	if out == export.Stdout {
		switch {
		case format == export.CSV:
			return usagef("CSV is two files (nodes and edges) and cannot go to standard output: give -o FILE.csv or -o FOLDER/")
		case format == export.PNG && isTerminal(cmd.OutOrStdout()):
			return usagef("a PNG picture cannot go to a terminal: give -o FILE.png, or redirect standard output")
		}
		return nil
	}
	if format == export.CSV && strings.HasSuffix(out, string(filepath.Separator)) {
		return nil
	}
	dir := filepath.Dir(out)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return usagef("-o %s: folder %s does not exist", out, dir)
	case !fi.IsDir():
		return usagef("-o %s: %s is not a folder", out, dir)
	}
	return nil
}

// writeOutput writes citation records to the file out, atomically (see
// export.WriteFiles), or for "-" to the command's standard output, which
// streams but only ever receives whole records: a run that fails part way
// ends its output at the last complete record. With strict, standard
// output gets nothing from a run that fails: the records wait in a
// temporary file (not in memory) until the run is known good.
func writeOutput(cmd *cobra.Command, out, format string, strict bool, write func(io.Writer) error) error {
	if out != export.Stdout {
		return export.WriteFiles(cmd.Context(), export.Output{Path: out, Write: write})
	}
	stdout := cmd.OutOrStdout()
	if strict {
		return spooled(stdout, write)
	}
	rw := &recordWriter{w: stdout, csv: format == "csv"}
	if err := write(rw); err != nil {
		return err
	}
	return rw.flush()
}

// spooled runs write against a temporary file and copies the result to w
// once write succeeded.
func spooled(w io.Writer, write func(io.Writer) error) error {
	f, err := os.CreateTemp("", "citegraph-*.tmp")
	if err != nil {
		return fmt.Errorf("spool standard output: %w", err)
	}
	defer f.Close()
	// Gone from the directory at once: nothing to clean up after a crash.
	os.Remove(f.Name())
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("spool standard output: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool standard output: %w", err)
	}
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("write standard output: %w", err)
	}
	return nil
}

// recordWriter passes on whole records only, keeping the start of an
// unfinished one until the rest comes. Every output format of extract
// ends a record with a newline (JSON and the table never put one inside a
// record); in CSV a newline inside a quoted field is not an end, so quotes
// are counted there.
type recordWriter struct {
	w       io.Writer
	csv     bool
	pending []byte // output not yet passed on
	end     int    // pending[:end] are whole records
	quoted  bool   // CSV: inside a quoted field at the end of pending
}

// recordFlush is how much output recordWriter gathers before writing it.
const recordFlush = 64 << 10

func (r *recordWriter) Write(p []byte) (int, error) {
	from := len(r.pending)
	r.pending = append(r.pending, p...)
	if !r.csv {
		if i := bytes.LastIndexByte(p, '\n'); i >= 0 {
			r.end = from + i + 1
		}
	} else {
		for i, c := range p {
			switch {
			case c == '"':
				r.quoted = !r.quoted
			case c == '\n' && !r.quoted:
				r.end = from + i + 1
			}
		}
	}
	if r.end >= recordFlush {
		if _, err := r.w.Write(r.pending[:r.end]); err != nil {
			return 0, fmt.Errorf("write standard output: %w", err)
		}
		r.pending = append(r.pending[:0], r.pending[r.end:]...)
		r.end = 0
	}
	return len(p), nil
}

// flush writes what is pending: the run succeeded, so the output is
// complete.
func (r *recordWriter) flush() error {
	if _, err := r.w.Write(r.pending); err != nil {
		return fmt.Errorf("write standard output: %w", err)
	}
	r.pending, r.end = nil, 0
	return nil
}
