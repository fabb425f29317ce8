package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
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
		d.Meta = layOutText(d, false)()
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
	d.Meta = layOutText(d, true)()
	return d
}

// decodeText turns the bytes of a textual input into UTF-8 (see
// Options.Encoding for the rule) and rejects what cannot be opinion text:
// binary data (NUL bytes) and blank input. It returns the text without a
// byte order mark.
func decodeText(data []byte, label string) ([]byte, error) {
	enc, valid, err := textEncoding(data, label)
	if err != nil {
		return nil, err
	}
	if enc != nil {
		if data, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, fail(ProblemNotUTF8, -1, "cannot decode as %s: %v", label, err)
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fail(ProblemBinary, int64(i), "NUL byte")
	}
	if !valid && !utf8.Valid(data) {
		return nil, fail(ProblemNotUTF8, int64(firstInvalidUTF8(data)), "invalid UTF-8 byte (--encoding utf-8)")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fail(ProblemEmpty, -1, "")
	}
	return data, nil
}

// textEncoding returns the encoding data is in, nil for UTF-8, and
// whether it found data to be valid UTF-8 already (a pass over the whole
// input that decodeText then need not make again).
func textEncoding(data []byte, label string) (enc encoding.Encoding, valid bool, err error) {
	if label != "" {
		enc, err := LookupEncoding(label)
		if err != nil {
			return nil, false, err
		}
		if enc == unicode.UTF8 {
			return nil, false, nil
		}
		return enc, false, nil
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), false, nil
	case utf8.Valid(data):
		return nil, true, nil
	case bytes.IndexByte(data, 0) >= 0:
		// Binary data, which decodeText refuses.
		return nil, false, nil
	}
	// Not UTF-8: the single-byte encoding of legal text on Windows
	// systems. Latin-1 text reads the same in it, save for C1 control
	// codes, which text does not use.
	return charmap.Windows1252, false, nil
}

// LookupEncoding returns the encoding of a WHATWG label ("utf-8",
// "windows-1252", "latin1", "iso-8859-15", "utf-16le", "shift_jis", ...),
// as Options.Encoding takes them.
func LookupEncoding(label string) (encoding.Encoding, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q (want a label such as utf-8, windows-1252, latin1, utf-16le)", label)
	}
	return enc, nil
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
