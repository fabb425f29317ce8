package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

func readOne(t *testing.T, name, input string, opts Options) *Document {
	t.Helper()
	docs, err := Read(name, strings.NewReader(input), opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(docs) != 1 {
		t.Fatalf("%s: %d documents, want 1", name, len(docs))
	}
	return docs[0]
}

// pageOf returns the page on which the first occurrence of s lies.
func pageOf(t *testing.T, d *Document, s string) string {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%q not in text %q", s, d.Text)
	}
	return d.PageAt(i)
}

const clHTML = `<div>
<center><b><span class="citation no-link"><span class="volume">424</span> <span class="reporter">U.S.</span> <span class="page">409</span></span> (1976)</b></center>
<center><h1>IMBLER<br>
v.<br>
PACHTMAN, DISTRICT ATTORNEY.</h1></center>
<center>No. 74-5435.</center>
<center><p><b>Supreme Court of United States.</b></p></center>
<center>Decided March 2, 1976.</center>
<script>var x = "not text";</script>
<p><span class="star-pagination">*410</span> MR. JUSTICE POWELL delivered the opinion of&nbsp;the Court.</p>
<p>See <span class="citation" data-id="1"><a href="/opinion/1/"><span class="volume">13</span> <span class="reporter">Wall.</span> <span class="page">335</span></a></span> (1872); Pierson&nbsp;v. Ray, 386 U.&nbsp;S. 547, 554 &amp; n.<sup>[1]</sup></p>
<p>The prosecutor's <i>duty</i>, the court<br>held, was <span class="star-pagination">*411</span>clear.<p>Unclosed paragraph one.<p>Unclosed paragraph two.
<div class="footnotes"><div class="footnote"><a href="#fn1-ref">[1]</a><p>Footnote text, citing 500 U.S. 478.</p></div></div>
</div>`

func TestCourtListenerHTML(t *testing.T) {
	d := readOne(t, "imbler.html", clHTML, Options{})
	for _, want := range []string{
		// The header citation names the document: it is blanked, not read
		// as a citation.
		"                   \nIMBLER\nv.\nPACHTMAN, DISTRICT ATTORNEY.\nNo. 74-5435.",
		"MR. JUSTICE POWELL delivered the opinion of the Court.",
		"See 13 Wall. 335 (1872); Pierson v. Ray, 386 U. S. 547, 554 & n.[1]",
		"The prosecutor's duty, the court\nheld, was clear.\nUnclosed paragraph one.\nUnclosed paragraph two.",
		"[1]\nFootnote text, citing 500 U.S. 478.",
	} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	if len(d.Notes) != 1 || !strings.HasPrefix(d.Text[d.Notes[0].Start:], "[1]\nFootnote text") || d.Text[d.Notes[0].End-4:d.Notes[0].End] != "478." {
		t.Errorf("notes %v", d.Notes)
	}
	for _, gone := range []string{"*410", "*411", "not text", "<", "424 U.S. 409"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("text keeps %q", gone)
		}
	}
	if p := pageOf(t, d, "MR. JUSTICE POWELL"); p != "410" {
		t.Errorf("page of the opinion's start %q, want 410", p)
	}
	if p := pageOf(t, d, "clear."); p != "411" {
		t.Errorf("page after *411: %q", p)
	}
	if p := pageOf(t, d, "held"); p != "410" {
		t.Errorf("page before *411: %q", p)
	}
	want := Meta{CaseName: "IMBLER v. PACHTMAN, DISTRICT ATTORNEY", Citations: []string{"424 U.S. 409"},
		Court: "Supreme Court of United States", Date: "1976-03-02", Source: SourceText}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
	if d.Format != "courtlistener-html" || d.ID != "imbler.html" || d.Path != "imbler.html" {
		t.Errorf("format %q id %q path %q", d.Format, d.ID, d.Path)
	}
}

