package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/extract"
)

func init() { register(newExtractCmd) }

// extractorFlags choose the reporter table and the citation limit, for
// every command that extracts citations.
type extractorFlags struct {
	reporters    string
	maxCitations int
}

// defaultMaxCitations bounds the citations of one document. Real opinions
// carry about one citation per 500 bytes, so even a document of the
// largest size read (--max-size, 256 MiB) would hold about 540,000; the
// longest real opinions hold a few thousand. Past the bound a document is
// hostile or broken (a file of nothing but "Id."), and its citations
// alone would take memory out of proportion to its size.
const defaultMaxCitations = 1_000_000

func (f *extractorFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.reporters, "reporters", "",
		"extend the built-in reporter table with a reporters-db reporters.json file")
	fl.IntVar(&f.maxCitations, "max-citations", defaultMaxCitations,
		"most citations in one document: one with more is skipped with a warning (real opinions hold a few thousand)")
}

// check checks the values of the flags (see inputFlags.check).
func (f *extractorFlags) check() error {
	if f.maxCitations < 1 {
		return usagef("--max-citations must be at least 1, not %d", f.maxCitations)
	}
	return nil
}

// extractor returns an extractor with the built-in table, extended by
// --reporters when given.
func (f *extractorFlags) extractor() (*extract.Extractor, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	opts := extract.Options{MaxCitations: f.maxCitations}
	if f.reporters != "" {
		opts.Reporters = extract.DefaultReporters()
		if err := opts.Reporters.LoadReportersDBFile(f.reporters); err != nil {
			return nil, err
		}
	}
	return extract.NewWithOptions(opts), nil
}

func newExtractCmd() *cobra.Command {
	var (
		in        inputFlags
		ex        extractorFlags
		format    string
		out       string
		sample    bool
		documents bool
	)
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|GLOB|-]...",
		Short: "Find and resolve every citation in opinions",
		Long: `Extract finds every case and statute citation in the opinions given (files,
directories, globs, "-" or nothing for standard input; --sample for the
embedded sample opinion) and resolves short cites, supra, Id. and Ibid. to
the case they refer to.

Formats: table (for people), jsonl (one object per citation: the stable
contract, streamed as documents finish), json (one array, written only
whole: nothing from a run that fails or is interrupted), csv, parquet (the
jsonl fields as typed columns). With --documents, each document's citations follow one record of
kind "document" giving its identity, so that citegraph build can make the
graph from the table alone (as after a map step on a cluster).`,
		Example: `  citegraph extract --sample
  citegraph extract opinion.txt --format jsonl
  citegraph extract ../shared/corpus/scotus --manifest ../shared/corpus/scotus/manifest.csv -o cites.csv --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !validFormat(format) {
				return usagef("unknown --format %q (want one of %s)", format, strings.Join(recordFormats(), ", "))
			}
			if format == export.Parquet && out == export.Stdout {
				return usagef("Parquet is a binary file read as a whole: give -o FILE.parquet")
			}
			if err := checkOutput(cmd, out, ""); err != nil {
				return err
			}
			if err := in.check(); err != nil {
				return err
			}
			if err := ex.check(); err != nil {
				return err
			}
			if err := checkNotInput([]outputFile{{"-o", out}}, args, in.manifest, ex.reporters); err != nil {
				return err
			}
			// Reading finds the citation tables among opinions too (a
			// folder's are set aside), but only this finds a Parquet
			// one, and before anything is written.
			for _, a := range args {
				if export.IsRecordTable(a) != "" {
					return usageError{corpus.CitationTableError(a)}
				}
			}
			e, err := ex.extractor()
			if err != nil {
				return err
			}
			// Extraction's live heap is the documents in flight, a few
			// MB, while it allocates several bytes for each byte read:
			// collecting at five times the live heap rather than twice
			// takes a tenth off the run (README, Performance). GOGC, when
			// set, wins.
			if os.Getenv("GOGC") == "" {
				debug.SetGCPercent(400)
			}
			sample, err := useSample(cmd, sample, &in, args)
			if err != nil {
				return err
			}
			return writeOutput(cmd, out, format, in.strict, func(w io.Writer) error {
				var rw export.RecordWriter = export.NewParquetRecordWriter(w)
				if format != export.Parquet {
					if rw, err = extract.NewRecordWriter(w, format); err != nil {
						return err
					}
				}
				var rec extract.Record // one record, reused: one allocation per run
				emit := func(doc *corpus.Document, cites *extract.Citations) error {
					if documents {
						rec = export.DocumentRecord(doc)
						if err := rw.Write(&rec); err != nil {
							return err
						}
					}
					for _, c := range cites.All() {
						rec = extract.NewRecord(doc.ID, where(doc, c.Start), c)
						if err := rw.Write(&rec); err != nil {
							return err
						}
					}
					return nil
				}
				work := func(doc *corpus.Document) (*extract.Citations, error) {
					return extractDocument(e, doc)
				}
				if sample {
					doc := corpus.Sample()
					cites, _ := work(doc)
					if err := emit(doc, cites); err != nil {
						return err
					}
				} else if _, err := processInputs(cmd, &in, args, work, emit); err != nil {
					return err
				}
				return rw.Close()
			})
		},
	}
	in.register(cmd)
	ex.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "table", "output format: "+strings.Join(recordFormats(), ", "))
	fl.BoolVar(&documents, "documents", false, `before each document's citations, write a record of kind "document" with its identity (for citegraph build)`)
	fl.StringVarP(&out, "output", "o", "-", "write to this file (atomically) instead of standard output")
	fl.BoolVar(&sample, "sample", false, fmt.Sprintf("run on the embedded sample opinion (%s)", corpus.Sample().Meta.CaseName))
	return cmd
}

// extractDocument extracts the citations of doc with what its reader
// knows of its layout. A document over the citation limit is a
// *corpus.ReadError, which skips it (see corpus.Process). The citations
// stay in the extractor's compact form until they are written, one at a
// time: a document can hold millions.
func extractDocument(e *extract.Extractor, doc *corpus.Document) (*extract.Citations, error) {
	l := extract.Layout{Notes: make([]extract.Note, len(doc.Notes))}
	for i, n := range doc.Notes {
		l.Notes[i] = extract.Note{Start: n.Start, End: n.End, Mark: n.Mark, Continued: n.Continued}
	}
	cites, err := e.Citations(doc.Text, l)
	var le *extract.LimitError
	if errors.As(err, &le) {
		return nil, &corpus.ReadError{Path: doc.Path, Offset: -1, Problem: corpus.ProblemTooManyCitations, Err: err}
	}
	return cites, err
}

// where locates byte offset off of doc for a citation record.
func where(doc *corpus.Document, off int) extract.Where {
	w := extract.Where{Location: doc.PageAt(off)}
	if p, ok := doc.PartAt(off); ok {
		w.Opinion, w.Author = p.Opinion, p.Author
	}
	return w
}

// recordFormats are the formats of extract: the extractor's own, and
// Parquet.
func recordFormats() []string { return append(slices.Clone(extract.OutputFormats), export.Parquet) }

func validFormat(f string) bool { return slices.Contains(recordFormats(), f) }
