package extract_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

const scotusDir = "../../shared/corpus/scotus"

type gtDoc struct {
	Doc       string `json:"doc"`
	Citations []struct {
		Text     string `json:"text"`
		Resolved bool   `json:"resolved"`
	} `json:"citations"`
}

// fullCiteText matches "volume reporter page", with an optional
// nominative volume ("85 U.S. (18 Wall.) 5"), which is not part of the key.
var fullCiteText = regexp.MustCompile(`^(\d+)\s+(.+?)\s+(?:\(\d+ [^)]+\)\s+)?(\d+)\b`)

// TestScotusRecall compares the full citations found in the Supreme Court
// set with those CourtListener linked.
func TestScotusRecall(t *testing.T) {
	f, err := os.Open(filepath.Join(scotusDir, "groundtruth.jsonl"))
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	defer f.Close()
	tab := extract.DefaultReporters()
	ex := extract.New(tab)
	total, found := 0, 0
	misses := map[string]int{}
	var examples []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d gtDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs, err := corpus.ReadFile(filepath.Join(scotusDir, d.Doc), corpus.Options{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", d.Doc, err)
		}
		have := map[string]int{}
		for _, c := range ex.Extract(docs[0].Text) {
			// Full citations, short forms that repeat one whole, and
			// A.L.R. citations (secondary sources, but CourtListener
			// links those whose page reports a case).
			if c.Kind != extract.Full && c.Kind != extract.Secondary && (c.Kind != extract.Short || c.Page == "") {
				continue
			}
			have[c.Ref.String()]++
			for _, p := range c.Parallel {
				have[p.String()]++
			}
		}
		// The document's own citations, which CourtListener links in its
		// header, are its identity, not citations (issue 9).
		own := map[string]bool{}
		for _, c := range docs[0].Meta.Citations {
			if ref, ok := normalRef(tab, c); ok {
				own[ref] = true
			}
		}
		for _, gc := range d.Citations {
			m := fullCiteText.FindStringSubmatch(gc.Text)
			if !gc.Resolved || m == nil || strings.Contains(m[2], " at") || strings.HasSuffix(m[2], ",") {
				continue
			}
			key := m[1] + " " + m[2] + " " + m[3]
			if r := tab.Find(m[2]); r != nil {
				key = extract.Ref{Volume: m[1], Reporter: r.Abbrev, Page: m[3]}.String()
			}
			if own[key] {
				continue
			}
			total++
			if have[key] > 0 {
				have[key]--
				found++
				continue
			}
			misses[m[2]]++
			if len(examples) < 100000 {
				examples = append(examples, d.Doc+": "+gc.Text)
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("SCOTUS full-citation recall: %d of %d = %.2f%%", found, total, 100*recall)
	type kv struct {
		k string
		n int
	}
	var ms []kv
	for k, n := range misses {
		ms = append(ms, kv{k, n})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].n > ms[j].n })
	for i, m := range ms {
		if i < 40 {
			t.Logf("missed reporter %q: %d", m.k, m.n)
		}
	}
	if os.Getenv("SCOTUS_EXAMPLES") != "" {
		fmt.Println(strings.Join(examples, "\n"))
	}
	if recall < 0.99 {
		t.Errorf("recall %.4f below 0.99", recall)
	}
}
