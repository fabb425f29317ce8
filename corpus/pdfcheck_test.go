package corpus

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// TestPDFStructureRefused feeds readPDF files whose cross-reference
// numbers would make the PDF library allocate terabytes or loop for ever:
// each must come back as an invalid PDF naming the number, promptly.
func TestPDFStructureRefused(t *testing.T) {
	good := makePDF(t, "Cite as: 555 U. S. 335 (2009)", "page two")
	xref := bytes.Index(good, []byte("\nxref\n")) + 1
	edit := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("seed PDF has no %q", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	// An xref stream written by hand, uncompressed, its dictionary given.
	xrefStream := func(dict string) []byte {
		return []byte("%PDF-1.5\n1 0 obj\n<</Type/XRef" + dict + "/Length 0>>stream\nendstream\nendobj\nstartxref\n9\n%%EOF\n")
	}
	// Xref streams whose object 1 is said to lie in an object stream that
	// is itself in one: raw rows given, or (rows "") flate and PNG Up
	// encoded rows putting object 1 in object stream 4 and 4 in 1.
	objectStreams := func(rows string) []byte {
		dict := "/W[1 1 1]/Root 1 0 R"
		if rows == "" {
			var z bytes.Buffer
			zw := zlib.NewWriter(&z)
			zw.Write([]byte{2, 0, 0, 0, 2, 2, 4, 0, 2, 0, 0, 0, 2, 0, 253, 0, 2, 0, 0, 0})
			zw.Close()
			rows = z.String()
			dict = "/W[1 1 1]/Index[0 5]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 3>>/Root 1 0 R"
		} else {
			dict += "/Index[1 1]"
		}
		return []byte(fmt.Sprintf("%%PDF-1.5\n2 0 obj\n<</Type/XRef/Size 5%s/Length %d>>stream\n%s\nendstream\nendobj\nstartxref\n9\n%%%%EOF\n", dict, len(rows), rows))
	}
	for _, c := range []struct {
		name   string
		data   []byte
		detail string
	}{
		{"subsection start", edit("\nxref\n0 ", "\nxref\n99999999999 "), "starts at object 99999999999"},
		{"subsection start after a comment", edit("\nxref\n0 ", "\nxref\n%x\n+40000000000 "), "starts at object 40000000000"},
		{"cyclic /Prev", edit("trailer\n<<", fmt.Sprintf("trailer\n<</Prev %d", xref)), "/Prev chain returns"},
		{"xref stream /Size", xrefStream("/Size 99999999999/W[1 2 1]"), "/Size 99999999999"},
		{"xref stream /Index", xrefStream("/Size 5/Index[70000000000 2]/W[1 2 1]"), "/Index entry 70000000000"},
		{"xref stream /W", xrefStream("/Size 5/W[1 99999999999 1]"), "/W field 99999999999 bytes"},
		{"object stream in itself", objectStreams("\x02\x01\x00"), "object stream 1 is itself"},
		{"object stream in another, flate and PNG Up", objectStreams(""), "object stream 4 is itself"},
		{"cyclic /Extends", []byte("%PDF-1.5\n1 0 obj\n<</Type/ObjStm/N 1/First 4/Extends 3 0 R/Length 4>>stream\n9 0 \nendstream\nendobj\n" +
			"3 0 obj\n<</Type/ObjStm/N 1/First 4/Extends 1 0 R/Length 4>>stream\n9 0 \nendstream\nendobj\ntrailer<</Root 9 0 R>>\nstartxref\n0\n%%EOF\n"), "/Extends a chain"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readPDF(c.data)
			wantProblem(t, err, ProblemBadPDF, c.detail)
		})
	}
}

func TestPDFStructureChecks(t *testing.T) {
	for _, c := range []struct {
		pdf  string
		fail bool
	}{
		{"<</Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 99999999999>>/Length 3>>stream\nabc\nendstream", true},
		{"<</DecodeParms<</Predictor 12/Columns 5>>/Length 3>>stream\nabc\nendstream", false},
		// Names and numbers inside strings and streams are not structure.
		{"(a /Type/XRef/Size 99999999999 string) <</Length 30>>stream\n<</Type/XRef/Size 99999999999>>\nendstream", false},
		// A reference is not the number it starts with.
		{"<</Type/XRef/Size 99999999999 0 R/W[1 2 1]>>", false},
		// A CID font's /W widths are not an xref stream's field widths.
		{"<</Type/Font/W[1[500 600]3 10 400]>>", false},
	} {
		err := checkPDFStructure([]byte(c.pdf))
		if (err != nil) != c.fail {
			t.Errorf("%q: error %v, want failure %v", c.pdf, err, c.fail)
		}
	}
}

// TestPDFInterpretedStreamsChecked: a page's content stream, or a font's
// ToUnicode map, that ends inside a hex string made the PDF library read
// past its end for ever; the page is refused instead, and a page whose
// hex strings close reads.
func TestPDFInterpretedStreamsChecked(t *testing.T) {
	stream := func(s string) string { return fmt.Sprintf("<</Length %d>>stream\n%s\nendstream", len(s), s) }
	page := func(content, toUnicode string) []byte {
		return []byte(handPDF("<</Type/Catalog/Pages 2 0 R>>",
			"<</Type/Pages/Kids[3 0 R]/Count 1>>",
			"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
			stream(content),
			"<</Type/Font/Subtype/Type1/BaseFont/Times-Roman/ToUnicode 6 0 R>>",
			stream(toUnicode)))
	}
	cmap := "1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <0041> endbfchar"
	text := "BT /F1 12 Tf 72 700 Td (Cite as: 555 U. S. 335 (2009)) Tj ET"
	for _, c := range []struct {
		name, content, cmap string
		fail                bool
	}{
		{"content", text + " BT <414243", cmap, true},
		{"content after a string holding >", text + " BT (a > b) Tj <41 42", cmap, true},
		{"ToUnicode map", text, "1 beginbfchar <41> <00", true},
		{"closed", text + " BT <414243> Tj ET", cmap, false},
		{"< inside a string", text + " BT (a < b) Tj ET", cmap, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readPDF(page(c.content, c.cmap))
			if c.fail {
				wantProblem(t, err, ProblemBadPDF, "ends inside a hex string")
			} else if err != nil {
				t.Errorf("error %v", err)
			}
		})
	}
}

// TestPDFCutBeforeHeader: a file named .pdf cut before its "%PDF-" header
// read as a text opinion (a graph with a node for "%PDF"); it is an
// invalid PDF. Messages quoting the library keep no raw bytes.
func TestPDFCutBeforeHeader(t *testing.T) {
	for _, s := range []string{"%", "%PD", "%PDF"} {
		_, err := Read("cut.pdf", strings.NewReader(s), Options{})
		wantProblem(t, err, ProblemBadPDF, "no %PDF- header")
	}
	msg := libraryError("malformed hex string \x00\x01 " + strings.Repeat("\xfd>", 2000))
	if len(msg) > maxLibraryError+len("…") || strings.ContainsAny(msg, "\x00\x01\ufffd") {
		t.Errorf("library error kept as %q", msg)
	}
}