func TestHarvardMarkupInHTML(t *testing.T) {
	in := `<?xml version="1.0" encoding="utf-8"?>
<opinion type="dissent"><author id="a">Mr. Justice Holmes,
<span citation-index="1" class="star-pagination" label="352"> *352 </span>dissenting.</author>
<p id="b">We are not <em>affirming</em> the inno<page-number citation-index="1" label="88">*88</page-number>cence of anyone.</p></opinion>`
	d := readOne(t, "100_040dissent.html", in, Options{})
	if want := "Mr. Justice Holmes, dissenting.\nWe are not affirming the innocence of anyone."; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	if p := pageOf(t, d, "dissenting"); p != "352" {
		t.Errorf("page %q", p)
	}
	if p := d.PageAt(strings.Index(d.Text, "cence")); p != "88" {
		t.Errorf("page inside the word: %q", p)
	}
	if d.Meta.Opinion != "dissent" || d.Format != "harvard-html" {
		t.Errorf("opinion %q format %q", d.Meta.Opinion, d.Format)
	}
}

func TestLawboxHTML(t *testing.T) {
	in := `<p class="case_cite"><span class="citation no-link">267 U.S. 132</span></p>
<p class="case_cite"><span class="citation no-link">45 S.Ct. 280</span></p>
<p class="parties">CARROLL et al.<br>v.<br>UNITED STATES.</p>
<p class="date">Reargued March 14, 1924.</p><p class="date">Decided March 2, 1925.</p>
<div class="num"><span class="num">1</span><p class="indent">The Fourth Amendment.</p></div>`
	d := readOne(t, "100567_010combined.html", in, Options{})
	want := Meta{CaseName: "CARROLL v. UNITED STATES", Citations: []string{"267 U.S. 132", "45 S.Ct. 280"},
		Date: "1925-03-02", Opinion: "combined", Source: SourceFormat}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
}

func TestPreformattedSlipOpinion(t *testing.T) {
	in := "<pre class=\"inline\">(Slip Opinion)              OCTOBER TERM, 2008\n\n                 VAN DE KAMP ET AL. v. GOLDSTEIN\n\n  No. 07–854.  Argued November 5, 2008—Decided January 26, 2009\nSee Imbler v. Pachtman,\n  424 U. S. 409.</pre><span class=\"citation\"><span class=\"volume\">405</span> <span class=\"reporter\">U.S.</span> <span class=\"page\">150</span></span><pre class=\"inline\"> (1972).\n</pre>"
	d := readOne(t, "vdk.html", in, Options{})
	if !strings.Contains(d.Text, "See Imbler v. Pachtman,\n  424 U. S. 409.405 U.S. 150 (1972).") {
		t.Errorf("layout of <pre> lost: %q", d.Text)
	}
	want := Meta{CaseName: "VAN DE KAMP v. GOLDSTEIN", Court: "Supreme Court of the United States", Docket: "07–854", Date: "2009-01-26", Source: SourceText}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
	// Inside <pre>, the space between two inline elements separates them.
	table := readOne(t, "table.html", "<pre>   Post-Wolf: <i>State</i> v. <i>Thomas,</i> <span class=\"volume\">78</span> <span class=\"reporter\">Ariz.</span> <span class=\"page\">52</span>\n</pre>", Options{})
	if !strings.Contains(table.Text, "State v. Thomas, 78 Ariz. 52") {
		t.Errorf("words run together in <pre>: %q", table.Text)
	}
}

const columbiaXML = `<opinion>
<reporter_caption><center>SMITH <italic>v</italic>. SHELTER MUT. INS. CO., <citation>327 Ark. 208</citation> (1997)</center></reporter_caption>
<citation_line><center><citation>937 S.W.2d 180</citation></center></citation_line>
<docket><center>CLAIM NO. <citation>E300853</citation></center></docket>
<court><center>Supreme Court of Arkansas</center></court>
<date><center>Opinion delivered February 10, 1997.</center><center>Rehearing denied March 3, 1997.</center></date>
<opinion_text>The bottle<page_number>Page 209</page_number> exploded &amp; <block_quote>quoted<footnote_body>note</block_quote> text.</footnote_body> See <cross_reference>212 S.W.2d 357</cross_reference>.</opinion_text>
<dissent_text>I dissent.</dissent_text>
</opinion>`

