package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// sharedDir is the project's shared corpus, seen from this package.
const sharedDir = "../../shared/corpus"

func sharedSet(t testing.TB, set string) string {
	t.Helper()
	dir := filepath.Join(sharedDir, set)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus %s not present: %v", dir, err)
	}
	return dir
}

// loadSet reads a whole shared folder through Process, as the CLI does.
func loadSet(t testing.TB, dir string, man *Manifest) ([]*Document, Summary) {
	t.Helper()
	inputs, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	var skips []string
	sum, err := Process(context.Background(), inputs, Options{Manifest: man, Jobs: 2},
		Hooks{Skip: func(e *ReadError) { skips = append(skips, e.Error()) }},
		func(d *Document) (struct{}, error) { return struct{}{}, nil },
		func(d *Document, _ struct{}) error { docs = append(docs, d); return nil })
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skips {
		t.Errorf("skipped: %s", s)
	}
	return docs, sum
}

func TestSharedSetsLoadWithIdentity(t *testing.T) {
	for _, tc := range []struct {
		set  string
		want int
	}{{"immunity", 8}, {"scotus", 1689}, {"states", 1522}, {"cap", 17}, {"sample", 1}} {
		t.Run(tc.set, func(t *testing.T) {
			dir := sharedSet(t, tc.set)
			man, err := LoadManifest(filepath.Join(dir, "manifest.csv"))
			if err != nil {
				t.Fatal(err)
			}
			docs, sum := loadSet(t, dir, man)
			if len(docs) != tc.want || sum.Docs != tc.want {
				t.Fatalf("read %d documents (summary %d), want %d", len(docs), sum.Docs, tc.want)
			}
			// A manifest row may itself be blank ("unknown (not U.S.
			// Reports)"): such a document has an identity only if its text
			// states one.
			identified, blankRows := 0, 0
			for _, d := range docs {
				row, ok := man.Lookup(d)
				if !ok {
					t.Errorf("%s: not in the manifest", d.Path)
				}
				if !row.HasIdentity() {
					blankRows++
				}
				switch {
				case d.Meta.HasIdentity():
					identified++
				case row.HasIdentity():
					t.Errorf("%s: no identity although the manifest gives one", d.Path)
				}
			}
			t.Logf("%s with manifest: %d documents, %d with identity (%d manifest rows are blank); %s", tc.set, len(docs), identified, blankRows, sum)
		})
	}
}

// agreement compares identities found without a manifest against the
// manifest, field by field.
type agreement struct {
	docs, compared, names, cites, dates, all int
	citeComparable                           int // documents whose citations can be compared at all
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }

// compareWithManifest counts agreement. For identities from the format,
// citations agree when every citation the manifest lists was found. For
// identities from a CourtListener header, which states one citation, they
// agree when the manifest lists that citation; a document whose manifest
// row has no citation in the header's reporter (it lists only a LEXIS
// cite) cannot be compared on citations.
func compareWithManifest(docs []*Document, man *Manifest, fromText bool, consider func(*Document) bool, disagree func(*Document, Meta)) agreement {
	var a agreement
	for _, d := range docs {
		a.docs++
		want, ok := man.Lookup(d)
		if !ok || !want.HasIdentity() || !consider(d) {
			continue
		}
		a.compared++
		n, dt := sameName(d.Meta.CaseName, want.CaseName), sameDate(d.Meta.Date, want.Date)
		c, comparable := citesCovered(d.Meta.Citations, want.Citations), true
		if fromText {
			c, comparable = headerCiteListed(d.Meta.Citations, want.Citations)
		}
		if comparable {
			a.citeComparable++
		}
		if n {
			a.names++
		}
		if c {
			a.cites++
		}
		if dt {
			a.dates++
		}
		if n && c && dt {
			a.all++
		} else if disagree != nil && (!fromText || (comparable && !c)) {
			disagree(d, want)
		}
	}
	return a
}

// nameKey reduces a case name to its letters and digits, lower case, so
// that "SMITH v . SHELTER" and "Smith v. Shelter" compare equal.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

func sameName(got, want string) bool { return nameKey(got) == nameKey(want) }

func citeKey(s string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", ".", "").Replace(s))
}

