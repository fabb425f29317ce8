package corpus

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/extract"
)

// cellGapRE parts the cells of a line of pdftotext -layout output: three
// spaces or more, where a PDF has a column gap.
var cellGapRE = regexp.MustCompile(`\s{3,}`)

// textRows reads a first page written as pdftotext -layout writes it into
// caption rows, as pdfRows reads the PDF: a blank line sets the next row
// apart.
func textRows(text string) []captionRow {
	var rows []captionRow
	apart := false
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			apart = len(rows) > 0
			continue
		}
		rows = append(rows, captionRow{cells: cellGapRE.Split(strings.TrimSpace(line), -1), apart: apart})
		apart = false
	}
	return rows
}

// TestCaptionKinds reads first pages made by hand after the court PDFs of
// the shared corpus, one of each kind a court of appeals files: a clerk's
// letter with its "RE:" heading, a docketing notice whose short title wraps
// beside another column, a letter to the clerk, an "In re" order, a
// caption beside a docket column, and a letter whose only "v." is in a
// sentence (no name).
func TestCaptionKinds(t *testing.T) {
	for _, tc := range []struct{ file, name, court, docket string }{
		{"clerk-letter.txt", "Doe v. Roe", "ca4", "19-1234"},
		{"docketing-notice.txt", "Acme Widget Corporat v. Consolidated Widgets Intern", "ca2", "18-2020"},
		{"letter-to-clerk.txt", "Smith v. Jones Trucking Co.", "ca7", "21-555"},
		{"in-re-order.txt", "In re John Q. Public", "ca11", "22-100"},
		{"docket-column.txt", "Jane Roe v. Acme Holdings LLC", "ca3", ""},
		{"prose-only.txt", "", "ca9", ""},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "caption", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		m := courtIdentity(textRows(string(data)))
		if m.CaseName != tc.name || extract.NormalizeCourt(m.Court) != tc.court || m.Docket != tc.docket {
			t.Errorf("%s: name %q, court %q (%q), docket %q; want %q, %s, %q",
				tc.file, m.CaseName, m.Court, extract.NormalizeCourt(m.Court), m.Docket, tc.name, tc.court, tc.docket)
		}
	}
}

// TestCourtPDFIdentity reads the identity of each court PDF of the shared
// corpus from its text alone (no manifest). The names and courts were
// read off the PDFs' first pages by hand: letters and notices name the
// case in a heading, forms in their blanks, opinions and motions in the
// caption; a court printed without its circuit takes the circuit printed
// below it or the clerk's web site. A scan without text has no identity.
func TestCourtPDFIdentity(t *testing.T) {
	dir := sharedSet(t, "court-pdf")
	want := map[string]struct{ name, court string }{
		"ca10_010110462922.pdf": {"In re Richard P. Liebowitz", "ca10"},
		"ca1_00117684624.pdf":   {"Calvary Chapel of Bangor v. Janet T. Mills", "ca1"},
		"ca2_1-1.pdf":           {"National Football League Manag v. National Football League Playe", "ca2"},
		"ca3_003112692106.pdf":  {"Christopher Mielo v. Steak N Shake Operations Inc", "ca3"},
		"ca4_17.pdf":            {}, // a scan: only the filing stamp has text
		"ca5_00516242060.pdf":   {"Vanessa St. Pierre v. Standard Insurance Company", "ca5"},
		"ca6_1-3.pdf":           {"Island Creek Coal Company v. Linda Hill", "ca6"},
		"ca7_3.pdf":             {"Michael Tofaute v. Fedex Ground Package System", "ca7"},
		"ca8_.pdf":              {"United States v. Haitao Xiang", "ca8"},
		"ca9_19.pdf":            {"Angel Zepeda Rivas v. David Jennings", "ca9"},
		"cafc_3.pdf":            {"Reliable Contracting Group v. DVA", "cafc"},
		"gov.uscourts.ca1.12-2209.00106475093.0.pdf": {"Transamerica Life Insurance Company v. Estella Rodrigues", "ca1"},
		"gov.uscourts.ca8.17-2543.00803263743.0.pdf": {"Mary Beavers v. Midland Funding LLC", "ca8"},
		"missouri.pdf":    {"Nichole Marie Jagels v. State of Missouri", "moctapp"},
		"opinion_tax.pdf": {"Rock Bordelon and Torie Bordelon v. Commissioner of Internal Revenue", "tax"},
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil || len(files) != len(want) {
		t.Fatalf("%d PDFs in %s (%v), want %d", len(files), dir, err, len(want))
	}
	for _, f := range files {
		w, ok := want[filepath.Base(f)]
		if !ok {
			t.Errorf("%s: not in the table", f)
			continue
		}
		docs, err := ReadFile(f, Options{})
		if w.name == "" {
			if err == nil {
				t.Errorf("%s: read, want the error of a PDF without text", f)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		m := docs[0].Meta
		if m.CaseName != w.name || extract.NormalizeCourt(m.Court) != w.court {
			t.Errorf("%s: %q, court %q (%q); want %q, %s", filepath.Base(f), m.CaseName, m.Court, extract.NormalizeCourt(m.Court), w.name, w.court)
		}
	}
}
