package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/bzip2"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// CourtListener publishes its database as bulk files, one per table, each
// the output of PostgreSQL's COPY ... TO STDOUT WITH (FORMAT csv, ENCODING
// utf8, HEADER, ESCAPE '\', FORCE_QUOTE *) compressed with bzip2
// (scripts/make_bulk_data.sh in freelawproject/courtlistener). citegraph
// reads five of them:
//
//	opinions-DATE.csv.bz2          one row per opinion: its markup and text, type, author, cluster_id
//	opinion-clusters-DATE.csv.bz2  one row per case: case_name, date_filed, docket_id
//	dockets-DATE.csv.bz2           court_id of each docket
//	citations-DATE.csv.bz2         volume, reporter, page of each cluster's citations
//	citation-map-DATE.csv.bz2      CourtListener's citing → cited opinion pairs, with depth

// BulkFiles are the files of one CourtListener bulk export; a field is
// empty when the file is absent.
type BulkFiles struct {
	Opinions, Clusters, Dockets, Citations, CitationMap string
}

// bulkKinds maps the file name prefixes of CourtListener's bulk files to
// the field of BulkFiles they fill. "opinion-clusters" is matched before
// "opinions" by the date pattern that must follow the prefix.
var bulkKinds = []struct {
	prefix string
	field  func(*BulkFiles) *string
}{
	{"opinions", func(f *BulkFiles) *string { return &f.Opinions }},
	{"opinion-clusters", func(f *BulkFiles) *string { return &f.Clusters }},
	{"dockets", func(f *BulkFiles) *string { return &f.Dockets }},
	{"citations", func(f *BulkFiles) *string { return &f.Citations }},
	{"citation-map", func(f *BulkFiles) *string { return &f.CitationMap }},
}

var bulkNameRE = regexp.MustCompile(`^([a-z-]+?)-(\d{4}-\d{2}-\d{2})\.csv(\.bz2|\.gz)?$`)

// FindBulkFiles finds the bulk files in dir by CourtListener's names
// (opinions-2025-06-30.csv.bz2, also decompressed as .csv or recompressed
// as .csv.gz): of each kind the newest by the date in its name. The
// clusters file is required.
func FindBulkFiles(dir string) (BulkFiles, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return BulkFiles{}, fmt.Errorf("--courtlistener-bulk %s: %w", dir, unwrapPathError(err))
	}
	var files BulkFiles
	newest := map[string]string{}
	for _, e := range entries {
		m := bulkNameRE.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		for _, k := range bulkKinds {
			if m[1] == k.prefix && m[2] >= newest[k.prefix] {
				// Of two files of the same date, the compressed one is
				// as published; the other a copy.
				if m[2] == newest[k.prefix] && m[3] == "" {
					continue
				}
				newest[k.prefix] = m[2]
				*k.field(&files) = filepath.Join(dir, e.Name())
			}
		}
	}
	if files.Clusters == "" {
		return files, fmt.Errorf("--courtlistener-bulk %s: no opinion-clusters-YYYY-MM-DD.csv.bz2 file there", dir)
	}
	return files, nil
}

// Bulk is the identity of every case (opinion cluster) of a CourtListener
// bulk export, from its clusters, dockets and citations files: case name,
// date, court and citations. It is kept compact, in columns sorted by
// cluster id with the strings in one arena, so that CourtListener's ten
// million clusters fit in about a gigabyte (see the README for the figure
// measured).
type Bulk struct {
	Files BulkFiles

	ids    []int64  // cluster ids, ascending
	names  []uint32 // arena offset of the case name
	dates  []int32  // yyyymmdd; yyyy0000 for a year only; 0 unknown
	courts []uint16 // index into courtIDs; 0 unknown
	citeAt []uint32 // citations of cluster i: cites[citeAt[i]:citeAt[i+1]]
	cites  []uint32 // arena offsets of citations
	arena  []byte   // strings, each prefixed by its length as a uvarint

	courtIDs []string
	courtOf  map[string]uint16

	// Skipped counts the rows of the tables that could not be read;
	// FirstSkip says where and why the first was.
	Skipped   int
	FirstSkip error
}