// citesCovered says every citation the manifest lists was found.
func citesCovered(got, want []string) bool {
	have := map[string]bool{}
	for _, g := range got {
		have[citeKey(g)] = true
	}
	for _, w := range want {
		if !have[citeKey(w)] {
			return false
		}
	}
	return len(want) > 0 || len(got) == 0
}

// headerCiteListed says whether the manifest lists a citation found in a
// header; comparable is false when the manifest has no citation in the
// same reporter.
func headerCiteListed(got, want []string) (agree, comparable bool) {
	for _, g := range got {
		for _, w := range want {
			// A slip cite ("563 U.S. ___") gives the volume, not yet the
			// page.
			if citeKey(g) == citeKey(w) || strings.HasSuffix(g, " ___") && citeKey(strings.TrimSuffix(g, "___")) == citeKey(w[:strings.LastIndexByte(w, ' ')+1]) {
				return true, true
			}
			if reporterKey(g) == reporterKey(w) {
				comparable = true
			}
		}
	}
	return false, comparable
}

// reporterKey is a citation without its volume and page.
func reporterKey(c string) string {
	f := strings.Fields(c)
	if len(f) < 3 {
		return citeKey(c)
	}
	return citeKey(strings.Join(f[1:len(f)-1], " "))
}

// sameDate accepts dates of different precision that agree as far as both
// go ("1948" and "1948-06-21").
func sameDate(got, want string) bool {
	if got == "" || want == "" {
		return got == want
	}
	return strings.HasPrefix(got, want) || strings.HasPrefix(want, got)
}

func TestSharedIdentityWithoutManifest(t *testing.T) {
	for _, tc := range []struct{ set, format string }{
		{"cap", "cap-json"}, {"states", "columbia-xml"}, {"scotus", "courtlistener-html"}, {"immunity", "courtlistener-html"},
	} {
		t.Run(tc.set, func(t *testing.T) {
			dir := sharedSet(t, tc.set)
			man, err := LoadManifest(filepath.Join(dir, "manifest.csv"))
			if err != nil {
				t.Fatal(err)
			}
			docs, _ := loadSet(t, dir, nil)
			fromText := tc.format == "courtlistener-html"
			shown := 0
			a := compareWithManifest(docs, man, fromText,
				// For CourtListener HTML the claim is about documents whose
				// header states the citation.
				func(d *Document) bool { return d.Format == tc.format && (!fromText || len(d.Meta.Citations) > 0) },
				func(d *Document, want Meta) {
					if shown++; shown <= 5 {
						t.Logf("differs: %s: got %q %q %q, manifest %q %q %q", filepath.Base(d.Path),
							d.Meta.CaseName, d.Meta.Citations, d.Meta.Date, want.CaseName, want.Citations, want.Date)
					}
				})
			if a.compared == 0 {
				t.Fatal("no document to compare")
			}
			if fromText {
				t.Logf("%s without manifest: %d documents; %d %s state their citation in the header; of the %d whose manifest row cites the same reporter, the citation agrees for %d (%.1f%%); year agrees for %d of %d (%.1f%%); name, as printed in the caption, equals the manifest's short name for %d (%.1f%%)",
					tc.set, a.docs, a.compared, tc.format, a.citeComparable, a.cites, pct(a.cites, a.citeComparable),
					a.dates, a.compared, pct(a.dates, a.compared), a.names, pct(a.names, a.compared))
				if got := pct(a.cites, a.citeComparable); got < 99 {
					t.Errorf("header citations agree with the manifest for %.1f%%, want at least 99%%", got)
				}
				return
			}
			t.Logf("%s without manifest: %d documents, %d %s with identity from the format; agree with manifest: name %d (%.1f%%), citations %d (%.1f%%), date %d (%.1f%%), all three %d (%.1f%%)",
				tc.set, a.docs, a.compared, tc.format, a.names, pct(a.names, a.compared), a.cites, pct(a.cites, a.compared),
				a.dates, pct(a.dates, a.compared), a.all, pct(a.all, a.compared))
			if got := pct(a.all, a.compared); got < 99 {
				t.Errorf("name, citations and date agree for %.1f%%, want at least 99%%", got)
			}
		})
	}
}
