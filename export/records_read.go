package export

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// DocumentKind is the kind of the record `citegraph extract --documents`
// writes before each document's citations: the document's identity, in
// the fields a citation uses for the case it names (case_name; parallel
// for the document's own citations; court, court_id, year; opinion and
// author), and where that identity came from (identity_source).
const DocumentKind = "document"

// DocumentRecord is the record of kind DocumentKind for doc.
func DocumentRecord(doc *corpus.Document) extract.Record {
	return extract.Record{Doc: doc.ID, Kind: DocumentKind, CaseName: doc.Meta.CaseName, Parallel: slices.Clip(doc.Meta.Citations),
		Court: doc.Meta.Court, CourtID: extract.NormalizeCourt(doc.Meta.Court), Year: doc.Meta.Year(),
		Opinion: doc.Meta.Opinion, Author: doc.Meta.Author, Antecedent: -1, IdentitySource: doc.Meta.Source}
}

// Table formats ReadRecords reads, as IsRecordTable names them.
const (
	TableJSONLines = "jsonl"
	TableJSON      = "json"
	TableCSV       = "csv"
	TableParquet   = "parquet"
)

// IsRecordTable says whether the file at path is a table of citation
// records as citegraph extract writes them (JSON lines, a JSON array, CSV
// or Parquet, the textual ones also gzipped), and in which format; "" when
// it is not one. A table is known by its columns (corpus.IsCitationTable),
// whatever its name. Only a regular file is looked into: reading a named
// pipe (a process substitution) would consume what its reader needs.
func IsRecordTable(path string) string {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 4)
	if n, _ := io.ReadFull(f, head); n == 4 && string(head) == "PAR1" {
		fi, err := f.Stat()
		if err != nil {
			return ""
		}
		pf, err := parquet.OpenFile(f, fi.Size())
		if err != nil {
			return ""
		}
		var cols []string
		for _, f := range pf.Schema().Fields() {
			cols = append(cols, f.Name())
		}
		if corpus.IsCitationTable(cols) {
			return TableParquet
		}
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	br, err := gunzipped(f)
	if err != nil {
		return ""
	}
	line, _ := br.ReadSlice('\n')
	line = bytes.TrimSpace(line)
	format := TableJSONLines
	if string(line) == "[" {
		// extract -f json: "[", then one record a line.
		line, _ = br.ReadSlice('\n')
		line, format = bytes.TrimSuffix(bytes.TrimSpace(line), []byte(",")), TableJSON
	}
	if len(line) > 0 && line[0] == '{' {
		var keys map[string]json.RawMessage
		if json.Unmarshal(line, &keys) != nil {
			return ""
		}
		cols := make([]string, 0, len(keys))
		for k := range keys {
			cols = append(cols, k)
		}
		if corpus.IsCitationTable(cols) {
			return format
		}
		return ""
	}
	header, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err == nil && corpus.IsCitationTable(header) {
		return TableCSV
	}
	return ""
}

func gunzipped(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	return br, nil
}

// ReadRecords reads a table of citation records (see IsRecordTable) and
// hands each document with its citations to yield, in the table's order,
// as extraction gave them: the records of a document are consecutive, led
// by its DocumentKind record (citegraph extract --documents), which gives
// the document's identity and where it came from (Meta.Source, so that
// the graph ranks the documents of a case as it would have from the
// opinions). A table whose first record is not a DocumentKind record is
// refused: its citing cases would be bare ids, a graph unlike the one
// from the documents. Each citation is the one the record was made from
// (extract.NewRecord), as far as the graph needs: kind, reference,
// parallels, pin, name, court, year, signal, parenthetical, target and
// the page (Location) it sits on. The error names the file and the row
// that could not be read, an identity_source other than corpus's Source
// values or empty included. reporters
// tells a citation without a page ("74 U.S.") from one with it; nil means
// extract.DefaultReporters().
func ReadRecords(path, format string, reporters *extract.Reporters, yield func(*corpus.Document, []extract.Citation) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if reporters == nil {
		reporters = extract.DefaultReporters()
	}
	g := docGroup{reporters: reporters}
	each := func(row int, r *extract.Record) error {
		if err := g.add(r, yield); errors.Is(err, errNoDocuments) {
			return fmt.Errorf("%s: %w", path, err)
		} else if err != nil {
			return fmt.Errorf("%s: row %d: %w", path, row, err)
		}
		return nil
	}
	err = eachRecord(f, format, each)
	if err == nil {
		err = g.flush(yield)
	}
	if err != nil && !strings.HasPrefix(err.Error(), path) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return err
}

