package extract_test

import (
	"errors"
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

const sharedReportersDB = "../../shared/reporters-db/reporters.json"

// TestReporterGapOnCorpora measures, on the shared state and Supreme Court
// corpora, which reporter spellings of real citations the built-in table
// misses and reporters-db knows: every opinion is read with the built-in
// table and with the table plus reporters-db, and each volume-reporter-page
// reference (of a case, a statute or a secondary source, parallels
// included) found only by the second is counted under its reporter
// spelling as written. With -v it prints every such citation. A spelling
// counted here is either one the table lacks or one reporters-db reads
// where there is no reporter; the test fails on a spelling the table does
// not know unless reportersDBOnly says why it is left out.
func TestReporterGapOnCorpora(t *testing.T) {
	withDB := extract.DefaultReporters()
	if err := withDB.LoadReportersDBFile(sharedReportersDB); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s absent: reporters-db not available", sharedReportersDB)
	} else if err != nil {
		t.Fatal(err)
	}
	builtinTable := extract.DefaultReporters()
	builtin := extract.New(builtinTable)
	extended := extract.New(withDB)
	for _, set := range []struct{ name, glob string }{
		{"states", "../../shared/corpus/states/*.xml"},
		{"scotus", scotusDir + "/*.html"},
	} {
		files, _ := filepath.Glob(set.glob)
		if len(files) == 0 {
			t.Logf("%s: no opinions at %s", set.name, set.glob)
			continue
		}
		gained, lost := map[string]int{}, 0
		var examples []string
		total := 0
		for _, f := range files {
			docs, err := corpus.ReadFile(f, corpus.Options{})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, d := range docs {
				base := tableRefs(builtin.Extract(d.Text))
				for _, c := range extended.Extract(d.Text) {
					if !volumeRef(c) {
						continue
					}
					for _, ref := range append([]extract.Ref{c.Ref}, c.Parallel...) {
						total++
						key := ref.String()
						if base[key] > 0 {
							base[key]--
							continue
						}
						sp := spellingIn(c.Text, ref)
						gained[sp]++
						examples = append(examples, fmt.Sprintf("%s: %q", filepath.Base(f), c.Text))
						if builtinTable.Find(sp) == nil && reportersDBOnly[strings.ReplaceAll(sp, " ", "")] == "" {
							t.Errorf("%s: %q: reporter spelling %q is missing from the table", filepath.Base(f), c.Text, sp)
						}
					}
				}
				for _, n := range base {
					lost += n
				}
			}
		}
		n := 0
		for _, k := range gained {
			n += k
		}
		t.Logf("%s: %d references read with reporters-db; %d found only with it, %d only without it; by spelling:%s",
			set.name, total, n, lost, countList(gained))
		if testing.Verbose() && len(examples) > 0 {
			t.Logf("%s, found only with reporters-db:\n\t%s", set.name, strings.Join(examples, "\n\t"))
		}
	}
}

