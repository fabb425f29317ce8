package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseManifest(t *testing.T) {
	for name, input := range map[string]string{
		"m.csv": "\ufeffFile,Case_Name,citations,court,date,extra\n" +
			`cases/a.html.gz,"Smith v. Jones, Inc.",1 U.S. 1; 2 S. Ct. 3,scotus,1790-02-01,x` + "\n" +
			"b.txt,,,,\n",
		"m.tsv": "file\tcase_name\tcitations\tcourt\tdate\topinion\n" +
			"cases/a.html.gz\tSmith v. Jones, Inc.\t1 U.S. 1;2 S. Ct. 3\tscotus\t1790-02-01\t\n" +
			"b.txt\t\t\t\t\tdissent\n",
	} {
		m, err := ParseManifest(name, strings.NewReader(input))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		row, ok := m.Lookup(&Document{ID: "x/a.html", Path: "elsewhere/a.html"})
		want := Meta{CaseName: "Smith v. Jones, Inc.", Citations: []string{"1 U.S. 1", "2 S. Ct. 3"}, Court: "scotus", Date: "1790-02-01", Source: SourceManifest}
		if !ok || fmt.Sprint(row) != fmt.Sprint(want) {
			t.Errorf("%s: row %+v, want %+v", name, row, want)
		}
		if row, ok := m.Lookup(&Document{Path: "b.txt"}); !ok || row.HasIdentity() || row.Source != "" {
			t.Errorf("%s: blank row %+v %v", name, row, ok)
		}
		if m.Len() != 2 {
			t.Errorf("%s: %d rows", name, m.Len())
		}
	}
}

func TestParseManifestErrors(t *testing.T) {
	for input, want := range map[string]string{
		"":                                   "empty",
		"name,citations\nx,y\n":              "no file column",
		"file,court\na.txt,x\n":              "no case_name or citations column",
		"file,case_name\na,x\nb,y\nb.gz,z\n": "m.csv:4: b is already listed on line 3",
		"file,case_name\n,x\n":               "m.csv:2: empty file column",
		"file,case_name\n\"a,x\n":            "m.csv",
	} {
		_, err := ParseManifest("m.csv", strings.NewReader(input))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", input, err, want)
		}
	}
}

// The manifest fills what the format leaves empty and overrides what the
// text guesses; citations, of which a case has several, are joined.
func TestIdentityTrustOrder(t *testing.T) {
	man, err := ParseManifest("m.csv", strings.NewReader("file,case_name,citations,court,date,opinion\n"+
		"cap.json,Manifest Name,9 U.S. 9,Manifest Court,1800,dissent\n"+
		"imbler.html,Imbler v. Pachtman,424 U.S. 409;96 S. Ct. 984,scotus,\n"+
		"cl.json,,,,1999\n"))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Manifest: man}
	d := readOne(t, "dir/cap.json", capJSON, opts)
	want := Meta{CaseName: "Pierce v. United States", Citations: []string{"7 Ct. Cl. 65", "1 Ct. Cls. R. 270", "7 W. R. 666", "9 U.S. 9"},
		Court: "Court of Claims", Date: "1871-12", Opinion: "majority", Source: SourceFormat}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("format metadata must win: %+v", d.Meta)
	}
	d = readOne(t, "imbler.html", clHTML, opts)
	want = Meta{CaseName: "Imbler v. Pachtman", Citations: []string{"424 U.S. 409", "96 S. Ct. 984"},
		Court: "scotus", Date: "1976-03-02", Source: SourceManifest}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("manifest must override the text and the text fill the rest: %+v", d.Meta)
	}
	d = readOne(t, "unlisted.txt", "Just words.", opts)
	if d.Meta.HasIdentity() || d.ID != "unlisted.txt" || d.Meta.Source != "" {
		t.Errorf("no identity: id %q meta %+v", d.ID, d.Meta)
	}
}