// eachRecord hands each record of the table in f to each, with its row.
func eachRecord(f *os.File, format string, each func(int, *extract.Record) error) error {
	switch format {
	case TableParquet:
		return parquetRecords(f, each)
	case TableJSONLines, TableJSON, TableCSV:
		br, err := gunzipped(f)
		if err != nil {
			return err
		}
		switch format {
		case TableCSV:
			return csvRecords(br, each)
		case TableJSON:
			return jsonArrayRecords(br, each)
		}
		return jsonRecords(br, each)
	}
	return fmt.Errorf("unknown table format %q", format)
}

func jsonRecords(br *bufio.Reader, each func(int, *extract.Record) error) error {
	dec := json.NewDecoder(br)
	for row := 1; ; row++ {
		var r extract.Record
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("row %d: %w", row, err)
		}
		if err := each(row, &r); err != nil {
			return err
		}
	}
}

// jsonArrayRecords reads a JSON array of records, one at a time.
func jsonArrayRecords(br *bufio.Reader, each func(int, *extract.Record) error) error {
	dec := json.NewDecoder(br)
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return fmt.Errorf("not a JSON array of records")
	}
	for row := 1; dec.More(); row++ {
		var r extract.Record
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("row %d: %w", row, err)
		}
		if err := each(row, &r); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("the array is not closed (an interrupted extract?): %w", err)
	}
	return nil
}

// recordField finds the field of extract.Record with a JSON name.
func recordField(name string) (int, bool) {
	for i, c := range recordColumns {
		if c.name == name {
			return i, true
		}
	}
	return 0, false
}

// setField sets field i of r from its text in a CSV cell.
func setField(r *extract.Record, i int, s string) error {
	v := reflect.ValueOf(r).Elem().Field(i)
	switch recordColumns[i].kind {
	case kString:
		v.SetString(s)
	case kInt:
		n, err := strconv.Atoi(cmp.Or(s, "0"))
		if err != nil {
			return fmt.Errorf("%s: %q is not a number", recordColumns[i].name, s)
		}
		v.SetInt(int64(n))
	case kBool:
		b, err := strconv.ParseBool(cmp.Or(s, "false"))
		if err != nil {
			return fmt.Errorf("%s: %q is not true or false", recordColumns[i].name, s)
		}
		v.SetBool(b)
	case kList:
		// extract's CSV joins lists with "; ".
		var items []string
		for _, it := range strings.Split(s, ";") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, it)
			}
		}
		v.Set(reflect.ValueOf(items))
	}
	return nil
}

func csvRecords(br *bufio.Reader, each func(int, *extract.Record) error) error {
	cr := csv.NewReader(br)
	header, err := cr.Read()
	if err != nil {
		return err
	}
	fields := make([]int, len(header))
	for k, name := range header {
		i, ok := recordField(name)
		if !ok {
			i = -1 // a column of a later version
		}
		fields[k] = i
	}
	for row := 2; ; row++ {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		r := extract.Record{Antecedent: -1}
		for k, cell := range cells {
			if k < len(fields) && fields[k] >= 0 {
				if err := setField(&r, fields[k], cell); err != nil {
					return fmt.Errorf("line %d: %w", row, err)
				}
			}
		}
		if err := each(row, &r); err != nil {
			return err
		}
	}
}

