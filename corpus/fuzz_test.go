package corpus

import (
	"bytes"
	"compress/gzip"
	"testing"
	"unicode/utf8"
)

// checkDocs asserts what every reader promises whatever its input: valid
// UTF-8 text and page marks in order inside it.
func checkDocs(t *testing.T, docs []*Document) {
	t.Helper()
	for _, d := range docs {
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text is not UTF-8: %q", d.Text)
		}
		prev := -1
		for _, p := range d.Pages {
			if p.Offset < prev || p.Offset > len(d.Text) || p.Page == "" {
				t.Fatalf("bad page marks %v for text of %d bytes", d.Pages, len(d.Text))
			}
			prev = p.Offset
		}
	}
}

func one(d *Document, err error) []*Document {
	if err != nil {
		return nil
	}
	return []*Document{d}
}

const fuzzDepth = 64

func FuzzHTML(f *testing.F) {
	for _, s := range []string{clHTML, `<opinion type="majority"><p>a<page-number label="2">*2</page-number>b</p></opinion>`,
		`<p class="case_cite">1 U.S. 1</p><p class="parties">A v. B</p>`, "<pre>a\n <span>b</span>\n</pre>", "<p>*1<span class=\"star-pagination\">"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Read rejects it before any markup reader runs
		}
		checkDocs(t, one(readHTML([]byte(s), fuzzDepth)))
	})
}

func FuzzXML(f *testing.F) {
	for _, s := range []string{columbiaXML, `<casebody><parties>A v. B</parties><opinion type="dissent"><p>x<page-number label="3">*3</p></opinion></casebody>`,
		`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><opinion><opinion_text>&e;</opinion_text></opinion>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Read rejects it before any markup reader runs
		}
		checkDocs(t, one(readColumbia([]byte(s), fuzzDepth)))
		checkDocs(t, one(readCasebody([]byte(s), fuzzDepth)))
	})
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{capJSON, `[{"text": "a"}, {"plain_text": "b", "cluster": {"case_name": "x"}}]`,
		`{"results": [{"html": "<p>x</p>"}]}`, `{"casebody": {"data": {"opinions": [{"text": "t"}]}}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs, _ := readJSONValue([]byte(s), fuzzDepth)
		checkDocs(t, docs)
	})
}

func FuzzJSONLines(f *testing.F) {
	f.Add("{\"text\": \"a\"}\n{\"text\": \"b\"}\n")
	f.Add("{\"id\": 1, \"casebody\": {\"data\": \"<casebody>x</casebody>\"}}\n{\"text\": \"cut\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, _ := Read("f.jsonl", bytes.NewReader([]byte(s)), Options{MaxDepth: fuzzDepth, MaxLine: 1 << 16})
		checkDocs(t, docs)
	})
}

func FuzzPDF(f *testing.F) {
	f.Add(string(makePDF(&testing.T{}, "Cite as: 555 U. S. 335 (2009)", "page two")))
	f.Add("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
	f.Fuzz(func(t *testing.T, s string) {
		checkDocs(t, one(readPDF([]byte(s))))
	})
}

func FuzzGzip(f *testing.F) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(clHTML))
	w.Close()
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:20])
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Read("f.gz", bytes.NewReader(data), Options{MaxDepth: fuzzDepth, MaxSize: 1 << 20})
		checkDocs(t, docs)
	})
}
