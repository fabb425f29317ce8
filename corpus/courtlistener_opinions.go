package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"sync"
)

// opinionTextColumns are the columns of CourtListener's opinions table that
// hold an opinion's text, best first: the markup with CourtListener's
// citation links, the Columbia and Lawbox markup, Harvard's XML, the court's
// own HTML, and the plain text extracted from a PDF. This is the order of
// the JSON reader's fields too.
var opinionTextColumns = []string{"html_with_citations", "html_columbia", "html_lawbox", "xml_harvard", "html", "plain_text"}

// opinionColumns locates what citegraph reads in a row of a bulk
// opinions file.
type opinionColumns struct {
	table   *bulkTable
	id      int
	cluster int
	kind    int   // the opinion type, -1 when absent
	author  int   // author_str, -1 when absent
	text    []int // opinionTextColumns present, best first
}

// bulkHeader says which of CourtListener's bulk files a header line is:
// "opinions", "opinion-clusters", "dockets", "citations", "citation-map",
// or "" for none. It reads only the first line of head.
func bulkHeader(head []byte) string {
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	cols := map[string]bool{}
	for _, c := range bytes.Split(bytes.TrimSpace(line), []byte{','}) {
		cols[string(bytes.Trim(c, `"`))] = true
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if !cols[n] {
				return false
			}
		}
		return true
	}
	switch {
	case !has("id"):
		return ""
	case has("cluster_id", "type") && slices.ContainsFunc(opinionTextColumns, func(c string) bool { return cols[c] }):
		return "opinions"
	case has("depth", "cited_opinion_id", "citing_opinion_id"):
		return "citation-map"
	case has("case_name", "docket_id"):
		return "opinion-clusters"
	case has("volume", "reporter", "page", "cluster_id"):
		return "citations"
	case has("court_id", "docket_number"):
		return "dockets"
	}
	return ""
}

// BulkFileKind says which of CourtListener's bulk files the file at path
// is, from its header (after bzip2 or gzip): "opinions",
// "opinion-clusters", "dockets", "citations", "citation-map", or "" for
// none of them or a file that cannot be read.
func BulkFileKind(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	br, err := decompress(path, bufio.NewReaderSize(f, 64<<10), Options{})
	if err != nil {
		return ""
	}
	head, _ := br.Peek(64 << 10)
	return bulkHeader(head)
}

// bulkOpinions cuts a bulk opinions file into one record per row. Rows are
// only cut here; workers split and read them (parseRecord).
func bulkOpinions(name string, br *bufio.Reader, opts Options, yield func(record) bool) error {
	t, err := newBulkTable(name, br, opts)
	if err != nil {
		return err
	}
	cols := &opinionColumns{table: t, id: t.column("id"), cluster: t.column("cluster_id"),
		kind: t.column("type"), author: t.column("author_str")}
	for _, c := range opinionTextColumns {
		if i := t.column(c); i >= 0 {
			cols.text = append(cols.text, i)
		}
	}
	for {
		data, line, err := t.row()
		var re *ReadError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &re) && re.Problem == ProblemTooLarge:
			if !yield(record{path: name, line: line, err: err}) {
				return nil
			}
			continue
		case err != nil:
			return err
		}
		if !yield(record{path: name, line: line, data: bytes.Clone(data), opinion: cols}) {
			return nil
		}
	}
}

