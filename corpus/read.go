package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/net/html/atom"
)

// record is one unit of work: a whole input (which may hold several
// documents) or one line of a JSON-lines stream. Splitting streams into
// lines lets workers share one large file while memory stays bounded by
// the records in flight.
type record struct {
	path string
	line int // 1-based line of a JSON-lines record or bulk row; 0 for a whole input
	data []byte
	err  error // the record could not be read; data is nil
	// opinion is set for a row of CourtListener's bulk opinions file.
	opinion *opinionColumns
}

// ReadFile reads every document of the file at path (see Read).
func ReadFile(path string, opts Options) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{Path: path, Offset: -1, Problem: ProblemUnreadable, Err: unwrapPathError(err)}
	}
	defer f.Close()
	return Read(path, f, opts)
}

// Read detects the format of r from its content (gunzipping it first when
// it is gzip), reads every document it holds and gives each its identity.
// name is the path documents report and the key looked up in
// opts.Manifest. Documents that cannot be read are left out, and the
// returned error (a join of *ReadError) says which and why; the documents
// that could be read are returned with it.
func Read(name string, r io.Reader, opts Options) ([]*Document, error) {
	var docs []*Document
	var errs []error
	err := records(name, r, opts, func(rec record) bool {
		ds, err := parseRecord(rec, opts)
		docs = append(docs, ds...)
		if err != nil {
			errs = append(errs, err)
		}
		return true
	})
	if err != nil {
		errs = append(errs, err)
	}
	return docs, errors.Join(errs...)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// records splits input r into records, calling yield for each until it
// returns false. The error it returns concerns the input as a whole (it
// could not be opened, decompressed or split); records that fail alone
// reach yield with their err set.
func records(name string, r io.Reader, opts Options, yield func(record) bool) error {
	// One buffer serves input after input: most are small files.
	pooled := readers.Get().(*bufio.Reader)
	pooled.Reset(r)
	defer func() {
		pooled.Reset(nil)
		readers.Put(pooled)
	}()
	br, err := decompress(name, pooled, opts)
	if err != nil {
		return err
	}
	head, _ := br.Peek(64 << 10)
	switch kind := bulkHeader(head); kind {
	case "opinions":
		return bulkOpinions(name, br, opts, yield)
	case "":
	default:
		return &ReadError{Path: name, Offset: -1, Problem: ProblemNotDocument,
			Err: fmt.Errorf("CourtListener's %s file holds no opinions: give its folder with --courtlistener-bulk", kind)}
	}
	lines, err := isJSONLines(name, br)
	if err != nil {
		return inputError(name, err)
	}
	if lines {
		return jsonLines(name, br, opts, yield)
	}
	size := int64(-1)
	if s, ok := r.(interface{ Size() int64 }); ok && br == pooled {
		size = s.Size()
	}
	var in io.Reader = br
	if head, _ := br.Peek(1024); pdfStart(head) < 0 {
		// Lines are checked as they are read, so that refusing one long
		// line costs no more memory than --max-line; a PDF is binary,
		// its "lines" mean nothing.
		in = &lineLimiter{r: br, max: int64(opts.maxLine())}
	}
	data, err := readAllLimited(in, opts.maxSize(), size)
	if err != nil {
		return inputError(name, err)
	}
	yield(record{path: name, data: data})
	return nil
}

// lineLimiter fails a read once a line runs past max bytes.
type lineLimiter struct {
	r    io.Reader
	max  int64
	off  int64 // bytes read so far
	line int64 // offset where the current line starts
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for chunk, at := p[:n], l.off; ; {
		i := bytes.IndexByte(chunk, '\n')
		if i < 0 {
			break
		}
		if at+int64(i)-l.line > l.max {
			return 0, fail(ProblemTooLarge, l.line, "a line longer than %d bytes (--max-line)", l.max)
		}
		l.line = at + int64(i) + 1
		chunk, at = chunk[i+1:], at+int64(i)+1
	}
	l.off += int64(n)
	if l.off-l.line > l.max {
		return 0, fail(ProblemTooLarge, l.line, "a line longer than %d bytes (--max-line)", l.max)
	}
	return n, err
}

// inputError names the input in err, keeping its Problem.
func inputError(name string, err error) error {
	var re *ReadError
	if errors.As(err, &re) {
		c := *re
		c.Path = name
		return &c
	}
	var bomb *bombError
	if errors.As(err, &bomb) {
		return &ReadError{Path: name, Offset: -1, Problem: ProblemTooLarge, Err: err}
	}
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &ReadError{Path: name, Offset: -1, Problem: ProblemBadGzip, Err: err}
	}
	return &ReadError{Path: name, Offset: -1, Problem: ProblemUnreadable, Err: err}
}

