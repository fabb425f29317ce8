package extract_test

import (
	"bufio"
	"fmt"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// TestStatesRecall compares the full citations found in the state-court
// set with the citations its publisher marked (<cross_reference>), those
// written volume-reporter-page. The publisher's marks are a peer, not
// the truth: they include statutes and bare pages, left out here.
func TestStatesRecall(t *testing.T) {
	dir := "../../shared/corpus/states"
	f, err := os.Open(filepath.Join(dir, "groundtruth.jsonl"))
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	defer f.Close()
	tab := extract.DefaultReporters()
	total, found := 0, 0
	misses := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d struct {
			Doc  string `json:"doc"`
			Refs []struct {
				Text     string `json:"text"`
				CaseLike bool   `json:"case_like"`
			} `json:"cross_references"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs, err := corpus.ReadFile(filepath.Join(dir, d.Doc), corpus.Options{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", d.Doc, err)
		}
		have := map[string]int{}
		for _, c := range extract.Extract(docs[0].Text) {
			if c.Kind == extract.Full || c.Kind == extract.Short && c.Page != "" {
				have[c.Ref.String()]++
				for _, p := range c.Parallel {
					have[p.String()]++
				}
			}
		}
		for _, r := range d.Refs {
			m := fullCiteText.FindStringSubmatch(r.Text)
			if !r.CaseLike || m == nil {
				continue
			}
			rep := tab.Find(m[2])
			if rep == nil || rep.Type.IsLaw() {
				continue
			}
			total++
			key := extract.Ref{Volume: m[1], Reporter: rep.Abbrev, Page: m[3]}.String()
			if have[key] > 0 {
				have[key]--
				found++
			} else {
				misses[rep.Abbrev]++
				if os.Getenv("STATES_EXAMPLES") != "" {
					fmt.Println(d.Doc + ": " + r.Text)
				}
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("state courts: %d of %d marked case citations found = %.2f%%", found, total, 100*recall)
	var keys []string
	for k := range misses {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return misses[keys[i]] > misses[keys[j]] })
	for _, k := range keys[:min(len(keys), 15)] {
		t.Logf("missed in %s: %d", k, misses[k])
	}
	if recall < 0.97 {
		t.Errorf("recall %.4f below 0.97", recall)
	}
}