// document reads one row of a bulk opinions file. Its identity is its
// cluster's (from opts.CourtListener) with the row's own opinion type and
// author; its ID is "courtlistener:" and the opinion id, as for the API's
// JSON.
func (c *opinionColumns) document(rec record, opts Options) (*Document, error) {
	t := c.table
	fields, err := t.split(rec.data, nil)
	if err != nil {
		return nil, &ReadError{Offset: -1, Problem: ProblemBadCSV, Err: err}
	}
	id, err := parseID(fields[c.id])
	if err != nil {
		return nil, &ReadError{Offset: -1, Problem: ProblemBadCSV, Err: err}
	}
	cluster, err := parseID(fields[c.cluster])
	if err != nil {
		return nil, &ReadError{Offset: -1, Problem: ProblemBadCSV, Err: fmt.Errorf("opinion %d: cluster_id: %w", id, err)}
	}
	if opts.Opinions != nil && c.kind >= 0 {
		opts.Opinions.add(id, cluster, fields[c.kind].text(t.escape))
	}
	var d *Document
	for _, i := range c.text {
		f := fields[i]
		if len(bytes.TrimSpace(f.raw)) == 0 {
			continue
		}
		if t.header[i] == "plain_text" {
			d = readText(f.text(t.escape))
		} else {
			d, err = readHTML(f.bytes(t.escape), opts.maxDepth())
		}
		if err != nil {
			return nil, fmt.Errorf("opinion %d: %s: %w", id, t.header[i], err)
		}
		break
	}
	if d == nil {
		return nil, fail(ProblemEmpty, -1, "opinion %d has no text in any of %v", id, opinionTextColumns)
	}
	d.ID = "courtlistener:" + strconv.FormatInt(id, 10)
	d.Path = rec.path
	d.Format = "courtlistener-bulk"
	own := Meta{}
	if opts.CourtListener != nil {
		own, _ = opts.CourtListener.Cluster(cluster)
	}
	if own.HasIdentity() {
		own.Source = SourceFormat
	}
	// The cluster outranks the markup's own header (Lawbox's), which
	// outranks what the text says, as for the API's JSON. The opinion
	// type is the markup's when it has one (it can tell the one opinion
	// of a record the row calls combined), else the row's.
	var text Meta
	if d.Meta.Source == SourceText {
		text = d.Meta
	} else {
		own.fill(d.Meta)
	}
	if c.kind >= 0 && own.Opinion == "" {
		own.Opinion = normalOpinion(fields[c.kind].text(t.escape))
	}
	if c.author >= 0 && own.Author == "" {
		own.Author = firstNonEmpty(fields[c.author].text(t.escape))
	}
	d.Meta = own
	settle(d, text, opts.Manifest, false)
	return d, nil
}

// OpinionClusters maps CourtListener opinion ids to the ids of their
// clusters (cases), as the opinions file gives them, with whether each
// opinion is a combined record (all opinions of the case in one). It is
// what turns CourtListener's citation map, which links opinions, into
// links between cases. Adding is safe for concurrent use; Cluster sorts
// once, on first use, after which nothing may be added.
type OpinionClusters struct {
	mu     sync.Mutex
	ops    []opinionCluster
	sorted bool
}

type opinionCluster struct {
	opinion, cluster int64
	combined         bool
}

func (o *OpinionClusters) add(opinion, cluster int64, kind string) {
	o.mu.Lock()
	o.ops = append(o.ops, opinionCluster{opinion, cluster, normalOpinion(kind) == "combined"})
	o.sorted = false
	o.mu.Unlock()
}

// Len returns the number of opinions known.
func (o *OpinionClusters) Len() int { return len(o.ops) }

// Cluster returns the cluster of an opinion and whether the opinion is a
// combined record; ok is false when the opinions file did not hold it.
func (o *OpinionClusters) Cluster(opinion int64) (cluster int64, combined, ok bool) {
	o.mu.Lock()
	if !o.sorted {
		slices.SortFunc(o.ops, func(a, b opinionCluster) int { return cmp.Compare(a.opinion, b.opinion) })
		o.sorted = true
	}
	o.mu.Unlock()
	i, ok := slices.BinarySearchFunc(o.ops, opinion, func(p opinionCluster, id int64) int { return cmp.Compare(p.opinion, id) })
	if !ok {
		return 0, false, false
	}
	return o.ops[i].cluster, o.ops[i].combined, true
}

// ScanOpinionClusters reads the opinion and cluster ids of a bulk opinions
// file, skipping its text, for when the map is wanted without the
// opinions themselves (ranking CourtListener's citation map). Rows that
// cannot be read go to skip (nil: they are dropped), and the reading goes on.
func ScanOpinionClusters(path string, opts Options, skip func(error)) (*OpinionClusters, error) {
	o := &OpinionClusters{}
	err := readBulkTable(path, opts, []string{"id", "cluster_id", "type"}, skip, func(f []pgField, esc byte) error {
		id, err := parseID(f[0])
		if err != nil {
			return err
		}
		cluster, err := parseID(f[1])
		if err != nil {
			return err
		}
		o.add(id, cluster, f[2].text(esc))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// ReadCitationMap reads CourtListener's citation map (citation-map-DATE.csv.bz2,
// the table search_opinionscited): each row says that the opinion citing
// cites the opinion cited depth times. Rows that cannot be read go to
// skip, and the reading goes on.
func ReadCitationMap(path string, opts Options, skip func(error), row func(citing, cited int64, depth int)) error {
	return readBulkTable(path, opts, []string{"citing_opinion_id", "cited_opinion_id", "depth"}, skip, func(f []pgField, _ byte) error {
		citing, err := parseID(f[0])
		if err != nil {
			return err
		}
		cited, err := parseID(f[1])
		if err != nil {
			return err
		}
		depth, err := parseID(f[2])
		if err != nil || depth < 0 || depth > 1<<31-1 {
			return fmt.Errorf("depth %q is not a count", f[2].raw)
		}
		row(citing, cited, int(depth))
		return nil
	})
}