func TestColumbiaXML(t *testing.T) {
	d := readOne(t, "x.xml", columbiaXML, Options{})
	want := Meta{CaseName: "SMITH v. SHELTER MUT. INS. CO.", Citations: []string{"327 Ark. 208", "937 S.W.2d 180"},
		Court: "Supreme Court of Arkansas", Date: "1997-03-03", Opinion: "combined", Source: SourceFormat}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
	if !strings.Contains(d.Text, "The bottle exploded & quoted\nnote\ntext. See 212 S.W.2d 357.") {
		t.Errorf("text %q", d.Text)
	}
	if p := pageOf(t, d, "exploded"); p != "209" {
		t.Errorf("page %q", p)
	}
	if d.Format != "columbia-xml" {
		t.Errorf("format %q", d.Format)
	}
}

const capJSON = `{"id": 3520849, "name_abbreviation": "Pierce v. United States", "decision_date": "1871-12",
"citations": [{"type": "official", "cite": "7 Ct. Cl. 65"}, {"type": "parallel", "cite": "1 Ct. Cls. R. 270; 7 W. R. 666"}],
"court": {"name": "Court of Claims"},
"casebody": {"status": "ok", "data": "<casebody firstpage=\"65\" xmlns=\"http://nrs.harvard.edu/urn-3:HLS.Libr.US_Case_Law.Schema.Case_Body:v1\"><parties id=\"p\">Thomas W. Pierce v. The United States</parties><opinion type=\"majority\"><p>The statute <page-number label=\"66\">*66</page-number>applies. <extracted-citation>4 Wall. 2</extracted-citation>.</p></opinion></casebody>"}}`

func TestCAPJSON(t *testing.T) {
	d := readOne(t, "cap.json", capJSON, Options{})
	want := Meta{CaseName: "Pierce v. United States", Citations: []string{"7 Ct. Cl. 65", "1 Ct. Cls. R. 270", "7 W. R. 666"},
		Court: "Court of Claims", Date: "1871-12", Opinion: "majority", Source: SourceFormat}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
	if d.Text != "Thomas W. Pierce v. The United States\nThe statute applies. 4 Wall. 2." || d.ID != "cap:3520849" || d.Format != "cap-json" {
		t.Errorf("text %q id %q format %q", d.Text, d.ID, d.Format)
	}
	if p := pageOf(t, d, "applies"); p != "66" {
		t.Errorf("page %q", p)
	}
}

func TestCAPTextBodyAndCourtListenerJSON(t *testing.T) {
	capText := `{"id": 7, "name_abbreviation": "A v. B", "citations": [{"cite": "1 Kan. 2"}], "casebody": {"data": {"head_matter": "A v. B.", "opinions": [{"type": "majority", "author": "Smith, J.", "text": "Held."}, {"type": "dissent", "text": "No."}]}}}`
	d := readOne(t, "t.json", capText, Options{})
	if d.Text != "A v. B.\nSmith, J.\nHeld.\nNo." || d.Meta.Opinion != "combined" || d.Meta.CaseName != "A v. B" {
		t.Errorf("CAP text body: %q %+v", d.Text, d.Meta)
	}
	cl := `{"id": 99, "type": "040dissent", "html_with_citations": "<p>I dissent; see <span class=\"citation\">1 U.S. 1</span>.</p>", "plain_text": "ignored",
"cluster": {"case_name": "Roe v. Doe", "citations": [{"volume": 410, "reporter": "U.S.", "page": "113"}], "date_filed": "1973-01-22"}, "court": "https://www.courtlistener.com/api/rest/v4/courts/scotus/"}`
	d = readOne(t, "cl.json", cl, Options{})
	want := Meta{CaseName: "Roe v. Doe", Citations: []string{"410 U.S. 113"}, Court: "scotus", Date: "1973-01-22", Opinion: "dissent", Source: SourceFormat}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) || d.Text != "I dissent; see 1 U.S. 1." || d.ID != "courtlistener:99" {
		t.Errorf("CourtListener JSON: %q %q %+v", d.ID, d.Text, d.Meta)
	}
	page := `{"count": 2, "results": [{"id": 1, "plain_text": "One."}, {"id": 2, "plain_text": "Two."}]}`
	docs, err := Read("page.json", strings.NewReader(page), Options{})
	if err != nil || len(docs) != 2 || docs[1].Text != "Two." || docs[1].ID != "courtlistener:2" {
		t.Errorf("API page: %v %d", err, len(docs))
	}
}

