package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Manifest gives documents their identity from a spreadsheet, for corpora
// whose files say little about themselves. It is CSV, or TSV when the
// header holds a tab, with a header row naming the columns:
//
//	file,case_name,citations,court,date[,opinion]
//
// file is the document's file name (matched on its base name, with any .gz
// dropped) or, for a record of a multi-document file, the record's ID;
// citations lists the case's own parallel citations separated by ';'.
// Column names are matched without regard to case; other columns are
// ignored. Only file and one of case_name or citations are required.
type Manifest struct {
	rows map[string]Meta
}

// manifestColumns maps accepted header names to the field they fill.
var manifestColumns = map[string]string{
	"file": "file", "filename": "file", "path": "file", "id": "file",
	"case_name": "case_name", "name": "case_name", "caption": "case_name",
	"citations": "citations", "citation": "citations", "cites": "citations",
	"court": "court", "date": "date", "decision_date": "date", "date_filed": "date",
	"opinion": "opinion", "type": "opinion",
}

// LoadManifest reads the manifest at path.
func LoadManifest(path string) (*Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	return ParseManifest(path, f)
}

// ParseManifest reads a manifest from r; name is used in errors.
func ParseManifest(name string, r io.Reader) (*Manifest, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4096)
	cr := csv.NewReader(br)
	if nl := bytes.IndexByte(head, '\n'); bytes.IndexByte(head[:max(nl, 0)], '\t') >= 0 || (nl < 0 && bytes.IndexByte(head, '\t') >= 0) {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("manifest %s: empty; it needs a header row naming file,case_name,citations,court,date", name)
		}
		return nil, fmt.Errorf("manifest %s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if f, ok := manifestColumns[h]; ok {
			if _, dup := col[f]; !dup {
				col[f] = i
			}
		}
	}
	if _, ok := col["file"]; !ok {
		return nil, fmt.Errorf("manifest %s: no file column in header %q", name, strings.Join(header, ","))
	}
	_, hasName := col["case_name"]
	_, hasCites := col["citations"]
	if !hasName && !hasCites {
		return nil, fmt.Errorf("manifest %s: no case_name or citations column in header %q", name, strings.Join(header, ","))
	}
	m := &Manifest{rows: map[string]Meta{}}
	firstLine := map[string]int{}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(f string) string {
			if i, ok := col[f]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		key := manifestKey(get("file"))
		if key == "" {
			return nil, fmt.Errorf("manifest %s:%d: empty file column", name, line)
		}
		if prev, dup := firstLine[key]; dup {
			return nil, fmt.Errorf("manifest %s:%d: %s is already listed on line %d", name, line, key, prev)
		}
		firstLine[key] = line
		meta := Meta{
			CaseName:  get("case_name"),
			Citations: splitCitations(get("citations")),
			Court:     get("court"),
			Date:      get("date"),
			Opinion:   normalOpinion(get("opinion")),
		}
		if meta.HasIdentity() {
			meta.Source = SourceManifest
		}
		m.rows[key] = meta
	}
	return m, nil
}

// manifestKey is the base name of a file, without a .gz suffix.
func manifestKey(file string) string {
	file = strings.TrimSpace(file)
	if file == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(filepath.FromSlash(file)), ".gz")
}

// Len returns the number of rows.
func (m *Manifest) Len() int {
	if m == nil {
		return 0
	}
	return len(m.rows)
}

// Lookup returns the row for d: by its ID, else (for a file holding one
// document) by the base name of its path. A nil Manifest has no rows.
func (m *Manifest) Lookup(d *Document) (Meta, bool) {
	return m.lookup(d, true)
}

func (m *Manifest) lookup(d *Document, byPath bool) (Meta, bool) {
	if m == nil {
		return Meta{}, false
	}
	if row, ok := m.rows[d.ID]; ok {
		return row, true
	}
	if !byPath {
		return Meta{}, false
	}
	row, ok := m.rows[manifestKey(d.Path)]
	return row, ok
}
