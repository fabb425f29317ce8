package corpus

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/citegraph/citegraph/extract"
)

// A circuit opinion as pdftotext gives it: a filing stamp and a running
// head on every page, a page number at the foot, a footnote below a rule,
// and a citation cut by the page break.
const circuitText = `USCA11 Case: 19-13604    Date Filed: 05/12/2021    Page: 1 of 3
                    [PUBLISH]
ACME CORP. v. ROE
The district court erred. See Smith v. Jones, 100 F.3d
                                        1
` + "\f" + `USCA11 Case: 19-13604    Date Filed: 05/12/2021    Page: 2 of 3
ACME CORP. v. ROE
200, 205 (11th Cir. 1999). We reverse.1 Id. at 206.
————————
   1 Howard, 100 F.3d at 53, is not to the contrary.
                                        2
` + "\f" + `USCA11 Case: 19-13604    Date Filed: 05/12/2021    Page: 3 of 3
ACME CORP. v. ROE
REVERSED. Doe v. Poe, 300 F.3d 1 (11th Cir. 2002).
                                        3
`

func TestTextFurnitureBlankedInPlace(t *testing.T) {
	d := readOne(t, "circuit.txt", circuitText, Options{})
	if len(d.Text) != len(circuitText) || strings.Count(d.Text, "\n") != strings.Count(strings.ReplaceAll(circuitText, "\f", "\n"), "\n") {
		t.Fatalf("offsets moved: %d bytes, want %d", len(d.Text), len(circuitText))
	}
	for _, gone := range []string{"USCA11", "Date Filed", "ACME CORP. v. ROE\n200"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("furniture %q kept", gone)
		}
	}
	if !strings.Contains(d.Text, "[PUBLISH]") {
		t.Error("text under the stamp blanked")
	}
	cs := extractDoc(t, d)
	var got []string
	for _, c := range cs {
		got = append(got, c.Kind.String()+" "+c.Target.String()+" @"+c.Pin+" p"+d.PageAt(c.Start))
	}
	want := []string{"full 100 F.3d 200 @205 p1", "id 100 F.3d 200 @206 p2", "full 300 F.3d 1 @ p3"}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing %q in %q", w, got)
		}
	}
	if len(d.Notes) != 1 || !strings.HasPrefix(d.Text[d.Notes[0].Start:d.Notes[0].End], "1 Howard, 100 F.3d at 53") {
		t.Errorf("notes %v", d.Notes)
	}
}

// Slip-opinion text that lost its form feeds (CourtListener keeps it in
// <pre>): the heads alone show where pages break.
const slipHTML = `<pre class="inline">(Slip Opinion)              OCTOBER TERM, 2022                1

                                  Syllabus

SUPREME COURT OF THE UNITED STATES
                                  Syllabus
          SMITH v. JONES
     No. 22–100.      Argued January 9, 2023—Decided June 1, 2023
Held: Precedent controls. See Roe v. Doe, 500 U. S. 1, 5.

                 Cite as: 600 U. S. ____ (2023)                1

                        Opinion of the Court

SUPREME COURT OF THE UNITED STATES
                             [June 1, 2023]

  JUSTICE KAGAN delivered the opinion of the Court.
  We said as much in Roe v. Doe, 500 U. S.
2                        SMITH v. JONES

                        Opinion of the Court

1, 7 (1991). Id., at 8.
                 Cite as: 600 U. S. ____ (2023)                3

                  THOMAS, J., dissenting

SUPREME COURT OF THE UNITED STATES
                             [June 1, 2023]

  JUSTICE THOMAS, dissenting.
  I would not extend Roe, 500 U. S., at 9.
</pre>`

func TestSlipHTMLHeadsAndOpinions(t *testing.T) {
	d := readOne(t, "smith.html", slipHTML, Options{})
	for _, gone := range []string{"Cite as", "Opinion of the Court", "OCTOBER TERM", "2                        SMITH"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("head %q kept", gone)
		}
	}
	if d.Meta.CaseName != "Smith v. Jones" || strings.Join(d.Meta.Citations, ";") != "600 U.S. ___" || d.Meta.Date != "2023-06-01" || d.Meta.Docket != "22–100" {
		t.Errorf("meta %+v", d.Meta)
	}
	var parts []string
	for _, p := range d.Parts {
		parts = append(parts, p.Opinion+":"+p.Author)
	}
	if strings.Join(parts, " ") != "syllabus: majority:Kagan dissent:Thomas" {
		t.Errorf("parts %q", parts)
	}
	var got []string
	for _, c := range extractDoc(t, d) {
		p, _ := d.PartAt(c.Start)
		got = append(got, c.Kind.String()+" "+c.Target.String()+" @"+c.Pin+" "+p.Opinion)
	}
	want := "full 500 U.S. 1 @5 syllabus|full 500 U.S. 1 @7 majority|id 500 U.S. 1 @8 majority|short 500 U.S. 1 @9 dissent"
	if strings.Join(got, "|") != want {
		t.Errorf("citations\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	d.DropSyllabus()
	if strings.Contains(d.Text, "Precedent controls") || len(d.Parts) != 2 {
		t.Errorf("syllabus kept: parts %v", d.Parts)
	}
}

// A PDF printed on pleading paper, its lines numbered in the margin.
func TestPDFMarginLineNumbers(t *testing.T) {
	f := fpdf.New("P", "pt", "Letter", "")
	f.SetFont("Times", "", 12)
	f.AddPage()
	body := []string{"The motion is denied. See Roe v. Doe,", "500 U.S. 1, 5 (1991). The court", "finds no reason to", "depart from it. Id. at 6.", "So ordered.", "Done."}
	for i, l := range body {
		y := 100 + float64(i)*24
		f.Text(40, y, string(rune('1'+i)))
		f.Text(90, y, l)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	d := readOne(t, "pleading.pdf", buf.String(), Options{})
	if want := strings.Join(body, "\n"); d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	cs := extract.Extract(d.Text)
	if len(cs) != 2 || cs[0].Target.String() != "500 U.S. 1" || cs[1].Line != 4 {
		t.Errorf("citations %+v", cs)
	}
}

// collapseSpace's fast path must agree with the plain definition on every
// kind of white space a line can hold.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "   ", "Cite as: 563 U. S. ____ (2011)", " Cite as:  563 U. S.", "2 THOMPSON v. HEBDON ",
		"a\tb", "a\u00a0b", "a\u2009b", "\u3000a", "a\u0085", "§ 1983 — “Id.”", "a \r", "x\x0bb",
	} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
