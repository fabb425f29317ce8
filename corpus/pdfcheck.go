package corpus

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// The PDF library trusts the numbers of a file's cross-reference
// structures: it allocates its object table from an xref subsection's first
// object number or an xref stream's /Size and /Index, a row buffer from
// /W and from a predictor's /Columns, and it follows /Prev without
// remembering where it has been. A corrupt or hostile file can so make it
// ask for terabytes (a fatal error no recover catches) or loop for ever.
// checkPDFStructure reads those numbers first, with its own small tokenizer,
// and refuses the file before the library sees it.
const (
	// maxPDFObject is PDF's own limit on indirect objects (ISO 32000-1:2008,
	// Annex C, Table C.1: 8,388,607).
	maxPDFObject = 8388607
	// maxXrefWidth is the widest field of an xref stream row, in bytes: an
	// offset in a file that fits in an int64 needs at most eight.
	maxXrefWidth = 8
	// maxPredictorColumns bounds a PNG predictor's row, in bytes (a
	// 262,144-pixel RGBA row); the text of a page is never wider.
	maxPredictorColumns = 1 << 20
)

// checkPDFStructure returns an error naming the first number in data's
// structure that the PDF library cannot be trusted with: an object number
// or field width beyond the limits above, a /Prev chain or /Extends chain
// that comes back on itself, an object stream said to lie in another
// object stream (ISO 32000-1, 7.5.7, forbids it; the library recurses for
// ever), or nesting deeper than maxPDFNesting. It follows the
// cross-reference sections from the offsets the library reads them at,
// and scans every dictionary outside stream data. What a compressed object
// stream holds (a /DecodeParms or /Extends given by reference to an object
// inside one) is not decoded and so not checked. It returns nil for what
// it cannot read: those errors are the library's to report.
func checkPDFStructure(data []byte) error {
	s := pdfScanner{data: data}
	extends := map[int64]int64{} // object stream -> the one it extends
	var ints [2]int64            // the last two integers, for "N G obj"
	obj := int64(-1)
	for {
		t := s.next()
		switch t.kind {
		case tokEOF:
			if err := checkExtends(extends); err != nil {
				return err
			}
			return checkXrefChain(data)
		case tokInt:
			ints[0], ints[1] = ints[1], t.n
			continue
		case tokKeyword:
			if string(t.text) == "obj" {
				obj = ints[0]
			}
		case tokDictOpen:
			d, err := s.dict(0)
			if err != nil {
				return err
			}
			if e, ok := d.refs["Extends"]; ok && d.names["Type"] == "ObjStm" && obj >= 0 {
				extends[obj] = e
			}
		case tokArrayOpen:
			if _, err := s.array(0); err != nil {
				return err
			}
		}
		ints = [2]int64{-1, -1}
	}
}

func checkExtends(extends map[int64]int64) error {
	for start := range extends {
		n := start
		for steps := 0; ; steps++ {
			next, ok := extends[n]
			if !ok {
				break
			}
			if steps > len(extends) {
				return fmt.Errorf("object stream %d /Extends a chain that comes back on itself", start)
			}
			n = next
		}
	}
	return nil
}

// checkXrefChain reads the cross-reference sections where the library
// does: from the last startxref, then each /Prev.
func checkXrefChain(data []byte) error {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil
	}
	s := pdfScanner{data: data, pos: i + len("startxref")}
	t := s.next()
	seen := map[int64]bool{}
	inStream := map[int64]bool{} // objects an xref stream puts in object streams
	var containers []int64       // the object streams it names for them
	for off := t.n; t.kind == tokInt && off >= 0 && off < int64(len(data)); {
		if seen[off] {
			return fmt.Errorf("cross-reference /Prev chain returns to byte %d", off)
		}
		seen[off] = true
		s := pdfScanner{data: data, pos: int(off)}
		var d *pdfDict
		var err error
		switch first := s.next(); {
		case first.kind == tokKeyword && string(first.text) == "xref":
			if err := s.xrefTable(); err != nil {
				return err
			}
			if t := s.next(); t.kind != tokDictOpen {
				return nil
			}
			if d, err = s.dict(0); err != nil {
				return err
			}
		case first.kind == tokInt:
			if g, o := s.next(), s.next(); g.kind != tokInt || string(o.text) != "obj" || s.next().kind != tokDictOpen {
				return nil
			}
			if d, err = s.dict(0); err != nil {
				return err
			}
			if d.names["Type"] == "XRef" {
				if err := d.xrefEntries(s.streamData(d), inStream, &containers); err != nil {
					return err
				}
			}
		default:
			return nil
		}
		p, ok := d.ints["Prev"]
		if !ok {
			break
		}
		off = p
	}
	for _, c := range containers {
		if inStream[c] {
			return fmt.Errorf("object stream %d is itself said to lie in an object stream", c)
		}
	}
	return nil
}

