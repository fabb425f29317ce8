package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
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
	if opts.Opinions != nil {
		opts.Opinions.add(id, cluster)
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
			d, err = readHTML([]byte(f.text(t.escape)), opts.maxDepth())
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
	if c.kind >= 0 {
		own.Opinion = normalOpinion(fields[c.kind].text(t.escape))
	}
	if c.author >= 0 {
		own.Author = firstNonEmpty(fields[c.author].text(t.escape))
	}
	if own.HasIdentity() {
		own.Source = SourceFormat
	}
	// The cluster outranks the markup's own header (Lawbox's), which
	// outranks what the text says, as for the API's JSON.
	var text Meta
	switch d.Meta.Source {
	case SourceText:
		text = d.Meta
	case SourceFormat:
		own.fill(d.Meta)
	}
	d.Meta = own
	settle(d, text, opts.Manifest, false)
	return d, nil
}

// OpinionClusters maps CourtListener opinion ids to the ids of their
// clusters (cases), as the opinions file gives them. It is what turns
// CourtListener's citation map, which links opinions, into links between
// cases. Adding is safe for concurrent use; Cluster sorts once, on first
// use, after which nothing may be added.
type OpinionClusters struct {
	mu     sync.Mutex
	pairs  [][2]int64 // opinion, cluster
	sorted bool
}

func (o *OpinionClusters) add(opinion, cluster int64) {
	o.mu.Lock()
	o.pairs = append(o.pairs, [2]int64{opinion, cluster})
	o.sorted = false
	o.mu.Unlock()
}

// Len returns the number of opinions known.
func (o *OpinionClusters) Len() int { return len(o.pairs) }

// Cluster returns the cluster of an opinion, and false when the opinions
// file did not hold it.
func (o *OpinionClusters) Cluster(opinion int64) (int64, bool) {
	o.mu.Lock()
	if !o.sorted {
		slices.SortFunc(o.pairs, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
		o.sorted = true
	}
	o.mu.Unlock()
	i, ok := slices.BinarySearchFunc(o.pairs, opinion, func(p [2]int64, id int64) int { return cmp.Compare(p[0], id) })
	if !ok {
		return 0, false
	}
	return o.pairs[i][1], true
}

// ScanOpinionClusters reads the opinion and cluster ids of a bulk opinions
// file, skipping its text, for when the map is wanted without the
// opinions themselves (ranking CourtListener's citation map). Rows that
// cannot be read go to skip, and the reading goes on.
func ScanOpinionClusters(path string, opts Options, skip func(error)) (*OpinionClusters, error) {
	o := &OpinionClusters{}
	err := readBulkTable(path, opts, []string{"id", "cluster_id"}, skip, func(f []pgField, _ byte) error {
		id, err := parseID(f[0])
		if err != nil {
			return err
		}
		cluster, err := parseID(f[1])
		if err != nil {
			return err
		}
		o.add(id, cluster)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}
