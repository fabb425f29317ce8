package corpus

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bulkFiles finds the CourtListener bulk files that
// testdata/courtlistener-bulk/make.sh makes from the shared Supreme Court
// set with PostgreSQL ($CITEGRAPH_BULK, else /tmp/citegraph-bulk), and
// skips when they are absent.
func bulkFiles(t testing.TB) BulkFiles {
	t.Helper()
	sharedSet(t, "scotus")
	dir := os.Getenv("CITEGRAPH_BULK")
	if dir == "" {
		dir = "/tmp/citegraph-bulk"
	}
	files, err := FindBulkFiles(dir)
	if err != nil || files.Opinions == "" {
		t.Skipf("no CourtListener bulk files in %s (make them with testdata/courtlistener-bulk/make.sh, which needs PostgreSQL): %v", dir, err)
	}
	return files
}

// The values make.sh's load.py puts in the prose fields, to exercise the
// dialect: quotes, backslashes (one before a quote, one before N),
// commas, both line breaks, non-Latin text.
const tricky = "He said \"no, never\" \\ and \\\" \\N; a,b,c\nnext line\r\nΩμέγα 中文 עברית – “curly”"

// bulkSource maps each opinion id of the bulk files to the shared file it
// was made from (scotus-files.csv, written by make.sh).
func bulkSource(t testing.TB, files BulkFiles) map[int64]string {
	t.Helper()
	out := map[int64]string{}
	for _, r := range csvRows(t, filepath.Join(filepath.Dir(files.Opinions), "scotus-files.csv")) {
		id, _ := strconv.ParseInt(r[1], 10, 64)
		out[id] = r[0]
	}
	return out
}