// pdfDict holds the direct values of a dictionary that the checks need:
// integers, names, integer arrays, and the object numbers of references.
type pdfDict struct {
	at     int
	ints   map[string]int64
	refs   map[string]int64
	arrays map[string][]int64
	names  map[string]string
	dicts  map[string]*pdfDict
}

// maxPDFNesting bounds arrays and dictionaries within one another; the
// library reads them recursively.
const maxPDFNesting = 256

// dict reads a dictionary whose "<<" has been read, checking it and every
// dictionary within it.
func (s *pdfScanner) dict(depth int) (*pdfDict, error) {
	if depth > maxPDFNesting {
		return nil, fmt.Errorf("objects nested more than %d deep at byte %d", maxPDFNesting, s.pos)
	}
	d := &pdfDict{at: s.pos, ints: map[string]int64{}, refs: map[string]int64{}, arrays: map[string][]int64{}, names: map[string]string{}, dicts: map[string]*pdfDict{}}
	for {
		k := s.next()
		switch k.kind {
		case tokEOF, tokDictClose:
			return d, d.check()
		case tokName:
		default:
			continue // not a key: a malformed entry the library will judge
		}
		key := string(k.text[1:])
		v := s.next()
		var err error
		switch v.kind {
		case tokEOF, tokDictClose:
			return d, d.check()
		case tokInt:
			if s.reference() {
				d.refs[key] = v.n
			} else {
				d.ints[key] = v.n
			}
		case tokName:
			d.names[key] = string(v.text[1:])
		case tokArrayOpen:
			d.arrays[key], err = s.array(depth + 1)
		case tokDictOpen:
			d.dicts[key], err = s.dict(depth + 1)
		}
		if err != nil {
			return nil, err
		}
	}
}

// array reads an array whose "[" has been read and returns its integers,
// checking the dictionaries within it.
func (s *pdfScanner) array(depth int) ([]int64, error) {
	if depth > maxPDFNesting {
		return nil, fmt.Errorf("objects nested more than %d deep at byte %d", maxPDFNesting, s.pos)
	}
	var out []int64
	for {
		t := s.next()
		var err error
		switch t.kind {
		case tokEOF, tokArrayClose:
			return out, nil
		case tokInt:
			out = append(out, t.n)
		case tokArrayOpen:
			_, err = s.array(depth + 1)
		case tokDictOpen:
			_, err = s.dict(depth + 1)
		}
		if err != nil {
			return nil, err
		}
	}
}

func (d *pdfDict) check() error {
	if c, ok := d.ints["Columns"]; ok && (c < 0 || c > maxPredictorColumns) {
		return fmt.Errorf("predictor /Columns %d at byte %d is beyond %d", c, d.at, maxPredictorColumns)
	}
	if d.names["Type"] != "XRef" {
		return nil
	}
	if n, ok := d.ints["Size"]; ok && (n < 0 || n > maxPDFObject+1) {
		return fmt.Errorf("xref stream at byte %d claims /Size %d, beyond PDF's %d objects", d.at, n, maxPDFObject)
	}
	for _, n := range d.arrays["Index"] {
		if n < 0 || n > maxPDFObject+1 {
			return fmt.Errorf("xref stream at byte %d has /Index entry %d, beyond PDF's %d objects", d.at, n, maxPDFObject)
		}
	}
	for _, w := range d.arrays["W"] {
		if w < 0 || w > maxXrefWidth {
			return fmt.Errorf("xref stream at byte %d has a /W field %d bytes wide (at most %d)", d.at, w, maxXrefWidth)
		}
	}
	return nil
}

// maxXrefStreamData bounds the decoded rows of one xref stream read for the
// check, in bytes (a million objects at the widest rows).
const maxXrefStreamData = 24 << 20