func parquetRecords(f *os.File, each func(int, *extract.Record) error) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, fi.Size())
	if err != nil {
		return err
	}
	// Each leaf column of the file, as the field of Record it fills.
	var fields []int
	for _, path := range pf.Schema().Columns() {
		i, ok := recordField(path[0])
		if !ok {
			i = -1
		}
		fields = append(fields, i)
	}
	rows := make([]parquet.Row, 256)
	n := 0
	for _, rg := range pf.RowGroups() {
		rr := rg.Rows()
		for {
			k, err := rr.ReadRows(rows)
			for _, row := range rows[:k] {
				n++
				r := extract.Record{Antecedent: -1}
				row.Range(func(col int, vals []parquet.Value) bool {
					if i := fields[col]; i >= 0 {
						setParquetField(&r, i, vals)
					}
					return true
				})
				if err := each(n, &r); err != nil {
					rr.Close()
					return err
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rr.Close()
				return err
			}
		}
		if err := rr.Close(); err != nil {
			return err
		}
	}
	return nil
}

// setParquetField sets field i of r from the values of its column in one
// row (a list's items, or one value, which may be NULL).
func setParquetField(r *extract.Record, i int, vals []parquet.Value) {
	v := reflect.ValueOf(r).Elem().Field(i)
	if recordColumns[i].kind == kList {
		var items []string
		for _, x := range vals {
			if !x.IsNull() {
				items = append(items, x.String())
			}
		}
		v.Set(reflect.ValueOf(items))
		return
	}
	if len(vals) == 0 || vals[0].IsNull() {
		return
	}
	switch recordColumns[i].kind {
	case kString:
		v.SetString(vals[0].String())
	case kInt:
		v.SetInt(vals[0].Int64())
	case kBool:
		v.SetBool(vals[0].Boolean())
	}
}

// docGroup gathers the consecutive records of one document.
type docGroup struct {
	reporters *extract.Reporters
	doc       *corpus.Document
	cites     []extract.Citation
	kinds     []extract.Kind // each citation's kind as recorded
	started   bool           // the first record was read
}

// errNoDocuments refuses a table written without --documents.
var errNoDocuments = errors.New("a citation table without document records: run extract with --documents")