func TestJSONLinesAndGzip(t *testing.T) {
	lines := `{"id": "a", "text": "First opinion.", "case_name": "A v. B", "citations": "1 U.S. 1; 2 S. Ct. 3", "opinion": "majority"}

{"text": "Second opinion."}
{"text": "cut
{"id": "d", "casebody": {"data": "<casebody><opinion type=\"concurring\"><p>Fourth.</p></opinion></casebody>"}}
`
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(lines))
	w.Close()
	for name, input := range map[string]string{"stream.jsonl": lines, "stream.dat": gz.String()} {
		docs, err := Read(name, strings.NewReader(input), Options{})
		var got []string
		for _, d := range docs {
			got = append(got, d.ID+"="+d.Text+"/"+d.Meta.Opinion)
		}
		want := []string{"a=First opinion./majority", name + ":3=Second opinion./", "cap:d=Fourth./concurrence"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: documents %q, want %q", name, got, want)
		}
		var re *ReadError
		if !errors.As(err, &re) || re.Line != 4 || re.Problem != ProblemBadJSON || !strings.Contains(err.Error(), name+":4") {
			t.Errorf("%s: error %v, want invalid JSON on line 4", name, err)
		}
		if len(docs) > 0 && strings.Join(docs[0].Meta.Citations, "|") != "1 U.S. 1|2 S. Ct. 3" {
			t.Errorf("citations %q", docs[0].Meta.Citations)
		}
	}
}

func TestDetectsFormatFromContent(t *testing.T) {
	for _, tc := range []struct{ name, input, format string }{
		{"opinion.txt", clHTML, "courtlistener-html"},
		{"opinion.html", "Plain words, 1 U.S. 1.", "text"},
		{"opinion", columbiaXML, "columbia-xml"},
		{"opinion.xml", capJSON, "cap-json"},
		{"body.txt", `<casebody><parties>A v. B</parties></casebody>`, "cap-xml"},
		{"lt.txt", "<3 is a heart, not markup", "text"},
	} {
		if d := readOne(t, tc.name, tc.input, Options{}); d.Format != tc.format {
			t.Errorf("%s: format %q, want %q", tc.name, d.Format, tc.format)
		}
	}
}

func TestTextFormFeedsArePages(t *testing.T) {
	d := readOne(t, "p.txt", "page one\r\n\fpage two\fpage three", Options{})
	if d.Text != "page one\n\npage two\npage three" {
		t.Errorf("text %q", d.Text)
	}
	if pageOf(t, d, "two") != "2" || pageOf(t, d, "three") != "3" || pageOf(t, d, "one") != "1" {
		t.Errorf("pages %v", d.Pages)
	}
}