// xrefEntries decodes the rows of an xref stream (ISO 32000-1, 7.5.8) whose
// data is raw, and adds to inStream the objects it puts in object streams
// and to containers those object streams. Encodings the library does not
// read either (other filters and predictors) are left to it.
func (d *pdfDict) xrefEntries(raw []byte, inStream map[int64]bool, containers *[]int64) error {
	w := d.arrays["W"]
	if len(w) < 3 {
		return nil
	}
	var rd io.Reader = bytes.NewReader(raw)
	switch d.names["Filter"] {
	case "":
	case "FlateDecode":
		zr, err := zlib.NewReader(rd)
		if err != nil {
			return nil
		}
		rd = zr
	default:
		return nil
	}
	rows, err := io.ReadAll(io.LimitReader(rd, maxXrefStreamData))
	if err != nil && len(rows) == 0 {
		return nil
	}
	if p := d.dicts["DecodeParms"]; p != nil && p.ints["Predictor"] >= 10 {
		if rows = undoPNGUp(rows, int(p.ints["Columns"])); rows == nil {
			return nil
		}
	}
	width := int(w[0] + w[1] + w[2])
	index := d.arrays["Index"]
	if index == nil {
		index = []int64{0, d.ints["Size"]}
	}
	field := func(row []byte) int64 {
		var x int64
		for _, c := range row {
			x = x<<8 | int64(c)
		}
		return x
	}
	for ; len(index) >= 2; index = index[2:] {
		for i := int64(0); i < index[1] && len(rows) >= width && width > 0; i++ {
			row := rows[:width]
			rows = rows[width:]
			kind := int64(1)
			if w[0] > 0 {
				kind = field(row[:w[0]])
			}
			if kind == 2 {
				inStream[index[0]+i] = true
				*containers = append(*containers, field(row[w[0]:w[0]+w[1]]))
			}
		}
	}
	return nil
}

// undoPNGUp reverses the PNG "Up" predictor the library reads (rows of a
// filter byte 2 and columns bytes, each added to the row above); nil when
// a row has another filter.
func undoPNGUp(data []byte, columns int) []byte {
	if columns <= 0 {
		return nil
	}
	prev := make([]byte, columns)
	var out []byte
	for ; len(data) >= columns+1; data = data[columns+1:] {
		if data[0] != 2 {
			return nil
		}
		for i, c := range data[1 : columns+1] {
			prev[i] += c
		}
		out = append(out, prev...)
	}
	return out
}

// streamData returns the data of the stream whose dictionary d was just
// read: /Length bytes when it is given directly and fits, else up to
// "endstream".
func (s *pdfScanner) streamData(d *pdfDict) []byte {
	if t := s.next(); t.kind != tokKeyword || string(t.text) != "stream" {
		return nil
	}
	start, end := s.streamStart, s.pos-len("endstream")
	if n, ok := d.ints["Length"]; ok && n >= 0 && n <= int64(len(s.data)-start) {
		end = start + int(n)
	}
	if end < start {
		return nil
	}
	return s.data[start:end]
}

// maxInterpreted bounds the decoded data of the streams the library
// interprets for one page or font, in bytes: past it the page is refused
// (a few hundred kilobytes is a dense page).
const maxInterpreted = 64 << 20

// mustInterpret reads the streams the PDF library is about to interpret (a
// page's contents, a font's ToUnicode map; a stream or an array of them)
// and panics with an error if they end inside a hex string, where the
// library's lexer reads past the end for ever, or decode to more than
// maxInterpreted bytes. It panics, as the library does, inside the
// reading of a page, which recovers it as that page's error.
func mustInterpret(v pdf.Value) {
	streams := []pdf.Value{v}
	if v.Kind() == pdf.Array {
		streams = streams[:0]
		for i := range v.Len() {
			streams = append(streams, v.Index(i))
		}
	}
	var data []byte
	for _, st := range streams {
		if st.Kind() != pdf.Stream {
			continue
		}
		b, _ := io.ReadAll(io.LimitReader(st.Reader(), maxInterpreted+1-int64(len(data))))
		if data = append(data, b...); len(data) > maxInterpreted {
			panic(fmt.Errorf("a content stream decodes to more than %d bytes", maxInterpreted))
		}
	}
	s := pdfScanner{data: data, content: true}
	for s.next().kind != tokEOF {
		if s.unterminated {
			panic(fmt.Errorf("a content stream ends inside a hex string"))
		}
	}
}

type pdfTokenKind int

const (
	tokEOF pdfTokenKind = iota
	tokInt
	tokReal
	tokName
	tokKeyword
	tokString
	tokDictOpen
	tokDictClose
	tokArrayOpen
	tokArrayClose
)

type pdfToken struct {
	kind pdfTokenKind
	at   int
	text []byte
	n    int64 // the value of a tokInt
}

// pdfScanner splits a PDF into tokens (ISO 32000-1, 7.2), skipping comments,
// strings and stream bodies.
type pdfScanner struct {
	data        []byte
	pos         int
	streamStart int // where the data of the last stream read starts
	// content marks a content stream, where "stream" is no keyword.
	content bool
	// unterminated is set when a hex string runs to the end of the data.
	unterminated bool
}