// LoadBulk reads the clusters file of files, then the dockets and
// citations files when present. Rows that cannot be read are skipped
// and counted in Bulk.Skipped; a file that cannot be read at all is an
// error.
func LoadBulk(files BulkFiles, opts Options) (*Bulk, error) {
	b := &Bulk{Files: files, courtIDs: []string{""}, courtOf: map[string]uint16{"": 0}, arena: []byte{0}}
	dockets, err := b.loadClusters(files.Clusters, opts)
	if err != nil {
		return nil, err
	}
	if files.Dockets != "" {
		if err := b.loadDockets(files.Dockets, dockets, opts); err != nil {
			return nil, err
		}
	}
	if files.Citations != "" {
		if err := b.loadCitations(files.Citations, opts); err != nil {
			return nil, err
		}
	} else {
		b.citeAt = make([]uint32, len(b.ids)+1)
	}
	// The arena grew by doubling: keep only what it holds.
	b.arena, b.courtOf = slices.Clone(b.arena), nil
	return b, nil
}

// Len returns the number of clusters.
func (b *Bulk) Len() int { return len(b.ids) }

// Cluster returns the identity of the cluster with id, and false when the
// clusters file has no such cluster. Date is ISO 8601, only the year when
// CourtListener marks the date approximate.
func (b *Bulk) Cluster(id int64) (Meta, bool) {
	i, ok := slices.BinarySearch(b.ids, id)
	if !ok {
		return Meta{}, false
	}
	m := Meta{CaseName: b.str(b.names[i]), Court: b.courtIDs[b.courts[i]], Date: formatDate(b.dates[i]), Source: SourceFormat}
	for _, off := range b.cites[b.citeAt[i]:b.citeAt[i+1]] {
		m.Citations = append(m.Citations, b.str(off))
	}
	return m, true
}

// Clusters calls yield with the id of every cluster, ascending, until it
// returns false.
func (b *Bulk) Clusters(yield func(int64) bool) {
	for _, id := range b.ids {
		if !yield(id) {
			return
		}
	}
}

func (b *Bulk) str(off uint32) string {
	n, k := binary.Uvarint(b.arena[off:])
	return string(b.arena[int(off)+k : int(off)+k+int(n)])
}

// add puts s in the arena and returns its offset; the empty string is at 0.
func (b *Bulk) add(s []byte) (uint32, error) {
	if len(s) == 0 {
		return 0, nil
	}
	off := len(b.arena)
	if off+len(s)+binary.MaxVarintLen64 > 1<<32 {
		return 0, errors.New("the identity tables hold more than 4 GiB of names and citations")
	}
	b.arena = binary.AppendUvarint(b.arena, uint64(len(s)))
	b.arena = append(b.arena, s...)
	return uint32(off), nil
}

func (b *Bulk) court(id string) (uint16, error) {
	if c, ok := b.courtOf[id]; ok {
		return c, nil
	}
	if len(b.courtIDs) > 1<<16-1 {
		return 0, errors.New("more than 65,535 courts")
	}
	c := uint16(len(b.courtIDs))
	b.courtIDs = append(b.courtIDs, id)
	b.courtOf[id] = c
	return c, nil
}

// skip counts a row that could not be read.
func (b *Bulk) skip(err error) {
	if b.Skipped == 0 {
		b.FirstSkip = err
	}
	b.Skipped++
}