var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// readAllLimited reads r to its end, failing once it passes max bytes.
// size, when not negative, is how much r holds, so that the data is read
// into one allocation.
func readAllLimited(r io.Reader, max, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(min(size, max)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fail(ProblemTooLarge, max, "larger than the %d-byte limit (--max-size)", max)
	}
	return data, nil
}

// isJSONLines decides whether the input is a JSON-lines stream: its name
// says so (.jsonl, .ndjson), or its first line is a complete JSON object
// and another object follows.
func isJSONLines(name string, br *bufio.Reader) (bool, error) {
	base := uncompressedName(filepath.Base(name))
	if strings.HasSuffix(base, ".jsonl") || strings.HasSuffix(base, ".ndjson") {
		return true, nil
	}
	head, err := br.Peek(br.Size())
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return false, err
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' {
		return false, nil
	}
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 || !json.Valid(head[:nl]) {
		return false, nil
	}
	rest := bytes.TrimLeft(head[nl:], " \t\r\n")
	return len(rest) > 0 && rest[0] == '{', nil
}

// jsonLines yields one record per non-blank line. A line over the limit is
// reported and skipped; the stream goes on.
func jsonLines(name string, br *bufio.Reader, opts Options, yield func(record) bool) error {
	max := opts.maxLine()
	first := true
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, max)
		if err != nil && !errors.Is(err, io.EOF) {
			return inputError(name, err)
		}
		switch {
		case tooLong:
			if !yield(record{path: name, line: n, err: &ReadError{Path: name, Line: n, Offset: -1, Problem: ProblemTooLarge,
				Err: fmt.Errorf("line longer than %d bytes (--max-line)", max)}}) {
				return nil
			}
		case len(bytes.TrimSpace(line)) > 0:
			if first {
				// A stream whose first record is no opinion (ground truth,
				// citation lists) is not a corpus: one error for the file
				// rather than one per line.
				first = false
				if isCitationJSON(line) {
					return CitationTableError(name)
				}
				var rec jsonRecord
				if json.Unmarshal(line, &rec) == nil && !rec.isDocument() {
					return &ReadError{Path: name, Line: n, Offset: -1, Problem: ProblemNotDocument,
						Err: errors.New("its first record has no opinion text (text, casebody, html..., plain_text)")}
				}
			}
			if !yield(record{path: name, line: n, data: line}) {
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed and reported as tooLong, so one hostile line costs no memory.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(frag) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, e
	}
}

// parseRecord turns a record into documents with their identities.
func parseRecord(rec record, opts Options) ([]*Document, error) {
	if rec.err != nil {
		return nil, rec.err
	}
	if rec.opinion != nil {
		d, err := rec.opinion.document(rec, opts)
		if err == nil && strings.TrimSpace(d.Text) == "" {
			err = fail(ProblemEmpty, -1, "%s: no opinion text", d.ID)
		}
		if err != nil {
			return nil, locate(err, rec)
		}
		return []*Document{d}, nil
	}
	var docs []*Document
	var err error
	if rec.line > 0 {
		docs, err = jsonLineRecord(rec.data, opts.maxDepth())
	} else {
		docs, err = parseWhole(rec.path, rec.data, opts)
	}
	if err != nil {
		return nil, locate(err, rec)
	}
	for i, d := range docs {
		d.Path = rec.path
		if d.ID == "" {
			d.ID = rec.path
			switch {
			case rec.line > 0:
				d.ID = fmt.Sprintf("%s:%d", rec.path, rec.line)
			case len(docs) > 1:
				d.ID = fmt.Sprintf("%s#%d", rec.path, i+1)
			}
		}
		identify(d, opts.Manifest, rec.line == 0 && len(docs) == 1)
		if opts.NoSyllabus {
			d.DropSyllabus()
		}
		if strings.TrimSpace(d.Text) == "" {
			return nil, locate(fail(ProblemEmpty, -1, "no opinion text"), rec)
		}
	}
	return docs, nil
}