// reportersDBOnly are the spellings, without white space, that
// reporters-db reads in the shared corpora and the table leaves out on
// purpose, with the reason.
var reportersDBOnly = map[string]string{
	"O.S.":  "Oklahoma Statutes in Oklahoma opinions (\"59 O.S. 1961 § 12\"), the Ohio State Reports only in a few old ones",
	"Will.": "an English statute's regnal year (\"8 Will. 3\"), not a reporter",
	"Hen.":  "an English statute's regnal year (\"26 Hen. 8\"), not a reporter",
	"Edw.":  "an English statute's regnal year (\"6 Edw. 1\"), not a reporter",
	"H.":    "one letter: a regnal year (\"1 H. 8\") or an initial as often as a reporter",
	"App.":  "the record's appendix (\"2 App. 138\"), an authority of its own (authorities.tsv)",
	"PA": "a Michigan Public Act (\"1972 PA 294\"), often inside a case name (\"Advisory Opinion re Constitutionality " +
		"of 1972 PA 294, 389 Mich. 441\"), where a statute read there would take the case as its parallel",
	"Div.":        "an Alabama docket division (\"7 Div. 263\"), not a reporter",
	"B.":          "one letter: an initial or a heading as often as a reporter",
	"C.":          "one letter: an initial or a heading as often as a reporter",
	"L.":          "one letter: an initial or a heading as often as a reporter",
	"R.":          "one letter: an initial or a heading as often as a reporter",
	"W.":          "one letter: an initial or a heading as often as a reporter",
	"Y.":          "one letter: an initial or a heading as often as a reporter",
	"C.B.":        "an English reporter (Common Bench); the table holds U.S. reporters",
	"Freem.":      "an English reporter (Freeman's King's Bench) as cited here; the table holds U.S. reporters",
	"Phillips":    "an English reporter (Phillips's Chancery); the table holds U.S. reporters",
	"Bl.":         "ambiguous: Black's U.S. Reports, Blatchford, Blackstone's Commentaries",
	"C.C.":        "ambiguous: a circuit court, the Ohio Circuit Court Reports, Coleman's Cases",
	"A.R.":        "ambiguous: the American Reports in these opinions, the Atlantic Reporter in reporters-db",
	"Foster":      "ambiguous: Foster's New Hampshire Reports (N.H. 19-31) and a Pennsylvania reporter",
	"p.2d":        "lower case: a reporter spelling starts with a capital (TestBuiltinSpellingsAreSafe)",
	"NE":          "a compass point of street addresses (\"1200 NW 17 Avenue\") as often as a reporter",
	"NW":          "a compass point of street addresses (\"1200 NW 17 Avenue\") as often as a reporter",
	"SE":          "a compass point of street addresses (\"1200 NW 17 Avenue\") as often as a reporter",
	"Smith":       "a surname; here the nominative of a Tennessee volume (\"156 Tenn. (3 Smith) 666\")",
	"Va.(Gratt.)": "a nominative without its volume (\"66 Va. (Gratt.) 908\"), a slip of the writer",
	"Wilson":      "an English reporter (Wilson's King's Bench); the table holds U.S. reporters",
	"N":           "one letter, read here inside a nominative's parallel (\"29 Vroom (58 N.J. Law), 36\")",
}

// volumeRef reports whether c is read through the reporter table: a full
// citation of a case, a statute or a secondary source.
func volumeRef(c extract.Citation) bool {
	return (c.Kind == extract.Full || c.Kind == extract.Law || c.Kind == extract.Secondary) && c.Page != ""
}

// tableRefs counts the references (first citations and parallels) of the
// citations among cs read through the reporter table, by their canonical
// form.
func tableRefs(cs []extract.Citation) map[string]int {
	have := map[string]int{}
	for _, c := range cs {
		if !volumeRef(c) {
			continue
		}
		have[c.Ref.String()]++
		for _, p := range c.Parallel {
			have[p.String()]++
		}
	}
	return have
}

// spellingIn finds how the citation text spells ref's reporter: the words
// between its volume and its page, with a parenthesised state ("21 Pick.
// (Mass.) 156"), past a nominative reporter ("5 U.S. (1 Cranch) 137") or
// out of one. When the text does not show it, it says so.
func spellingIn(text string, ref extract.Ref) string {
	re := regexp.MustCompile(`(?:^|[^0-9])` + regexp.QuoteMeta(ref.Volume) + `\s+([^()]+?(?:\s*\([^0-9)][^)]*\))?)\)?\s*,?\s*(?:\(\d+ [^)]*\)\s+)?` + regexp.QuoteMeta(ref.Page) + `(?:[^0-9A-Za-z]|$)`)
	if m := re.FindStringSubmatch(text); m != nil {
		return strings.Join(strings.Fields(m[1]), " ")
	}
	return "(not in the text) " + ref.Reporter
}

// countList formats counts as ` "key"×n`, commonest first.
func countList(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %q×%d", k, counts[k])
	}
	return b.String()
}
