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
	"unicode/utf8"
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
	buf    []byte // a JSON line being written
	csv    *csv.Writer
	tab    *tabwriter.Writer
}

// csvHeader is the column order of the CSV output.
var csvHeader = []string{"doc", "kind", "text", "start", "end", "line", "location", "opinion", "author", "volume", "reporter",
	"page", "pin", "parallel", "case_name", "plaintiff", "defendant", "year", "court", "court_id", "signal",
	"parenthetical", "nested", "target", "antecedent", "reason", "warning", "suspect",
	"identity_source"}

// NewRecordWriter returns a writer of the named format to w.
func NewRecordWriter(w io.Writer, format string) (*RecordWriter, error) {
	rw := &RecordWriter{w: bufio.NewWriterSize(w, 64<<10), format: format}
	switch format {
	case "jsonl", "json":
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
		rw.buf = append(appendRecordJSON(rw.buf[:0], r), '\n')
		_, err := rw.w.Write(rw.buf)
		return err
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
			strconv.FormatBool(r.Nested), r.Target, strconv.Itoa(r.Antecedent), r.Reason, r.Warning, strconv.FormatBool(r.Suspect), r.IdentitySource})
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

// appendRecordJSON appends r as one JSON object, as encoding/json writes
// it with SetEscapeHTML(false) (extract's tests hold the two to the same
// bytes), except that a nil list is [] as the contract says. Written by
// hand because it runs once per citation: reflection made JSON lines a
// third of the cost of extracting them.
func appendRecordJSON(b []byte, r *Record) []byte {
	b = appendKey(b, '{', "doc")
	b = appendJSONString(b, r.Doc)
	b = appendKey(b, ',', "kind")
	b = appendJSONString(b, r.Kind)
	b = appendKey(b, ',', "text")
	b = appendJSONString(b, r.Text)
	b = appendKey(b, ',', "start")
	b = strconv.AppendInt(b, int64(r.Start), 10)
	b = appendKey(b, ',', "end")
	b = strconv.AppendInt(b, int64(r.End), 10)
	b = appendKey(b, ',', "line")
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = appendKey(b, ',', "location")
	b = appendJSONString(b, r.Location)
	b = appendKey(b, ',', "opinion")
	b = appendJSONString(b, r.Opinion)
	b = appendKey(b, ',', "author")
	b = appendJSONString(b, r.Author)
	b = appendKey(b, ',', "volume")
	b = appendJSONString(b, r.Volume)
	b = appendKey(b, ',', "reporter")
	b = appendJSONString(b, r.Reporter)
	b = appendKey(b, ',', "page")
	b = appendJSONString(b, r.Page)
	b = appendKey(b, ',', "pin")
	b = appendJSONString(b, r.Pin)
	b = appendKey(b, ',', "parallel")
	b = append(b, '[')
	for i, p := range r.Parallel {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, p)
	}
	b = append(b, ']')
	b = appendKey(b, ',', "case_name")
	b = appendJSONString(b, r.CaseName)
	b = appendKey(b, ',', "plaintiff")
	b = appendJSONString(b, r.Plaintiff)
	b = appendKey(b, ',', "defendant")
	b = appendJSONString(b, r.Defendant)
	b = appendKey(b, ',', "year")
	b = strconv.AppendInt(b, int64(r.Year), 10)
	b = appendKey(b, ',', "court")
	b = appendJSONString(b, r.Court)
	b = appendKey(b, ',', "court_id")
	b = appendJSONString(b, r.CourtID)
	b = appendKey(b, ',', "signal")
	b = appendJSONString(b, r.Signal)
	b = appendKey(b, ',', "parenthetical")
	b = appendJSONString(b, r.Parenthetical)
	b = appendKey(b, ',', "nested")
	b = strconv.AppendBool(b, r.Nested)
	b = appendKey(b, ',', "target")
	b = appendJSONString(b, r.Target)
	b = appendKey(b, ',', "antecedent")
	b = strconv.AppendInt(b, int64(r.Antecedent), 10)
	b = appendKey(b, ',', "reason")
	b = appendJSONString(b, r.Reason)
	b = appendKey(b, ',', "warning")
	b = appendJSONString(b, r.Warning)
	b = appendKey(b, ',', "suspect")
	b = strconv.AppendBool(b, r.Suspect)
	b = appendKey(b, ',', "identity_source")
	b = appendJSONString(b, r.IdentitySource)
	return append(b, '}')
}

func appendKey(b []byte, sep byte, key string) []byte {
	b = append(b, sep, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json does
// without HTML escaping: quotes, backslashes and control characters
// escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped for
// JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			switch r {
			case utf8.RuneError:
				b = append(b, `\ufffd`...)
			default:
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			}
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonPlain marks the bytes a JSON string holds as they are: ASCII but
// control bytes, quotes and backslashes. One lookup a byte, in the loop
// that every string of every record goes through.
var jsonPlain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

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