func TestBadDocumentsNameFileAndProblem(t *testing.T) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte("<p>a whole opinion</p>"))
	w.Close()
	truncGz := gz.Bytes()[:gz.Len()-6]
	for _, tc := range []struct {
		name, input string
		problem     Problem
		detail      string
	}{
		{"blob.bin", "\x00\x01\x02binary", ProblemBinary, "NUL"},
		{"empty.txt", " \n\t\n", ProblemEmpty, ""},
		{"empty.html", "<div><script>x</script></div>", ProblemEmpty, "no opinion text"},
		{"trunc.json", `{"text": "an opinion cut`, ProblemBadJSON, "truncated"},
		{"bad.json", `{"text": 12}`, ProblemBadJSON, "string"},
		{"cut.xml", columbiaXML[:200], ProblemBadXML, "truncated"},
		{"bad.xml", "<opinion><opinion_text>a < b</opinion_text></opinion>", ProblemBadXML, "line 1"},
		// XML that none of the XML readers takes is read as markup, but
		// a broken one is still reported, not read for what survives.
		{"cut-generic.xml", `<?xml version="1.0"?><decision><body>See Roe v. Wade, 410 U.S. 113 (1973). And`, ProblemBadXML, "truncated: the input ends inside <decision>"},
		{"cut-declared", `<?xml version="1.0"?><decision><body>See Roe v. Wade, 410 U.S. 113`, ProblemBadXML, "truncated"},
		{"bad-generic.xml", `<decision><body>See Roe v. Wade, 410 U.S. 113 (1973) <<</body></decision>`, ProblemBadXML, "line 1"},
		{"declaration-only.xml", `<?xml vers`, ProblemBadXML, "no root element"},
		{"not-markup.xml", "Roe v. Wade, 410 U.S. 113 (1973)", ProblemBadXML, "no root element"},
		{"list.json", `{"doc": "x", "citations": []}`, ProblemNotDocument, ""},
		{"trunc.html.gz", string(truncGz), ProblemBadGzip, ""},
		{"bad.pdf", "%PDF-1.4\nnot really a pdf", ProblemBadPDF, ""},
	} {
		docs, err := Read(tc.name, strings.NewReader(tc.input), Options{})
		var re *ReadError
		if len(docs) != 0 || !errors.As(err, &re) {
			t.Errorf("%s: %d documents, error %v", tc.name, len(docs), err)
			continue
		}
		if re.Problem != tc.problem || re.Path != tc.name || !strings.Contains(err.Error(), tc.name) || !strings.Contains(err.Error(), tc.detail) {
			t.Errorf("%s: error %q (problem %q), want problem %q mentioning %q", tc.name, err, re.Problem, tc.problem, tc.detail)
		}
	}
}