// csvRows reads the rows of a CSV file after its header.
func csvRows(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

// TestBulkFilesReadAsPostgreSQLWroteThem reads every field citegraph uses
// from files PostgreSQL exported and checks it against what went in: the
// markup of every opinion byte for byte, and the test strings.
func TestBulkFilesReadAsPostgreSQLWroteThem(t *testing.T) {
	if raceDetector {
		t.Skip("one goroutine reading the whole bulk files; run without -race")
	}
	files := bulkFiles(t)
	scotus := sharedSet(t, "scotus")
	source := bulkSource(t, files)
	fail := func(err error) { t.Errorf("row skipped: %v", err) }
	rows := 0
	err := readBulkTable(files.Opinions, Options{}, append([]string{"id", "author_str", "joined_by_str", "page_count"}, opinionTextColumns...),
		fail, func(f []pgField, esc byte) error {
			rows++
			id, _ := parseID(f[0])
			name := source[id]
			want, err := os.ReadFile(filepath.Join(scotus, name))
			if err != nil {
				t.Fatal(err)
			}
			markup := 0
			for _, c := range f[4 : len(f)-1] { // the markup columns; plain_text is last
				if v := c.text(esc); v != "" {
					markup++
					if v != string(want) {
						t.Errorf("opinion %d: the markup differs from %s", id, name)
					}
				}
			}
			if markup != 1 || f[len(f)-1].text(esc) != tricky || f[2].text(esc) != tricky {
				t.Errorf("opinion %d: %d markup fields; plain_text %q", id, markup, f[len(f)-1].text(esc))
			}
			if a := f[1].text(esc); a != "Author of "+name+`, "the Ω" \` {
				t.Errorf("opinion %d: author_str %q", id, a)
			}
			if !f[3].null() {
				t.Errorf("opinion %d: page_count %q is not NULL", id, f[3].raw)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if rows != 1689 {
		t.Errorf("%d opinion rows, want 1689", rows)
	}
	err = readBulkTable(files.Clusters, Options{}, []string{"judges", "summary", "case_name_full"}, fail, func(f []pgField, esc byte) error {
		if f[0].text(esc) != tricky || f[1].text(esc) != tricky || f[2].null() || f[2].text(esc) != "" {
			t.Errorf("cluster fields %q, %q, %q", f[0].text(esc), f[1].text(esc), f[2].raw)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLoadBulkGivesTheManifestIdentity checks the identity tables against
// the manifest they were made from.
func TestLoadBulkGivesTheManifestIdentity(t *testing.T) {
	files := bulkFiles(t)
	b, err := LoadBulk(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Skipped != 0 || b.Len() != 794 {
		t.Fatalf("%d clusters, %d rows skipped (%v)", b.Len(), b.Skipped, b.FirstSkip)
	}
	for _, r := range csvRows(t, filepath.Join(sharedSet(t, "scotus"), "manifest.csv")) {
		id, _ := strconv.ParseInt(strings.Split(r[0], "_")[0], 10, 64)
		m, ok := b.Cluster(id)
		// Names are kept on one line, their white space folded.
		want := Meta{CaseName: strings.Join(strings.Fields(r[1]), " "), Citations: splitCitations(r[2]), Court: r[3], Date: r[4], Source: SourceFormat}
		if !ok || m.CaseName != want.CaseName || strings.Join(m.Citations, ";") != strings.Join(want.Citations, ";") ||
			m.Court != want.Court || m.Date != want.Date || m.Source != want.Source {
			t.Errorf("cluster %d: %+v, want %+v", id, m, want)
		}
	}
	// The extra cluster, whose name holds the hard characters (its line
	// break folded into a space, as every name's white space is).
	m, ok := b.Cluster(1)
	if !ok || m.CaseName != `In re "Ωμέγα", Back\slash, 中文 Line two` || strings.Join(m.Citations, ";") != "1 Test 1" ||
		m.Court != "test" || m.Date != "2000-02-29" {
		t.Errorf("cluster 1: %+v", m)
	}
	if _, ok := b.Cluster(2); ok {
		t.Error("cluster 2 found")
	}
}

// TestBulkOpinionsReadAsTheirFiles reads the opinions file as citegraph
// build does and checks each document against its shared file read with
// the manifest: the same text, pages and footnotes; the cluster's
// identity; the opinion type and author of the row.
func TestBulkOpinionsReadAsTheirFiles(t *testing.T) {
	if raceDetector {
		t.Skip("the whole set twice; TestBulkOpinionsOnWorkers covers the concurrency; run without -race")
	}
	files := bulkFiles(t)
	scotus := sharedSet(t, "scotus")
	source := bulkSource(t, files)
	b, err := LoadBulk(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	index := &OpinionClusters{}
	var docs []*Document
	sum, err := Process(context.Background(), []Input{{Path: files.Opinions, Size: -1}},
		Options{Jobs: 2, CourtListener: b, Opinions: index},
		Hooks{Skip: func(e *ReadError) { t.Errorf("skipped: %v", e) }},
		func(d *Document) (struct{}, error) { return struct{}{}, nil },
		func(d *Document, _ struct{}) error { docs = append(docs, d); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Docs != 1689 || index.Len() != 1689 {
		t.Fatalf("%d documents, %d opinions indexed", sum.Docs, index.Len())
	}
	man, err := LoadManifest(filepath.Join(scotus, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		id, _ := strconv.ParseInt(strings.TrimPrefix(d.ID, "courtlistener:"), 10, 64)
		name := source[id]
		want, err := ReadFile(filepath.Join(scotus, name), Options{Manifest: man})
		if err != nil {
			t.Fatal(err)
		}
		w := want[0]
		if d.Text != w.Text || len(d.Pages) != len(w.Pages) || len(d.Notes) != len(w.Notes) {
			t.Errorf("%s (%s): the text differs from the file's", d.ID, name)
		}
		cluster, _ := strconv.ParseInt(strings.Split(name, "_")[0], 10, 64)
		if c, combined, ok := index.Cluster(id); !ok || c != cluster || combined != (opinionFromName(name) == "combined") {
			t.Errorf("%s: cluster %d, want %d", d.ID, c, cluster)
		}
		// The markup's opinion type, else the row's, which the file name
		// repeats.
		if d.Meta.Opinion != w.Meta.Opinion || d.Meta.Author != "Author of "+name+`, "the Ω" \` {
			t.Errorf("%s: opinion %q (file %q), author %q", d.ID, d.Meta.Opinion, w.Meta.Opinion, d.Meta.Author)
		}
		// The cluster's identity, from the manifest, comes first; what
		// the manifest leaves empty comes from the markup, as for files.
		c, _ := b.Cluster(cluster)
		if c.HasIdentity() && d.Meta.Source != SourceFormat {
			t.Errorf("%s: identity from %s", d.ID, d.Meta.Source)
		}
		if d.Meta.CaseName != firstNonEmpty(c.CaseName, w.Meta.CaseName) || d.Meta.Court != firstNonEmpty(c.Court, w.Meta.Court) {
			t.Errorf("%s: %q (%s), file %q (%s)", d.ID, d.Meta.CaseName, d.Meta.Court, w.Meta.CaseName, w.Meta.Court)
		}
	}
}

func TestFindBulkFilesNewest(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"opinions-2024-12-31.csv.bz2", "opinions-2025-06-30.csv.bz2", "opinions-2025-06-30.csv",
		"opinion-clusters-2025-06-30.csv.bz2", "citation-map-2025-01-31.csv.bz2", "citations-2025-06-30.csv.gz", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := FindBulkFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := func(p string) string { return filepath.Base(p) }
	if base(files.Opinions) != "opinions-2025-06-30.csv.bz2" || base(files.Clusters) != "opinion-clusters-2025-06-30.csv.bz2" ||
		base(files.CitationMap) != "citation-map-2025-01-31.csv.bz2" || base(files.Citations) != "citations-2025-06-30.csv.gz" || files.Dockets != "" {
		t.Errorf("%+v", files)
	}
	if _, err := FindBulkFiles(t.TempDir()); err == nil || !strings.Contains(err.Error(), "opinion-clusters") {
		t.Errorf("empty folder: %v", err)
	}
}

// TestBulkOpinionsOnWorkers reads small bulk files written here in
// PostgreSQL's dialect (with the escapes a real export has) on several
// workers: every opinion gets its cluster's identity and its own type and
// author, the best of its text columns, and a place in the opinion index.
func TestBulkOpinionsOnWorkers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	files := BulkFiles{
		Clusters: write("opinion-clusters-2025-01-01.csv", "id,case_name,case_name_full,case_name_short,date_filed,date_filed_is_approximate,docket_id\n"+
			`"7","Imbler v. \"Pachtman\"","","","1976-03-02","f","70"`+"\n"+
			`"8","","Buckley v. Fitzsimmons, et al.","Buckley","1993-01-01","t","80"`+"\n"),
		Dockets:   write("dockets-2025-01-01.csv", "id,docket_number,court_id\n\"70\",\"74-5435\",\"scotus\"\n\"80\",\"\",\"scotus\"\n\"90\",\"x\",\"ca9\"\n"),
		Citations: write("citations-2025-01-01.csv", "id,volume,reporter,page,type,cluster_id\n\"1\",\"424\",\"U.S.\",\"409\",\"1\",\"7\"\n\"2\",\"96\",\"S. Ct.\",\"984\",\"1\",\"7\"\n\"3\",\"509\",\"U.S.\",\"259\",\"1\",\"8\"\n"),
	}
	var rows strings.Builder
	rows.WriteString("id,type,author_str,plain_text,html,html_with_citations,cluster_id\n")
	for i := range 40 {
		cluster, html := 7, `"<p>See Brady v. Maryland, 373 U. S. 83, 87 (1963) (\"suppression\"`+"\n"+` of evidence), and C:\\path.</p>"`
		if i%2 == 1 {
			cluster, html = 8, `""` // no markup: the plain text is read
		}
		fmt.Fprintf(&rows, `"%d","040dissent","Justice %d",%s,,%s,"%d"`+"\n", 100+i,
			i, `"Cf. Kalina v. Fletcher, 522 U.S. 118 (1997); a \"quote\", a comma."`, html, cluster)
	}
	opinions := write("opinions-2025-01-01.csv", rows.String())
	b, err := LoadBulk(files, Options{})
	if err != nil || b.Skipped != 0 {
		t.Fatalf("%v, %d skipped (%v)", err, b.Skipped, b.FirstSkip)
	}
	index := &OpinionClusters{}
	var docs []*Document
	_, err = Process(context.Background(), []Input{{Path: opinions, Size: -1}}, Options{Jobs: 4, CourtListener: b, Opinions: index},
		Hooks{Skip: func(e *ReadError) { t.Errorf("skipped: %v", e) }},
		func(d *Document) (struct{}, error) { return struct{}{}, nil },
		func(d *Document, _ struct{}) error { docs = append(docs, d); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 40 || index.Len() != 40 {
		t.Fatalf("%d documents, %d indexed", len(docs), index.Len())
	}
	for i, d := range docs {
		want := Meta{CaseName: `Imbler v. "Pachtman"`, Citations: []string{"424 U.S. 409", "96 S. Ct. 984"}, Court: "scotus", Date: "1976-03-02",
			Opinion: "dissent", Author: fmt.Sprintf("Justice %d", i), Source: SourceFormat}
		text := "See Brady v. Maryland, 373 U. S. 83, 87 (1963) (\"suppression\" of evidence), and C:\\path."
		if i%2 == 1 {
			want.CaseName, want.Citations, want.Date = "Buckley v. Fitzsimmons", []string{"509 U.S. 259"}, "1993"
			text = `Cf. Kalina v. Fletcher, 522 U.S. 118 (1997); a "quote", a comma.`
		}
		if fmt.Sprint(d.Meta) != fmt.Sprint(want) || d.Text != text || d.ID != fmt.Sprintf("courtlistener:%d", 100+i) {
			t.Errorf("opinion %d:\n %+v %q\nwant %+v %q", i, d.Meta, d.Text, want, text)
		}
		if c, _, ok := index.Cluster(int64(100 + i)); !ok || c != int64(7+i%2) {
			t.Errorf("opinion %d: cluster %d", 100+i, c)
		}
	}
}
