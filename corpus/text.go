package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readText reads plain text. Form feeds, which pdftotext and many
// court systems put between pages, become page marks (page 1 from the
// start) and line breaks; Windows line ends become "\n". Page furniture
// and the document's own citation at its head are blanked, footnotes and
// opinions marked (see layOutText).
func readText(s string) *Document {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	d := &Document{Format: "text"}
	if !strings.Contains(s, "\f") {
		d.Text = s
		d.Meta = layOutText(d, false)
		return d
	}
	pages := strings.Split(s, "\f")
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteByte('\n')
		}
		if strings.TrimSpace(p) != "" {
			d.Pages = append(d.Pages, PageMark{Offset: b.Len(), Page: strconv.Itoa(i + 1)})
		}
		b.WriteString(p)
	}
	d.Text = b.String()
	d.Meta = layOutText(d, true)
	return d
}

// checkText rejects what cannot be opinion text: binary data (NUL bytes),
// bytes that are not UTF-8, blank input and over-long lines. It returns the
// data without a UTF-8 byte order mark.
func checkText(data []byte, maxLine int) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, fail(ProblemNotUTF8, 0, "UTF-16 text; convert it to UTF-8")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fail(ProblemBinary, int64(i), "NUL byte")
	}
	if !utf8.Valid(data) {
		return nil, fail(ProblemNotUTF8, int64(firstInvalidUTF8(data)), "invalid UTF-8 byte")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fail(ProblemEmpty, -1, "")
	}
	for off := 0; off < len(data); {
		n := bytes.IndexByte(data[off:], '\n')
		if n < 0 {
			n = len(data) - off
		}
		if n > maxLine {
			return nil, fail(ProblemTooLarge, int64(off), "a line longer than %d bytes", maxLine)
		}
		off += n + 1
	}
	return data, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
