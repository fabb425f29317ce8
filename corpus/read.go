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
)

// record is one unit of work: a whole input (which may hold several
// documents) or one line of a JSON-lines stream. Splitting streams into
// lines lets workers share one large file while memory stays bounded by
// the records in flight.
type record struct {
	path string
	line int // 1-based line of a JSON-lines record; 0 for a whole input
	data []byte
	err  error // the record could not be read; data is nil
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
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		gz, err := newBombGuard(br, opts.maxGzipRatio())
		if err != nil {
			return &ReadError{Path: name, Offset: 0, Problem: ProblemBadGzip, Err: err}
		}
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	lines, err := isJSONLines(name, br)
	if err != nil {
		return inputError(name, err)
	}
	if lines {
		return jsonLines(name, br, opts, yield)
	}
	data, err := readAllLimited(br, opts.maxSize())
	if err != nil {
		return inputError(name, err)
	}
	yield(record{path: name, data: data})
	return nil
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

// readAllLimited reads r to its end, failing once it passes max bytes.
func readAllLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fail(ProblemTooLarge, max, "larger than the %d-byte limit (--max-size)", max)
	}
	return data, nil
}

// isJSONLines decides whether the input is a JSON-lines stream: its name
// says so (.jsonl, .ndjson), or its first line is a complete JSON object
// and another object follows.
func isJSONLines(name string, br *bufio.Reader) (bool, error) {
	base := strings.TrimSuffix(strings.ToLower(filepath.Base(name)), ".gz")
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
	var docs []*Document
	var err error
	if rec.line > 0 {
		docs, err = jsonLineRecord(rec.data, opts.maxDepth())
	} else {
		docs, err = parseWhole(rec.data, opts)
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

// parseWhole detects the format of a whole input and reads it.
func parseWhole(data []byte, opts Options) ([]*Document, error) {
	if pdfStart(data) >= 0 {
		d, err := readPDF(data[pdfStart(data):])
		if err != nil {
			return nil, err
		}
		return []*Document{d}, nil
	}
	data, err := checkText(data, opts.maxLine())
	if err != nil {
		return nil, err
	}
	var d *Document
	switch detectMarkup(data) {
	case "json":
		return readJSONValue(data, opts.maxDepth())
	case "columbia":
		d, err = readColumbia(data, opts.maxDepth())
	case "casebody":
		d, err = readCasebody(data, opts.maxDepth())
	case "html":
		d, err = readHTML(data, opts.maxDepth())
	default:
		d = readText(string(data))
	}
	if err != nil {
		return nil, err
	}
	return []*Document{d}, nil
}

// pdfStart finds the "%PDF-" header, which the PDF specification lets
// follow up to 1024 bytes of other data, or returns -1.
func pdfStart(data []byte) int {
	return bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// detectMarkup names the reader for textual input from its first bytes:
// JSON, Columbia XML, a CAP casebody, other markup (HTML or CourtListener's
// XML-ish opinion markup), or plain text.
func detectMarkup(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n")
	if len(head) == 0 {
		return "text"
	}
	switch head[0] {
	case '{', '[':
		return "json"
	case '<':
	default:
		return "text"
	}
	root := rootElement(head)
	switch {
	case root == "casebody":
		return "casebody"
	case root == "opinion" && (bytes.Contains(data, []byte("<opinion_text")) || bytes.Contains(data, []byte("<reporter_caption"))):
		return "columbia"
	case root == "":
		return "text"
	}
	return "html"
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