func (g *docGroup) add(r *extract.Record, yield func(*corpus.Document, []extract.Citation) error) error {
	if !g.started {
		// Without its document records a table says nothing of the
		// citing cases: each would be a bare id, not the case the
		// documents themselves give.
		if r.Kind != DocumentKind {
			return errNoDocuments
		}
		g.started = true
	}
	if g.doc == nil || r.Doc != g.doc.ID || r.Kind == DocumentKind {
		if err := g.flush(yield); err != nil {
			return err
		}
		g.doc = &corpus.Document{ID: r.Doc, Path: r.Doc}
	}
	if r.Kind == DocumentKind {
		m := &g.doc.Meta
		m.CaseName, m.Citations, m.Court, m.Opinion, m.Author = r.CaseName, r.Parallel, r.Court, r.Opinion, r.Author
		if r.Year > 0 {
			m.Date = fmt.Sprintf("%04d", r.Year)
		}
		switch r.IdentitySource {
		case "", corpus.SourceFormat, corpus.SourceManifest, corpus.SourceText:
			m.Source = r.IdentitySource
		default:
			return fmt.Errorf("document %s: unknown identity_source %q (want %s, %s, %s or none)", r.Doc, r.IdentitySource,
				corpus.SourceFormat, corpus.SourceManifest, corpus.SourceText)
		}
		return nil
	}
	kind, ok := extract.ParseKind(r.Kind)
	if !ok {
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	c := extract.Citation{Kind: kind, Start: r.Start, End: r.End, Line: r.Line, Text: r.Text,
		Ref: extract.Ref{Volume: r.Volume, Reporter: r.Reporter, Page: r.Page}, Pin: r.Pin,
		CaseName: r.CaseName, Plaintiff: r.Plaintiff, Defendant: r.Defendant, Court: r.Court, CourtID: r.CourtID, Year: r.Year,
		Signal: r.Signal, Parenthetical: r.Parenthetical, Nested: r.Nested, Antecedent: r.Antecedent,
		Reason: r.Reason, Warning: r.Warning, Suspect: r.Suspect}
	for _, p := range r.Parallel {
		if ref, ok := g.parseRef(p); ok {
			c.Parallel = append(c.Parallel, ref)
		}
	}
	if r.Target != "" {
		c.Target, c.TargetName = g.parseTarget(r.Target)
	}
	// A short form resolved to a statute, legislative material, a secondary source or the
	// record refers to that kind of authority, which the graph keeps apart
	// from cases: its antecedent, the citation it went through, says which.
	if a := r.Antecedent; kind != extract.Full && a >= 0 && a < len(g.kinds) {
		if ak := g.kinds[a]; ak.IsAuthority() {
			c.Kind = ak
		}
	}
	if r.Location != "" {
		g.doc.Pages = append(g.doc.Pages, corpus.PageMark{Offset: r.Start, Page: r.Location})
	}
	// The opinion of a document of several (a slip opinion's dissent):
	// consecutive citations of one opinion make one part.
	if r.Opinion != "" {
		parts := g.doc.Parts
		if n := len(parts); n > 0 && parts[n-1].Opinion == r.Opinion && parts[n-1].Author == r.Author && parts[n-1].End <= r.Start {
			parts[n-1].End = max(parts[n-1].End, r.End)
		} else if n == 0 || parts[n-1].End <= r.Start {
			g.doc.Parts = append(parts, corpus.Part{Span: corpus.Span{Start: r.Start, End: max(r.End, r.Start+1)}, Opinion: r.Opinion, Author: r.Author})
		}
	}
	g.cites = append(g.cites, c)
	g.kinds = append(g.kinds, kind)
	return nil
}

// parseTarget reads a record's target back: "424 U.S. 409", a statute
// ("42 U.S.C. § 1983", "Rev. Stat. § 1979"), or a slip cite or an order
// with the name of its case ("556 U.S. ___ (Cone v. Bell)", "501 U.S.
// 1201 (Smith v. Jones)", see extract.NewRecord).
func (g *docGroup) parseTarget(s string) (extract.Ref, string) {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		// A slip cite not yet paged, or an order on a page of orders,
		// named for its case (see extract.Citation.TargetName).
		if ref, ok := extract.ParseRef(s[:i]); ok && ref.Page != "" && (strings.Trim(ref.Page, "_") == "" || ref.Page[0] >= '0' && ref.Page[0] <= '9') {
			return ref, s[i+2 : len(s)-1]
		}
	}
	if ref, ok := g.parseRef(s); ok {
		return ref, ""
	}
	return extract.Ref{Reporter: s}, "" // a statute without a title
}

// parseRef reads a reference as extract.Ref.String writes it, a page-less
// one ("74 U.S.", "74 F. Supp.") included, which takes knowing the
// reporters.
func (g *docGroup) parseRef(s string) (extract.Ref, bool) {
	if vol, rep, ok := strings.Cut(s, " "); ok && strings.Trim(vol, "0123456789") == "" && g.reporters.Lookup(rep) != nil {
		return extract.Ref{Volume: vol, Reporter: rep}, true
	}
	return extract.ParseRef(s)
}

// flush hands on the document gathered so far.
func (g *docGroup) flush(yield func(*corpus.Document, []extract.Citation) error) error {
	if g.doc == nil {
		return nil
	}
	// Page marks must ascend; citations come in text order, but a
	// footnote's may come after the body's.
	slices.SortStableFunc(g.doc.Pages, func(a, b corpus.PageMark) int { return a.Offset - b.Offset })
	err := yield(g.doc, g.cites)
	g.doc, g.cites, g.kinds = nil, nil, g.kinds[:0]
	return err
}
