package extract_test

import (
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/extract"
)

// Extract finds every citation and resolves the short forms to the case
// they cite, keeping the pin cites.
func Example() {
	text := `Prosecutors are absolutely immune. See Imbler v. Pachtman, 424 U. S. 409,
430 (1976); Burns v. Reed, 500 U.S. 478, 486 (1991) (collecting cases). The
Court reserved the question. Id., at 431, n. 33. See also Imbler, supra, at 425;
Burns, 500 U. S., at 492; 42 U. S. C. §1983.`
	for _, c := range extract.Extract(text) {
		fmt.Printf("%-5s %-22q pin %-8q → %s\n", c.Kind, c.Text, c.Pin, c.Target)
	}
	// Output:
	// full  "Imbler v. Pachtman, 424 U. S. 409,\n430 (1976)" pin "430"    → 424 U.S. 409
	// full  "Burns v. Reed, 500 U.S. 478, 486 (1991)" pin "486"    → 500 U.S. 478
	// id    "Id., at 431, n. 33"   pin "431 n.33" → 500 U.S. 478
	// supra "Imbler, supra, at 425" pin "425"    → 424 U.S. 409
	// short "Burns, 500 U. S., at 492" pin "492"    → 500 U.S. 478
	// law   "42 U. S. C. §1983"    pin ""       → 42 U.S.C. § 1983
}

// An Extractor with reporters added at run time, here one spelling the
// built-in table does not know.
func ExampleNew() {
	tab := extract.DefaultReporters()
	tab.Add(extract.Reporter{Abbrev: "Zed.", Name: "Imaginary Reports", Type: extract.CaseReporter, Variants: []string{"Zd."}})
	ex := extract.New(tab)
	for _, c := range ex.Extract("Doe v. Roe, 12 Zd. 345, 350 (1901).") {
		fmt.Println(c.Kind, c.Target, c.Pin, c.Year)
	}
	// Output:
	// full 12 Zed. 345 350 1901
}

// Citations holds the citations of a text compactly and makes each
// Citation as it is read: the way to go through a text with millions of
// them. With a Layout, a footnote is read as a run of its own: an Id.
// opening it repeats the authority cited before its mark.
func ExampleExtractor_Citations() {
	text := "See Imbler v. Pachtman, 424 U. S. 409 (1976).1 But see Burns v. Reed, 500 U.S. 478 (1991).\n1 Id., at 431."
	mark := strings.Index(text, ".1 ") + 1
	start := strings.LastIndex(text, "\n") + 1
	cs, err := extract.New(nil).Citations(text, extract.Layout{Notes: []extract.Note{{Start: start, End: len(text), Mark: mark}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cs.Len(), "citations")
	for i, c := range cs.All() {
		fmt.Printf("%d %s %q line %d → %s pin %q\n", i, c.Kind, c.Text, c.Line, c.Target, c.Pin)
	}
	// Output:
	// 3 citations
	// 0 full "Imbler v. Pachtman, 424 U. S. 409 (1976)" line 1 → 424 U.S. 409 pin ""
	// 1 full "Burns v. Reed, 500 U.S. 478 (1991)" line 1 → 500 U.S. 478 pin ""
	// 2 id "Id., at 431" line 2 → 424 U.S. 409 pin "431"
}
