package extract_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// The sample opinion and its hand-checked table of citations are the
// project's own fixture (embedded by the corpus package).
const (
	sampleText  = "../corpus/sample/van-de-kamp-v-goldstein.txt"
	sampleTable = "../corpus/sample/citations.tsv"
)

type wantCite struct {
	n, line, kind, target, pin string
}

func readTable(t *testing.T) []wantCite {
	t.Helper()
	f, err := os.Open(sampleTable)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []wantCite
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "n\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("bad table row %q", line)
		}
		if f[4] == "-" {
			f[4] = ""
		}
		rows = append(rows, wantCite{f[0], f[1], f[2], f[3], f[4]})
	}
	return rows
}

func readSample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(sampleText)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSampleOpinion checks every case citation of Van de Kamp v.
// Goldstein against the hand-resolved table, row by row.
func TestSampleOpinion(t *testing.T) {
	want := readTable(t)
	text := readSample(t)
	var cases, laws []extract.Citation
	for _, c := range extract.Extract(text) {
		if text[c.Start:c.End] != c.Text {
			t.Errorf("citation %q: offsets [%d,%d) do not point at its text", c.Text, c.Start, c.End)
		}
		if c.IsCase() {
			cases = append(cases, c)
		} else {
			laws = append(laws, c)
		}
	}
	for i := 0; i < max(len(want), len(cases)); i++ {
		switch {
		case i >= len(cases):
			t.Errorf("row %s (line %s %s %s) not found", want[i].n, want[i].line, want[i].kind, want[i].target)
			continue
		case i >= len(want):
			t.Errorf("extra case citation at line %d: %q", cases[i].Line, cases[i].Text)
			continue
		}
		w, c := want[i], cases[i]
		got := wantCite{w.n, strconv.Itoa(c.Line), c.Kind.String(), c.Target.String(), c.Pin}
		if got != w {
			t.Errorf("row %s: got line %s %s %q pin %q (%q, reason %q); want line %s %s %q pin %q",
				w.n, got.line, got.kind, got.target, got.pin, c.Text, c.Reason, w.line, w.kind, w.target, w.pin)
		}
		if c.Reason != "" || c.Warning != "" {
			t.Errorf("row %s: unexpected reason %q / warning %q", w.n, c.Reason, c.Warning)
		}
	}
	// The other authorities: the two statutes, three cites to the
	// appendix of the record, and the opinion's cross-reference to its own
	// page ("supra, at 10").
	wantLaws := []string{"law Rev. Stat. § 1979", "law 42 U.S.C. § 1983", "record App. 54–55, 59–60",
		"record App. 45", "record App. 45", "internal supra, at 10"}
	if len(laws) != len(wantLaws) {
		t.Fatalf("got %d other authorities, want %d: %v", len(laws), len(wantLaws), laws)
	}
	for i, l := range laws {
		got := l.Kind.String() + " " + l.Target.String()
		if l.Pin != "" {
			got += " " + l.Pin
		}
		if got != wantLaws[i] {
			t.Errorf("authority %d: got %q, want %q", i, got, wantLaws[i])
		}
	}
}
