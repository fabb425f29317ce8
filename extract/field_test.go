package extract_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// describe renders every field of a citation a test of citation forms
// checks, in one comparable line:
//
//	kind ref [-> target (name)] [pin=…] [name="…"] [court=…] [year=…] [par="…; …"] [unresolved]
//
// ref is what the citation says (for a short form without a page, and
// for supra and id, the target).
func describe(c extract.Citation) string {
	var b strings.Builder
	ref := c.Ref
	if ref.Page == "" && c.Resolved() {
		ref = c.Target
	}
	fmt.Fprintf(&b, "%s %s", c.Kind, ref)
	if c.Resolved() && c.Target != ref {
		fmt.Fprintf(&b, " -> %s", c.Target)
	}
	if c.TargetName != "" {
		fmt.Fprintf(&b, " (%s)", c.TargetName)
	}
	if c.Pin != "" {
		b.WriteString(" pin=" + c.Pin)
	}
	if c.CaseName != "" {
		fmt.Fprintf(&b, " name=%q", c.CaseName)
	}
	if c.CourtID != "" && c.Kind == extract.Full {
		b.WriteString(" court=" + c.CourtID)
	}
	if c.Year != 0 {
		fmt.Fprintf(&b, " year=%d", c.Year)
	}
	if len(c.Parallel) > 0 {
		ps := make([]string, len(c.Parallel))
		for i, p := range c.Parallel {
			ps[i] = p.String()
		}
		fmt.Fprintf(&b, " par=%q", strings.Join(ps, "; "))
	}
	if !c.Resolved() {
		b.WriteString(" unresolved")
	}
	if c.Suspect {
		b.WriteString(" suspect")
	}
	return b.String()
}

// extractFile reads a fixture as citegraph reads any input (HTML is
// parsed, footnotes found) and extracts its citations.
func extractFile(t *testing.T, path string) []extract.Citation {
	t.Helper()
	docs, err := corpus.ReadFile(path, corpus.Options{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("%s: %v", path, err)
	}
	d := docs[0]
	l := extract.Layout{}
	for _, n := range d.Notes {
		l.Notes = append(l.Notes, extract.Span{Start: n.Start, End: n.End})
	}
	cs, err := extract.New(nil).ExtractLayout(d.Text, l)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func checkDescriptions(t *testing.T, name string, cs []extract.Citation, want []string) {
	t.Helper()
	var got []string
	for _, c := range cs {
		got = append(got, describe(c))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", name, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// fieldCases are the expected results of the inputs of
// ../shared/field-cases/README.md, kept under testdata/field (the inputs
// are short texts written in the style of public bug reports against
// citation tools; the expectations follow the Bluebook and the state
// style manuals, as that file states them).
var fieldCases = map[string][]string{}

func TestFieldCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/field/*")
	if len(files) == 0 {
		t.Fatal("no field cases under testdata/field")
	}
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := fieldCases[name]
		cs := extractFile(t, f)
		if !ok {
			var got []string
			for _, c := range cs {
				got = append(got, fmt.Sprintf("%q,", describe(c)))
			}
			t.Errorf("%s: no expectation; got:\n\t%s", name, strings.Join(got, "\n\t"))
			continue
		}
		checkDescriptions(t, name, cs, want)
	}
}