func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isPDFDelimiter(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (s *pdfScanner) next() pdfToken {
	d := s.data
	for s.pos < len(d) {
		c := d[s.pos]
		switch {
		case isPDFSpace(c):
			s.pos++
		case c == '%':
			for s.pos < len(d) && d[s.pos] != '\n' && d[s.pos] != '\r' {
				s.pos++
			}
		default:
			return s.token()
		}
	}
	return pdfToken{kind: tokEOF, at: s.pos}
}

func (s *pdfScanner) token() pdfToken {
	d, start := s.data, s.pos
	c := d[start]
	switch {
	case c == '<' && start+1 < len(d) && d[start+1] == '<':
		s.pos += 2
		return pdfToken{kind: tokDictOpen, at: start}
	case c == '>' && start+1 < len(d) && d[start+1] == '>':
		s.pos += 2
		return pdfToken{kind: tokDictClose, at: start}
	case c == '[':
		s.pos++
		return pdfToken{kind: tokArrayOpen, at: start}
	case c == ']':
		s.pos++
		return pdfToken{kind: tokArrayClose, at: start}
	case c == '<':
		if end := bytes.IndexByte(d[start:], '>'); end >= 0 {
			s.pos = start + end + 1
		} else {
			s.pos, s.unterminated = len(d), true
		}
		return pdfToken{kind: tokString, at: start}
	case c == '(':
		s.skipString()
		return pdfToken{kind: tokString, at: start}
	case c == '/':
		s.pos++
		s.regular()
		return pdfToken{kind: tokName, at: start, text: d[start:s.pos]}
	case isPDFDelimiter(c):
		s.pos++ // a stray ) > { or }
		return pdfToken{kind: tokKeyword, at: start, text: d[start:s.pos]}
	}
	s.regular()
	text := d[start:s.pos]
	if n, err := strconv.ParseInt(string(text), 10, 64); err == nil {
		return pdfToken{kind: tokInt, at: start, text: text, n: n}
	}
	if _, err := strconv.ParseFloat(string(text), 64); err == nil {
		return pdfToken{kind: tokReal, at: start, text: text}
	}
	if string(text) == "stream" && !s.content {
		// A stream's data is binary: skip it whole, as its /Length may be
		// an indirect reference this scanner does not follow.
		if s.pos < len(d) && d[s.pos] == '\r' {
			s.pos++
		}
		if s.pos < len(d) && d[s.pos] == '\n' {
			s.pos++
		}
		s.streamStart = s.pos
		if end := bytes.Index(d[s.pos:], []byte("endstream")); end >= 0 {
			s.pos += end + len("endstream")
		} else {
			s.pos = len(d)
		}
	}
	return pdfToken{kind: tokKeyword, at: start, text: text}
}

func (s *pdfScanner) regular() {
	for s.pos < len(s.data) && !isPDFSpace(s.data[s.pos]) && !isPDFDelimiter(s.data[s.pos]) {
		s.pos++
	}
}

// skipString skips a literal string: balanced parentheses, backslash escapes.
func (s *pdfScanner) skipString() {
	depth := 0
	for ; s.pos < len(s.data); s.pos++ {
		switch s.data[s.pos] {
		case '\\':
			s.pos++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				s.pos++
				return
			}
		}
	}
}

// reference reports whether "G R" follows, making the integer just read
// the object number of an indirect reference, and consumes it if so.
func (s *pdfScanner) reference() bool {
	save := s.pos
	if g := s.next(); g.kind == tokInt {
		if r := s.next(); r.kind == tokKeyword && string(r.text) == "R" {
			return true
		}
	}
	s.pos = save
	return false
}

// xrefTable reads a classic cross-reference table as the library does
// (subsection headers "first count", then count three-token entries, until
// "trailer") and refuses a subsection starting beyond PDF's object limit,
// for which the library would allocate its table.
func (s *pdfScanner) xrefTable() error {
	for {
		first := s.next()
		if first.kind != tokInt {
			return nil // "trailer", or a table the library will refuse
		}
		count := s.next()
		if count.kind != tokInt {
			return nil
		}
		if first.n < 0 || first.n > maxPDFObject || count.n > maxPDFObject {
			return fmt.Errorf("xref subsection at byte %d starts at object %d with %d entries, beyond PDF's %d objects", first.at, first.n, count.n, maxPDFObject)
		}
		for i := int64(0); i < 3*count.n; i++ {
			if t := s.next(); t.kind == tokEOF || t.kind == tokKeyword && string(t.text) == "trailer" {
				return nil
			}
		}
	}
}
