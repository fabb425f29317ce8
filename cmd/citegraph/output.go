package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
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

// outputFile is a file a command is to write, and the flag that names it
// (for the message that refuses it).
type outputFile struct{ flag, path string }

// checkNotInput fails, as a usage error, an output that is one of the
// inputs, before anything is read: the files args name (globs expanded,
// folders walked as reading walks them, the nodes and edges files of a CSV
// graph pair included) and the files flags name (flagged: manifest,
// reporters, citation map...). Files are compared as files (os.SameFile),
// so a symbolic or hard link to an input is that input too. Outputs are
// replaced atomically and a graph file is read whole before its output is
// written, so no run would corrupt its input; but the input would be gone,
// replaced by the output, which is never what was meant. A file in a
// folder that reading passes over (see passedOver) is no input.
//
// Folders are walked only when an output already exists, so a first run
// costs nothing; a rerun lists its folders once more.
func checkNotInput(outs []outputFile, args []string, flagged ...string) error {
	type existing struct {
		outputFile
		fi os.FileInfo
	}
	var present []existing
	for _, out := range outs {
		if fi, err := os.Stat(out.path); err == nil && fi.Mode().IsRegular() {
			present = append(present, existing{out, fi})
		}
	}
	if len(present) == 0 {
		return nil
	}
	type input struct {
		path    string
		fromDir bool
	}
	var inputs []input
	for _, a := range append(slices.Clone(args), flagged...) {
		if a == "" || a == export.Stdout {
			continue
		}
		paths := []string{a}
		if _, err := os.Stat(a); err != nil && strings.ContainsAny(a, "*?[") {
			paths, _ = filepath.Glob(a)
		}
		for _, p := range paths {
			inputs = append(inputs, input{path: p})
			if nodes, edges, ok := graph.FindCSVPair(p); ok {
				inputs = append(inputs, input{path: nodes}, input{path: edges})
			} else if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				// What cannot be listed is reported when it is read.
				found, _ := corpus.Expand([]string{p})
				for _, in := range found {
					inputs = append(inputs, input{in.Path, in.FromDir})
				}
			}
		}
	}
	for _, out := range present {
		for _, in := range inputs {
			ifi, err := os.Stat(in.path)
			if err != nil || !os.SameFile(out.fi, ifi) || in.fromDir && passedOver(in.path) {
				continue
			}
			if in.path == out.path {
				return usagef("%s %s is also an input: give another output name (citegraph never writes over its input)", out.flag, out.path)
			}
			return usagef("%s %s is the input %s (the same file): give another output name (citegraph never writes over its input)", out.flag, out.path, in.path)
		}
	}
	return nil
}

// passedOver says whether reading a folder passes over the file at path
// as holding no opinions: citegraph's own outputs there (citation tables,
// set aside; graph files, ignored) are no input, so a rerun may write
// them again into the folder it reads. The reader decides, as it will
// when the folder is read.
func passedOver(path string) bool {
	docs, err := corpus.ReadFile(path, corpus.Options{})
	if len(docs) > 0 {
		return false
	}
	var re *corpus.ReadError
	return err == nil || errors.As(err, &re) && (re.Problem == corpus.ProblemCitationTable || re.Problem == corpus.ProblemNotDocument)
}

// graphOutputs are the files export.Save writes for out in format: two
// for CSV and Parquet, out itself otherwise.
func graphOutputs(out, format string) []outputFile {
	if out == export.Stdout {
		return nil
	}
	if format != export.CSV && format != export.Parquet {
		return []outputFile{{"-o", out}}
	}
	if _, err := os.Stat(out); err != nil && strings.HasSuffix(out, string(filepath.Separator)) {
		return nil // a folder to be made holds no input
	}
	nodes, edges, err := export.PairPaths(out, format)
	if err != nil {
		return nil
	}
	return []outputFile{{"-o", nodes}, {"-o", edges}}
}

// writeOutput writes citation records to the file out, atomically (see
// export.WriteFiles), or for "-" to the command's standard output, which
// streams but only ever receives whole records: a run that fails part way
// ends its output at the last complete record. With strict, standard
// output gets nothing from a run that fails: the records wait in a
// temporary file (not in memory) until the run is known good. So it is
// always for the JSON array (export.TableJSON), which is valid only whole:
// an interrupted run would leave an array never closed, so it is written
// only whole, and JSON lines are the format that streams.
func writeOutput(cmd *cobra.Command, out, format string, strict bool, write func(io.Writer) error) error {
	if out != export.Stdout {
		return export.WriteFiles(cmd.Context(), export.Output{Path: out, Write: write})
	}
	stdout := cmd.OutOrStdout()
	if strict || format == export.TableJSON {
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
