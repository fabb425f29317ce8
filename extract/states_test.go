package extract_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
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

// TestStatesCourtYear measures how many full citations of the state-court
// set come out with a court and a year, and checks that every year was
// read from the citation itself: its own text holds it (the
// parenthetical, a California or Louisiana prefix, a public-domain
// volume), or it is the year of the subsequent history that follows it
// (Bluebook 10.5).
func TestStatesCourtYear(t *testing.T) {
	dir := "../../shared/corpus/states"
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Skip("shared corpus absent: no state opinions under " + dir)
	}
	total, court, year, both := 0, 0, 0, 0
	for _, f := range files {
		docs, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		cs := extract.Extract(docs[0].Text)
		for i, c := range cs {
			if c.Kind != extract.Full {
				continue
			}
			total++
			if c.CourtID != "" {
				court++
			}
			if c.Year == 0 {
				continue
			}
			year++
			if c.CourtID != "" {
				both++
			}
			if !yearInText(c.Text, c.Year) && !(i+1 < len(cs) && cs[i+1].Year == c.Year && yearInText(cs[i+1].Text, c.Year)) {
				t.Errorf("%s: year %d of %q is not in the citation", filepath.Base(f), c.Year, c.Text)
			}
		}
	}
	t.Logf("state courts: %d full citations; with a court %d (%.1f%%), with a year %d (%.1f%%), with both %d (%.1f%%)",
		total, court, pct(court, total), year, pct(year, total), both, pct(both, total))
}

func pct(n, d int) float64 { return 100 * float64(n) / float64(d) }

// yearInText reports whether text gives the year y: as four digits, or
// as the two of a numeric date ("2/4/16").
func yearInText(text string, y int) bool {
	return strings.Contains(text, strconv.Itoa(y)) || strings.Contains(text, fmt.Sprintf("/%02d", y%100))
}
