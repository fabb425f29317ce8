package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strings"
)

// citationColumns are the fields every citation record of citegraph
// extract carries, in every table format (JSON lines, a JSON array, CSV,
// Parquet, the table for people), and which no opinion format has
// together.
var citationColumns = []string{"doc", "kind", "target"}

// IsCitationTable says whether a table with these columns (a CSV header,
// a Parquet schema's fields, the keys of a JSON record; compared without
// regard to case) holds citation records, as citegraph extract writes
// them, rather than documents: it has every one of doc, kind and target,
// whatever else it holds (README, Extract citations: fields are only ever
// added). Readers of opinions refuse such a table (ProblemCitationTable)
// instead of taking each citation, which has a text, for an opinion.
func IsCitationTable(columns []string) bool {
	for _, c := range citationColumns {
		if !slices.ContainsFunc(columns, func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), c) }) {
			return false
		}
	}
	return true
}

// errCitationTable explains ProblemCitationTable.
var errCitationTable = errors.New("records of citations as citegraph extract writes them (doc, kind, target), not opinions; citegraph build reads such a table when extract wrote it with --documents")

// CitationTableError is the error for the input at path, which holds
// citation records (see IsCitationTable) where opinions were expected.
func CitationTableError(path string) *ReadError {
	return &ReadError{Path: path, Offset: -1, Problem: ProblemCitationTable, Err: errCitationTable}
}

// isCitationJSON says whether the JSON object obj has the fields of a
// citation record. Only the keys are looked at: the values are skipped,
// not copied.
func isCitationJSON(obj []byte) bool {
	var keys map[string]skipValue
	if json.Unmarshal(obj, &keys) != nil {
		return false
	}
	cols := make([]string, 0, len(keys))
	for k := range keys {
		cols = append(cols, k)
	}
	return IsCitationTable(cols)
}

// skipValue decodes any JSON value into nothing.
type skipValue struct{}

func (*skipValue) UnmarshalJSON([]byte) error { return nil }

// isCitationText says whether a textual input is a table of citation
// records: its first line is a header naming the columns, separated by
// commas (extract -f csv) or by spaces (extract's table for people,
// "DOC  LINE  KIND  CITATION  PIN  TARGET  NOTE"), starting with doc. An
// opinion does not open with such a line.
func isCitationText(data []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n"), []byte("\n"))
	line = bytes.TrimSpace(line)
	var cols []string
	if bytes.IndexByte(line, ',') >= 0 {
		cols, _ = csv.NewReader(bytes.NewReader(line)).Read()
	} else {
		cols = strings.Fields(string(line))
	}
	return len(cols) > 0 && strings.EqualFold(cols[0], citationColumns[0]) && IsCitationTable(cols)
}