// loadClusters reads the clusters and returns each one's docket id, in
// the order of b.ids.
func (b *Bulk) loadClusters(path string, opts Options) ([]int64, error) {
	var dockets []int64
	err := readBulkTable(path, opts, []string{"id", "case_name", "case_name_full", "case_name_short", "date_filed",
		"date_filed_is_approximate", "docket_id"}, b.skip, func(f []pgField, esc byte) error {
		id, err := parseID(f[0])
		if err != nil {
			return err
		}
		docket, _ := parseID(f[6]) // a cluster without a docket has no court
		// CourtListener's case_name, else its full caption or short name,
		// which want the tidying of captions ("et al." dropped).
		caseName := strings.Join(strings.Fields(f[1].text(esc)), " ")
		if caseName == "" {
			caseName = cleanCaption(firstNonEmpty(f[2].text(esc), f[3].text(esc)))
		}
		name, err := b.add([]byte(caseName))
		if err != nil {
			return err
		}
		date := parseDate32(string(f[4].raw))
		if string(f[5].raw) == "t" {
			date -= date % 10000
		}
		b.ids = append(b.ids, id)
		b.names = append(b.names, name)
		b.dates = append(b.dates, date)
		dockets = append(dockets, docket)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Sort the columns by cluster id.
	order := make([]int32, len(b.ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(b.ids[x], b.ids[y]) })
	b.ids, b.names, b.dates, dockets = permute(b.ids, order), permute(b.names, order), permute(b.dates, order), permute(dockets, order)
	for i := 1; i < len(b.ids); i++ {
		if b.ids[i] == b.ids[i-1] {
			return nil, fmt.Errorf("%s: cluster %d appears twice", path, b.ids[i])
		}
	}
	b.courts = make([]uint16, len(b.ids))
	return dockets, nil
}

func permute[T any](s []T, order []int32) []T {
	out := make([]T, len(s))
	for i, o := range order {
		out[i] = s[o]
	}
	return out
}

// loadDockets gives each cluster the court of its docket.
func (b *Bulk) loadDockets(path string, dockets []int64, opts Options) error {
	// The clusters by docket id, to find those of each docket row.
	byDocket := make([]int32, len(dockets))
	for i := range byDocket {
		byDocket[i] = int32(i)
	}
	slices.SortFunc(byDocket, func(x, y int32) int { return cmp.Compare(dockets[x], dockets[y]) })
	return readBulkTable(path, opts, []string{"id", "court_id"}, b.skip, func(f []pgField, esc byte) error {
		id, err := parseID(f[0])
		if err != nil {
			return err
		}
		at, _ := slices.BinarySearchFunc(byDocket, id, func(c int32, id int64) int { return cmp.Compare(dockets[c], id) })
		if at == len(byDocket) || dockets[byDocket[at]] != id {
			return nil // a docket with no opinion cluster (most of them: PACER)
		}
		court, err := b.court(f[1].text(esc))
		if err != nil {
			return err
		}
		for ; at < len(byDocket) && dockets[byDocket[at]] == id; at++ {
			b.courts[byDocket[at]] = court
		}
		return nil
	})
}

// loadCitations gives each cluster its citations, in the file's order.
func (b *Bulk) loadCitations(path string, opts Options) error {
	type cite struct{ cluster, off uint32 }
	var all []cite
	var scratch []byte
	err := readBulkTable(path, opts, []string{"volume", "reporter", "page", "cluster_id"}, b.skip, func(f []pgField, esc byte) error {
		id, err := parseID(f[3])
		if err != nil {
			return err
		}
		i, ok := slices.BinarySearch(b.ids, id)
		if !ok {
			return nil // a citation of a cluster the clusters file lacks
		}
		scratch = append(scratch[:0], f[0].text(esc)...)
		for _, part := range []string{f[1].text(esc), f[2].text(esc)} {
			if part = strings.TrimSpace(part); part != "" {
				scratch = append(append(scratch, ' '), part...)
			}
		}
		off, err := b.add(bytes.TrimSpace(scratch))
		if err != nil {
			return err
		}
		all = append(all, cite{uint32(i), off})
		return nil
	})
	if err != nil {
		return err
	}
	// A counting sort keeps each cluster's citations in file order.
	b.citeAt = make([]uint32, len(b.ids)+1)
	for _, c := range all {
		b.citeAt[c.cluster+1]++
	}
	for i := 1; i < len(b.citeAt); i++ {
		b.citeAt[i] += b.citeAt[i-1]
	}
	b.cites = make([]uint32, len(all))
	next := slices.Clone(b.citeAt[:len(b.ids)])
	for _, c := range all {
		b.cites[next[c.cluster]] = c.off
		next[c.cluster]++
	}
	return nil
}

// parseID reads an integer id column.
func parseID(f pgField) (int64, error) {
	id, err := strconv.ParseInt(string(f.raw), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("id %q is not a number", clip(f.raw, 30))
	}
	return id, nil
}

// parseDate32 reads an ISO date (yyyy-mm-dd) as yyyymmdd, 0 when it is
// not one.
func parseDate32(s string) int32 {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	n, err := strconv.Atoi(s[:4] + s[5:7] + s[8:10])
	if err != nil {
		return 0
	}
	return int32(n)
}

// formatDate is the inverse of parseDate32: "2009-01-26", or "1922" for
// a year only.
func formatDate(d int32) string {
	switch {
	case d == 0:
		return ""
	case d%10000 == 0:
		return fmt.Sprintf("%04d", d/10000)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// readBulkTable reads a bulk file (bzip2, gzip or plain), calling row with
// the fields of cols, in that order, for each row. A row that cannot be
// read, or for which row fails, goes to skip (when not nil) as a
// *ReadError with its line; an error reading the file itself ends the
// reading.
func readBulkTable(path string, opts Options, cols []string, skip func(error), row func([]pgField, byte) error) error {
	if skip == nil {
		skip = func(error) {}
	}
	f, err := os.Open(path)
	if err != nil {
		return &ReadError{Path: path, Offset: -1, Problem: ProblemUnreadable, Err: unwrapPathError(err)}
	}
	defer f.Close()
	br, err := decompress(path, bufio.NewReaderSize(f, 64<<10), opts)
	if err != nil {
		return err
	}
	t, err := newBulkTable(path, br, opts)
	if err != nil {
		return err
	}
	idx := make([]int, len(cols))
	for i, c := range cols {
		if idx[i] = t.column(c); idx[i] < 0 {
			return &ReadError{Path: path, Line: 1, Offset: -1, Problem: ProblemUnreadable,
				Err: fmt.Errorf("no %s column in the header", c)}
		}
	}
	want := make([]pgField, len(cols))
	var fields []pgField
	for {
		data, line, err := t.row()
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil:
			var re *ReadError
			if errors.As(err, &re) && re.Problem == ProblemTooLarge {
				skip(err)
				continue
			}
			return err
		}
		fields, err = t.split(data, fields)
		if err == nil {
			for i, k := range idx {
				want[i] = fields[k]
			}
			err = row(want, t.escape)
		}
		if err != nil {
			skip(&ReadError{Path: path, Line: line, Offset: -1, Problem: ProblemUnreadable, Err: err})
		}
	}
}

// bulkTable is a bulk file being read: its header and its rows.
type bulkTable struct {
	path    string
	csv     *pgCSV
	header  []string
	escape  byte
	columns map[string]int
}

// newBulkTable reads the header of a bulk file and settles its escape
// character (see pgEscape).
func newBulkTable(path string, br *bufio.Reader, opts Options) (*bulkTable, error) {
	head, _ := br.Peek(1 << 20)
	t := &bulkTable{path: path, escape: pgEscape(head), columns: map[string]int{}}
	t.csv = newPGCSV(br, t.escape, int(opts.maxSize()))
	row, _, _, err := t.csv.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("the file is empty")
		}
		return nil, &ReadError{Path: path, Line: 1, Offset: -1, Problem: ProblemUnreadable, Err: err}
	}
	fields, err := splitRow(row, t.escape, nil)
	if err != nil {
		return nil, &ReadError{Path: path, Line: 1, Offset: -1, Problem: ProblemUnreadable, Err: fmt.Errorf("header: %w", err)}
	}
	for i, f := range fields {
		name := f.text(t.escape)
		t.header = append(t.header, name)
		t.columns[name] = i
	}
	return t, nil
}

func (t *bulkTable) column(name string) int {
	if i, ok := t.columns[name]; ok {
		return i
	}
	return -1
}

// row returns the next row's raw bytes (valid until the next call) and
// its line. A row over the size limit is a *ReadError of ProblemTooLarge,
// after which reading goes on.
func (t *bulkTable) row() ([]byte, int, error) {
	data, line, off, err := t.csv.next()
	var long rowTooLong
	switch {
	case errors.As(err, &long):
		return nil, line, &ReadError{Path: t.path, Line: line, Offset: off, Problem: ProblemTooLarge, Err: err}
	case errors.Is(err, io.EOF):
		return nil, line, io.EOF
	case err != nil:
		re := &ReadError{Path: t.path, Line: line, Offset: off, Problem: ProblemBadCSV, Err: err}
		if errors.As(err, &re) {
			// The decompressor's error: keep its problem, say where.
			c := *re
			c.Path, c.Line = t.path, line
			re = &c
		}
		return nil, line, re
	}
	return data, line, nil
}

// split splits a row and checks it has a field for every column.
func (t *bulkTable) split(row []byte, dst []pgField) ([]pgField, error) {
	fields, err := splitRow(row, t.escape, dst)
	if err != nil {
		return dst, err
	}
	if len(fields) != len(t.header) {
		return fields, fmt.Errorf("%d fields where the header has %d columns", len(fields), len(t.header))
	}
	return fields, nil
}

// pgEscape tells the escape character of a bulk file from its first
// bytes. CourtListener's files are written with ESCAPE '\' (\" inside
// quotes), older ones with PostgreSQL's default, which doubles quotes
// (""). A quote doubled inside a field, never seen with ESCAPE '\', marks
// the default; otherwise backslash.
func pgEscape(head []byte) byte {
	for i := 1; i+2 < len(head); i++ {
		if head[i] == '"' && head[i+1] == '"' {
			before, after := head[i-1], head[i+2]
			if before == '\\' {
				i++
				continue
			}
			if before != ',' && before != '\n' && after != ',' && after != '\n' && after != '\r' {
				return '"'
			}
			i++
		}
	}
	return '\\'
}

// decompress undoes gzip (with the bomb guard) and bzip2, recognised by
// their magic numbers, and passes anything else through.
func decompress(name string, br *bufio.Reader, opts Options) (*bufio.Reader, error) {
	head, _ := br.Peek(4)
	switch {
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		gz, err := newBombGuard(br, opts.maxSize(), opts.maxGzipRatio())
		if err != nil {
			return nil, &ReadError{Path: name, Offset: 0, Problem: ProblemBadGzip, Err: err}
		}
		return bufio.NewReaderSize(gz, 64<<10), nil
	case len(head) == 4 && string(head[:3]) == "BZh" && head[3] >= '1' && head[3] <= '9':
		// The standard library's decoder runs as fast as bzip2(1) here
		// (README, Performance); every document it yields is bounded by
		// --max-size, so a bzip2 bomb costs time, not memory.
		return bufio.NewReaderSize(&bzip2Reader{r: bzip2.NewReader(br)}, 256<<10), nil
	}
	return br, nil
}

// bzip2Reader turns compress/bzip2's errors into ReadErrors of
// ProblemBadBzip2.
type bzip2Reader struct{ r io.Reader }

func (z *bzip2Reader) Read(p []byte) (int, error) {
	n, err := z.r.Read(p)
	var se bzip2.StructuralError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = &ReadError{Offset: -1, Problem: ProblemBadBzip2, Err: err}
	}
	return n, err
}
