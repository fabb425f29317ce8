package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func wantProblem(t *testing.T, err error, p Problem, detail string) {
	t.Helper()
	var re *ReadError
	if !errors.As(err, &re) || re.Problem != p || !strings.Contains(err.Error(), detail) {
		t.Errorf("error %v, want %q mentioning %q", err, p, detail)
	}
}

func TestMaxSize(t *testing.T) {
	big := strings.Repeat("An opinion line.\n", 70000) // 1.2 MB
	_, err := Read("big.txt", strings.NewReader(big), Options{MaxSize: 1 << 20})
	wantProblem(t, err, ProblemTooLarge, "--max-size")
	if _, err := Read("big.txt", strings.NewReader(big), Options{MaxSize: 2 << 20}); err != nil {
		t.Errorf("under the limit: %v", err)
	}
}

func TestMaxLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 2<<20) + `"}`
	stream := `{"text": "first"}` + "\n" + long + "\n" + `{"text": "third"}` + "\n"
	docs, err := Read("s.jsonl", strings.NewReader(stream), Options{MaxLine: 1 << 20})
	if len(docs) != 2 || docs[1].Text != "third" {
		t.Errorf("the stream does not go on past the long line: %d documents", len(docs))
	}
	wantProblem(t, err, ProblemTooLarge, "s.jsonl:2")
	_, err = Read("one-line.txt", strings.NewReader(strings.Repeat("word ", 300000)), Options{MaxLine: 1 << 20})
	wantProblem(t, err, ProblemTooLarge, "a line longer than 1048576 bytes")
}

func TestGzipBomb(t *testing.T) {
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 48 {
		w.Write(zeros)
	}
	w.Close()
	// One document: bounded by --max-size, whatever the ratio.
	_, err := Read("bomb.txt.gz", bytes.NewReader(gz.Bytes()), Options{MaxSize: 16 << 20})
	wantProblem(t, err, ProblemTooLarge, "--max-size")
	_, err = Read("bomb.txt.gz", bytes.NewReader(gz.Bytes()), Options{})
	wantProblem(t, err, ProblemBinary, "NUL")
	// A stream of documents runs past --max-size: there the ratio stops
	// a bomb.
	gz.Reset()
	w, _ = gzip.NewWriterLevel(&gz, gzip.BestCompression)
	for range 200000 {
		w.Write([]byte(`{"text": "Id."}` + "\n"))
	}
	w.Close()
	_, err = Read("bomb.jsonl.gz", bytes.NewReader(gz.Bytes()), Options{MaxSize: 1 << 20})
	wantProblem(t, err, ProblemTooLarge, "decompression bomb")
}

// A legitimate document that compresses extremely well (500× and more) is
// read: only its decompressed size counts.
func TestGzipRepetitiveDocument(t *testing.T) {
	text := strings.Repeat("Id. at 5.\n", 1000000) // 10 MB
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write([]byte(text))
	w.Close()
	if ratio := len(text) / gz.Len(); ratio < 500 {
		t.Fatalf("the text compresses only %d×", ratio)
	}
	docs, err := Read("rep.txt.gz", bytes.NewReader(gz.Bytes()), Options{})
	if err != nil || len(docs) != 1 || len(docs[0].Text) != len(text) {
		t.Errorf("%d documents, error %v", len(docs), err)
	}
}

// --max-line is checked while reading: a line far longer than the limit
// is refused having read little more than the limit.
func TestMaxLineWhileReading(t *testing.T) {
	r := &countingReader{r: io.MultiReader(strings.NewReader("A short line.\n"), endless('x'))}
	_, err := Read("one-line.txt", r, Options{MaxLine: 1 << 20})
	wantProblem(t, err, ProblemTooLarge, "a line longer than 1048576 bytes (--max-line)")
	if r.n > 2<<20 {
		t.Errorf("read %d bytes to refuse the line", r.n)
	}
	// A PDF's binary "lines" are not checked.
	pdf := handPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Length 10 >>\nstream\n"+strings.Repeat("z", 200)+"\nendstream")
	_, err = Read("x.pdf", strings.NewReader(pdf), Options{MaxLine: 100})
	var re *ReadError
	if errors.As(err, &re) && re.Problem == ProblemTooLarge {
		t.Errorf("a PDF refused for its line length: %v", err)
	}
}

// endless reads as an infinite run of one byte.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

func TestXMLEntitiesAreNotExpanded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE opinion [<!ENTITY lol "lol">`)
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := "lol" + string(rune('0'+i))
		b.WriteString(`<!ENTITY ` + name + ` "` + strings.Repeat("&"+prev+";", 10) + `">`)
		prev = name
	}
	b.WriteString(`]><opinion><reporter_caption>A v. B</reporter_caption><opinion_text>Laughs: &lol9; &amp; more</opinion_text></opinion>`)
	d := readOne(t, "laughs.xml", b.String(), Options{})
	if !strings.Contains(d.Text, "Laughs: &lol9; & more") || len(d.Text) > 200 {
		t.Errorf("entity expanded or lost: %d bytes: %.100q", len(d.Text), d.Text)
	}
}

func TestDeepNesting(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "text" + strings.Repeat(close, n)
	}
	for _, tc := range []struct {
		name, input string
		problem     Problem
	}{
		{"deep.xml", "<opinion><opinion_text>" + deep("<i>", "</i>", 100000) + "</opinion_text></opinion>", ProblemTooDeep},
		{"deep.html", deep("<div>", "</div>", 100000), ProblemTooDeep},
		{"deep.json", `{"text": "x", "extra": ` + deep("[", "]", 100000) + `}`, ProblemBadJSON},
		{"deep.jsonl", `{"text": "a"}` + "\n" + `{"text": "x", "extra": ` + deep("[", "]", 100000) + "}\n", ProblemBadJSON},
	} {
		_, err := Read(tc.name, strings.NewReader(tc.input), Options{})
		wantProblem(t, err, tc.problem, tc.name)
	}
	// The limit is the caller's to set.
	_, err := Read("d.html", strings.NewReader(deep("<span>", "</span>", 11)), Options{MaxDepth: 10})
	wantProblem(t, err, ProblemTooDeep, "more than 10 nested elements")
	if _, err := Read("d.html", strings.NewReader(deep("<span>", "</span>", 10)), Options{MaxDepth: 10}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// handPDF assembles a PDF from numbered objects, computing the xref table,
// so that tests can build structures no PDF writer would.
func handPDF(objs ...string) string {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.String()
}

func TestHostilePDFPageTrees(t *testing.T) {
	content := "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hello court) Tj ET\nendstream"
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
	good := handPDF("<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", content, font)
	if d := readOne(t, "hand.pdf", good, Options{}); !strings.Contains(d.Text, "Hello court") {
		t.Fatalf("the hand-made PDF reads %q", d.Text)
	}
	for name, pdf := range map[string]string{
		"cyclic-kids.pdf": handPDF("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2000000000 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", content, font),
		"cyclic-parent.pdf": handPDF("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 6 0 R >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", content, font,
			"<< /Type /Pages /Parent 2 0 R >>"),
	} {
		_, err := Read(name, strings.NewReader(pdf), Options{})
		wantProblem(t, err, ProblemBadPDF, "cyclic")
	}
}