// makePDF writes a PDF of the given pages with fpdf, as a court's
// publishing system would.
func makePDF(t *testing.T, pages ...string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "Letter", "")
	f.SetFont("Times", "", 12)
	tr := f.UnicodeTranslatorFromDescriptor("")
	for _, p := range pages {
		f.AddPage()
		f.MultiCell(0, 6, tr(p), "", "L", false)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDF(t *testing.T) {
	pdf := makePDF(t,
		"(Slip Opinion) OCTOBER TERM, 2008\nCite as: 555 U. S. ____ (2009)\nVAN DE KAMP ET AL. v. GOLDSTEIN\nDecided January 26, 2009",
		"See Imbler v. Pachtman, 424 U. S. 409, 430 (1976), and § 1983 “claims”.",
		"Burns v. Reed, 500 U.S. 478 (1991).")
	d := readOne(t, "slip.pdf", string(pdf), Options{})
	if d.Format != "pdf" || len(d.Pages) != 3 {
		t.Fatalf("format %q, pages %v", d.Format, d.Pages)
	}
	for page, s := range map[string]string{"1": "VAN DE KAMP ET AL. v. GOLDSTEIN", "2": "424 U. S. 409, 430 (1976), and § 1983 “claims”", "3": "Burns v. Reed, 500 U.S. 478"} {
		if got := pageOf(t, d, s); got != page {
			t.Errorf("%q on page %q, want %s", s, got, page)
		}
	}
	// The heads name the document and are no part of its text.
	if strings.Contains(d.Text, "Cite as") || strings.Contains(d.Text, "Slip Opinion") {
		t.Errorf("heads kept: %q", d.Text)
	}
	want := Meta{CaseName: "VAN DE KAMP v. GOLDSTEIN", Citations: []string{"555 U.S. ___"}, Court: "Supreme Court of the United States", Date: "2009-01-26", Source: SourceText}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(pdf)
	w.Close()
	if d2 := readOne(t, "slip.pdf.gz", gz.String(), Options{}); d2.Text != d.Text {
		t.Errorf("gzipped PDF reads differently")
	}
}

func TestSample(t *testing.T) {
	d := Sample()
	want := Meta{CaseName: "Van de Kamp v. Goldstein", Citations: []string{"555 U.S. 335", "129 S. Ct. 855", "172 L. Ed. 2d 706"},
		Court: "Supreme Court of the United States", Date: "2009-01-26", Opinion: "majority", Source: SourceManifest}
	if fmt.Sprint(d.Meta) != fmt.Sprint(want) {
		t.Errorf("meta %+v", d.Meta)
	}
	if !strings.HasPrefix(d.Text, "  JUSTICE BREYER delivered the opinion of the Court.") || !strings.Contains(d.Text, "Imbler v. Pachtman, 424 U. S. 409") {
		t.Errorf("sample text starts %q", d.Text[:80])
	}
	tsv := SampleCitationsTSV()
	if !strings.Contains(tsv, "n\tline\tkind\ttarget\tpin\n") || strings.Count(tsv, "\n") < 20 {
		t.Errorf("citations.tsv looks wrong: %d lines", strings.Count(tsv, "\n"))
	}
	Sample().Meta.Citations[0] = "changed"
	if Sample().Meta.Citations[0] != "555 U.S. 335" {
		t.Error("Sample shares its citations between calls")
	}
}

// Text that is not UTF-8 is decoded: Windows-1252 (and so Latin-1) when
// the bytes are not UTF-8, UTF-16 by its byte order mark, or the encoding
// forced by Options.Encoding.
func TestEncodings(t *testing.T) {
	utf16 := func(s string, big bool) string {
		var b []byte
		if big {
			b = append(b, 0xfe, 0xff)
		} else {
			b = append(b, 0xff, 0xfe)
		}
		for _, r := range s {
			if big {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return string(b)
	}
	for _, tc := range []struct{ name, input, encoding, want string }{
		{"latin1.txt", "Caf\xe9 v. State, 1 U.S. 1 (1790).", "", "Café v. State, 1 U.S. 1 (1790)."},
		{"cp1252.txt", "\x93Id.\x94 at 5 \x96 see \xa71983.", "", "“Id.” at 5 – see §1983."},
		{"le.txt", utf16("Doe v. Roe, 5 U.S. 1 — ¶ 3.", false), "", "Doe v. Roe, 5 U.S. 1 — ¶ 3."},
		{"be.txt", utf16("Doe v. Roe, 5 U.S. 1 — ¶ 3.", true), "", "Doe v. Roe, 5 U.S. 1 — ¶ 3."},
		{"latin2.txt", "Ko\xb9ice v. State", "iso-8859-2", "Košice v. State"},
		{"forced.html", "<p>Caf\xe9</p>", "latin1", "Café"},
	} {
		d := readOne(t, tc.name, tc.input, Options{Encoding: tc.encoding})
		if strings.TrimSpace(d.Text) != tc.want {
			t.Errorf("%s: text %q, want %q", tc.name, d.Text, tc.want)
		}
	}
	_, err := Read("latin1.txt", strings.NewReader("Caf\xe9"), Options{Encoding: "utf-8"})
	wantProblem(t, err, ProblemNotUTF8, "byte 3")
	if _, err := LookupEncoding("klingon"); err == nil {
		t.Error("an unknown encoding was accepted")
	}
}

// Content sniffing respects text: a .txt file (or standard input) that
// merely begins with a bracket is text; a .txt that holds JSON which
// parses, or markup that says so, is read as such.
func TestSniffingRespectsText(t *testing.T) {
	note := "[EDITORS' NOTE: THIS PAGE CONTAINS HEADNOTES.]\nSee Imbler v. Pachtman, 424 U.S. 409 (1976)."
	for _, tc := range []struct{ name, input, format string }{
		{"note.txt", note, "text"},
		{"-", note, "text"},
		{"bracket.txt", "[1] The footnote says {this}.", "text"},
		{"page.txt", "<Page 3>\nThe court held.", "text"},
		{"array.txt", `[{"text": "An opinion."}]`, "json"},
		{"object.txt", `{"plain_text": "An opinion.", "id": 3}`, "courtlistener-json"},
		{"-", `[{"plain_text": "An opinion."}]`, "courtlistener-json"},
		{"doc.txt", "<!DOCTYPE html><p>An opinion.</p>", "courtlistener-html"},
	} {
		d := readOne(t, tc.name, tc.input, Options{})
		if d.Format != tc.format {
			t.Errorf("%s %.20q: format %q, want %q", tc.name, tc.input, d.Format, tc.format)
		}
	}
	// Named .json, it is JSON, and an error when it does not parse.
	_, err := Read("note.json", strings.NewReader(note), Options{})
	wantProblem(t, err, ProblemBadJSON, "note.json")
}
