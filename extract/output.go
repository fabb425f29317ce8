package extract

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// OutputFormats are the formats RecordWriter can write.
var OutputFormats = []string{"table", "jsonl", "json", "csv"}

// RecordWriter writes citation records in one of OutputFormats. Records
// are streamed as they come (the table aligns its columns per block of
// records, so it too is written as it goes); Close finishes the output.
type RecordWriter struct {
	w      *bufio.Writer
	format string
	n      int
	enc    *json.Encoder
	csv    *csv.Writer
	tab    *tabwriter.Writer
}

// csvHeader is the column order of the CSV output.
var csvHeader = []string{"doc", "kind", "text", "start", "end", "line", "location", "opinion", "author", "volume", "reporter",
	"page", "pin", "parallel", "case_name", "plaintiff", "defendant", "year", "court", "court_id", "signal",
	"parenthetical", "nested", "target", "antecedent", "reason", "warning", "suspect"}

// NewRecordWriter returns a writer of the named format to w.
func NewRecordWriter(w io.Writer, format string) (*RecordWriter, error) {
	rw := &RecordWriter{w: bufio.NewWriterSize(w, 64<<10), format: format}
	switch format {
	case "jsonl", "json":
		rw.enc = json.NewEncoder(rw.w)
		rw.enc.SetEscapeHTML(false)
	case "csv":
		rw.csv = csv.NewWriter(rw.w)
		if err := rw.csv.Write(csvHeader); err != nil {
			return nil, err
		}
	case "table":
		rw.tab = tabwriter.NewWriter(rw.w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(rw.tab, "DOC\tLINE\tKIND\tCITATION\tPIN\tTARGET\tNOTE")
	default:
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(OutputFormats, ", "))
	}
	return rw, nil
}

// Write writes one record.
func (rw *RecordWriter) Write(r *Record) error {
	defer func() { rw.n++ }()
	switch rw.format {
	case "jsonl":
		return rw.enc.Encode(r)
	case "json":
		sep := ",\n"
		if rw.n == 0 {
			sep = "[\n"
		}
		if _, err := rw.w.WriteString(sep); err != nil {
			return err
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		_, err = rw.w.Write(b)
		return err
	case "csv":
		return rw.csv.Write([]string{r.Doc, r.Kind, r.Text, strconv.Itoa(r.Start), strconv.Itoa(r.End),
			strconv.Itoa(r.Line), r.Location, r.Opinion, r.Author, r.Volume, r.Reporter, r.Page, r.Pin, strings.Join(r.Parallel, "; "),
			r.CaseName, r.Plaintiff, r.Defendant, yearString(r.Year), r.Court, r.CourtID, r.Signal, r.Parenthetical,
			strconv.FormatBool(r.Nested), r.Target, strconv.Itoa(r.Antecedent), r.Reason, r.Warning, strconv.FormatBool(r.Suspect)})
	default:
		note := r.Reason
		if note == "" {
			note = r.Warning
		}
		if _, err := fmt.Fprintf(rw.tab, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", r.Doc, r.Line, r.Kind,
			oneLine(r.Text, 60), r.Pin, r.Target, note); err != nil {
			return err
		}
		if rw.n%256 == 255 { // align per block so that huge outputs stream
			return rw.tab.Flush()
		}
		return nil
	}
}

// Close finishes the output and flushes it.
func (rw *RecordWriter) Close() error {
	switch rw.format {
	case "json":
		end := "\n]\n"
		if rw.n == 0 {
			end = "[]\n"
		}
		if _, err := rw.w.WriteString(end); err != nil {
			return err
		}
	case "csv":
		rw.csv.Flush()
		if err := rw.csv.Error(); err != nil {
			return err
		}
	case "table":
		if err := rw.tab.Flush(); err != nil {
			return err
		}
	}
	return rw.w.Flush()
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// oneLine collapses white space and shortens s to at most n runes for a
// table cell.
func oneLine(s string, n int) string {
	s = normalizeSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