// locate puts the record's path and line into err.
func locate(err error, rec record) error {
	var re *ReadError
	if !errors.As(err, &re) {
		return &ReadError{Path: rec.path, Line: rec.line, Offset: -1, Problem: ProblemUnreadable, Err: err}
	}
	c := *re
	c.Path, c.Line = rec.path, rec.line
	if msg := err.Error(); re != err && msg != re.Error() {
		// Keep the context wrapped around the ReadError ("item 3: ...").
		c.Err = errors.New(strings.TrimSuffix(msg, ": "+re.Error()))
		if re.Err != nil {
			c.Err = fmt.Errorf("%v: %w", c.Err, re.Err)
		}
	}
	return &c
}

// parseWhole detects the format of a whole input, named name, and reads
// it.
func parseWhole(name string, data []byte, opts Options) ([]*Document, error) {
	if pdfStart(data) >= 0 {
		d, err := readPDF(data[pdfStart(data):])
		if err != nil {
			return nil, err
		}
		return []*Document{d}, nil
	}
	if filepath.Ext(uncompressedName(name)) == ".pdf" {
		// A PDF cut short before its header would read as text.
		return nil, fail(ProblemBadPDF, -1, "named .pdf but no %%PDF- header in its first 1,024 bytes (truncated, or not a PDF)")
	}
	if bytes.HasPrefix(data, []byte("PAR1")) {
		return nil, fail(ProblemNotDocument, -1, "a Parquet file: a table (citegraph build reads citation tables), not an opinion")
	}
	data, err := decodeText(data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	format := detectFormat(name, data)
	if err := checkDeclaredXML(name, data, format, opts.maxDepth()); err != nil {
		return nil, err
	}
	var d *Document
	switch format {
	case "json":
		return readJSONValue(data, opts.maxDepth())
	case "columbia":
		d, err = readColumbia(data, opts.maxDepth())
	case "casebody":
		d, err = readCasebody(data, opts.maxDepth())
	case "html":
		d, err = readHTML(data, opts.maxDepth())
	default:
		if isCitationText(data) {
			return nil, CitationTableError("")
		}
		d = readText(string(data))
	}
	if err != nil {
		return nil, err
	}
	return []*Document{d}, nil
}

// checkDeclaredXML reports a broken input that says it is XML (an XML
// declaration, or a .xml name) but that the XML readers (Columbia,
// casebody) do not take: the markup reader, lenient as a browser, would
// read whatever text survives of one cut short, and a .xml file with no
// element at all would be read as text, either way without a word. Such
// an input is checked as the XML readers check theirs (see convertXML):
// cut off before its root element ends, or not XML, it is ProblemBadXML.
func checkDeclaredXML(name string, data []byte, format string, maxDepth int) error {
	if format != "html" && format != "text" {
		return nil
	}
	head := bytes.TrimLeft(data[:min(len(data), 64)], " \t\r\n")
	declared := bytes.HasPrefix(bytes.ToLower(head), []byte("<?xml"))
	if !declared && filepath.Ext(uncompressedName(name)) != ".xml" {
		return nil
	}
	if format == "text" {
		return fail(ProblemBadXML, -1, "no root element: the file is named or declared XML but holds no markup")
	}
	return convertXML(data, newConverter(maxDepth))
}

// pdfStart finds the "%PDF-" header, which the PDF specification lets
// follow up to 1024 bytes of other data, or returns -1.
func pdfStart(data []byte) int {
	return bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// detectFormat names the reader of a textual input from its name and its
// first bytes: JSON, Columbia XML, a CAP casebody, other markup (HTML or
// CourtListener's XML-ish opinion markup), or plain text. The rule:
//
//   - A file named as text (.txt, .text) is text unless its content is
//     unambiguously something else: a JSON object or array that parses,
//     or markup that says so at its start (an XML declaration, a doctype,
//     or a root element of HTML or of opinion markup). An opinion that
//     opens with "[EDITORS' NOTE ...]" or "<Page 3>" stays text.
//   - A file named as JSON (.json) is JSON, and an error if it does not
//     parse.
//   - Anything else (standard input, markup names, unknown names) is
//     sniffed: JSON when it starts like a JSON object or array of
//     documents ('{', or '[' then '{', '[' or ']'), or parses as JSON;
//     markup when it starts with an element; text otherwise.
func detectFormat(name string, data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n")
	if len(head) == 0 {
		return "text"
	}
	ext := filepath.Ext(uncompressedName(name))
	isJSON := func() bool {
		v := bytes.TrimSpace(data)
		return len(v) > 0 && (v[0] == '{' || v[0] == '[') && json.Valid(v)
	}
	switch ext {
	case ".txt", ".text":
		switch {
		case head[0] == '{' || head[0] == '[':
			if isJSON() {
				return "json"
			}
			return "text"
		case head[0] == '<' && !declaresMarkup(head):
			return "text"
		}
	case ".json":
		return "json"
	}
	switch head[0] {
	case '{':
		return "json"
	case '[':
		if next := bytes.TrimLeft(head[1:], " \t\r\n"); len(next) > 0 && bytes.IndexByte([]byte("{[]"), next[0]) >= 0 || isJSON() {
			return "json"
		}
		return "text"
	case '<':
	default:
		return "text"
	}
	root := rootElement(head)
	switch {
	case root == "casebody":
		return "casebody"
	case root == "opinion" && columbiaElement(data):
		return "columbia"
	case root == "":
		return "text"
	}
	return "html"
}

// columbiaElement reports whether markup holds an <opinion_text> or a
// <reporter_caption>, which of the markups whose root is <opinion> only
// Columbia's has: one pass over the tags for both names, as the others
// (CAP's and Harvard's) are read to their end for want of either.
func columbiaElement(markup []byte) bool {
	for {
		i := bytes.IndexByte(markup, '<')
		if i < 0 {
			return false
		}
		markup = markup[i+1:]
		if bytes.HasPrefix(markup, []byte("opinion_text")) || bytes.HasPrefix(markup, []byte("reporter_caption")) {
			return true
		}
	}
}

// declaresMarkup reports whether head opens as a markup document says it
// is one: an XML declaration, a doctype, or a root element of HTML or of
// opinion markup (CourtListener's opinions start with a <div> or <pre>).
func declaresMarkup(head []byte) bool {
	lower := bytes.ToLower(head[:min(len(head), 16)])
	if bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<!doctype")) {
		return true
	}
	root := rootElement(head)
	return root == "opinion" || root == "casebody" || atom.Lookup([]byte(root)) != 0
}

// rootElement returns the name of the first element of markup, past any
// declaration, comment or doctype.
func rootElement(head []byte) string {
	for len(head) > 0 {
		head = bytes.TrimLeft(head, " \t\r\n")
		if len(head) < 2 || head[0] != '<' {
			return ""
		}
		if head[1] == '?' || head[1] == '!' {
			end := bytes.IndexByte(head, '>')
			if sub := bytes.IndexByte(head, '['); bytes.HasPrefix(head, []byte("<!DOCTYPE")) && sub >= 0 && sub < end {
				// An internal subset holds '>' of its own.
				if end = bytes.Index(head, []byte("]>")); end >= 0 {
					end++
				}
			}
			if end < 0 {
				return ""
			}
			head = head[end+1:]
			continue
		}
		c := head[1]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return ""
		}
		end := bytes.IndexAny(head[1:], " \t\r\n/>")
		if end <= 0 {
			return ""
		}
		return strings.ToLower(string(head[1 : 1+end]))
	}
	return ""
}

// identify settles who a document is, field by field, from its sources in
// order of trust: the format's own metadata, then the manifest, then what
// the text itself says. See the package documentation.
// single says whether the document is its file's only one, which lets a
// manifest row name it by file name.
func identify(d *Document, man *Manifest, single bool) {
	var text Meta
	if d.Meta.Source == SourceText {
		text, d.Meta = d.Meta, Meta{}
	}
	settle(d, text, man, single)
}

// settle completes d.Meta, which holds what the format says, from the
// manifest and then from text, what the text says (its header as the
// reader found it; when empty, textIdentity of d.Text).
func settle(d *Document, text Meta, man *Manifest, single bool) {
	if d.Meta.Opinion == "" {
		d.Meta.Opinion = opinionFromName(d.Path)
	}
	if d.Meta.HasIdentity() {
		d.Meta.Source = SourceFormat
	}
	if row, ok := man.lookup(d, single); ok {
		d.Meta.fill(row)
	}
	if complete(d.Meta) {
		return
	}
	if text.Source == "" {
		text = textIdentity(d.Text, nil)
	}
	d.Meta.fill(text)
}

func complete(m Meta) bool {
	return m.CaseName != "" && len(m.Citations) > 0 && m.Court != "" && m.Date != ""
}
